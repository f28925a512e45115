"""Uploaded images served by kb.serving.media, with DEBUG off as in production, and on."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

pytestmark = pytest.mark.django_db  # 404s ask kb.redirects for a moved page first


def png_bytes():
    output = BytesIO()
    Image.new("RGB", (2, 2), "red").save(output, "PNG")
    return output.getvalue()


@pytest.fixture
def upload():
    return default_storage.save("uploads/2026/01/picture.png", ContentFile(png_bytes()))


@pytest.fixture
def secret(media_root):
    """A file beside MEDIA_ROOT, never to be served."""
    path = media_root.parent / "secret.png"
    path.write_bytes(b"not for readers")
    return path


def content(response):
    return b"".join(response.streaming_content)


def test_upload_is_served_as_an_image_that_can_run_nothing(client, settings, upload):
    settings.DEBUG = False

    response = client.get(f"/media/{upload}")

    assert response.status_code == 200
    assert content(response) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp and "script-src" not in csp
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]


def test_upload_is_served_with_debug_on_too(client, settings, upload):
    settings.DEBUG = True

    response = client.get(f"/media/{upload}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.png", "image/png"),
        ("a.jpg", "image/jpeg"),
        ("a.JPEG", "image/jpeg"),
        ("a.gif", "image/gif"),
        ("a.webp", "image/webp"),
    ],
)
def test_type_comes_from_the_extension_not_the_bytes(client, name, content_type):
    default_storage.save(f"uploads/{name}", ContentFile(b"<html><script>alert(1)</script>"))

    response = client.get(f"/media/uploads/{name}")

    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["page.html", "icon.svg", "notes.txt", "script.js", "noext"])
def test_other_file_types_are_404_even_when_stored(client, name):
    default_storage.save(f"uploads/{name}", ContentFile(b"<svg onload=alert(1)>"))

    assert client.get(f"/media/uploads/{name}").status_code == 404


def test_head_is_answered_and_writes_are_refused(client, upload):
    assert client.head(f"/media/{upload}").status_code == 200
    assert client.post(f"/media/{upload}").status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/media/uploads/",
        "/media/uploads/2026",
        "/media/uploads/2026/01/",
        "/media/uploads/missing.png",
    ],
)
def test_folders_are_not_listed_and_missing_files_are_404(client, upload, path):
    assert client.get(path).status_code == 404


def test_a_folder_named_like_an_image_is_404(client, media_root):
    (media_root / "uploads" / "folder.png").mkdir(parents=True)

    assert client.get("/media/uploads/folder.png").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../secret.png",
        "/media/uploads/../../secret.png",
        "/media/%2e%2e/secret.png",
        "/media/uploads%2F..%2F..%2Fsecret.png",
        "/media/..%5Csecret.png",
        "/media/uploads/2026/01/picture.png%00.png",
        "/media/uploads/2026/01/picture.png%00",
        "/media/./uploads/2026/01/picture.png",
    ],
)
def test_paths_that_leave_or_bend_media_root_are_refused(client, upload, secret, path):
    response = client.get(path)

    # A NUL anywhere in a URL is a bad request before any view (kb/middleware.py).
    assert response.status_code == (400 if "%00" in path else 404)
    assert b"not for readers" not in response.content


def test_absolute_paths_are_refused(client, upload, secret):
    assert client.get(f"/media/{secret}").status_code == 404
    assert client.get(f"/media//{upload}").status_code == 404
