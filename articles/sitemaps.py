from django.db.models import Max, Q

from articles.models import Article, Section
from glossary.models import GlossaryTerm
from kb.pagecache.sitemaps import KeptSitemap
from kb.tags.models import Tag


class SectionSitemap(KeptSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Section.objects.published().only("slug", "updated_at").order_by("position", "pk")

    def lastmod(self, section):
        return section.updated_at

    def get_latest_lastmod(self):
        return Section.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(KeptSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        # Only what a URL and its lastmod need.
        return (
            Article.objects.published()
            .select_related("section")
            .only("slug", "updated_at", "section__slug")
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class TagSitemap(KeptSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        # A tag page exists while it has a published item; its lastmod is that item's update.
        published_articles = Q(tagged_articles__content_object__in=Article.objects.published())
        published_terms = Q(tagged_terms__content_object__in=GlossaryTerm.objects.published())
        return (
            Tag.objects.filter(published_articles | published_terms)
            .annotate(
                last_article_update=Max(
                    "tagged_articles__content_object__updated_at", filter=published_articles
                ),
                last_term_update=Max(
                    "tagged_terms__content_object__updated_at", filter=published_terms
                ),
            )
            .order_by("name")
        )

    def lastmod(self, tag):
        return max(filter(None, (tag.last_article_update, tag.last_term_update)), default=None)

    def get_latest_lastmod(self):
        tagged = (Article.objects.published(), GlossaryTerm.objects.published())
        latest = (
            items.filter(tags__isnull=False).aggregate(latest=Max("updated_at"))["latest"]
            for items in tagged
        )
        return max(filter(None, latest), default=None)
