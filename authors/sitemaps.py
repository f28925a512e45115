from django.db.models import Max, Q

from articles.models import Article
from authors.models import Author
from kb.pagecache.sitemaps import KeptSitemap


class AuthorSitemap(KeptSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        # An author's page changes when their profile or their published articles do; authors
        # with no published article are left out, as they are from the list of authors.
        return (
            Author.objects.only("slug", "updated_at")
            .annotate(
                last_article_update=Max(
                    "articles__updated_at", filter=Q(articles__in=Article.objects.published())
                )
            )
            .filter(last_article_update__isnull=False)
            .order_by("name")
        )

    def lastmod(self, author):
        return max(filter(None, (author.updated_at, author.last_article_update)), default=None)

    def get_latest_lastmod(self):
        published = Article.objects.published().filter(author__isnull=False)
        latest = (
            published.aggregate(latest=Max("updated_at"))["latest"],
            Author.objects.filter(articles__in=published).aggregate(latest=Max("updated_at"))[
                "latest"
            ],
        )
        return max(filter(None, latest), default=None)
