from django.db.models import Max

from glossary.models import GlossaryTerm
from kb.pagecache.sitemaps import KeptSitemap


class GlossaryTermSitemap(KeptSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return GlossaryTerm.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, term):
        return term.updated_at

    def get_latest_lastmod(self):
        return GlossaryTerm.objects.published().aggregate(latest=Max("updated_at"))["latest"]
