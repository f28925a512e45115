"""How many published articles and terms carry each tag: the tag cloud's and tag pages' counts."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import Article, TaggedArticle
from glossary.models import GlossaryTerm, TaggedTerm
from kb.pagecache.blocks import kept
from kb.tags.models import Tag


@dataclass(frozen=True)
class TagCount:
    """A tag readers can see, as the tag cloud and the list of tags show it."""

    pk: int
    name: str
    url: str
    item_count: int


def published_tag_counts():
    """Every tag of a published article or term, by name, with how many carry it.

    Counted by one GROUP BY per kind of item and kept per content version (kb/pagecache/
    blocks.py: fresh after every committed change and when a scheduled item goes live), so
    the cover's tag cloud and the list of tags do not count every tagging on each request.
    """
    return kept(("tag-counts",), _count_published_tags)


def _count_published_tags():
    counts = Counter()
    for through, items in (
        (TaggedArticle, Article.objects.published()),
        (TaggedTerm, GlossaryTerm.objects.published()),
    ):
        taggings = through.objects.filter(content_object__in=items).order_by()
        counts.update(dict(taggings.values_list("tag").annotate(n=Count("pk"))))
    tags = Tag.objects.filter(pk__in=list(counts)).only("name", "slug").order_by("name")
    return [TagCount(tag.pk, tag.name, tag.get_absolute_url(), counts[tag.pk]) for tag in tags]


def _count_of(through, items):
    """A correlated subquery: how many of `items` carry the outer tag."""
    counted = (
        through.objects.filter(tag=OuterRef("pk"), content_object__in=items)
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def tags_carried_by(articles, terms):
    """Tags carried by any of `articles` or `terms`."""
    return Tag.objects.filter(
        Q(pk__in=TaggedArticle.objects.filter(content_object__in=articles).values("tag"))
        | Q(pk__in=TaggedTerm.objects.filter(content_object__in=terms).values("tag"))
    )


def published_tags():
    """The tags readers may see: those of a published article or glossary term. A tag only
    drafts carry is unknown to readers, wherever its slug or name would appear."""
    return tags_carried_by(Article.objects.published(), GlossaryTerm.objects.published())


def tags_counting(articles, terms):
    """Tags carried by any of `articles` or `terms`, annotated with how many of them use each."""
    return (
        tags_carried_by(articles, terms)
        .annotate(
            article_count=_count_of(TaggedArticle, articles),
            term_count=_count_of(TaggedTerm, terms),
        )
        .annotate(item_count=Coalesce("article_count", 0) + Coalesce("term_count", 0))
    )
