"""The guide's reader pages: the cover, a chapter, an article.

Visibility is a queryset decision: readers get `published()` querysets, so drafts, scheduled
items and anything in an unpublished chapter 404 with no extra `if`. Editors (staff who may
change articles) get every row, a "Preview" banner and never-cache headers.

Every page costs a fixed number of queries and shows a bounded part of the guide, however
large it grows: the cover lists COVER_ARTICLES articles per chapter ("N more" links to the
chapter), a chapter page is paginated, and the guide navigation (articles/templatetags) opens
a window of the current chapter. What all of them show of the guide (navigation, the cover's
chapter list, previous/next links) comes from the outline (articles/outline.py), computed once
per content version; the article page's topic boxes and related articles are worked out in
Python from prefetched rows.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.views.generic import DetailView

from articles import outline
from articles.models import UNLOADED_IN_LISTS, Article, Section, Topic, TopicMembership
from glossary.linking import linked_body
from kb.pagecache.blocks import kept, kept_page, list_page

RELATED_LIMIT = 5
# Bounds above the demo guide's largest chapter (5 articles), so its pages look as they did.
COVER_ARTICLES = 8
CHAPTER_ARTICLES_PER_PAGE = 30


@dataclass(frozen=True)
class RelatedLink:
    pk: int
    title: str
    url: str
    chapter: str  # "3. Software product manager"


def can_preview(user):
    """Editors may open unpublished chapters and articles by their URL."""
    return user.is_staff and user.has_perm("articles.change_article")


def unpublished_reason(item, chapter=None):
    """Why readers cannot see `item` (an article or a chapter), for the preview banner."""
    if item.is_scheduled:
        when = date_format(timezone.localtime(item.published_at), "j F Y, H:i")
        return f"it is scheduled for {when}"
    if not item.is_published:
        return f"its status is “{item.get_status_display()}”"
    if chapter is not None and not chapter.is_published:
        return f"its chapter ({chapter}) is not published"
    return ""


def published_memberships():
    return Prefetch(
        "memberships",
        queryset=TopicMembership.objects.published()
        .select_related("article__section")
        # Links only: leave the members' bodies and chapter introductions in the database.
        .defer(
            *(f"article__{name}" for name in UNLOADED_IN_LISTS),
            "article__section__intro",
            "article__section__intro_html",
        ),
        to_attr="published_memberships",
    )


def featured_topics():
    topics = Topic.objects.filter(is_featured=True).prefetch_related(published_memberships())
    return [topic for topic in topics if topic.published_memberships]


def cover_chapters():
    """Each published chapter with its first COVER_ARTICLES articles (`outline.Link`s) and
    how many more it has, for the cover."""
    chapters = outline.chapters()
    articles = outline.first_articles([chapter.pk for chapter in chapters], COVER_ARTICLES)
    return [
        (chapter, articles[chapter.pk], chapter.article_count - COVER_ARTICLES)
        for chapter in chapters
    ]


def home(request):
    # The cover's lists (chapters, featured topics, popular tags) are the same for every
    # reader until the content changes: one block kept per content version.
    cover_lists = kept(
        ("cover",),
        lambda: render_to_string(
            "articles/_cover_lists.html",
            {"chapters": cover_chapters(), "featured_topics": featured_topics()},
        ),
    )
    return render(request, "articles/home.html", {"cover_lists": mark_safe(cover_lists)})


def section_detail(request, section):
    preview = can_preview(request.user)
    sections = Section.objects.all() if preview else Section.objects.published()
    section = get_object_or_404(sections, slug=section)
    articles = (
        (Article.objects.all() if preview else Article.objects.published())
        .filter(section=section)
        .without_body()
        .select_related("section")  # for each link's URL; its introduction stays behind
        .defer("section__intro", "section__intro_html")
        .order_by("position", "title")
    )
    number = request.GET.get("page")
    if preview:  # drafts included: never kept for readers
        page = list_page(articles, CHAPTER_ARTICLES_PER_PAGE, number)
    else:
        page = kept_page(("chapter", section.pk), articles, CHAPTER_ARTICLES_PER_PAGE, number)
    previous, following = outline.chapter_neighbours(section)
    response = render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "page": page,
            "previous_chapter": previous,
            "next_chapter": following,
            "preview": preview and not section.is_published,
            "preview_reason": unpublished_reason(section),
        },
    )
    if preview:
        add_never_cache_headers(response)
    return response


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_queryset(self):
        articles = Article.objects.all() if self.preview else Article.objects.published()
        return (
            articles.filter(section__slug=self.kwargs["section"])
            .select_related("section", "author", "reviewer")
            # The page names its chapter and reviewer; only the author card shows a bio.
            .defer("section__intro", "section__intro_html", "reviewer__bio", "reviewer__bio_html")
        )

    def get(self, request, *args, **kwargs):
        self.preview = can_preview(request.user)
        response = super().get(request, *args, **kwargs)
        if self.preview:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        article = self.object
        previous, following = outline.neighbours(article)
        # The links around the article change only with the content: kept per version.
        tags, topic_boxes, related_articles = kept(
            ("article-links", article.pk), lambda: self.links(article)
        )
        return super().get_context_data(
            # Glossary terms are linked now, against the terms live now: glossary/linking.py.
            body_html=linked_body(article),
            tags=tags,
            topic_boxes=topic_boxes,
            related_articles=related_articles,
            previous_article=previous,
            next_article=following,
            preview=self.preview and not article.is_visible_to_readers,
            preview_reason=unpublished_reason(article, article.section),
            # Calendar days in the site's time zone, as the page prints the two dates.
            show_updated=bool(
                article.published_at
                and timezone.localdate(article.updated_at)
                > timezone.localdate(article.published_at)
            ),
            **kwargs,
        )

    @classmethod
    def links(cls, article):
        """(tags, topic boxes, related articles): the article's tags as links, its topics each
        with its members, and the published articles sharing its tags that no topic box lists
        already."""
        tags = [
            outline.Link(pk=tag.pk, title=tag.name, url=tag.get_absolute_url())
            for tag in article.tags.all()
        ]
        topics = list(article.topics.all())
        members = outline.topic_members([topic.pk for topic in topics])
        topic_boxes = [(topic, members[topic.pk]) for topic in topics if members[topic.pk]]
        return tags, topic_boxes, cls.related_articles(article, tags, topic_boxes)

    @staticmethod
    def related_articles(article, tags, topic_boxes):
        """Published articles sharing the most tags, leaving out what the topic boxes list:
        links with their chapter's name, in one query of plain values."""
        tag_ids = [tag.pk for tag in tags]
        if not tag_ids:
            return []
        listed = {article.pk}
        listed.update(link.pk for _, links in topic_boxes for link in links)
        # The values before the count, so rows are grouped by these short columns alone.
        rows = (
            Article.objects.published()
            .exclude(pk__in=listed)
            .values_list(
                "pk", "title", "slug", "section__slug", "section__position", "section__title"
            )
            .sharing_tags(tag_ids)[:RELATED_LIMIT]
        )
        return [
            RelatedLink(
                pk=pk,
                title=title,
                url=reverse("articles:detail", kwargs={"section": section_slug, "slug": slug}),
                chapter=f"{position}. {chapter}",
            )
            for pk, title, slug, section_slug, position, chapter, _shared_tags in rows
        ]
