"""No URL of the public site answers a 5xx, whatever its path parameters and query string.

Hypothesis draws, with a fixed seed and a bounded number of cases, a pattern from kb/urls.py's
resolver (all of it but the admin and the editors' markdownx views), fills each of its
parameters and a query string from text with NUL, other controls, any Unicode, very long runs
and percent-encodings (valid, invalid and of bytes that are not UTF-8), and asks for it.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.tests.factories import ArticleFactory
from glossary.tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 200
EDITORS_ONLY = ("admin/", "markdownx/")


def public_routes(resolver=None, prefix=""):
    """Every public pattern as its full route, e.g. "guide/<uslug:section>/<uslug:slug>/"."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(EDITORS_ONLY):
            continue
        if isinstance(entry, URLResolver):
            yield from public_routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


ROUTES = sorted(set(public_routes()))
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")

percent_encoded = st.lists(st.integers(0, 255), min_size=1, max_size=8).map(
    lambda octets: "".join(f"%{octet:02X}" for octet in octets)
)
broken_percent = st.sampled_from(["%", "%0", "%zz", "%%", "%00", "%C3", "%ED%A0%80", "%FF%FE"])
words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("\x00\t\n"),
    max_size=40,
)
long_runs = st.sampled_from(["a", "é", "%00", "-", "🚀"]).flatmap(
    lambda piece: st.integers(100, 3000).map(lambda n: piece * n)
)
# Raw text is quoted as a browser would send it; percent-encodings are sent as they are.
values = st.one_of(
    words.map(lambda text: quote(text, safe="")),
    percent_encoded,
    broken_percent,
    long_runs,
    st.sampled_from(["agile", "roadmaps", "1", "0", "-1", "99999999999999999999", ""]),
)
query_names = st.sampled_from(["q", "page", "and", "tag", "chapter", "kind", "go", "full", "x"])
query_strings = st.lists(st.tuples(query_names | values, values), max_size=4).map(
    lambda pairs: "&".join(f"{name}={value}" for name, value in pairs)
)


@st.composite
def requests(draw):
    route = draw(st.sampled_from(ROUTES))
    path = PARAMETER.sub(lambda match: draw(values.filter(bool)), route)
    return "/" + path, draw(query_strings)


@pytest.fixture
def site(db):
    ArticleFactory(tags=["agile", "roadmaps"], summary="About roadmaps.")
    GlossaryTermFactory(tags=["agile"])


def test_every_public_route_is_drawn_from():
    assert len(ROUTES) >= 15, ROUTES
    assert not [route for route in ROUTES if route.startswith(EDITORS_ONLY)]


def test_no_public_url_answers_a_server_error(site, report_line):
    client = Client(raise_request_exception=False)
    tried, server_errors = [], []

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(requests())
    # The reproductions from the hardening issue, always tried.
    @example(("/%00", ""))
    @example(("/nowhere/%00/", ""))
    @example(("/tags/agile/", "and=%00"))
    @example(("/search/", "q=roadmap&tag=%00"))
    def ask(request):
        path, query = request
        response = client.get(f"{path}?{query}" if query else path)
        tried.append((path, query))
        if response.status_code >= 500:
            server_errors.append((response.status_code, path[:200], query[:200]))

    ask()
    report_line(
        f"URL fuzzing: {len(tried)} requests over {len(ROUTES)} public routes, "
        f"{len(server_errors)} answered 5xx"
    )
    assert server_errors == []
