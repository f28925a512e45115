from django.http import HttpResponsePermanentRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control

from kb.redirects import moves

# A page can move back to where it was, which turns a redirect around: browsers may keep a 301
# for a day, not for ever, or they would loop between the two paths.
REDIRECT_MAX_AGE = 24 * 60 * 60


class RedirectFallbackMiddleware:
    """A request that found nothing at an old path of a page that moved gets a 301 to where the
    page is now, with its query string (see kb/redirects/moves.py).

    Only a 404 is looked at, so a page that lives at a path always wins over a redirect from it.
    Readers are only sent to pages they may see: an old path of a draft stays a 404 for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        redirect, location = moves.find_redirect(request.path)
        if redirect is None or not moves.may_follow(redirect, request.user):
            return response
        if request.META.get("QUERY_STRING"):
            location += "?" + request.META["QUERY_STRING"]
        response = HttpResponsePermanentRedirect(location)
        if moves.is_visible_to_readers(redirect.target):
            patch_cache_control(response, max_age=REDIRECT_MAX_AGE)
        else:  # an editor's way to a preview
            add_never_cache_headers(response)
        return response
