"""Every response carries the headers that keep strangers' content and frames out."""

import pytest
from django.urls import reverse

from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["articles:home", "admin:login", "search:search"])
def test_pages_carry_a_policy_that_allows_no_inline_script_and_no_framing(client, name):
    ArticleFactory()
    response = client.get(reverse(name))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_plain_http_is_sent_to_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(reverse("articles:home"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_no_template_holds_an_inline_script(settings):
    # The policy forbids them: a page with one would break silently in browsers.
    for path in (settings.BASE_DIR / "templates").rglob("*.html"):
        for line in path.read_text().splitlines():
            if "<script" in line:
                assert "src=" in line, f"{path}: {line.strip()}"
