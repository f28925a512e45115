"""Widgets of the guide's pages: guide navigation, topic box, author card, popular tags."""

from django import template

from articles.models import Article
from articles.tag_counts import tags_counting
from glossary.models import GlossaryTerm

register = template.Library()

POPULAR_TAGS = 12


@register.inclusion_tag("includes/guide_nav.html")
def guide_nav(chapters, current_section=None, current_article=None):
    """The numbered chapter list; the current chapter open, the current page marked.

    `chapters` are published sections with `.article_list` (see `views.guide_chapters`).
    """
    return {
        "chapters": chapters,
        "current_section": current_section,
        "current_article": current_article,
    }


@register.inclusion_tag("includes/topic_box.html")
def topic_box(topic, current_article=None):
    """A topic's published articles in membership order, the current one marked."""
    return {
        "topic": topic,
        "articles": [membership.article for membership in topic.published_memberships],
        "current_article": current_article,
    }


@register.inclusion_tag("includes/author_card.html")
def author_card(author):
    """The author box under an article: photo, name, job title, full bio, profile link."""
    return {"author": author}


def popular_tags(limit=POPULAR_TAGS):
    """The tags carried by the most published articles and glossary terms, in one query."""
    published = tags_counting(Article.objects.published(), GlossaryTerm.objects.published())
    return published.order_by("-item_count", "name")[:limit]


@register.inclusion_tag("includes/tag_cloud.html")
def tag_cloud(limit=POPULAR_TAGS):
    return {"tags": popular_tags(limit)}
