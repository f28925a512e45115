"""Anonymous readers get whole pages from Django's cache; everyone else gets them rendered.

A GET (or HEAD) of a public page by a visitor without a session cookie is answered from the
cache (local memory by default, Redis with REDIS_URL) under a key made of the content stamp
(stamp.py), the absolute URL and the response encoding, so a hit renders nothing and, with a
shared cache, asks the database nothing. Anything else passes through untouched and is never
stored: signed-in staff (their pages carry CSRF tokens, messages and previews), the admin and
the editor's endpoints, search (every search must reach the missed-search log, and it costs
about what a cache lookup saves), POSTs, and responses that set a cookie, vary on something
else, or say they are private or not to be stored.

What is stored is a 200 with its headers: a strong ETag and Last-Modified (so
ConditionalGetMiddleware, above this one, answers revalidations with a bodyless 304 straight
from the cache), and `Cache-Control: public, max-age, s-maxage, stale-while-revalidate` so a
CDN in front can hold pages too. PAGE_CACHE_SECONDS bounds how long an entry may sit unused
(a safety net: freshness comes from the stamp); 0 turns the page cache off for measuring.

An unreachable cache is never an error for a reader: the page is rendered as if uncached,
and the failure is logged once a minute at most.
"""

import gzip
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from kb.pagecache import stamp

logger = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60
_last_logged = [0.0]


def _log_failure(what):
    now = time.monotonic()
    if now - _last_logged[0] >= LOG_EVERY_SECONDS:
        _last_logged[0] = now
        logger.warning(
            "Page cache unavailable (%s); rendering pages uncached.", what, exc_info=True
        )


def content_etag(response):
    """A strong ETag from what the page says, per encoding: the same in every process.

    Django's GZipMiddleware pads each compressed copy with random bytes (against BREACH), so
    two processes that store the same page (local memory is each process's own) would give it
    two ETags, and a revalidation reaching the other one would get the whole page again.
    """
    content = response.content
    encoding = response.get("Content-Encoding", "identity")
    if encoding == "gzip":
        content = gzip.decompress(content)
    return f'"{hashlib.md5(content, usedforsecurity=False).hexdigest()}-{encoding}"'


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not self.applies_to(request):
            return self.get_response(request)
        try:
            key = self.key(request, stamp.current())
            entry = cache.get(key)
        except Exception:  # a cache or database that cannot answer is a miss, never a 500
            _log_failure("lookup")
            return self.get_response(request)
        if entry is not None:
            return self.from_entry(entry, request)
        response = self.get_response(request)
        if request.method == "GET" and self.storable(response):
            self.prepare(response, seconds)
            try:
                cache.set(key, self.to_entry(response), seconds)
            except Exception:
                _log_failure("store")
        return response

    @staticmethod
    def applies_to(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
            return False
        return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))

    @staticmethod
    def key(request, current):
        version, valid_until = current
        encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
        url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        until = valid_until.timestamp() if valid_until else ""
        return f"pagecache:page:{version}:{until}:{encoding}:{url}"

    @staticmethod
    def storable(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        control = response.get("Cache-Control", "")
        if any(word in control for word in ("private", "no-store", "no-cache")):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        return vary <= {"accept-encoding", "cookie"}

    @staticmethod
    def prepare(response, seconds):
        if not response.has_header("ETag"):
            response["ETag"] = content_etag(response)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
            s_maxage=seconds,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )
        # The page depends on being signed out (a session cookie bypasses this cache).
        if not has_vary_header(response, "Cookie"):
            patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def to_entry(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def from_entry(entry, request):
        status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        return response
