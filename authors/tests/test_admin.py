import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import ExifTags, Image

from articles.tests.factories import ArticleFactory
from authors.models import Author
from authors.tests.factories import AuthorFactory
from kb.editor import SafeImageField, SafeImageFormField

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_author_admin_pages_render(admin_client):
    author = AuthorFactory(name="Anna Grigoryan")
    changelist = reverse("admin:authors_author_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert "Anna Grigoryan" in admin_client.get(changelist, {"q": "Anna"}).content.decode()
    assert admin_client.get(reverse("admin:authors_author_add")).status_code == 200
    change = admin_client.get(reverse("admin:authors_author_change", args=[author.pk]))
    assert change.status_code == 200
    assert "View on site" in change.content.decode()


def author_form_data(**overrides):
    data = {
        "name": "Anna Grigoryan",
        "slug": "",
        "job_title": "Director of Product Management",
        "organisation": "Wrike",
        "career_started": 2009,
        "bio": "Led **several** engineering teams.",
        "website": "",
        "linkedin": "",
        "user": "",
    }
    data.update(overrides)
    return data


def test_author_with_photo_is_created_and_bio_rendered(admin_client):
    data = author_form_data(photo=SimpleUploadedFile("me.png", png_bytes(), "image/png"))
    response = admin_client.post(reverse("admin:authors_author_add"), data)
    assert response.status_code == 302
    author = Author.objects.get()
    assert author.slug == "anna-grigoryan"
    assert author.photo.name.startswith("authors/")
    assert "<strong>several</strong>" in author.bio_html


def test_broken_photo_is_a_form_error_not_a_500(admin_client):
    data = author_form_data(
        photo=SimpleUploadedFile("me.png", b"<html>not an image</html>", "image/png")
    )
    response = admin_client.post(reverse("admin:authors_author_add"), data)
    assert response.status_code == 200
    assert "This file is not a PNG, JPEG, GIF or WebP image" in response.content.decode()
    assert not Author.objects.exists()


def test_implausible_career_start_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:authors_author_add"), author_form_data(career_started=1200)
    )
    assert response.status_code == 200
    assert not Author.objects.exists()


def test_deleting_an_author_with_articles_is_refused_and_names_them(admin_client):
    article = ArticleFactory(
        title="Product Management vs. Product Development", author__name="Anna Grigoryan"
    )
    url = reverse("admin:authors_author_delete", args=[article.author.pk])
    page = admin_client.get(url).content.decode()
    assert "Anna Grigoryan cannot be deleted: they are the author of the articles below." in page
    assert "Give each of them another author first" in page
    assert "Product Management vs. Product Development" in page
    assert "Yes, I’m sure" not in page
    admin_client.post(url, {"post": "yes"})
    assert Author.objects.filter(pk=article.author.pk).exists()


def test_deleting_selected_authors_with_articles_is_refused_and_names_them(admin_client):
    article = ArticleFactory(title="Roadmaps")
    free = AuthorFactory()
    changelist = reverse("admin:authors_author_changelist")
    data = {"action": "delete_selected", "_selected_action": [article.author.pk, free.pk]}
    page = admin_client.post(changelist, data).content.decode()
    assert "These authors cannot be deleted" in page
    assert "Roadmaps" in page
    admin_client.post(changelist, {**data, "post": "yes"})
    assert Author.objects.count() == 2


def test_deleting_an_author_without_articles_still_asks_to_confirm(admin_client):
    author = AuthorFactory()
    page = admin_client.get(reverse("admin:authors_author_delete", args=[author.pk]))
    assert "Are you sure" in page.content.decode()


def test_years_of_experience_follow_career_start():
    from django.utils import timezone

    author = AuthorFactory(career_started=timezone.now().year - 15)
    assert author.years_of_experience == 15
    assert AuthorFactory(career_started=None).years_of_experience is None


# Photos go through the editor's upload checks (kb.editor.clean_image), not Django's.


def post_photo(admin_client, data, name="me.png", content_type="image/png"):
    photo = SimpleUploadedFile(name, data, content_type)
    return admin_client.post(reverse("admin:authors_author_add"), author_form_data(photo=photo))


def stored_photo(response):
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Author.objects.get().photo


def test_gif_with_script_after_it_is_stored_without_the_script(admin_client, media_root):
    buffer = io.BytesIO()
    Image.new("P", (40, 30), 3).save(buffer, "GIF")
    polyglot = buffer.getvalue() + b"<script>alert(document.cookie)</script>"

    photo = stored_photo(post_photo(admin_client, polyglot, "me.gif", "image/gif"))

    stored = photo.read()
    assert b"<script" not in stored
    assert Image.open(io.BytesIO(stored)).format == "GIF"


def test_photo_keeps_its_orientation_but_not_its_location(admin_client, media_root):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG", exif=exif)

    photo = stored_photo(post_photo(admin_client, buffer.getvalue(), "me.jpg", "image/jpeg"))

    assert dict(Image.open(photo).getexif()) == {ExifTags.Base.Orientation: 6}


# Pillow warns on opening any image past its own bomb guard; kb refuses it before decoding.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_photo_over_the_pixel_budget_is_a_form_error(admin_client, media_root, settings):
    data = png_bytes(size=(12_000, 12_000))  # a 144-megapixel PNG of a few hundred KB
    assert len(data) < settings.KB_UPLOAD_MAX_BYTES

    response = post_photo(admin_client, data)

    assert response.status_code == 200
    assert "Images may have at most" in response.content.decode()
    assert not Author.objects.exists()
    assert not any(Path(media_root).rglob("*.*"))


def test_photo_is_stored_under_a_generated_name(admin_client, media_root):
    photo = stored_photo(post_photo(admin_client, png_bytes(), "anna-at-home-in-yerevan.png"))

    assert re.fullmatch(r"authors/[0-9a-f]{32}\.png", photo.name)


def test_every_image_field_goes_through_the_upload_checks():
    image_fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField)
    ]
    assert image_fields
    for field in image_fields:
        assert isinstance(field, SafeImageField), field
        assert isinstance(field.formfield(), SafeImageFormField), field
