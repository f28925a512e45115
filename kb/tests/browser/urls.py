"""The site's URLs plus uploaded media, for the browser tests only.

kb/urls.py serves MEDIA_URL through static(), which does nothing unless DEBUG is on, and the
tests run with DEBUG off as production does. The editor journey needs the live server to show
an uploaded image, so this urlconf adds Django's static serve view for MEDIA_ROOT, read at
request time because every test points MEDIA_ROOT at its own temporary folder.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from kb.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media),
    *site_urlpatterns,
]
