"""/healthz and /readyz, for load balancers (kb/health.py)."""

import json
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError, connections
from django.test import override_settings

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    }
}


def test_healthz_says_ok_in_plain_text_and_is_never_cached(client):
    # No django_db mark: pytest-django fails any database access in this test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-store" in response["Cache-Control"]


def test_healthz_touches_neither_database_nor_cache(client):
    with (
        mock.patch.object(connections["default"], "cursor", side_effect=OperationalError),
        override_settings(CACHES=UNREACHABLE_REDIS),
    ):
        response = client.get("/healthz")

    assert response.status_code == 200


@pytest.mark.django_db
def test_readyz_reports_what_it_checked(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_naming_the_database_when_it_is_unreachable(client, caplog):
    refused = OperationalError("connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=refused):
        response = client.get("/readyz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failed"] == ["database"]
    assert body["checks"] == {"database": "failed", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "connection refused" in caplog.text  # the reason is logged, not shown
    assert b"refused" not in response.content


@pytest.mark.django_db
def test_readyz_is_503_naming_the_cache_when_redis_is_unreachable(client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content)["failed"] == ["cache"]


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_forgets_what_it_was_given(client):
    with mock.patch.object(caches["default"], "get", return_value=None):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert json.loads(response.content)["failed"] == ["cache"]


@pytest.mark.django_db
def test_probes_are_not_in_the_sitemap(client):
    sitemaps = client.get("/sitemap.xml").content.decode()
    for section in ("chapters", "articles", "glossary", "authors", "tags"):
        sitemaps += client.get(f"/sitemap-{section}.xml").content.decode()

    assert "healthz" not in sitemaps and "readyz" not in sitemaps
