from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from authors.views import ARTICLES_PER_PAGE
from kb.publishing import Status
from kb.tests.queries import long_text_read

pytestmark = pytest.mark.django_db


def test_author_list_shows_names_roles_and_published_article_counts(client):
    ada = AuthorFactory(name="Ada Lovelace", job_title="Head of Product", organisation="Acme")
    ArticleFactory.create_batch(2, author=ada)
    ArticleFactory(author=ada, draft=True)
    ArticleFactory(author=AuthorFactory(name="Bob Smith"))

    response = client.get(reverse("authors:list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Head of Product, Acme" in html
    assert "2 articles" in html
    assert html.index("Ada Lovelace") < html.index("Bob Smith")
    assert f'href="{ada.get_absolute_url()}"' in html


def test_author_list_counts_ignore_unready_articles_and_draft_chapters(client):
    author = AuthorFactory()
    ArticleFactory(author=author)
    ArticleFactory(author=author, in_review=True)
    ArticleFactory(author=author, scheduled=True)
    ArticleFactory(author=author, section=SectionFactory(status=Status.DRAFT, published_at=None))

    response = client.get(reverse("authors:list"))

    assert "1 article<" in response.content.decode()


def test_author_list_leaves_out_authors_without_a_published_article(client):
    ArticleFactory(author=AuthorFactory(name="Published Pat"))
    ArticleFactory(draft=True, author=AuthorFactory(name="Draft Dana"))
    ArticleFactory(scheduled=True, author=AuthorFactory(name="Scheduled Sam"))
    ArticleFactory(
        author=AuthorFactory(name="Hidden Hal"),
        section=SectionFactory(status=Status.DRAFT, published_at=None),
    )
    AuthorFactory(name="Nobody Nell")

    html = client.get(reverse("authors:list")).content.decode()

    assert "Published Pat" in html
    for name in ("Draft Dana", "Scheduled Sam", "Hidden Hal", "Nobody Nell"):
        assert name not in html


def test_author_page_shows_profile_experience_bio_and_links(client):
    author = AuthorFactory(
        name="Ada Lovelace",
        job_title="Director of Product",
        organisation="Wrike",
        career_started=2000,
        bio="Led **many** teams.",
        website="https://ada.example",
        linkedin="https://linkedin.example/ada",
    )

    response = client.get(author.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Director of Product, Wrike" in html
    assert f"{author.years_of_experience} years of experience" in html
    assert "Led <strong>many</strong> teams." in html
    assert '<a href="https://ada.example" rel="noopener"' in html
    assert '<a href="https://linkedin.example/ada" rel="noopener"' in html


def test_author_without_photo_gets_an_initials_placeholder(client):
    author = AuthorFactory(name="Ada King Lovelace")

    html = client.get(author.get_absolute_url()).content.decode()

    assert 'class="avatar avatar--initials" aria-hidden="true">AL</span>' in html
    assert "<img" not in html


def test_author_photo_has_alt_text(client):
    author = AuthorFactory(name="Ada Lovelace", photo="authors/ada.jpg")

    html = client.get(author.get_absolute_url()).content.decode()

    assert 'src="/media/authors/ada.jpg" alt="Photo of Ada Lovelace"' in html


def test_author_page_lists_published_articles_in_guide_order_with_chapter(client):
    author = AuthorFactory()
    second = SectionFactory(position=2, title="Discovery")
    first = SectionFactory(position=1, title="Strategy")
    ArticleFactory(author=author, section=second, position=1, title="Interviews")
    ArticleFactory(author=author, section=first, position=2, title="Roadmaps")
    ArticleFactory(author=author, section=first, position=1, title="Vision")

    html = client.get(author.get_absolute_url()).content.decode()

    assert html.index("Vision") < html.index("Roadmaps") < html.index("Interviews")
    assert "Chapter 1: Strategy" in html
    assert "Chapter 2: Discovery" in html


@pytest.mark.parametrize("trait", ["draft", "in_review", "scheduled"])
def test_author_page_hides_unready_articles(client, trait):
    author = AuthorFactory()
    ArticleFactory(author=author, title="Hidden work", **{trait: True})

    html = client.get(author.get_absolute_url()).content.decode()

    assert "Hidden work" not in html
    assert "No published articles yet." in html


def test_author_page_hides_articles_in_unpublished_chapters(client):
    author = AuthorFactory()
    chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    ArticleFactory(author=author, section=chapter, title="Hidden work")

    html = client.get(author.get_absolute_url()).content.decode()

    assert "Hidden work" not in html


def test_unknown_author_is_404(client):
    assert client.get(reverse("authors:detail", kwargs={"slug": "nobody"})).status_code == 404


def test_unicode_author_slug_resolves(client):
    author = AuthorFactory(name="Zoë Müller")

    response = client.get(author.get_absolute_url())

    assert author.slug == "zoë-müller"
    assert response.status_code == 200


def test_author_list_query_count_does_not_grow_with_authors(client, django_assert_max_num_queries):
    for author in AuthorFactory.create_batch(30):
        ArticleFactory.create_batch(2, author=author)

    with django_assert_max_num_queries(1):
        response = client.get(reverse("authors:list"))

    assert response.status_code == 200


def test_author_page_query_count_does_not_grow_with_articles(client, django_assert_max_num_queries):
    author = AuthorFactory()
    sections = SectionFactory.create_batch(5)
    for n in range(50):
        ArticleFactory(
            author=author, section=sections[n % 5], tags=[f"tag {n}", f"tag {n + 1}", "common"]
        )

    # The author and the content stamp; once per content version, how many articles they
    # have and one page of them.
    with django_assert_max_num_queries(4):
        response = client.get(author.get_absolute_url())
    with django_assert_max_num_queries(2):
        assert client.get(author.get_absolute_url()).content == response.content

    html = response.content.decode()
    assert html.count('class="item-list__item"') == ARTICLES_PER_PAGE
    assert "50 articles, page 1 of 2." in html and 'rel="next" href="?page=2"' in html
    with django_assert_max_num_queries(4):
        second = client.get(author.get_absolute_url(), {"page": 2}).content.decode()
    assert second.count('class="item-list__item"') == 50 - ARTICLES_PER_PAGE
    assert 'rel="prev" href="?page=1"' in second
    assert client.get(author.get_absolute_url(), {"page": 3}).status_code == 404


def test_years_of_experience_count_in_the_sites_time_zone(client, settings, monkeypatch):
    settings.TIME_ZONE = "Pacific/Auckland"
    # 31 December 2024 in UTC is already 1 January 2025 in Auckland.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2024, 12, 31, 12, tzinfo=UTC))
    author = AuthorFactory(career_started=2000)
    assert "25 years of experience" in client.get(author.get_absolute_url()).content.decode()


def test_author_list_reads_no_bios(client, django_assert_max_num_queries):
    AuthorFactory.create_batch(3, bio="A long bio.")
    with django_assert_max_num_queries(2) as captured:
        client.get(reverse("authors:list"))
    assert long_text_read(captured) == {}


def test_author_page_lists_articles_without_their_bodies(client, django_assert_max_num_queries):
    author = AuthorFactory(bio="A long bio.")
    ArticleFactory.create_batch(3, author=author, body="# Long\n\nText.")
    with django_assert_max_num_queries(4) as captured:
        html = client.get(author.get_absolute_url()).content.decode()
    assert "A long bio." in html
    assert long_text_read(captured) == {"bio": 1, "bio_html": 1}  # the author's own
