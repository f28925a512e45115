import functools

from django.conf import settings
from django.urls import get_script_prefix, reverse

# The site-wide links every page prints (header, footer, feed links), by the name templates
# use: `{{ urls.home }}`. Reversed once per process (and script prefix) rather than a dozen
# times on every page, where reverse() was a tenth of a page's cost.
SITE_URLS = {
    "home": "articles:home",
    "glossary": "glossary:index",
    "tags": "articles:tags",
    "search": "search:search",
    "authors": "authors:list",
    "feed_rss": "articles:feed_rss",
    "feed_atom": "articles:feed_atom",
}


@functools.cache
def _site_urls(script_prefix):
    return {name: reverse(view_name) for name, view_name in SITE_URLS.items()}


def site(request):
    return {"site_title": settings.KB_SITE_TITLE, "urls": _site_urls(get_script_prefix())}
