"""An author's feeds: their newest published articles, as RSS and Atom (?full=1 as for all)."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from articles.feeds import ArticleFeed, FeedScope, HtmlTitledAtom1Feed
from articles.models import Article
from authors.models import Author


class AuthorArticleFeed(ArticleFeed):
    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        return FeedScope(
            f"Articles by {author.name}: {settings.KB_SITE_TITLE}",
            author.get_absolute_url(),
            f"New articles by {author.name}, {author.job_title}".rstrip(", "),
            Article.objects.published().filter(author=author),
            request.GET.get("full") == "1",
        )


class AtomAuthorArticleFeed(AuthorArticleFeed):
    feed_type = HtmlTitledAtom1Feed
