"""The guide's outline: its published chapters and their articles as titles and URLs.

Every reader page shows part of it (the guide navigation, the cover's chapter list, previous
and next links), so it is a block kept once per content version (kb/pagecache/blocks.py: the
version moves after every committed write and when a scheduled item goes live), not queried
and reversed on each request. It is stored in pieces so that what
a page fetches stays small however large the guide grows: one entry for the chapter list
(each chapter with its article count and its first and last article, enough for previous/next
across chapters, computed by aggregates without loading the articles in between) and one per
chapter for its articles. A piece that is missing (first request after a change, or evicted)
is computed by one query, whatever the number of chapters asked.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from articles.models import Article, Section, TopicMembership
from kb.pagecache.blocks import kept, kept_many


@dataclass(frozen=True)
class Link:
    """An article as lists show it: its title and where it is."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class Chapter:
    pk: int
    position: int
    title: str
    slug: str
    summary: str
    url: str
    article_count: int
    first_article: Link | None
    last_article: Link | None


def chapters():
    """The published chapters in order (`Chapter`s)."""
    return kept(("outline", "chapters"), _compute_chapters)


def articles_of(chapter_pks):
    """{chapter pk: its published articles in order, as `Link`s} for the chapters asked."""
    return _kept_lists("chapter", chapter_pks, _compute_articles)


def first_articles(chapter_pks, count):
    """{chapter pk: its first `count` published articles, as `Link`s}: what the cover lists,
    without loading the rest of long chapters."""
    return _kept_lists(f"first-{count}", chapter_pks, lambda pks: _compute_first(pks, count))


def chapter_articles(chapter_pk):
    return articles_of([chapter_pk])[chapter_pk]


def topic_members(topic_pks):
    """{topic pk: its published member articles in membership order, as `Link`s}: what a
    topic box lists, kept per version like the chapters' lists."""
    return _kept_lists("topic", topic_pks, _compute_members)


def _kept_lists(kind, group_pks, compute):
    """{group pk: links} kept per version under ("outline", kind, pk); `compute(pks)` gives
    {pk: links} for those not kept yet, in one query."""
    lists = kept_many(
        [("outline", kind, pk) for pk in group_pks],
        lambda missing: {
            ("outline", kind, pk): links
            for pk, links in compute([parts[2] for parts in missing]).items()
        },
    )
    return {parts[2]: links for parts, links in lists.items()}


def position_in_chapter(article):
    """Where `article` stands among its chapter's published articles (from 0), or None when it
    is not in the published guide (a preview)."""
    if not any(chapter.pk == article.section_id for chapter in chapters()):
        return None
    links = chapter_articles(article.section_id)
    return next((i for i, link in enumerate(links) if link.pk == article.pk), None)


def neighbours(article):
    """The published articles before and after `article` in reading order (None at either end,
    or both when it is not in the published guide, e.g. a preview)."""
    position = position_in_chapter(article)
    if position is None:
        return None, None
    listed = chapters()
    index = next(i for i, c in enumerate(listed) if c.pk == article.section_id)
    links = chapter_articles(article.section_id)
    previous = links[position - 1] if position > 0 else None
    following = links[position + 1] if position + 1 < len(links) else None
    if previous is None:
        earlier = (c.last_article for c in reversed(listed[:index]) if c.last_article)
        previous = next(earlier, None)
    if following is None:
        later = (c.first_article for c in listed[index + 1 :] if c.first_article)
        following = next(later, None)
    return previous, following


def chapter_neighbours(section):
    """The published chapters before and after `section` (None at either end, or if absent)."""
    listed = chapters()
    index = next((i for i, c in enumerate(listed) if c.pk == section.pk), None)
    if index is None:
        return None, None
    previous = listed[index - 1] if index > 0 else None
    following = listed[index + 1] if index + 1 < len(listed) else None
    return previous, following


def _compute_chapters():
    sections = Section.objects.published().values_list("pk", "position", "title", "slug", "summary")
    # Each chapter's article count and its first and last article (for previous/next across
    # chapters), in one query and without the articles in between: there may be thousands.
    in_order = [F("position").asc(), F("title").asc()]
    backwards = [F("position").desc(), F("title").desc()]
    rows = (
        Article.objects.published()
        .annotate(
            from_start=Window(RowNumber(), partition_by="section", order_by=in_order),
            from_end=Window(RowNumber(), partition_by="section", order_by=backwards),
            in_chapter=Window(Count("pk"), partition_by="section"),
        )
        .filter(Q(from_start=1) | Q(from_end=1))
        .values_list(
            "pk", "section_id", "section__slug", "slug", "title", "from_start", "in_chapter"
        )
    )
    counts, firsts, lasts = {}, {}, {}
    for pk, group, section_slug, slug, title, from_start, in_chapter in rows:
        counts[group] = in_chapter
        link = _link(pk, section_slug, slug, title)
        if from_start == 1:
            firsts[group] = link
        if from_start == in_chapter:
            lasts[group] = link
    return [
        Chapter(
            pk=pk,
            position=position,
            title=title,
            slug=slug,
            summary=summary,
            url=reverse("articles:section", kwargs={"section": slug}),
            article_count=counts.get(pk, 0),
            first_article=firsts.get(pk),
            last_article=lasts.get(pk),
        )
        for pk, position, title, slug, summary in sections
    ]


def _compute_articles(chapter_pks):
    rows = (
        Article.objects.published()
        .filter(section__in=chapter_pks)
        .order_by("section_id", "position", "title")
        .values_list("pk", "section_id", "section__slug", "slug", "title")
    )
    return _grouped_links(chapter_pks, rows)


def _compute_first(chapter_pks, count):
    rows = (
        Article.objects.published()
        .filter(section__in=chapter_pks)
        .annotate(rank=Window(RowNumber(), partition_by="section", order_by=["position", "title"]))
        .filter(rank__lte=count)
        .order_by("section_id", "rank")
        .values_list("pk", "section_id", "section__slug", "slug", "title")
    )
    return _grouped_links(chapter_pks, rows)


def _compute_members(topic_pks):
    rows = (
        TopicMembership.objects.published()
        .filter(topic__in=topic_pks)
        .order_by("topic_id", "position", "id")
        .values_list(
            "article_id", "topic_id", "article__section__slug", "article__slug", "article__title"
        )
    )
    return _grouped_links(topic_pks, rows)


def _grouped_links(group_pks, rows):
    """{group pk: (Link, ...)} from (article pk, group pk, chapter slug, slug, title) rows."""
    lists = {pk: [] for pk in group_pks}
    for pk, group, section_slug, slug, title in rows:
        lists[group].append(_link(pk, section_slug, slug, title))
    return {pk: tuple(links) for pk, links in lists.items()}


def _link(pk, section_slug, slug, title):
    url = reverse("articles:detail", kwargs={"section": section_slug, "slug": slug})
    return Link(pk=pk, title=title, url=url)
