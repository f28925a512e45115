"""What the site serves beside its pages: static files, uploaded images and the favicon.

Static files are WhiteNoise's (`StaticFilesMiddleware`, in kb/settings.py); it does not serve
uploads, and Django's `django.views.static.serve` is a development view. `media` serves
uploads with DEBUG on or off, read through `STORAGES["default"]` (the filesystem under
MEDIA_ROOT, or a bucket), and only what the editor stores: PNG, JPEG, GIF and WebP images
(kb/editor.py), under names made of plain
segments. Anything else is a 404, whatever the file system holds: no directory listings, no
`..`, no absolute paths, no backslashes or NUL bytes (an encoded `%2F` arrives here decoded, so
it is one more `/` between plain segments), no other file types.

Each image is sent with the type its extension names, never one guessed from its bytes, and
with headers that keep a browser from running anything in it should it be opened on its own:
`nosniff`, and a Content-Security-Policy that allows no scripts and sandboxes the document.
"""

import re

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise with hashed files cached for a year (its own default is ten), the longest
    `max-age` HTTP's caching specification (RFC 9111) recommends and what its
    `immutable` examples use; a changed file has a new name anyway."""

    FOREVER = 365 * 24 * 60 * 60


CONTENT_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
# Segments of letters, digits, `-` and `_`, with dots inside a segment only (so never `..`),
# ending in one of the extensions above.
MEDIA_NAME = re.compile(
    r"(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?P<ext>[A-Za-z]+)"
)
MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
# Upload names are unique (a random name per upload, never overwritten), so a copy in a cache
# never goes stale; a week bounds how long an image deleted on purpose stays in caches.
MEDIA_MAX_AGE = 7 * 24 * 60 * 60
FAVICON = "kb/favicon.svg"
FAVICON_MAX_AGE = 24 * 60 * 60


@require_safe
def media(request, path):
    """An uploaded image from default storage, or 404."""
    match = MEDIA_NAME.fullmatch(path)
    content_type = match and CONTENT_TYPES.get(match["ext"].lower())
    if not content_type or ".." in path.split("/"):
        raise Http404("No such file.")
    try:
        file = default_storage.open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, SuspiciousFileOperation):
        raise Http404("No such file.") from None
    response = FileResponse(file, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the SVG icon's
    hashed static URL. A temporary redirect, cached for a day, because that URL changes
    whenever the icon does."""
    response = HttpResponseRedirect(static(FAVICON))
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response
