"""kb's sitemaps: files of at most URLS_PER_FILE URLs (Django's index lists them all, as
sitemap-articles.xml?p=2 ...), each computed once per content version (blocks.py), like the
guide's other lists: an uncached sitemap file costs the floor plus one block."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse

from kb.pagecache.blocks import kept

# Search engines take up to 50,000 per file; smaller files render each in well under a
# second at any size of the guide.
URLS_PER_FILE = 5000


class KeptSitemap(Sitemap):
    limit = URLS_PER_FILE

    def get_urls(self, page=1, site=None, protocol=None):
        def compute():
            urls = super(KeptSitemap, self).get_urls(page=page, site=site, protocol=protocol)
            # The model instances stay behind: the sitemap's template shows only the rest.
            listed = [{k: v for k, v in url.items() if k != "item"} for url in urls]
            return listed, getattr(self, "latest_lastmod", None)

        sitemap = f"{type(self).__module__}.{type(self).__qualname__}"
        urls, self.latest_lastmod = kept(("sitemap", sitemap, page, site.domain, protocol), compute)
        return urls


def kept_index(request, sitemaps, **kwargs):
    """Django's sitemap index, computed once per content version (it counts and dates the
    items of every sitemap) and per host and scheme, which its URLs carry."""

    def compute():
        response = sitemap_views.index(request, sitemaps, **kwargs)
        response.render()
        return response.content, list(response.items())

    content, headers = kept(("sitemap-index", request.get_host(), request.scheme), compute)
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
