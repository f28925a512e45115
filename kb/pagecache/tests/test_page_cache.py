"""Whole pages from the cache for anonymous readers, fresh right after every kind of write.

Writes here commit for real (django_capture_on_commit_callbacks runs what waits for the
commit), because the page cache is refreshed after commit, never before.
"""

from datetime import timedelta
from unittest import mock

import pytest
import reversion
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.pagecache import stamp
from kb.publishing import Status
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response


# Hits ------------------------------------------------------------------------------------------


def test_a_second_anonymous_visit_is_served_from_the_cache(client, django_assert_max_num_queries):
    article = ArticleFactory(title="Roadmaps in practice")
    first = get(client, article.get_absolute_url())
    # Local memory is each process's own: the hit checks the one-row stamp. Redis: nothing.
    with django_assert_max_num_queries(0 if stamp.shared_cache() else 1):
        second = get(client, article.get_absolute_url())
    assert second.content == first.content
    assert "Roadmaps in practice" in second.content.decode()


def test_cached_pages_carry_validators_and_cdn_friendly_headers(client):
    response = get(client, reverse("articles:home"))
    assert response["ETag"].startswith('"')  # strong
    assert response.has_header("Last-Modified")
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=600", "stale-while-revalidate=60"} <= control
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"cookie", "accept-encoding"} <= vary


def test_a_revalidation_gets_a_304_without_a_body(client):
    url = reverse("articles:home")
    etag = get(client, url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_pages_are_compressed_for_clients_that_accept_it_and_cached_per_encoding(client):
    ArticleFactory()
    url = reverse("articles:home")
    plain = get(client, url)
    compressed = get(client, url, accept_encoding="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content)
    assert not get(client, url).has_header("Content-Encoding")


def test_a_page_has_one_etag_per_encoding_in_every_process(client):
    ArticleFactory()
    url = reverse("articles:home")
    compressed = get(client, url, accept_encoding="gzip")
    plain = get(client, url)
    cache.clear()  # another process, with a local-memory cache of its own, renders it again
    again = get(client, url, accept_encoding="gzip")
    # gzip pads each copy with random bytes, yet the ETag names what the page says.
    assert again["ETag"] == compressed["ETag"] != plain["ETag"]
    headers = {"accept_encoding": "gzip", "if_none_match": compressed["ETag"]}
    assert client.get(url, headers=headers).status_code == 304


def test_every_public_page_kind_is_cached(client):
    article = ArticleFactory(tags=["roadmap"])
    term = GlossaryTermFactory()
    urls = [
        reverse("articles:home"),
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        reverse(
            "articles:markdown", kwargs={"section": article.section.slug, "slug": article.slug}
        ),
        article.author.get_absolute_url(),
        reverse("authors:list"),
        reverse("glossary:index"),
        term.get_absolute_url(),
        reverse("articles:tags"),
        Tag.objects.get().get_absolute_url(),
        reverse("articles:feed_rss"),
        reverse("sitemap_index"),
        reverse("articles:llms_txt"),
    ]
    for url in urls:
        get(client, url)
        with mock.patch("django.template.response.SimpleTemplateResponse.render") as render:
            response = client.get(url)
        assert response.status_code == 200, url
        render.assert_not_called()
        assert "public" in response["Cache-Control"], url


# Fresh after every kind of write ---------------------------------------------------------------


def shows(client, url, text):
    return text in get(client, url).content.decode()


def test_saving_an_article_refreshes_its_page(client, committed):
    article = ArticleFactory(title="Old title")
    url = article.get_absolute_url()
    assert shows(client, url, "Old title")
    article.title = "New title"
    committed(article.save)
    assert shows(client, url, "New title")


def test_a_bulk_publish_refreshes_the_home_page(client, committed):
    article = ArticleFactory(title="Soon live", status=Status.DRAFT)
    home = reverse("articles:home")
    assert not shows(client, home, "Soon live")
    committed(Article.objects.filter(pk=article.pk).update, status=Status.PUBLISHED)
    assert shows(client, home, "Soon live")


def test_unpublishing_and_deleting_take_pages_down_at_once(client, committed):
    article, other = ArticleFactory(title="Going away"), ArticleFactory(title="Deleted soon")
    url = article.get_absolute_url()
    get(client, url)
    committed(Article.objects.filter(pk=article.pk).update, status=Status.DRAFT)
    assert client.get(url).status_code == 404
    home = reverse("articles:home")
    assert shows(client, home, "Deleted soon")
    committed(other.delete)
    assert not shows(client, home, "Deleted soon")


def test_a_tag_rename_refreshes_the_pages_that_show_the_tag(client, committed):
    article = ArticleFactory(tags=["roadmap"])
    url = article.get_absolute_url()
    assert shows(client, url, "roadmap")
    committed(Tag.objects.filter(name="roadmap").update, name="product roadmap")
    assert shows(client, url, "product roadmap")


def test_a_glossary_term_change_refreshes_the_links_in_articles(client, committed):
    GlossaryTermFactory(term="Roadmap", short_definition="A plan.")
    article = ArticleFactory(body="Our roadmap.")
    url = article.get_absolute_url()
    assert shows(client, url, "A plan.")
    committed(GlossaryTerm.objects.update, short_definition="A plan over time.")
    assert shows(client, url, "A plan over time.")


def test_an_author_bio_change_refreshes_their_articles(client, committed):
    article = ArticleFactory()
    author = article.author
    url = article.get_absolute_url()
    get(client, url)
    author.bio = "Fifteen years in product."
    committed(author.save)
    assert shows(client, url, "Fifteen years in product.")


def test_restoring_a_version_refreshes_the_page(client, committed):
    article = ArticleFactory(title="First title")
    with reversion.create_revision():
        article.save()
    article.title = "Second title"
    committed(article.save)
    url = article.get_absolute_url()
    assert shows(client, url, "Second title")
    committed(Version.objects.get_for_object(article).last().revision.revert)
    assert shows(client, url, "First title")


def test_an_import_refreshes_the_pages_it_changes(client, committed, tmp_path):
    article = ArticleFactory(title="Before the import")
    url = article.get_absolute_url()
    assert shows(client, url, "Before the import")
    call_command("export_guide", str(tmp_path / "guide"), stdout=mock.Mock())
    (path,) = (tmp_path / "guide").rglob(f"*{article.slug}.md")
    path.write_text(path.read_text().replace("Before the import", "After the import"))
    committed(call_command, "import_guide", str(tmp_path / "guide"), stdout=mock.Mock())
    assert shows(client, url, "After the import")


def test_a_scheduled_article_appears_at_its_time_with_nothing_written(client, committed):
    chapter = SectionFactory()
    at = timezone.now() + timedelta(hours=1)
    committed(ArticleFactory, section=chapter, title="Scheduled piece", published_at=at)
    url = chapter.get_absolute_url()
    assert not shows(client, url, "Scheduled piece")
    later = at + timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert shows(client, url, "Scheduled piece")


# Who never gets or makes a cached page ------------------------------------------------------


def test_a_signed_in_editor_never_gets_the_anonymous_copy_nor_leaves_theirs(editor_client):
    reader = Client()
    article = ArticleFactory()
    url = article.get_absolute_url()
    anonymous = get(reader, url)
    mine = get(editor_client, url)
    assert "public" not in mine.get("Cache-Control", "")
    assert len(_page_keys()) == 1  # only the reader's page
    assert get(reader, url).content == anonymous.content


def test_a_draft_preview_is_never_cached_or_shown_to_anyone_else(editor_client):
    draft = ArticleFactory(status=Status.DRAFT, title="Secret draft")
    url = draft.get_absolute_url()
    assert shows(editor_client, url, "Secret draft")
    assert Client().get(url).status_code == 404
    assert _page_keys() == []


def test_posts_the_admin_and_search_are_not_cached(client, admin_client):
    ArticleFactory(title="Roadmaps")
    admin_client.get(reverse("admin:index"))
    client.get(reverse("search:search"), {"q": "roadmaps"})
    client.post(reverse("articles:home"))
    assert _page_keys() == []


def test_the_page_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response = get(client, reverse("articles:home"))
    assert _page_keys() == []
    assert "public" not in response.get("Cache-Control", "")


def test_an_unreachable_cache_renders_the_page_instead_of_failing(client):
    ArticleFactory(title="Still readable")
    with mock.patch.object(cache, "get", side_effect=ConnectionError("cache is down")):
        assert shows(client, reverse("articles:home"), "Still readable")


def _page_keys():
    if stamp.shared_cache():
        return cache.keys("pagecache:page:*")
    return [key for key in cache._cache if "pagecache:page:" in key]


def test_a_deploy_makes_every_cached_page_fresh(client):
    """Every deploy recipe runs migrate: pages rendered by the old release are not served by
    the new one."""
    url = ArticleFactory().get_absolute_url()
    get(client, url)
    before = stamp.version()
    call_command("migrate", verbosity=0)
    assert stamp.version() != before
    with CaptureQueriesContext(connection) as queries:
        get(client, url)  # rendered again: the article is read
    assert any("articles_article" in query["sql"] for query in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        get(client, url)  # and cached again
    assert not any("articles_article" in query["sql"] for query in queries.captured_queries)
