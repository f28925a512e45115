import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.tests.factories import ArticleFactory, SectionFactory
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status
from kb.tests.queries import long_text_read

pytestmark = pytest.mark.django_db

INDEX = reverse("glossary:index")


def jump_nav(html):
    return re.search(r'<nav class="jump-letters".*?</nav>', html, re.S).group(0)


def test_glossary_index_groups_terms_by_letter_with_short_definitions(client):
    GlossaryTermFactory(term="Backlog", short_definition="The ordered list of work.")
    GlossaryTermFactory(term="agile", short_definition="A way of working.")
    GlossaryTermFactory(term="Burndown", short_definition="Work left over time.")

    response = client.get(INDEX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<h2 id="letter-A" class="glossary__letter">A</h2>' in html
    assert '<h2 id="letter-B" class="glossary__letter">B</h2>' in html
    assert "The ordered list of work." in html
    listing = html[html.index("<main") :]  # the head's JSON-LD lists the terms too
    assert listing.index("agile") < listing.index("Backlog") < listing.index("Burndown")


def test_jump_letters_show_all_26_letters_and_link_only_those_with_terms(client):
    GlossaryTermFactory(term="Backlog")
    GlossaryTermFactory(term="Velocity")

    nav = jump_nav(client.get(INDEX).content.decode())

    assert re.findall(r'<a href="#letter-([A-Z])">', nav) == ["B", "V"]
    disabled = re.findall(r'aria-disabled="true">([A-Z])</span>', nav)
    assert len(disabled) == 24
    assert "A" in disabled and "B" not in disabled
    assert "#" not in nav.replace('href="#', "")


def test_hash_jump_letter_appears_for_terms_not_starting_with_a_letter(client):
    GlossaryTermFactory(term="3C model")

    html = client.get(INDEX).content.decode()

    assert '<a href="#letter-other">' in jump_nav(html)
    assert '<h2 id="letter-other" class="glossary__letter">#</h2>' in html


def test_accented_terms_file_under_their_base_letter(client):
    GlossaryTermFactory(term="Épic")

    html = client.get(INDEX).content.decode()

    assert '<a href="#letter-E">' in jump_nav(html)
    assert "letter-other" not in html


@pytest.mark.parametrize(
    "trait", [{"draft": True}, {"status": Status.REVIEW, "published_at": None}]
)
def test_unpublished_terms_are_absent_from_the_index(client, trait):
    GlossaryTermFactory(term="Secret sauce", **trait)

    html = client.get(INDEX).content.decode()

    assert "Secret sauce" not in html
    assert '<a href="#letter-S">' not in html


def test_scheduled_term_is_absent_and_404(client):
    term = GlossaryTermFactory(term="Soon", published_at=timezone.now() + timedelta(days=1))

    assert "Soon" not in client.get(INDEX).content.decode()
    assert client.get(term.get_absolute_url()).status_code == 404


def test_term_page_shows_explanation_aliases_and_tags(client):
    term = GlossaryTermFactory(
        term="Product owner",
        short_definition="Owns the backlog.",
        explanation="Works **with** the team.",
        aliases="PO, product owners",
        tags=["Roles", "Scrum"],
    )

    response = client.get(term.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Owns the backlog." in html
    assert "Works <strong>with</strong> the team." in html
    assert "Also known as:</span> PO, product owners" in html
    assert 'href="/tags/roles/"' in html
    assert 'href="/tags/scrum/"' in html
    assert "Preview" not in html


def test_term_page_lists_only_published_related_terms(client):
    term = GlossaryTermFactory(term="Backlog")
    term.related_terms.add(
        GlossaryTermFactory(term="Sprint"), GlossaryTermFactory(term="Hidden idea", draft=True)
    )

    html = client.get(term.get_absolute_url()).content.decode()

    assert "Sprint" in html
    assert "Hidden idea" not in html


def test_term_page_lists_only_published_related_articles_with_chapter(client):
    term = GlossaryTermFactory()
    chapter = SectionFactory(position=3, title="Delivery")
    draft_chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    term.related_articles.add(
        ArticleFactory(title="Running sprints", section=chapter),
        ArticleFactory(title="Draft thoughts", draft=True),
        ArticleFactory(title="Future plans", scheduled=True),
        ArticleFactory(title="Unreleased chapter", section=draft_chapter),
    )

    html = client.get(term.get_absolute_url()).content.decode()

    assert "Running sprints" in html
    assert "Chapter 3: Delivery" in html
    for hidden in ("Draft thoughts", "Future plans", "Unreleased chapter"):
        assert hidden not in html


def test_draft_term_is_404_for_anonymous_reader(client):
    term = GlossaryTermFactory(draft=True)

    assert client.get(term.get_absolute_url()).status_code == 404


def test_draft_term_is_404_for_staff_without_change_permission(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    client.force_login(user)
    term = GlossaryTermFactory(draft=True)

    assert client.get(term.get_absolute_url()).status_code == 404


def test_editor_previews_draft_term_with_banner_and_no_caching(client, django_user_model):
    user = django_user_model.objects.create_user("writer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_glossaryterm"))
    client.force_login(user)
    term = GlossaryTermFactory(term="Upcoming", draft=True)

    response = client.get(term.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: not published" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_editor_sees_published_term_without_preview_banner(editor_client):
    term = GlossaryTermFactory()

    response = editor_client.get(term.get_absolute_url())

    assert "Preview: not published" not in response.content.decode()
    assert "no-cache" not in response.get("Cache-Control", "")


def test_term_page_links_back_to_its_letter(client):
    term = GlossaryTermFactory(term="Épic")

    html = client.get(term.get_absolute_url()).content.decode()

    assert 'href="/glossary/#letter-E"' in html


def test_glossary_index_query_count_does_not_grow_with_terms(client, django_assert_max_num_queries):
    for n in range(60):
        GlossaryTermFactory(term=f"{chr(65 + n % 26)}term {n}", tags=[f"t{n}", "common"])

    # The terms, once per content version; the content stamp.
    with django_assert_max_num_queries(2):
        response = client.get(INDEX)
    assert response.content.decode().count('class="glossary__entry"') == 60
    with django_assert_max_num_queries(1):
        assert client.get(INDEX).content == response.content


def test_a_large_glossary_is_shown_one_letter_at_a_time(client, monkeypatch):
    from glossary import views

    monkeypatch.setattr(views, "GLOSSARY_ALL_TERMS", 4)
    for name in ("Backlog", "Burndown", "Épic", "Roadmap", "3C model"):
        GlossaryTermFactory(term=name)

    first = client.get(INDEX).content.decode()  # the first letter with terms: B
    assert first.count('class="glossary__entry"') == 2 and "Burndown" in first
    assert '<a href="?letter=B" aria-current="page">B</a>' in first
    assert '<a href="?letter=E">E</a>' in first
    assert '<span class="jump-letters__empty" aria-disabled="true">A</span>' in first

    accented = client.get(INDEX, {"letter": "E"}).content.decode()
    assert "Épic" in accented and "Backlog" not in accented
    assert f'<link rel="canonical" href="http://testserver{INDEX}?letter=E">' in accented
    assert "3C model" in client.get(INDEX, {"letter": "#"}).content.decode()
    for missing in ("A", "Z", "ab", "é"):
        assert client.get(INDEX, {"letter": missing}).status_code == 404


def test_a_letter_with_many_terms_is_paginated(client, monkeypatch):
    from glossary import views

    monkeypatch.setattr(views, "GLOSSARY_ALL_TERMS", 4)
    monkeypatch.setattr(views, "LETTER_TERMS_PER_PAGE", 3)
    for n in range(7):
        GlossaryTermFactory(term=f"Roadmap {n}")

    first = client.get(INDEX, {"letter": "R"}).content.decode()
    assert first.count('class="glossary__entry"') == 3 and "Roadmap 0" in first
    assert '<a rel="next" href="?letter=R&amp;page=2">' in first
    last = client.get(INDEX, {"letter": "R", "page": 3}).content.decode()
    assert last.count('class="glossary__entry"') == 1 and "Roadmap 6" in last
    assert f'<link rel="canonical" href="http://testserver{INDEX}?letter=R&amp;page=3">' in last
    for page in ("4", "0", "x"):
        assert client.get(INDEX, {"letter": "R", "page": page}).status_code == 404


def test_term_page_query_count_does_not_grow_with_relations(client, django_assert_max_num_queries):
    term = GlossaryTermFactory(tags=[f"tag {n}" for n in range(20)])
    term.related_terms.add(*GlossaryTermFactory.create_batch(30))
    term.related_articles.add(*ArticleFactory.create_batch(30, tags=["a", "b"]))

    with django_assert_max_num_queries(8):  # 3 for glossary links, 1 counting "used in"
        response = client.get(term.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count('class="item-list__item"') == 30


def test_draft_preview_query_count_is_fixed(editor_client, django_assert_max_num_queries):
    term = GlossaryTermFactory(draft=True)
    term.related_terms.add(*GlossaryTermFactory.create_batch(30))

    with django_assert_max_num_queries(12):  # 3 for glossary links, 1 counting "used in"
        response = editor_client.get(term.get_absolute_url())

    assert response.status_code == 200


def test_term_page_lists_related_and_linking_articles_without_their_bodies(
    client, django_assert_max_num_queries
):
    term = GlossaryTermFactory(term="Backlog", explanation="A long explanation.")
    term.related_articles.add(*ArticleFactory.create_batch(3))
    ArticleFactory.create_batch(2, body="Groom the backlog.")
    with django_assert_max_num_queries(12) as captured:
        html = client.get(term.get_absolute_url()).content.decode()
    assert "A long explanation." in html
    # The term's own explanation only: no article body, no other term's explanation.
    assert long_text_read(captured) == {"explanation": 1, "explanation_html": 1}
