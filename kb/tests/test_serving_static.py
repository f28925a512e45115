"""Static files as production serves them: DEBUG off, the manifest storage after a real
`collectstatic`, WhiteNoise answering (kb/settings.py's serving block)."""

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client, override_settings

MANIFEST_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """One collectstatic for the module: hashed names, .gz and .br copies, a manifest."""
    root = tmp_path_factory.mktemp("collected")
    with override_settings(STATIC_ROOT=root, STORAGES=production_storages()):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def production_storages():
    from django.conf import settings

    return {**settings.STORAGES, "staticfiles": MANIFEST_STORAGE}


@pytest.fixture
def production(settings, collected):
    """As `make serve` runs: DEBUG off, the manifest storage, STATIC_ROOT collected. A fresh
    client, so WhiteNoise starts with these settings and scans the collected files."""
    settings.DEBUG = False
    settings.STATIC_ROOT = collected
    settings.STORAGES = production_storages()
    return Client()


def max_age(response):
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"])[1])


def body(response):
    return b"".join(response.streaming_content)


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_copies(collected):
    hashed = list((collected / "kb" / "css").glob("site.*.css"))
    assert len(hashed) == 1
    assert hashed[0].with_name(hashed[0].name + ".gz").exists()
    assert hashed[0].with_name(hashed[0].name + ".br").exists()


def test_hashed_css_is_served_with_an_immutable_far_future_cache_control(production):
    url = staticfiles_storage.url("kb/css/site.css")
    assert re.fullmatch(r"/static/kb/css/site\.[0-9a-f]{12}\.css", url)

    response = production.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response["Cache-Control"] == f"max-age={ONE_YEAR}, public, immutable"
    assert b"--accent" in body(response)


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_hashed_css_is_sent_precompressed_to_clients_that_accept_it(production, encoding):
    url = staticfiles_storage.url("kb/css/site.css")
    plain = production.get(url)

    response = production.get(url, headers={"accept-encoding": encoding})

    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert int(response["Content-Length"]) < int(plain["Content-Length"])


def test_unhashed_name_is_served_but_only_briefly_cached(production):
    response = production.get("/static/kb/css/site.css")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert max_age(response) < ONE_YEAR


@pytest.mark.django_db  # a 404 asks kb.redirects for a moved page first
def test_unknown_static_file_is_404(production):
    assert production.get("/static/kb/css/nothing.css").status_code == 404


def test_favicon_ico_leads_to_the_hashed_svg_icon(production):
    response = production.get("/favicon.ico", follow=True)

    assert response.redirect_chain[0][1] == 302
    assert re.fullmatch(r"/static/kb/favicon\.[0-9a-f]{12}\.svg", response.redirect_chain[0][0])
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "immutable" in response["Cache-Control"]


@pytest.mark.django_db
def test_pages_link_the_hashed_stylesheet_and_the_icon(production):
    html = production.get("/").content.decode()

    assert f'href="{staticfiles_storage.url("kb/css/site.css")}"' in html
    assert re.search(r'<link rel="icon" href="/static/kb/favicon\.[0-9a-f]{12}\.svg"', html)
