"""With Redis, each process trusts its copy of the content stamp for exactly as long as Redis
says the stamp has not changed (kb/pagecache/tracking.py): a change from any other process is
seen on the very next request, and a copy is never trusted while that cannot be known.

Changes are made here as another app server makes them: through another Redis connection,
never through this process's own bump (which forgets the copy without hearing from Redis).
"""

import time

import pytest
import redis
from django.test import override_settings

from articles.tests.factories import ArticleFactory
from kb import settings as kb_settings
from kb.pagecache import stamp, tracking
from kb.pagecache.tracking import StampTracking

KEY = "kb-test:pagecache:version"
OLD, NEW = (1, None), (2, None)


def until(condition, seconds=5):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def other_server(redis_url):
    return redis.Redis.from_url(redis_url)


@pytest.fixture
def tracked(redis_url):
    """A tracking of KEY that has begun, holding OLD."""
    watch = StampTracking(redis_url, [KEY])
    watch.arrivals()  # starts the listener
    until(lambda: watch._fd is not None and not watch._draining)
    watch.remember(OLD, watch.arrivals())
    assert watch.trusted() == OLD
    return watch


def test_a_change_by_another_server_is_seen_before_this_process_has_handled_it(
    tracked, other_server
):
    with tracked._lock:  # the listening thread cannot handle anything meanwhile
        other_server.set(KEY, 2)
        # Only the message waiting on the socket tells: the copy is not trusted.
        assert tracked.trusted() is None
    until(lambda: not tracked._draining and tracked._stamp is None)
    assert tracked.trusted() is None


def test_a_stamp_read_before_a_change_is_not_kept(tracked, other_server):
    arrivals = tracked.arrivals()
    other_server.set(KEY, 2)  # lands while "the stamp was being read"
    until(lambda: tracked.arrivals() != arrivals and not tracked._draining)
    tracked.remember(OLD, arrivals)
    assert tracked.trusted() is None
    tracked.remember(NEW, tracked.arrivals())
    assert tracked.trusted() == NEW


def test_keys_outside_the_stamp_leave_the_copy_trusted(tracked, other_server):
    other_server.set("kb-test:pagecache:page:x", 1)
    time.sleep(0.1)
    assert tracked.trusted() == OLD


def test_emptying_redis_forgets_the_copy(tracked, other_server):
    other_server.flushdb()
    until(lambda: tracked.trusted() is None)


def test_a_lost_connection_forgets_the_copy_until_tracking_is_back(tracked, other_server):
    for client in other_server.client_list():
        if client["name"] == tracking.CLIENT_NAME:
            other_server.client_kill_filter(_id=client["id"])
    assert tracked.trusted() is None  # the closed socket is readable at once
    until(lambda: tracked._fd is None)
    tracked.remember(OLD, tracked.arrivals())  # while not tracking: refused
    assert tracked.trusted() is None
    until(lambda: tracked._fd is not None and not tracked._draining, seconds=10)
    tracked.remember(NEW, tracked.arrivals())
    assert tracked.trusted() == NEW


@pytest.mark.django_db
def test_a_page_hit_asks_redis_nothing_yet_a_change_elsewhere_is_served_at_once(
    client, committed, redis_url, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    with override_settings(CACHES={"default": kb_settings.redis_cache(redis_url)}):
        from django.core.cache import cache

        cache.clear()
        article = ArticleFactory(title="Roadmaps in practice")
        url = article.get_absolute_url()
        client.get(url)  # rendered and stored
        client.get(url)  # a hit: the stamp read from Redis, now tracked
        watch = stamp._tracking()
        until(lambda: watch.trusted() is not None)

        def no_redis(*args, **kwargs):
            raise AssertionError("a hit with a trusted stamp asked Redis")

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cache, "get", no_redis)
            patch.setattr(cache, "get_many", no_redis)
            assert "Roadmaps in practice" in client.get(url).content.decode()

        # Another app server publishes a new title: its bump reaches this process only
        # through Redis.
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(stamp, "_tracking", lambda: None)
            article.title = "Roadmaps, revised"
            committed(article.save)
        assert "Roadmaps, revised" in client.get(url).content.decode()
        cache.clear()
