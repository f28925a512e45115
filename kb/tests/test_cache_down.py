"""Redis is a cache, not a dependency: with it unreachable every page still renders from the
database, searches answer, and saves succeed."""

import pytest
from django.urls import reverse

from articles.tests.factories import ArticleFactory
from articles.tests.test_admin import article_form_data
from glossary.tests.factories import GlossaryTermFactory
from kb import settings as kb_settings
from kb.admin import EDIT_TOKEN, edit_token

pytestmark = pytest.mark.django_db
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture(autouse=True)
def dead_cache(settings):
    settings.CACHES = {"default": kb_settings.redis_cache(DEAD_REDIS)}
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def guide():
    GlossaryTermFactory(term="Roadmap")
    return ArticleFactory(title="Roadmaps in practice", body="A roadmap.")


def test_pages_render_from_the_database_with_the_cache_down(client, guide):
    for url in (
        guide.get_absolute_url(),
        reverse("articles:home"),
        guide.section.get_absolute_url(),
        reverse("glossary:index"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Roadmaps in practice" in client.get(guide.get_absolute_url()).content.decode()


def test_search_and_suggestions_answer_with_the_cache_down(client, guide):
    assert (
        "Roadmaps in practice"
        in client.get(reverse("search:search"), {"q": "roadmaps"}).content.decode()
    )
    assert client.get(reverse("search:suggest"), {"q": "road"}).status_code == 200


def test_an_admin_save_succeeds_with_the_cache_down(admin_client, guide):
    data = article_form_data(guide.section, guide.author, title="Saved anyway")
    data[EDIT_TOKEN] = edit_token(guide)
    response = admin_client.post(reverse("admin:articles_article_change", args=[guide.pk]), data)
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.title == "Saved anyway"
