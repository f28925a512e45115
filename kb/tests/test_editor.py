import re
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image, ImageFile

from kb import editor
from kb.markdown import markdownify

PREVIEW_URL = reverse("markdownx_markdownify")
UPLOAD_URL = reverse("markdownx_upload")
IMAGE_CODE = re.compile(r"^!\[\]\((?P<url>[^)]+)\)$")


def image_bytes(image_format, size=(40, 30), mode="RGB", color="teal", **options):
    buffer = BytesIO()
    Image.new(mode, size, color).save(buffer, image_format, **options)
    return buffer.getvalue()


def animated_gif(colors=("red", "lime", "blue"), durations=(100, 200, 300)):
    frames = [Image.new("RGB", (40, 30), color) for color in colors]
    buffer = BytesIO()
    frames[0].save(
        buffer, "GIF", save_all=True, append_images=frames[1:], duration=list(durations), loop=0
    )
    return buffer.getvalue()


def upload(client, data, name="picture.png", content_type="image/png"):
    return client.post(UPLOAD_URL, {"image": SimpleUploadedFile(name, data, content_type)})


def stored_files(media_root):
    return sorted(path for path in Path(media_root).rglob("*") if path.is_file())


def stored_file(response, settings, media_root):
    """The file the returned Markdown points to, checked to be the only one stored."""
    assert response.status_code == 200, response.content
    url = IMAGE_CODE.match(response.json()["image_code"])["url"]
    assert url.startswith(settings.MEDIA_URL)
    path = Path(media_root) / url.removeprefix(settings.MEDIA_URL)
    assert stored_files(media_root) == [path]
    return path


def assert_refused(response, media_root):
    assert response.status_code == 400
    assert response.json()["image"][0]  # a message markdownx's widget can report
    assert stored_files(media_root) == []


@pytest.fixture
def staff_client(client, django_user_model):
    """Signed-in staff with no right to change any content."""
    user = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    client.force_login(user)
    return client


# Who may call the endpoints


@pytest.mark.django_db
def test_anonymous_visitor_gets_403_from_preview(client):
    response = client.post(PREVIEW_URL, {"content": "# Hello"})

    assert response.status_code == 403


@pytest.mark.django_db
def test_anonymous_upload_is_403_and_stores_nothing(client, media_root):
    response = upload(client, image_bytes("PNG"))

    assert response.status_code == 403
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW_URL, UPLOAD_URL])
def test_signed_in_user_who_is_not_staff_gets_403_even_with_permissions(
    client, django_user_model, media_root, url
):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.set(Permission.objects.filter(codename="change_article"))
    client.force_login(user)

    response = client.post(url, {"content": "# Hi", "image": SimpleUploadedFile("a.png", b"")})

    assert response.status_code == 403
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW_URL, UPLOAD_URL])
def test_staff_without_edit_rights_gets_403(staff_client, media_root, url):
    response = staff_client.post(
        url, {"content": "# Hi", "image": SimpleUploadedFile("a.png", image_bytes("PNG"))}
    )

    assert response.status_code == 403
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize("permission", editor.EDIT_PERMISSIONS)
def test_staff_with_any_one_change_permission_may_preview(
    staff_client, django_user_model, permission
):
    app_label, codename = permission.split(".")
    user = django_user_model.objects.get(username="staff")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )

    response = staff_client.post(PREVIEW_URL, {"content": "# Hi"})

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PREVIEW_URL, UPLOAD_URL])
def test_get_is_405(editor_client, url):
    assert editor_client.get(url).status_code == 405


@pytest.mark.django_db
def test_csrf_token_is_still_required(editor_client, media_root):
    strict_client = Client(enforce_csrf_checks=True)
    strict_client.force_login(editor_client.user)

    response = upload(strict_client, image_bytes("PNG"))

    assert response.status_code == 403
    assert stored_files(media_root) == []


# Preview


@pytest.mark.django_db
def test_preview_returns_the_pipelines_html_byte_for_byte(editor_client):
    source = "# Título\n\nSome *text* with a [link](https://example.com) and <script>x</script>.\n"

    response = editor_client.post(PREVIEW_URL, {"content": source})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == markdownify(source).encode()


@pytest.mark.django_db
def test_preview_of_empty_text_is_empty_but_fine(editor_client):
    response = editor_client.post(PREVIEW_URL, {"content": ""})

    assert response.status_code == 200


@pytest.mark.django_db
def test_preview_without_content_is_400(editor_client):
    response = editor_client.post(PREVIEW_URL, {})

    assert response.status_code == 400


@pytest.mark.django_db
def test_preview_longer_than_the_cap_is_refused_with_a_reason(editor_client, settings):
    settings.KB_MARKDOWN_PREVIEW_MAX_CHARS = 10

    at_cap = editor_client.post(PREVIEW_URL, {"content": "x" * 10})
    over_cap = editor_client.post(PREVIEW_URL, {"content": "x" * 11})

    assert at_cap.status_code == 200
    assert over_cap.status_code == 413
    assert "limited to 10 characters" in over_cap.content.decode()


# Upload: what is accepted, and how it is stored


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("image_format", "extension"),
    [("PNG", "png"), ("JPEG", "jpg"), ("GIF", "gif"), ("WEBP", "webp")],
)
@pytest.mark.parametrize(
    ("name", "content_type"), [("evil.html", "text/html"), ("x.svg", "image/svg+xml")]
)
def test_real_image_is_stored_under_the_extension_of_its_detected_format(
    editor_client, settings, media_root, image_format, extension, name, content_type
):
    response = upload(editor_client, image_bytes(image_format), name, content_type)

    path = stored_file(response, settings, media_root)
    assert path.suffix == f".{extension}"
    assert Image.open(path).format == image_format


@pytest.mark.django_db
def test_stored_name_is_generated_under_uploads_year_and_month(editor_client, settings, media_root):
    response = upload(editor_client, image_bytes("PNG"), "../../my photo.png")

    path = stored_file(response, settings, media_root)
    relative = path.relative_to(media_root).as_posix()
    assert re.fullmatch(r"uploads/\d{4}/\d{2}/[0-9a-f]{32}\.png", relative)


@pytest.mark.django_db
def test_large_image_is_not_resized(editor_client, settings, media_root):
    response = upload(editor_client, image_bytes("JPEG", size=(1200, 800)), "big.jpg")

    assert Image.open(stored_file(response, settings, media_root)).size == (1200, 800)


@pytest.mark.django_db
def test_png_pixels_and_transparency_survive_exactly(editor_client, settings, media_root):
    original = Image.new("RGBA", (20, 10), (255, 0, 0, 0))
    original.putpixel((3, 4), (10, 200, 30, 128))
    buffer = BytesIO()
    original.save(buffer, "PNG")

    stored = Image.open(stored_file(upload(editor_client, buffer.getvalue()), settings, media_root))

    assert stored.mode == "RGBA"
    assert stored.tobytes() == original.tobytes()


@pytest.mark.django_db
def test_lossless_webp_stays_lossless(editor_client, settings, media_root):
    original = Image.new("RGB", (20, 10), (1, 2, 3))
    original.putpixel((5, 5), (250, 251, 252))
    buffer = BytesIO()
    original.save(buffer, "WEBP", lossless=True)

    path = stored_file(upload(editor_client, buffer.getvalue(), "a.webp"), settings, media_root)

    assert path.read_bytes()[12:16] == b"VP8L"
    assert Image.open(path).convert("RGB").tobytes() == original.tobytes()


@pytest.mark.django_db
def test_animated_gif_keeps_its_frames_and_timing(editor_client, settings, media_root):
    response = upload(editor_client, animated_gif(), "a.gif", "image/gif")

    stored = Image.open(stored_file(response, settings, media_root))
    assert stored.n_frames == 3
    frames = []
    for index in range(3):
        stored.seek(index)
        frames.append((stored.convert("RGB").getpixel((0, 0)), stored.info["duration"]))
    assert frames == [((255, 0, 0), 100), ((0, 255, 0), 200), ((0, 0, 255), 300)]
    assert stored.info["loop"] == 0


@pytest.mark.django_db
def test_jpeg_is_rewritten_at_its_own_quality(editor_client, settings, media_root):
    source = image_bytes("JPEG", size=(64, 64), quality=30)

    response = upload(editor_client, source, "photo.jpg", "image/jpeg")

    stored = Image.open(stored_file(response, settings, media_root))
    assert stored.quantization == Image.open(BytesIO(source)).quantization


@pytest.mark.django_db
def test_jpeg_keeps_its_orientation_but_not_its_location(editor_client, settings, media_root):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Phone"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"

    response = upload(editor_client, image_bytes("JPEG", exif=exif), "photo.jpg", "image/jpeg")

    stored_exif = Image.open(stored_file(response, settings, media_root)).getexif()
    assert dict(stored_exif) == {ExifTags.Base.Orientation: 6}


@pytest.mark.django_db
def test_phone_jpeg_with_a_second_picture_is_stored_as_plain_jpeg(
    editor_client, settings, media_root
):
    buffer = BytesIO()
    first, second = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (20, 15), "blue")
    first.save(buffer, "MPO", save_all=True, append_images=[second])

    response = upload(editor_client, buffer.getvalue(), "IMG_0001.jpg", "image/jpeg")

    stored = Image.open(stored_file(response, settings, media_root))
    assert (stored.format, stored.size, getattr(stored, "n_frames", 1)) == ("JPEG", (40, 30), 1)


# Upload: what is refused


@pytest.mark.django_db
def test_upload_without_a_file_is_400(editor_client, media_root):
    assert_refused(editor_client.post(UPLOAD_URL, {}), media_root)


@pytest.mark.django_db
def test_svg_is_refused(editor_client, media_root):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'

    assert_refused(upload(editor_client, svg, "x.svg", "image/svg+xml"), media_root)


@pytest.mark.django_db
def test_html_declared_as_gif_is_refused(editor_client, media_root):
    html = b"GIF89a<html><script>alert(document.cookie)</script></html>"

    assert_refused(upload(editor_client, html, "cat.gif", "image/gif"), media_root)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "polyglot"),
    [
        ("appended.gif", image_bytes("GIF") + b"<html><script>alert(1)</script></html>"),
        ("appended.png", image_bytes("PNG") + b"<!DOCTYPE html><script>alert(1)</script>"),
        ("comment.gif", image_bytes("GIF", comment=b"<script>alert(1)</script>")),
        ("comment.jpg", image_bytes("JPEG", comment=b"<svg onload=alert(1)>")),
        ("exif.jpg", image_bytes("JPEG", exif=b"Exif\x00\x00<script>alert(1)</script>")),
    ],
)
def test_markup_hidden_in_an_image_is_not_stored(
    editor_client, settings, media_root, name, polyglot
):
    response = upload(editor_client, polyglot, name, "image/gif")

    stored = stored_file(response, settings, media_root).read_bytes()
    assert editor.MARKUP.search(stored) is None
    assert b"alert" not in stored


@pytest.mark.django_db
def test_image_whose_encoding_spells_markup_is_refused(editor_client, media_root, monkeypatch):
    monkeypatch.setattr(editor.DecodedImage, "encode", lambda self: b"\x89PNG<script>")

    assert_refused(upload(editor_client, image_bytes("PNG")), media_root)


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "GIF", "WEBP"])
def test_truncated_image_is_refused(editor_client, media_root, image_format):
    noisy = Image.effect_noise((200, 200), 64).convert("RGB")  # no long runs to compress
    buffer = BytesIO()
    noisy.save(buffer, image_format)
    whole = buffer.getvalue()

    assert_refused(upload(editor_client, whole[: len(whole) // 2]), media_root)


@pytest.mark.django_db
def test_small_file_that_decodes_to_9000_by_9000_is_refused_without_decoding(
    editor_client, media_root, monkeypatch
):
    bomb = image_bytes("PNG", size=(9000, 9000), mode="1", color=0)
    assert len(bomb) < 230 * 1024
    decoded = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or load(image)
    )

    response = upload(editor_client, bomb, "tiny.png")

    assert_refused(response, media_root)
    assert "at most 40,000,000 pixels" in response.json()["image"][0]
    assert decoded == []


@pytest.mark.django_db
def test_pixel_budget_counts_every_frame_of_an_animation(editor_client, settings, media_root):
    settings.KB_UPLOAD_MAX_PIXELS = 40 * 30 * 2  # two of the three frames

    assert_refused(upload(editor_client, animated_gif(), "a.gif", "image/gif"), media_root)


@pytest.mark.django_db
def test_pillows_own_bomb_guard_gives_400_not_500(editor_client, settings, media_root, monkeypatch):
    settings.KB_UPLOAD_MAX_PIXELS = 10**9
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)

    assert_refused(upload(editor_client, image_bytes("PNG", size=(300, 300))), media_root)


@pytest.mark.django_db
def test_file_over_the_byte_limit_is_refused(editor_client, settings, media_root):
    data = image_bytes("PNG")
    settings.KB_UPLOAD_MAX_BYTES = len(data) - 1

    response = upload(editor_client, data)

    assert_refused(response, media_root)
    assert "at most" in response.json()["image"][0]


@pytest.mark.django_db
def test_preview_links_glossary_terms_exactly_like_the_published_article(editor_client, client):
    from articles.tests.factories import ArticleFactory
    from glossary.tests.factories import GlossaryTermFactory

    GlossaryTermFactory(term="Product backlog", short_definition="The ordered list of work.")
    source = "## Why\n\nKeep the product backlog short."
    article = ArticleFactory(body=source)
    preview = editor_client.post(PREVIEW_URL, {"content": source}).content.decode()
    assert 'class="term-link"' in preview
    public = client.get(article.get_absolute_url()).content.decode()
    assert preview in public
