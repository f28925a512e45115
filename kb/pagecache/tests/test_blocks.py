"""Blocks kept once per content version (kb/pagecache/blocks.py): the guide navigation, the
cover's lists, topic boxes, linked glossary bodies. With the page cache off, so each request
renders its page from them; writes commit for real, as the blocks move on after commit.
"""

from unittest import mock

import pytest
from django.core.cache import cache

from articles.tests.factories import (
    ArticleFactory,
    SectionFactory,
    TopicFactory,
    TopicMembershipFactory,
)
from kb.pagecache import blocks

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def nav(page):
    return page[
        page.index('<nav class="guide-nav"') : page.index("</nav>", page.index("guide-nav"))
    ]


def test_a_renamed_article_is_renamed_in_every_pages_navigation_once_committed(client, committed):
    chapter = SectionFactory()
    first, second = committed(ArticleFactory.create_batch, 2, section=chapter)
    assert second.title in nav(html(client, first.get_absolute_url()))

    second.title = "A brand new title"
    committed(second.save)

    page = html(client, first.get_absolute_url())
    assert "A brand new title" in nav(page)
    # The current page stays marked in the kept copy, whichever page asks.
    assert f'href="{first.get_absolute_url()}" aria-current="page"' in nav(page)
    assert f'href="{second.get_absolute_url()}" aria-current="page"' in nav(
        html(client, second.get_absolute_url())
    )


def test_a_new_chapter_reaches_the_cover_and_the_previous_next_links(client, committed):
    last = committed(ArticleFactory, section=SectionFactory(position=1))
    assert 'rel="next"' not in html(client, last.get_absolute_url())
    following = committed(ArticleFactory, section=SectionFactory(position=2, title="Chapter two"))

    assert "Chapter two" in html(client, "/")
    page = html(client, last.get_absolute_url())
    assert f'href="{following.get_absolute_url()}" rel="next"' in page


def topic_box(page):
    start = page.index('class="box topic-box"')
    return page[start : page.index("</nav>", start)]


def test_a_topic_box_follows_its_members(client, committed):
    topic = TopicFactory(title="Roles")
    article, other = ArticleFactory.create_batch(2)
    committed(TopicMembershipFactory, topic=topic, article=article, position=0)
    assert other.title not in topic_box(html(client, article.get_absolute_url()))

    committed(TopicMembershipFactory, topic=topic, article=other, position=1)

    assert other.title in topic_box(html(client, article.get_absolute_url()))


def test_blocks_are_read_not_recomputed_until_the_content_changes(
    client, committed, django_assert_max_num_queries
):
    article = committed(ArticleFactory)
    html(client, article.get_absolute_url())
    with django_assert_max_num_queries(2):  # the content stamp and the article
        html(client, article.get_absolute_url())


def test_a_process_reuses_the_blocks_it_has_read_without_asking_the_cache(client, committed):
    article = committed(ArticleFactory, title="Kept here")
    first = html(client, article.get_absolute_url())
    asked = []
    get, get_many = cache.get, cache.get_many

    def recording_get(name, *args, **kwargs):
        asked.append(name)
        return get(name, *args, **kwargs)

    def recording_get_many(names, *args, **kwargs):
        asked.extend(names)
        return get_many(names, *args, **kwargs)

    with (
        mock.patch.object(cache, "get", recording_get),
        mock.patch.object(cache, "get_many", recording_get_many),
    ):
        again = html(client, article.get_absolute_url())
    assert again == first
    assert [name for name in asked if name.startswith("block:")] == []


def test_an_unreachable_cache_computes_the_blocks_for_the_request(client):
    article = ArticleFactory(title="Still here")
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError("down")),
        mock.patch.object(cache, "get_many", side_effect=ConnectionError("down")),
        mock.patch.object(cache, "set_many", side_effect=ConnectionError("down")),
    ):
        page = html(client, article.get_absolute_url())
        cover = html(client, "/")
    assert "Still here" in nav(page) and "Still here" in cover


def test_block_keys_carry_the_content_version(committed):
    before = blocks.key("guide-nav", 1)
    committed(ArticleFactory)
    assert blocks.key("guide-nav", 1) != before
