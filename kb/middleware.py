"""Requests no page can answer are refused before any view or query sees them."""

from django.core.exceptions import BadRequest


class RejectNulCharactersMiddleware:
    """A NUL character in the path or the query string is a 400 Bad Request.

    No URL of kb has one, and PostgreSQL refuses it in any text it is given ("PostgreSQL text
    fields cannot contain NUL"), so a lookup built from it (a tag, a filter, the redirect of a
    missing page) would fail as a server error. Form fields refuse it already (Django's
    ProhibitNullCharactersValidator); this covers what reaches views and the admin's lists
    without a form.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the URL.")
        return self.get_response(request)
