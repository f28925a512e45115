"""The tag cloud and tag pages: where a reader wanders from one topic to the next.

Every count and list here is of published items only (`published()`), so a tag used only by
drafts is absent from the cloud, and its page is a 404, alone or narrowing another (`?and=`).
"""

import math
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property

from articles.models import Article
from articles.tag_counts import published_tag_counts, published_tags, tags_counting
from glossary.models import GlossaryTerm
from kb.pagecache.blocks import PageLinks, kept
from kb.tags.models import Tag

ITEMS_PER_PAGE = 20
RELATED_TAGS = 10
SIZE_CLASSES = 5


def size_class(count, largest):
    """1..SIZE_CLASSES on a log scale, so one huge tag does not shrink all others to 1."""
    if largest <= 1:
        return 1
    return 1 + round((SIZE_CLASSES - 1) * math.log(count) / math.log(largest))


def tag_list(request):
    tags = published_tag_counts()
    largest = max((tag.item_count for tag in tags), default=0)
    sized = [(tag, size_class(tag.item_count, largest)) for tag in tags]
    return render(request, "tags/tag_list.html", {"tags": sized})


class TaggedItems:
    """A tag's articles (in guide order) then its glossary terms, as one list to paginate.

    Paginator needs only count() and slicing; each page costs a query per kind it shows.
    """

    def __init__(self, articles, terms):
        self.articles = articles
        self.terms = terms

    @cached_property
    def article_count(self):
        return self.articles.count()

    def count(self):
        return self.article_count + self.terms.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        items = []
        if start < self.article_count:
            items += self.articles[start : min(stop, self.article_count)]
        if stop > self.article_count:
            offset = self.article_count
            items += self.terms[max(start - offset, 0) : stop - offset]
        return items


@dataclass
class TagPage(PageLinks):
    """One page of a tag's items, as plain values (kept per content version, so nothing in it
    may be a query): what tags/tag_detail.html shows, with Django's Page's attribute names."""

    tag: Tag
    narrowed_by: Tag | None
    articles: list
    terms: list
    related_tags: list
    count: int
    number: int
    num_pages: int


def tag_detail(request, slug):
    narrowing, number = request.GET.get("and"), request.GET.get("page") or 1
    # Everything the page lists changes only with the content: kept per content version.
    page = kept(("tag-page", slug, narrowing, number), lambda: tag_page(slug, narrowing, number))
    if page.narrowed_by == page.tag:
        return redirect(page.tag)
    return render(request, "tags/tag_detail.html", {"page": page})


def tag_page(slug, narrowing, number):
    """The TagPage a tag's URL asks for; Http404 for a tag readers cannot see or no such page."""
    tag = get_object_or_404(published_tags(), slug=slug)
    articles = Article.objects.published().filter(tags=tag)
    terms = GlossaryTerm.objects.published().filter(tags=tag)

    narrowed_by = None
    if narrowing is not None:
        narrowed_by = get_object_or_404(published_tags(), slug=narrowing)
        if narrowed_by == tag:
            return TagPage(tag, narrowed_by, [], [], [], 0, 1, 1)
        articles = articles.filter(tags=narrowed_by)
        terms = terms.filter(tags=narrowed_by)

    paginator = Paginator(
        TaggedItems(
            articles.without_body().select_related("section").in_guide_order(),
            terms.only("term", "slug", "short_definition"),
        ),
        ITEMS_PER_PAGE,
    )
    try:
        page = paginator.page(number)
    except InvalidPage as exc:
        raise Http404("No such page.") from exc
    if not paginator.count and not narrowed_by:
        raise Http404("No published items carry this tag.")

    shown_with = [tag] + ([narrowed_by] if narrowed_by else [])
    related_tags = (
        tags_counting(articles, terms)
        .exclude(pk__in=[t.pk for t in shown_with])
        .order_by("-item_count", "name")[:RELATED_TAGS]
    )
    return TagPage(
        tag=tag,
        narrowed_by=narrowed_by,
        articles=[item for item in page if isinstance(item, Article)],
        terms=[item for item in page if isinstance(item, GlossaryTerm)],
        related_tags=list(related_tags),
        count=paginator.count,
        number=page.number,
        num_pages=paginator.num_pages,
    )
