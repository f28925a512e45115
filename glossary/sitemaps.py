from django.contrib.sitemaps import Sitemap

from glossary.models import GlossaryTerm


class GlossaryTermSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return GlossaryTerm.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, term):
        return term.updated_at
