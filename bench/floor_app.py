"""The floor: the least a Django page can cost on this machine, to measure kb against.

One file, one view returning a constant 20 KB HTML page, no middleware, no database, DEBUG
off: what Django itself costs per request under a given server. bench/pages.py serves it with
the same gunicorn settings as kb (`gunicorn --chdir bench floor_app:application`) and reports
each kb page as a ratio of it; bench/instructions.py counts its instructions the same way.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

PAGE = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>Floor</title></head><body>"
    + "<p>The framework's floor: a constant page of twenty kilobytes.</p>" * 320
    + "</body></html>"
).encode()


def constant(request):
    return HttpResponse(PAGE)


urlpatterns = [path("floor/", constant)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="floor-not-secret",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

application = get_wsgi_application()
