"""A chapter of any length shows a bounded part of itself on every page: the cover lists its
first articles and links to the rest, the chapter page is paginated, and the guide navigation
opens only the run of articles around the current one."""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from articles.templatetags.articles import NAV_ARTICLES
from articles.tests.factories import ArticleFactory, SectionFactory
from articles.views import CHAPTER_ARTICLES_PER_PAGE, COVER_ARTICLES
from authors.tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db
LENGTH = 65  # more than two chapter pages and three navigation runs


@pytest.fixture
def long_chapter():
    chapter = SectionFactory(title="Discovery", position=1)
    template = ArticleFactory.build(section=chapter, author=AuthorFactory())
    Article.objects.bulk_create(
        Article(
            section=chapter,
            author=template.author,
            title=f"Discovery note {n:02}",
            slug=f"discovery-note-{n:02}",
            position=n,
            summary=template.summary,
            body=template.body,
            status=template.status,
            published_at=template.published_at,
        )
        for n in range(1, LENGTH + 1)
    )
    return chapter


def titles(html):
    return re.findall(r"Discovery note (\d\d)", html)


def guide_nav(html):
    return html[html.index('class="guide-nav"') : html.index("</nav>", html.index("guide-nav"))]


def test_the_cover_lists_the_first_articles_of_a_long_chapter_and_links_to_the_rest(
    client, long_chapter
):
    html = client.get(reverse("articles:home")).content.decode()
    cover = html[html.index('id="chapters-heading"') :]
    assert titles(cover) == [f"{n:02}" for n in range(1, COVER_ARTICLES + 1)]
    more = LENGTH - COVER_ARTICLES
    assert f'<a href="{long_chapter.get_absolute_url()}">{more} more articles' in cover


def test_a_long_chapter_is_paginated_with_prev_and_next_links(client, long_chapter):
    url = long_chapter.get_absolute_url()
    first = client.get(url).content.decode()
    assert titles(first[first.index("In this chapter") :]) == [
        f"{n:02}" for n in range(1, CHAPTER_ARTICLES_PER_PAGE + 1)
    ]
    assert f"{LENGTH} articles, page 1 of 3." in first
    assert 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first.split("<main")[1]

    last = client.get(url, {"page": 3}).content.decode()
    assert titles(last[last.index("In this chapter") :]) == ["61", "62", "63", "64", "65"]
    assert 'rel="prev" href="?page=2"' in last
    assert "<title>1. Discovery (page 3)" in last
    assert f'<link rel="canonical" href="http://testserver{url}?page=3">' in last

    for bad in ("4", "0", "abc", "-1"):
        assert client.get(url, {"page": bad}).status_code == 404


def test_the_guide_navigation_opens_the_run_that_holds_the_current_article(client, long_chapter):
    article = Article.objects.get(slug="discovery-note-45")
    nav = guide_nav(client.get(article.get_absolute_url()).content.decode())
    run = [f"{n:02}" for n in range(2 * NAV_ARTICLES + 1, 3 * NAV_ARTICLES + 1)]
    assert titles(nav) == run
    assert f"Articles 41–60 of {LENGTH}" in nav
    assert f'<a href="{long_chapter.get_absolute_url()}">All {LENGTH} articles' in nav
    assert f'href="{article.get_absolute_url()}" aria-current="page"' in nav

    chapter_nav = guide_nav(client.get(long_chapter.get_absolute_url()).content.decode())
    assert titles(chapter_nav) == [f"{n:02}" for n in range(1, NAV_ARTICLES + 1)]


def test_a_short_chapter_looks_as_it_always_did(client):
    chapter = SectionFactory()
    articles = ArticleFactory.create_batch(3, section=chapter)
    for url in (
        reverse("articles:home"),
        chapter.get_absolute_url(),
        articles[0].get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        assert all(article.title in html for article in articles)
        assert "more article" not in html
        assert "All 3 articles" not in html and "Articles 1–3" not in html
        assert 'class="pager"' not in html


def test_kept_list_pages_show_a_new_article_right_after_it_is_published(
    client, settings, committed
):
    from glossary.tests.factories import GlossaryTermFactory

    settings.PAGE_CACHE_SECONDS = 0  # only the pages kept per content version remain
    chapter, author = SectionFactory(), AuthorFactory()
    term = GlossaryTermFactory(term="Roadmap")
    ArticleFactory(section=chapter, author=author, title="First", body="A roadmap.")
    used_in = reverse("glossary:used_in", args=[term.slug])
    urls = (chapter.get_absolute_url(), author.get_absolute_url(), used_in)
    for url in urls:
        assert "Second" not in client.get(url).content.decode()
    committed(ArticleFactory, section=chapter, author=author, title="Second", body="A roadmap.")
    for url in urls:
        assert "Second" in client.get(url).content.decode(), url
