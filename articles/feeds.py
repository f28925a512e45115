"""RSS and Atom feeds of published articles: the whole guide, a chapter, a tag (an author's
feed builds on these in authors/feeds.py).

`?full=1` puts each article's whole HTML in the feed instead of its lede.

Readers show RSS titles and descriptions, and Atom's `type="html"` text, as HTML, and many show
every other element the same way; so every plain-text field (titles, ledes, chapter summaries,
names, job titles, tags) is HTML-escaped here, and Atom's titles say `type="html"`. Only a
full-content feed's entries carry HTML: the article's sanitised body.
"""

import html
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import Article, Section
from articles.tag_counts import published_tags
from kb.pagecache.blocks import kept

FEED_LENGTH = 30


def as_html(text):
    """Plain text as the HTML that shows it: `<b>` in a lede is read as those three characters."""
    return html.escape(text, quote=False)


class _HtmlTitles:
    """Wraps Atom1Feed's XML writer so its title and subtitle are `type="html"` text."""

    def __init__(self, handler):
        self._handler = handler

    def __getattr__(self, name):
        return getattr(self._handler, name)

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802 (Django's name)
        if name in ("title", "subtitle") and not attrs:
            attrs = {"type": "html"}
        self._handler.addQuickElement(name, contents, attrs)


class HtmlTitledAtom1Feed(Atom1Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(_HtmlTitles(handler))

    def add_item_elements(self, handler, item):
        super().add_item_elements(_HtmlTitles(handler), item)


@dataclass
class FeedScope:
    title: str
    link: str
    description: str
    articles: QuerySet
    full_content: bool


def feed_scope(request, scope, slug=None):
    published = Article.objects.published()
    full_content = request.GET.get("full") == "1"
    if scope == "chapters":
        section = get_object_or_404(Section.objects.published(), slug=slug)
        return FeedScope(
            f"{section.title}: {settings.KB_SITE_TITLE}",
            section.get_absolute_url(),
            section.summary or f"New articles in chapter {section.position}.",
            published.filter(section=section),
            full_content,
        )
    if scope == "tags":
        tag = get_object_or_404(published_tags(), slug=slug)
        return FeedScope(
            f"Articles tagged “{tag.name}”: {settings.KB_SITE_TITLE}",
            tag.get_absolute_url(),
            f"New articles tagged {tag.name}.",
            published.filter(tags=tag),
            full_content,
        )
    if scope != "latest":
        raise Http404("No such feed.")
    return FeedScope(
        settings.KB_SITE_TITLE,
        reverse("articles:home"),
        "The newest articles in the guide.",
        published,
        full_content,
    )


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_feed(self, obj, request):
        # A feed's entries change only with the content: built once per content version, for
        # each feed, URL, kind of entry (?full=1) and site address (its links are absolute).
        asked = (type(self).__name__, request.path, obj.full_content, request.get_host())
        return kept(
            ("feed", *asked, request.is_secure()),
            lambda: super(ArticleFeed, self).get_feed(obj, request),
        )

    def get_object(self, request, scope="latest", slug=None):
        return feed_scope(request, scope, slug)

    def title(self, scope):
        return as_html(scope.title)

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return as_html(scope.description)

    def subtitle(self, scope):
        return as_html(scope.description)

    def items(self, scope):
        articles = scope.articles.for_listing().order_by("-published_at", "-pk")
        if not scope.full_content:
            articles = articles.without_body()
        articles = list(articles[:FEED_LENGTH])
        for article in articles:
            article.in_full_content_feed = scope.full_content
        return articles

    def item_title(self, article):
        return as_html(article.title)

    def item_description(self, article):
        return article.body_html if article.in_full_content_feed else as_html(article.summary)

    def item_author_name(self, article):
        return as_html(article.author.name)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [as_html(tag.name) for tag in article.tags.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = HtmlTitledAtom1Feed
