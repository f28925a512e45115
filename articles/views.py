"""The guide's reader pages: the cover, a chapter, an article.

Visibility is a queryset decision: readers get `published()` querysets, so drafts, scheduled
items and anything in an unpublished chapter 404 with no extra `if`. Editors (staff who may
change articles) get every row, a "Preview" banner and never-cache headers.

Every page costs a fixed number of queries: the guide navigation is two (chapters, and their
published articles), and the article page's topic boxes, related articles and previous/next
links are worked out in Python from prefetched rows.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.views.generic import DetailView

from articles.models import UNLOADED_IN_LISTS, Article, Section, Topic, TopicMembership
from glossary.linking import linked_body

RELATED_LIMIT = 5


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


def guide_chapters():
    """The published chapters, in order, each with its published articles as `.article_list`.

    For navigation and lists: the chapters' introductions stay in the database.
    """
    return list(Section.objects.published().defer("intro", "intro_html").with_articles())


def guide_order(chapters):
    """Every published article, chapter by chapter: the reading order of the guide."""
    return [article for chapter in chapters for article in chapter.article_list]


def neighbours(items, current):
    """The items before and after `current` in `items` (None at either end, or if absent)."""
    ids = [item.pk for item in items]
    if current.pk not in ids:
        return None, None
    index = ids.index(current.pk)
    previous = items[index - 1] if index > 0 else None
    following = items[index + 1] if index + 1 < len(items) else None
    return previous, following


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


def home(request):
    chapters = guide_chapters()
    topics = Topic.objects.filter(is_featured=True).prefetch_related(published_memberships())
    featured_topics = [topic for topic in topics if topic.published_memberships]
    return render(
        request,
        "articles/home.html",
        {"chapters": chapters, "featured_topics": featured_topics},
    )


def section_detail(request, section):
    preview = can_preview(request.user)
    if preview:
        sections = Section.objects.with_articles(Article.objects.all())
    else:
        sections = Section.objects.published().with_articles()
    section = get_object_or_404(sections, slug=section)
    chapters = guide_chapters()
    previous, following = neighbours(chapters, section)
    response = render(
        request,
        "articles/section_detail.html",
        {
            "section": section,
            "chapters": chapters,
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
            .prefetch_related(
                "tags",
                Prefetch(
                    "topics",
                    queryset=Topic.objects.prefetch_related(published_memberships()),
                ),
            )
        )

    def get(self, request, *args, **kwargs):
        self.preview = can_preview(request.user)
        response = super().get(request, *args, **kwargs)
        if self.preview:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        article = self.object
        chapters = guide_chapters()
        previous, following = neighbours(guide_order(chapters), article)
        topics = list(article.topics.all())
        return super().get_context_data(
            # Glossary terms are linked now, against the terms live now: glossary/linking.py.
            body_html=linked_body(article),
            chapters=chapters,
            tags=list(article.tags.all()),
            topics=topics,
            related_articles=self.related_articles(article, topics),
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

    @staticmethod
    def related_articles(article, topics):
        """Published articles sharing the most tags, leaving out what the topic boxes list."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        if not tag_ids:
            return []
        listed = {article.pk}
        listed.update(m.article_id for topic in topics for m in topic.published_memberships)
        return list(
            Article.objects.published()
            .sharing_tags(tag_ids)
            .exclude(pk__in=listed)
            .select_related("section")
            .defer("section__intro", "section__intro_html")
            .without_body()[:RELATED_LIMIT]
        )
