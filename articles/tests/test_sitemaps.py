import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Section
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.models import Author
from authors.tests.factories import AuthorFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status
from kb.tests.queries import CHAPTER_INTRO, LONG_TEXT, long_text_read

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    """Follow the index to every sitemap file and return {loc: lastmod}."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        path = loc.text.split("testserver", 1)[1]
        response = client.get(path)
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            lastmod = url.find("sm:lastmod", NS)
            urls[url.find("sm:loc", NS).text] = lastmod.text if lastmod is not None else None
    return urls


def test_sitemap_index_lists_every_kind_of_page_with_lastmod(client):
    article = ArticleFactory(title="Roadmaps", tags=["planning"])
    term = GlossaryTermFactory(term="Backlog")
    urls = sitemap_urls(client)
    base = "http://testserver"
    for page in (
        article.get_absolute_url(),
        article.section.get_absolute_url(),
        article.author.get_absolute_url(),
        term.get_absolute_url(),
        "/tags/planning/",
    ):
        assert base + page in urls
        assert urls[base + page].startswith(str(article.updated_at.year))
    assert urls[base + article.get_absolute_url()] == article.updated_at.strftime("%Y-%m-%d")


def test_sitemap_leaves_out_everything_unpublished(client):
    draft = ArticleFactory(draft=True, tags=["secret-tag"])
    scheduled = ArticleFactory(scheduled=True)
    hidden_chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    in_hidden_chapter = ArticleFactory(section=hidden_chapter)
    draft_term = GlossaryTermFactory(draft=True)
    urls = " ".join(sitemap_urls(client))
    for page in (
        draft.get_absolute_url(),
        scheduled.get_absolute_url(),
        hidden_chapter.get_absolute_url(),
        in_hidden_chapter.get_absolute_url(),
        draft_term.get_absolute_url(),
        "/tags/secret-tag/",
    ):
        assert page not in urls


def test_authors_sitemap_leaves_out_authors_without_a_published_article(client):
    published = ArticleFactory(author=AuthorFactory(slug="shown"))
    ArticleFactory(draft=True, author=AuthorFactory(slug="drafts-only"))
    ArticleFactory(scheduled=True, author=AuthorFactory(slug="scheduled-only"))
    AuthorFactory(slug="no-articles")
    urls = " ".join(sitemap_urls(client))
    assert published.author.get_absolute_url() in urls
    for slug in ("drafts-only", "scheduled-only", "no-articles"):
        assert f"/authors/{slug}/" not in urls


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_sitemaps_read_no_bodies_explanations_bios_or_introductions(client):
    article = ArticleFactory(tags=["planning"], body="# Long\n\nText.")
    article.section.intro = "An introduction."
    article.section.save()
    GlossaryTermFactory(explanation="A long explanation.", tags=["planning"])
    with CaptureQueriesContext(connection) as captured:
        urls = sitemap_urls(client)
    assert "http://testserver" + article.get_absolute_url() in urls
    assert long_text_read(captured, LONG_TEXT + CHAPTER_INTRO) == {}


def test_a_sitemap_is_computed_once_per_content_version(
    client, settings, committed, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # the page cache off: only the kept block can answer
    first = ArticleFactory(title="Roadmaps")
    assert first.get_absolute_url() in client.get("/sitemap-articles.xml").content.decode()
    with django_assert_max_num_queries(1):  # the content stamp (local memory), or nothing
        again = client.get("/sitemap-articles.xml")
    assert first.get_absolute_url() in again.content.decode()

    second = committed(ArticleFactory, title="Backlogs")
    listed = client.get("/sitemap-articles.xml").content.decode()
    assert first.get_absolute_url() in listed and second.get_absolute_url() in listed
    assert client.get("/sitemap-articles.xml?p=9").status_code == 404


def test_the_index_gives_each_file_its_newest_lastmod_without_loading_every_item(
    client, django_assert_max_num_queries
):
    author = AuthorFactory()
    for n in range(3):
        ArticleFactory(author=author, tags=[f"tag {n}"])
    GlossaryTermFactory(tags=["tag 0"])
    draft = ArticleFactory(draft=True, tags=["tag 9"], author=author)  # counts nowhere
    old, newest, newer_draft = (
        datetime(2020, 1, 1, tzinfo=UTC),
        datetime(2021, 3, 4, tzinfo=UTC),
        datetime(2025, 1, 1, tzinfo=UTC),
    )
    for model in (Section, Article, GlossaryTerm, Author):
        model.objects.update(updated_at=old)
    Article.objects.filter(pk=Article.objects.published().first().pk).update(updated_at=newest)
    Article.objects.filter(pk=draft.pk).update(updated_at=newer_draft)
    # Per sitemap: its size, and its newest lastmod by one aggregate (tags and authors: two),
    # however many items it lists; plus the content stamp.
    with django_assert_max_num_queries(13):
        index = ET.fromstring(client.get("/sitemap.xml").content)
    for entry in index.findall("sm:sitemap", NS):
        path = entry.find("sm:loc", NS).text.split("testserver", 1)[1]
        listed = ET.fromstring(client.get(path).content)
        newest = max(url.find("sm:lastmod", NS).text for url in listed.findall("sm:url", NS))
        # The index gives the moment, each file the day (Django's templates).
        assert entry.find("sm:lastmod", NS).text[:10] == newest, path
        expected = (
            "2020-01-01"
            if path in ("/sitemap-chapters.xml", "/sitemap-glossary.xml")
            else "2021-03-04"
        )
        assert newest == expected, path


def test_sitemap_files_hold_a_bounded_number_of_urls(client, settings):
    from articles.sitemaps import ArticleSitemap

    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory.create_batch(5)
    with mock.patch.object(ArticleSitemap, "limit", 2):
        index = client.get("/sitemap.xml").content.decode()
        assert "sitemap-articles.xml?p=3" in index and "?p=4" not in index
        last = ET.fromstring(client.get("/sitemap-articles.xml?p=3").content)
    assert len(last.findall("sm:url", NS)) == 1


def test_the_index_is_computed_once_per_content_version(
    client, settings, committed, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # the page cache off: only the kept index can answer
    ArticleFactory()
    first = client.get("/sitemap.xml")
    with django_assert_max_num_queries(1):  # the content stamp (local memory), or nothing
        again = client.get("/sitemap.xml")
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] == "application/xml"
    assert again["X-Robots-Tag"] == first["X-Robots-Tag"]

    undated = "sitemap-glossary.xml</loc></sitemap>"  # no term yet: no lastmod
    assert undated in first.content.decode()
    committed(GlossaryTermFactory)
    assert undated not in client.get("/sitemap.xml").content.decode()
