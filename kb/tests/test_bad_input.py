"""Bad input gets a 4xx, never a 500: NUL characters, absurd numbers, ids that are not ids."""

import pytest

from articles.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/%00", "/guide/%00/", "/nowhere/x%00y/", "/tags/a%00b/"])
def test_a_path_with_a_nul_character_is_a_client_error(client, url):
    assert client.get(url).status_code in (400, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/tags/agile/?and=%00",
        "/search/?q=%00",
        "/search/?q=roadmap%00",
        "/search/?q=roadmap&page=%00",
        "/search/?q=roadmap&tag=%00",
        "/search/suggest/?q=%00",
        "/?x%00=1",
    ],
)
def test_a_query_string_with_a_nul_character_is_a_bad_request(client, url):
    ArticleFactory(tags=["agile", "roadmaps"])
    assert client.get(url).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "status__exact=%00",
        "published_at__year=99999999999999999999",
        "published_at__year=2024&published_at__month=99999999999999999999",
        "published_at__year=-1",
        "published_at__year=9999",
        "published_at__year=9999&published_at__month=12&published_at__day=31",
        "author__id__exact=abc",
    ],
)
def test_admin_list_filters_with_bad_values_are_not_server_errors(admin_client, query):
    ArticleFactory()
    response = admin_client.get(f"/admin/articles/article/?{query}")
    assert response.status_code < 500


@pytest.mark.parametrize("author", ["abc", "1e9", "99999999999999999999", "-1", "1.5"])
def test_article_admin_form_with_an_author_that_is_not_an_id_is_a_form_error(admin_client, author):
    section = ArticleFactory().section
    response = admin_client.post(
        "/admin/articles/article/add/",
        {
            "title": "New",
            "slug": "new",
            "section": section.pk,
            "position": 5,
            "author": author,
            "summary": "S",
            "body": "B",
            "status": "draft",
        },
    )
    assert response.status_code == 200
    assert "author" in response.context["adminform"].form.errors
