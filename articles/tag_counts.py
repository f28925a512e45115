"""How many published articles and terms carry each tag: the tag cloud's and tag pages' counts."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from articles.models import Article, TaggedArticle
from glossary.models import GlossaryTerm, TaggedTerm
from kb.tags.models import Tag


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
