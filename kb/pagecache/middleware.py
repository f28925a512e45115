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
import pickle
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import (
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

from kb.pagecache import stamp
from kb.pagecache.local import LocalCopies

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


def applies_to(meta):
    """Whether a request (its WSGI environ, or request.META) may be answered from the cache.

    Decided from the raw environ, so the WSGI front (wsgi.py) and this middleware decide alike.
    A session cookie is looked for in the raw Cookie header: a mention anywhere bypasses the
    cache, which is never wrong (at worst a page is rendered that could have been served).
    """
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in meta.get("HTTP_COOKIE", "") or "HTTP_AUTHORIZATION" in meta:
        return False
    return not meta.get("PATH_INFO", "/").startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


# What a page may differ by, as the request gave it: the scheme (also as a proxy passes it
# on), the host and port, the path and the query. A page is found only by a request identical
# in all of them to the one it was rendered for, so whatever Django decided from them then
# (ALLOWED_HOSTS, the https redirect) holds for the hit too.
KEYED_META = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
)


# Each process keeps the pages it served last, as they are: a hit whose stamp is current
# unpickles nothing and, with Redis and a trusted stamp (tracking.py), asks nothing.
LOCAL_PAGES = 500
local_pages = LocalCopies(LOCAL_PAGES)


def key(meta):
    """Where the page for a request is kept: one entry per URL and encoding.

    The content stamp is kept inside the entry rather than in its key, so that with Redis one
    round trip brings back both the stamp and the page (`lookup`); a page stored under an older
    stamp is a miss, and its entry is overwritten by the fresh one.
    """
    encoding = "gzip" if "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    request = "\n".join([str(meta.get(name, "")) for name in KEYED_META])
    digest = hashlib.md5(request.encode("utf-8", "surrogateescape"), usedforsecurity=False)
    return f"pagecache:page:{encoding}:{digest.hexdigest()}"


def lookup(meta):
    """(the cached response or None, its key, the content stamp now) for a request the cache
    applies to. The response is shared with other requests of this process: never change it.
    Raises what the cache or the database raise: callers take that as a miss.
    """
    page_key = key(meta)
    held = local_pages.get(page_key)
    current, entry = stamp.current_with(page_key, held)
    if entry is None or entry[0] != current:
        return None, page_key, current
    if entry is not held:
        local_pages.keep({page_key: entry})
    return entry[1], page_key, current


class PageCacheMiddleware:
    """Serves hits to requests that reach Django (the test client, ASGI) and stores misses.

    Under gunicorn most hits never get this far: kb.pagecache.wsgi answers them before Django's
    request handling, from the same entries.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not applies_to(request.META):
            return self.get_response(request)
        try:
            response, page_key, current = lookup(request.META)
        except Exception:  # a cache or database that cannot answer is a miss, never a 500
            _log_failure("lookup")
            return self.get_response(request)
        if response is not None:
            # Django's handlers and the test client write on the response they are given.
            response = pickle.loads(pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
            if request.method == "HEAD":
                response.content = b""
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.storable(response):
            self.prepare(response, seconds)
            try:
                cache.set(page_key, (current, response), seconds)
            except Exception:
                _log_failure("store")
        return response

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
