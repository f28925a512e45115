"""Search under abuse: per-client rate limits with a 429 page, and a missed-search list that one
client cannot steer or grow without bound."""

import pytest
from django.urls import reverse

from kb.search.models import MissedSearch

pytestmark = pytest.mark.django_db
SEARCH_URL = reverse("search:search")
SUGGEST_URL = reverse("search:suggest")


def test_too_many_searches_from_one_client_get_a_429_page(client, settings):
    settings.KB_SEARCH_RATE = "3/m"
    for _ in range(3):
        assert client.get(SEARCH_URL, {"q": "roadmap"}).status_code == 200
    response = client.get(SEARCH_URL, {"q": "roadmap"})
    assert response.status_code == 429
    assert "Too many searches" in response.content.decode()
    assert response["Retry-After"] == "60"
    # Another reader is not held back by the first one.
    assert client.get(SEARCH_URL, {"q": "roadmap"}, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_suggestions_have_their_own_limit(client, settings):
    settings.KB_SUGGEST_RATE = "2/m"
    assert client.get(SUGGEST_URL, {"q": "ro"}).status_code == 200
    assert client.get(SUGGEST_URL, {"q": "roa"}).status_code == 200
    assert client.get(SUGGEST_URL, {"q": "road"}).status_code == 429


def test_a_client_repeating_a_missed_search_counts_once(client):
    for _ in range(5):
        client.get(SEARCH_URL, {"q": "quantum flux"})
    client.get(SEARCH_URL, {"q": "quantum flux"}, REMOTE_ADDR="10.0.0.7")
    assert MissedSearch.objects.get(query="quantum flux").count == 2


def test_the_missed_search_table_keeps_the_most_asked_only():
    MissedSearch.objects.bulk_create(
        [MissedSearch(query=f"often {n}", count=10) for n in range(5)]
        + [MissedSearch(query=f"once {n}", count=1) for n in range(5)]
    )
    MissedSearch.objects.trim(keep=6)
    kept = set(MissedSearch.objects.values_list("query", flat=True))
    assert len(kept) == 6
    assert {f"often {n}" for n in range(5)} <= kept
