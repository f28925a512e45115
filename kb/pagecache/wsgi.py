"""Page-cache hits answered before Django's request handling: the WSGI application kb serves.

A hit needs none of what Django does for a request it renders (the request signals, URL
resolution, the middleware chain: whatever that chain adds to a page was stored with it), and
under gunicorn that machinery costs about twice what the hit itself does. So kb.wsgi wraps
Django's application in this front: a request the page cache applies to is looked up exactly
as PageCacheMiddleware looks it up (`applies_to`, `lookup`: same keys, same entries, same
stamp), and a hit is answered here; everything else (a miss, a bypass, a cache that cannot
answer) goes on to Django, where the middleware renders, stores and logs as it always does.
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.http import ConditionalGetMiddleware

from kb.pagecache.middleware import applies_to, lookup

CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


# Headers a 304 keeps from the page it stands for (django.utils.cache._not_modified's list).
KEPT_BY_304 = {
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "last-modified",
    "vary",
}
# With one of these, the answer may be a 412: Django's rules decide.
PRECONDITION_HEADERS = ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


class PageCacheFront:
    def __init__(self, application):
        self.application = application
        # Django's own revalidation rules (304, 412), as the middleware chain applies them.
        self.conditional = ConditionalGetMiddleware(application)

    def __call__(self, environ, start_response):
        if settings.PAGE_CACHE_SECONDS > 0 and applies_to(environ):
            try:
                response = lookup(environ)[0]
            except Exception:  # Django's turn: the middleware logs it and renders the page
                response = None
            if response is not None:
                return self.answer(response, environ, start_response)
        return self.application(environ, start_response)

    def answer(self, response, environ, start_response):
        if (
            environ["REQUEST_METHOD"] == "GET"
            and environ.get("HTTP_IF_NONE_MATCH") == response["ETag"]
            and not any(header in environ for header in PRECONDITION_HEADERS)
        ):
            # The usual revalidation, a browser or a CDN sending back the ETag it was given,
            # answered as Django's ConditionalGetMiddleware answers it (a 304 keeping the
            # headers RFC 9110 15.4.5 names) without building a request and a second response.
            headers = [
                (name, value) for name, value in response.items() if name.lower() in KEPT_BY_304
            ]
            start_response("304 Not Modified", headers)
            return []
        if any(header in environ for header in CONDITIONAL_HEADERS):
            response = self.conditional.process_response(WSGIRequest(environ), response)
        # A stored page never sets a cookie (PageCacheMiddleware.storable).
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [response.content]
