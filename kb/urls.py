from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path, register_converter
from django.views.generic import TemplateView

from articles.sitemaps import ArticleSitemap, SectionSitemap, TagSitemap
from authors.feeds import AtomAuthorArticleFeed, AuthorArticleFeed
from authors.sitemaps import AuthorSitemap
from glossary import views as glossary_views
from glossary.sitemaps import GlossaryTermSitemap
from kb import editor, health, serving
from kb.converters import UnicodeSlugConverter
from kb.pagecache.sitemaps import kept_index

# Before any app urlconf is loaded: every slug in kb's URLs may hold Unicode letters.
register_converter(UnicodeSlugConverter, "uslug")

admin.site.site_header = f"{settings.KB_SITE_TITLE}: editing"
admin.site.site_title = settings.KB_SITE_TITLE

sitemaps = {
    "chapters": SectionSitemap,
    "articles": ArticleSitemap,
    "glossary": GlossaryTermSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    # Where markdownx's widget posts; kb's own views, so only editors may use them.
    path("markdownx/markdownify/", glossary_views.markdown_preview, name="markdownx_markdownify"),
    path("markdownx/upload/", editor.upload_image, name="markdownx_upload"),
    # sitemap.xml is always an index, so growing past one file (50,000 URLs) changes nothing.
    path("sitemap.xml", kept_index, {"sitemaps": sitemaps}, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("authors/", include("authors.urls")),
    # Under /feeds/ with the guide's other feeds, before articles' feeds/<scope>/ pattern.
    path("feeds/authors/<uslug:slug>.rss", AuthorArticleFeed(), name="author_feed_rss"),
    path("feeds/authors/<uslug:slug>.atom", AtomAuthorArticleFeed(), name="author_feed_atom"),
    path("glossary/", include("glossary.urls")),
    path("search/", include("kb.search.urls")),
    path("", include("articles.urls")),
]

# --- Serving: uploads, favicon, health probes (kb/serving.py, kb/health.py) -------------------
# First, so no app's catch-all pattern can shadow them. Uploads are served the same way with
# DEBUG on or off; static files never reach the urlconf (WhiteNoise answers them).
urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serving.media, name="media"),
    path("favicon.ico", serving.favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    *urlpatterns,
]
