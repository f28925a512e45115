"""Widgets of the guide's pages: guide navigation, topic box, author card, popular tags."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles import outline
from articles.tag_counts import published_tag_counts
from kb.pagecache.blocks import kept

register = template.Library()

POPULAR_TAGS = 12
# Above the demo guide's largest chapter (5 articles), so its navigation lists them all.
NAV_ARTICLES = 20
CURRENT = ' aria-current="page"'


@register.simple_tag
def guide_nav(current_section=None, current_article=None):
    """The numbered chapter list; the current chapter open, the current page marked.

    The open chapter lists at most NAV_ARTICLES articles: a long one shows the run of
    NAV_ARTICLES that holds the current article, and links to the whole chapter. Rendered
    once per content version, open chapter and run, from the outline (articles/outline.py),
    and kept (kb/pagecache/blocks.py); the current page's link is marked in that copy, by URL.
    """
    open_pk = current_section.pk if current_section else None
    position = outline.position_in_chapter(current_article) if current_article else None
    first = (position or 0) // NAV_ARTICLES * NAV_ARTICLES

    def render():
        chapters = outline.chapters()
        listed = any(chapter.pk == open_pk for chapter in chapters)
        articles = outline.chapter_articles(open_pk) if listed else ()
        return render_to_string(
            "includes/guide_nav.html",
            {
                "chapters": chapters,
                "open_pk": open_pk,
                "open_articles": articles[first : first + NAV_ARTICLES],
                "open_count": len(articles),
                "open_first": first + 1,
                "open_last": min(first + NAV_ARTICLES, len(articles)),
                "open_window": len(articles) > NAV_ARTICLES,
            },
        )

    html = kept(("guide-nav", open_pk, first), render)
    current = current_article or current_section
    if current is not None:
        link = f'href="{escape(current.get_absolute_url())}"'
        html = html.replace(link, link + CURRENT, 1)
    return mark_safe(html)


@register.simple_tag
def topic_box(topic, links, current_article=None):
    """A topic's published articles (`outline.topic_members`) in order, the current one marked:
    rendered once per content version for each article it is shown on."""
    context = {"topic": topic, "articles": links, "current_article": current_article}
    current_pk = current_article.pk if current_article else None
    return kept(
        ("topic-box", topic.pk, current_pk),
        lambda: render_to_string("includes/topic_box.html", context),
    )


@register.simple_tag
def author_card(author):
    """The author box under an article: photo, name, job title, full bio, profile link. The
    same under each of their articles: rendered once per content version."""
    return kept(
        ("author-card", author.pk),
        lambda: render_to_string("includes/author_card.html", {"author": author}),
    )


def popular_tags(limit=POPULAR_TAGS):
    """The tags carried by the most published articles and glossary terms (by name if equal)."""
    return sorted(published_tag_counts(), key=lambda tag: -tag.item_count)[:limit]


@register.inclusion_tag("includes/tag_cloud.html")
def tag_cloud(limit=POPULAR_TAGS):
    return {"tags": popular_tags(limit)}
