import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from kb.tests.queries import CHAPTER_INTRO, LONG_TEXT, long_text_read

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def rss_items(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("channel/item")


def test_site_feed_lists_published_articles_newest_first_with_details(client):
    older = ArticleFactory(published_at=timezone.now() - timedelta(days=3), tags=["roles"])
    newer = ArticleFactory(
        title="Roadmaps",
        summary="How roadmaps work.",
        author=AuthorFactory(name="Anna Grigoryan"),
        tags=["planning", "strategy"],
    )
    items = rss_items(client, "/feeds/articles.rss")
    assert [item.findtext("title") for item in items] == [newer.title, older.title]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + newer.get_absolute_url()
    assert first.findtext("description") == "How roadmaps work."
    assert "Anna Grigoryan" in first.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert sorted(c.text for c in first.findall("category")) == ["planning", "strategy"]
    assert first.findtext("pubDate")


def test_full_content_feed_carries_the_article_html(client):
    ArticleFactory(body="## Why\n\nBecause **reasons**.")
    (item,) = rss_items(client, "/feeds/articles.rss", full="1")
    assert "<strong>reasons</strong>" in item.findtext("description")


def test_atom_feed_has_entries_with_authors_and_updated_dates(client):
    article = ArticleFactory(author=AuthorFactory(name="Anna Grigoryan"))
    response = client.get("/feeds/articles.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    (entry,) = feed.findall("a:entry", ATOM)
    assert entry.findtext("a:title", namespaces=ATOM) == article.title
    assert entry.findtext("a:author/a:name", namespaces=ATOM) == "Anna Grigoryan"
    assert entry.findtext("a:updated", namespaces=ATOM)
    assert entry.findtext("a:published", namespaces=ATOM)


def test_chapter_tag_and_author_feeds_hold_only_their_articles(client):
    section, author = SectionFactory(slug="roadmaps"), AuthorFactory(slug="anna")
    in_chapter = ArticleFactory(section=section)
    tagged = ArticleFactory(tags=["café"])
    by_author = ArticleFactory(author=author)
    for url, article in (
        ("/feeds/chapters/roadmaps.rss", in_chapter),
        ("/feeds/tags/café.rss", tagged),
        ("/feeds/authors/anna.rss", by_author),
    ):
        assert [item.findtext("title") for item in rss_items(client, url)] == [article.title]
    assert client.get("/feeds/authors/anna.atom").status_code == 200


@pytest.mark.parametrize(
    "url", ["/feeds/chapters/nope.rss", "/feeds/tags/nope.atom", "/feeds/elsewhere/x.rss"]
)
def test_unknown_feeds_are_404(client, url):
    assert client.get(url).status_code == 404


def test_feeds_never_carry_unpublished_articles(client):
    hidden_chapter = SectionFactory(status="draft", published_at=None, slug="hidden")
    ArticleFactory(draft=True, tags=["x"])
    ArticleFactory(scheduled=True, tags=["x"])
    ArticleFactory(section=hidden_chapter, tags=["x"])
    assert rss_items(client, "/feeds/articles.rss") == []
    assert client.get("/feeds/tags/x.rss").status_code == 404  # no published item carries it
    assert client.get("/feeds/chapters/hidden.rss").status_code == 404


def test_article_markdown_version_has_header_and_source(client):
    article = ArticleFactory(title="Roadmaps", summary="Plans.", body="## Why\n\nBecause.")
    response = client.get(article.get_absolute_url().rstrip("/") + ".md")
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("# Roadmaps\n\n> Plans.\n")
    assert "## Why\n\nBecause." in text


def test_markdown_version_dates_are_the_sites_local_days(client, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+13 in March
    article = ArticleFactory(published_at=datetime(2024, 3, 10, 20, 30, tzinfo=UTC))
    Article.objects.filter(pk=article.pk).update(updated_at=datetime(2024, 3, 11, 12, tzinfo=UTC))
    text = client.get(article.get_absolute_url().rstrip("/") + ".md").content.decode()
    assert "Published 2024-03-11, updated 2024-03-12." in text


def test_markdown_version_of_a_draft_is_404(client):
    article = ArticleFactory(draft=True)
    assert client.get(article.get_absolute_url().rstrip("/") + ".md").status_code == 404


def test_llms_txt_indexes_published_chapters_and_articles(client, django_assert_max_num_queries):
    first = ArticleFactory(title="Roadmaps", summary="Plans.")
    ArticleFactory(title="Secret", draft=True)
    for _ in range(5):
        ArticleFactory(section=first.section)
    with django_assert_max_num_queries(3):  # chapters, articles; the content stamp
        text = client.get("/llms.txt").content.decode()
    assert text.startswith("# ")
    assert f"## {first.section.position}. {first.section.title}" in text
    md_url = "http://testserver" + first.get_absolute_url().rstrip("/") + ".md"
    assert f"- [Roadmaps]({md_url}): Plans." in text
    assert "Secret" not in text


def test_llms_txt_reads_no_article_bodies_or_chapter_introductions(
    client, django_assert_max_num_queries
):
    article = ArticleFactory(title="Roadmaps", body="# Long\n\nText.")
    article.section.intro = "An introduction."
    article.section.save()
    with django_assert_max_num_queries(3) as captured:
        text = client.get("/llms.txt").content.decode()
    assert "[Roadmaps](" in text
    assert long_text_read(captured, LONG_TEXT + CHAPTER_INTRO) == {}


def test_markdown_version_leaves_out_the_html_comments_the_page_leaves_out(client):
    article = ArticleFactory(
        body="Intro.\n\n<!-- editor: embargoed until May -->\n\n"
        "Text <!-- TODO: check the figures --> here.\n\n"
        "Write `<!-- like this -->` for a comment:\n\n```html\n<!-- kept in code -->\n```\n"
    )
    page = client.get(article.get_absolute_url()).content.decode()
    text = client.get(article.get_absolute_url().rstrip("/") + ".md").content.decode()
    for secret in ("embargoed", "TODO"):
        assert secret not in page
        assert secret not in text
    assert "Intro.\n\nText  here." in text
    assert "`<!-- like this -->`" in text
    assert "```html\n<!-- kept in code -->\n```" in text


def test_llms_txt_lists_a_bounded_number_of_articles_per_chapter_and_links_to_the_rest(
    client, django_assert_max_num_queries
):
    from articles.markdown_views import LLMS_ARTICLES

    chapter = SectionFactory()
    articles = [ArticleFactory(section=chapter, position=n) for n in range(LLMS_ARTICLES + 3)]
    short = ArticleFactory(title="Alone")
    with django_assert_max_num_queries(3):  # chapters, articles; the content stamp
        text = client.get("/llms.txt").content.decode()
    assert all(f"[{a.title}](" in text for a in articles[:LLMS_ARTICLES])
    assert not any(f"[{a.title}](" in text for a in articles[LLMS_ARTICLES:])
    assert (
        f"- [3 more articles in this chapter](http://testserver{chapter.get_absolute_url()})"
        in text
    )
    assert "[Alone](" in text and short.section.title in text


def test_llms_txt_is_written_once_per_content_version(
    client, settings, committed, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    ArticleFactory(title="Roadmaps")
    assert "[Roadmaps](" in client.get("/llms.txt").content.decode()
    with django_assert_max_num_queries(1):  # the content stamp (local memory), or nothing
        assert "[Roadmaps](" in client.get("/llms.txt").content.decode()
    committed(ArticleFactory, title="Backlogs")
    assert "[Backlogs](" in client.get("/llms.txt").content.decode()
