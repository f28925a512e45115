"""The WSGI front (kb/pagecache/wsgi.py): hits answered before Django, everything else passed on.

Pages are stored the usual way (through Django, with the test client); the front is then
called as gunicorn calls kb.wsgi.application, with the environ of the same request, in front
of a stand-in for Django that records whether it was reached.
"""

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from articles.tests.factories import ArticleFactory
from kb.pagecache.wsgi import PageCacheFront

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


class Django:
    """Stands in for Django's WSGI application behind the front."""

    def __init__(self):
        self.reached = 0

    def __call__(self, environ, start_response):
        self.reached += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"rendered by Django"]


def call(front, environ):
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    answer["body"] = b"".join(front(environ, start_response))
    return answer


def environ(url, method="get", **headers):
    return getattr(RequestFactory(), method)(url, headers=headers).environ


@pytest.fixture
def stored(client):
    """An article page, rendered once through Django (which stores it)."""
    url = ArticleFactory(title="Roadmaps in practice").get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return url, response


def test_a_cached_page_is_answered_without_reaching_django(stored):
    url, rendered = stored
    django = Django()
    answer = call(PageCacheFront(django), environ(url))
    assert django.reached == 0
    assert answer["status"] == "200 OK"
    assert answer["body"] == rendered.content
    assert "Roadmaps in practice" in answer["body"].decode()
    assert answer["headers"]["ETag"] == rendered["ETag"]
    assert "Content-Security-Policy" in answer["headers"]  # what the middleware chain added


def test_a_revalidation_is_a_304_without_a_body(stored):
    url, rendered = stored
    django = Django()
    answer = call(PageCacheFront(django), environ(url, If_None_Match=rendered["ETag"]))
    assert django.reached == 0
    assert answer["status"] == "304 Not Modified"
    assert answer["body"] == b""
    assert answer["headers"]["ETag"] == rendered["ETag"]


def test_the_304_keeps_the_headers_django_keeps(stored, client):
    url, rendered = stored
    through_django = client.get(url, headers={"If-None-Match": rendered["ETag"]})
    assert through_django.status_code == 304
    answer = call(PageCacheFront(Django()), environ(url, If_None_Match=rendered["ETag"]))
    assert answer["headers"] == dict(through_django.items())
    assert {"ETag", "Last-Modified", "Cache-Control", "Vary"} <= set(answer["headers"])


def test_a_failed_precondition_is_a_412_by_djangos_rules(stored):
    url, rendered = stored
    answer = call(
        PageCacheFront(Django()),
        environ(url, If_None_Match=rendered["ETag"], If_Match='"another"'),
    )
    assert answer["status"] == "412 Precondition Failed"


def test_a_changed_etag_gets_the_whole_page(stored):
    url, rendered = stored
    answer = call(PageCacheFront(Django()), environ(url, If_None_Match='"older"'))
    assert answer["status"] == "200 OK"
    assert answer["body"] == rendered.content


def test_head_gets_the_headers_without_the_body(stored):
    url, rendered = stored
    answer = call(PageCacheFront(Django()), environ(url, method="head"))
    assert answer["status"] == "200 OK"
    assert answer["body"] == b""
    assert answer["headers"]["Content-Type"] == rendered["Content-Type"]


def test_the_compressed_copy_goes_only_to_clients_that_accept_it(client):
    url = ArticleFactory().get_absolute_url()
    compressed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip"
    identity = client.get(url)
    front = PageCacheFront(Django())
    assert call(front, environ(url, Accept_Encoding="gzip"))["body"] == compressed.content
    plain = call(front, environ(url))
    assert "Content-Encoding" not in plain["headers"]
    assert plain["body"] == identity.content


@pytest.mark.parametrize(
    "request_environ",
    [
        pytest.param(lambda url: environ(url, method="post"), id="a POST"),
        pytest.param(lambda url: environ(url, Cookie="sessionid=abc"), id="a session cookie"),
        pytest.param(lambda url: environ(url, Authorization="Basic eDp5"), id="credentials"),
        pytest.param(lambda url: environ(url + "?page=2"), id="another URL"),
        pytest.param(lambda url: environ(url, Host="localhost"), id="another host"),
    ],
)
def test_what_the_cache_does_not_answer_goes_on_to_django(stored, request_environ):
    url, _ = stored
    django = Django()
    answer = call(PageCacheFront(django), request_environ(url))
    assert django.reached == 1
    assert answer["body"] == b"rendered by Django"


def test_a_page_stored_before_a_change_goes_on_to_django(stored, committed):
    url, _ = stored
    article = ArticleFactory()
    committed(article.save)
    django = Django()
    call(PageCacheFront(django), environ(url))
    assert django.reached == 1


def test_an_unreachable_cache_goes_on_to_django(stored):
    url, _ = stored
    django = Django()
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError),
        mock.patch.object(cache, "get_many", side_effect=ConnectionError),
    ):
        answer = call(PageCacheFront(django), environ(url))
    assert django.reached == 1
    assert answer["status"] == "200 OK"


def test_the_front_steps_aside_when_the_page_cache_is_off(stored, settings):
    url, _ = stored
    settings.PAGE_CACHE_SECONDS = 0
    django = Django()
    call(PageCacheFront(django), environ(url))
    assert django.reached == 1
