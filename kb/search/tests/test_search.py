"""Search, as readers and editors see it. The same tests run on SQLite (FTS5) and PostgreSQL."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status
from kb.search.backends.sqlite import SQLiteBackend
from kb.search.models import MissedSearch
from kb.search.query import parse
from kb.search.results import ArticleSearch, search_articles, unpublished_articles
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db

SEARCH_URL = "/search/"


def search(query):
    return search_articles(Article.objects.published(), query)


def titles(query):
    return [article.title for article in search(query)]


def page(client, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return re.findall(r'class="search-result__title"><a href="[^"]*">([^<]*)</a>', html)


# --- Ranking and syntax -------------------------------------------------------------------


def test_title_match_ranks_above_tag_and_summary_matches_above_body_matches():
    ArticleFactory(title="Notes", body="We review the roadmap every quarter and the roadmap.")
    ArticleFactory(title="Lede", summary="Why a roadmap helps")
    ArticleFactory(title="Tagged", tags=["Roadmap"])
    ArticleFactory(title="Roadmap basics")

    found = titles("roadmap")

    assert found[0] == "Roadmap basics"
    assert set(found[1:3]) == {"Lede", "Tagged"}
    assert found[3] == "Notes"


def test_stemming_finds_other_forms_of_a_word():
    ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Prioritising work", body="We prioritised the backlog items.")

    assert titles("roadmaps") == ["Roadmap basics"]
    assert titles("prioritise") == ["Prioritising work"]


def test_quoted_phrase_needs_the_words_together():
    ArticleFactory(title="Together", body="Write a user story for each change.")
    ArticleFactory(title="Apart", body="The story of one user who left.")

    assert titles('"user story"') == ["Together"]
    assert set(titles("user story")) == {"Together", "Apart"}


def test_minus_excludes_a_word_or_phrase():
    ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Roadmap template")

    assert titles("roadmap -template") == ["Roadmap basics"]
    assert titles('roadmap -"roadmap template"') == ["Roadmap basics"]


def test_or_finds_either_word():
    ArticleFactory(title="Pricing pages")
    ArticleFactory(title="Reducing churn")
    ArticleFactory(title="Hiring")

    assert set(titles("pricing or churn")) == {"Pricing pages", "Reducing churn"}
    assert titles("pricing churn") == []


def test_query_with_only_excluded_or_common_words_finds_nothing(client):
    ArticleFactory(title="Roadmap basics")

    assert titles("-roadmap") == []
    assert titles("the of and") == []
    assert "no words to search for" in page(client, q="the of and")


def test_reader_syntax_never_reaches_fts5_unquoted():
    query = parse('NEAR(a b) title:x ^y * "open -"phrase" AND OR NOT "x""y \\ \'')

    expression = SQLiteBackend().match(query)

    # Outside FTS5 string literals only brackets and our own operators remain.
    outside = re.sub(r'"(?:[^"]|"")*"', "", expression)
    assert re.sub(r"[()\s]|\bAND\b|\bOR\b|\bNOT\b", "", outside) == ""
    assert expression.startswith('("near a") AND ("b") AND ("title x")')


# --- Glossary and typos ---------------------------------------------------------------------


def test_abbreviation_shows_definition_card_and_finds_articles_using_the_full_term(client):
    GlossaryTermFactory(
        term="Product requirements document",
        aliases="PRD, requirements doc",
        short_definition="What a feature must do and why.",
    )
    ArticleFactory(title="Writing specs", body="Start with a product requirements document.")
    ArticleFactory(title="Other", body="Nothing related.")

    html = page(client, q="PRD")

    assert 'class="definition-card"' in html
    assert "What a feature must do and why." in html
    assert "Also called: PRD, requirements doc" in html
    assert result_titles(html) == ["Writing specs"]
    assert "<mark>product requirements document</mark>" in html


def test_full_term_also_finds_articles_using_the_abbreviation():
    GlossaryTermFactory(term="Objectives and key results", aliases="OKR")
    ArticleFactory(title="Quarterly goals", body="Set three OKR for the quarter.")

    assert titles("objectives and key results") == ["Quarterly goals"]


@pytest.mark.parametrize(("typed", "meant"), [("roadmpa", "roadmap"), ("backlgo", "backlog")])
def test_misspelt_word_shows_results_for_the_word_meant(client, typed, meant):
    ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Backlog grooming")

    html = page(client, q=typed)

    assert "Did you mean" in html
    assert f">{meant}</a>" in html
    assert len(result_titles(html)) == 1
    assert meant in result_titles(html)[0].casefold()


def test_misspelling_with_no_near_word_says_nothing_was_found(client):
    ArticleFactory(title="Roadmap basics")

    html = page(client, q="qwxzv")

    assert "No results for" in html
    assert "Did you mean" not in html


# --- What a result shows ----------------------------------------------------------------------


def test_result_shows_kind_chapter_and_highlighted_snippet(client):
    chapter = SectionFactory(title="Planning")
    ArticleFactory(
        title="Quarterly planning", section=chapter, body="Keep the roadmap short and honest."
    )

    html = page(client, q="roadmap")

    assert '<span class="badge">Article</span>' in html
    assert f"Chapter {chapter.position}: Planning" in html
    assert "Keep the <mark>roadmap</mark> short and honest." in html


def test_markup_in_an_article_is_shown_as_text_in_snippets(client):
    ArticleFactory(
        title="Security notes",
        summary="Never paste <b>markup</b> into the lede",
        body="An attacker may try `<script>alert(1)</script>` in a comment field.",
    )

    html = page(client, q="alert")
    lede_html = page(client, q="markup")

    assert "<script>alert" not in html
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html
    assert "<b>markup</b>" not in lede_html
    assert "&lt;b&gt;<mark>markup</mark>&lt;/b&gt;" in lede_html


FILLER = "Teams write plans and meet every week to talk about them. " * 60  # ~3,500 characters


def snippets(query):
    return [str(article.snippet) for article in search(query)]


def test_snippet_shows_a_match_deep_in_a_long_body_starting_at_a_whole_word():
    # Long words, and the match at the very end: the snippet reaches back to the words before.
    body = "Internationalisation counterproductively. " * 100 + "Only here is the roadmap."
    ArticleFactory(title="Long read", body=body)

    (snippet,) = snippets("roadmap")

    assert "<mark>roadmap</mark>" in snippet
    first_word = re.sub(r"</?mark>", "", snippet).lstrip("…").split()[0]
    assert first_word in body.split()


def test_snippet_marks_the_words_found_when_they_are_far_apart():
    ArticleFactory(
        title="Far apart",
        body="Retention comes first. " + FILLER + "A cohort comes last. " + FILLER,
    )

    (snippet,) = snippets("retention cohort")

    assert "<mark>Retention</mark>" in snippet or "<mark>cohort</mark>" in snippet


def test_snippet_finds_another_form_of_the_word_deep_in_a_long_body():
    ArticleFactory(title="Governance", body=FILLER + "Write down your policies early. " + FILLER)

    (snippet,) = snippets("policy")

    assert "<mark>policies</mark>" in snippet


def test_exact_title_offers_a_go_to_link(client):
    article = ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Roadmap basics for executives")

    html = page(client, q="roadmap basics")

    assert f'<a href="{article.get_absolute_url()}">Go to “Roadmap basics”</a>' in html


def test_glossary_terms_and_authors_are_found_with_their_kind(client):
    GlossaryTermFactory(term="Roadmap review", short_definition="A meeting.")
    author = AuthorFactory(name="Marty Cagan")
    ArticleFactory(author=author, title="Empowered teams")
    AuthorFactory(name="Unpublished Cagan")

    terms = page(client, q="roadmap")
    authors = page(client, q="cagan")

    assert '<span class="badge">Glossary term</span>' in terms
    assert "Roadmap review" in result_titles(terms)
    assert '<span class="badge">Author</span>' in authors
    assert result_titles(authors) == ["Marty Cagan"]


def test_empty_query_invites_a_search(client):
    html = page(client, q="")

    assert "Type a word or a phrase" in html
    assert not MissedSearch.objects.exists()


def test_header_search_form_points_to_search_and_loads_suggestions_script(client):
    html = page(client, q="")

    assert 'action="/search/"' in html
    assert 'id="site-search-q"' in html
    assert "kb/js/search.js" in html


# --- Filters and pages --------------------------------------------------------------------


def test_filter_by_chapter_keeps_that_chapters_articles_only(client):
    planning, delivery = SectionFactory(title="Planning"), SectionFactory(title="Delivery")
    ArticleFactory(title="Roadmap for planners", section=planning)
    ArticleFactory(title="Roadmap for delivery", section=delivery)
    GlossaryTermFactory(term="Roadmap")

    html = page(client, q="roadmap", chapter=delivery.slug)

    assert result_titles(html) == ["Roadmap for delivery"]


def test_filter_by_tag_keeps_tagged_results_only(client):
    ArticleFactory(title="Roadmap one", tags=["strategy"])
    ArticleFactory(title="Roadmap two", tags=["delivery"])

    html = page(client, q="roadmap", tag=Tag.objects.get(name="strategy").slug)

    assert result_titles(html) == ["Roadmap one"]


def test_filter_by_a_tag_only_drafts_carry_never_shows_its_name(client):
    ArticleFactory(title="Roadmap one", tags=["strategy"])
    ArticleFactory(title="Roadmap draft", draft=True, tags=["Secret plans"])

    html = page(client, q="roadmap", tag="secret-plans")

    assert "Secret plans" not in html
    assert result_titles(html) == ["Roadmap one"]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("article", ["Roadmap basics"]), ("term", ["Roadmap review"]), ("author", ["Ann Roadmapper"])],
)
def test_filter_by_kind(client, kind, expected):
    ArticleFactory(title="Roadmap basics", author=AuthorFactory(name="Ann Roadmapper"))
    GlossaryTermFactory(term="Roadmap review")

    html = page(client, q="roadmap", kind=kind)

    assert result_titles(html) == expected


def test_unknown_filter_values_are_ignored(client):
    ArticleFactory(title="Roadmap basics")

    html = page(client, q="roadmap", chapter="no-such", tag="nope", kind="spaceship")

    assert result_titles(html) == ["Roadmap basics"]


def test_results_are_paginated_ten_to_a_page(client):
    for number in range(23):
        ArticleFactory(title=f"Roadmap {number}")

    first, third = page(client, q="roadmap"), page(client, q="roadmap", page=3)

    assert len(result_titles(first)) == 10
    assert "23 results, page 1 of 3" in first
    assert len(result_titles(third)) == 3
    assert 'rel="prev"' in third


@pytest.mark.parametrize("bad_page", ["abc", "0", "-1", "999", "1.5", "", "9" * 40])
def test_bad_page_numbers_give_a_page_not_an_error(client, bad_page):
    for number in range(12):
        ArticleFactory(title=f"Roadmap {number}")

    html = page(client, q="roadmap", page=bad_page)

    assert result_titles(html)


def test_results_page_query_count_does_not_grow_with_results(client, django_assert_max_num_queries):
    for number in range(30):
        ArticleFactory(title=f"Roadmap {number}", tags=["planning", "strategy"])
    client.get(SEARCH_URL, {"q": "roadmap"})  # builds the cached glossary and vocabulary

    with django_assert_max_num_queries(12):
        page(client, q="roadmap")


# --- Nothing unpublished, whatever is typed -----------------------------------------------


@pytest.fixture
def unpublished():
    ArticleFactory(title="Secret draft roadmap", draft=True, body="roadmap alert script")
    ArticleFactory(title="Secret scheduled roadmap", scheduled=True)
    ArticleFactory(
        title="Secret chapter roadmap",
        section=SectionFactory(status=Status.DRAFT, published_at=None),
    )
    GlossaryTermFactory(term="Secret term roadmap", draft=True)
    return "Secret"


def test_drafts_scheduled_and_draft_chapter_articles_are_never_found(client, unpublished):
    ArticleFactory(title="Public roadmap")

    assert titles("roadmap") == ["Public roadmap"]
    assert titles("secret") == []
    html = page(client, q="roadmap")
    assert unpublished not in html


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "x" * 10_000,
        "roadmap " * 2_000,
        '"unbalanced quote',
        'roadmap"',
        '"""',
        "& | ! : * ( ) \\ ' \"",
        "'; DROP TABLE articles_article; --",
        "1 OR 1=1",
        "NEAR(roadmap secret)",
        "title:roadmap",
        "{title}: roadmap",
        "roadmap*",
        "^roadmap",
        "-",
        "--roadmap",
        "or",
        "roadmap or",
        "AND OR NOT",
        "%_[]",
        "😀 🚀",
        "Ünïcödé straße ﬁ",
        "\u202eroadmap",
        "\ue000roadmap\ue001",
        "<script>alert(1)</script>",
        "roadmap -roadmap",
    ],
)
def test_any_input_gives_a_normal_page_and_nothing_unpublished(client, unpublished, typed):
    ArticleFactory(title="Public roadmap")
    if "\x00" in typed:  # refused before search sees it (kb/middleware.py)
        assert client.get(SEARCH_URL, {"q": typed}).status_code == 400
        return

    html = page(client, q=typed)
    suggestions = client.get("/search/suggest/", {"q": typed})

    assert unpublished not in html
    assert suggestions.status_code == 200
    assert unpublished not in suggestions.content.decode()
    assert "<script>alert" not in html


# --- The index follows every change ---------------------------------------------------------


def test_index_follows_save():
    article = ArticleFactory(title="Alpha plan")

    article.title = "Bravo plan"
    article.body = "Now about zeppelins."
    article.save()

    assert titles("alpha") == []
    assert titles("bravo") == ["Bravo plan"]
    assert titles("zeppelin") == ["Bravo plan"]


def test_index_follows_delete():
    article = ArticleFactory(title="Alpha plan")

    article.delete()

    assert titles("alpha") == []


def test_index_follows_tag_changes_and_tag_renames(committed):
    article = ArticleFactory(title="Plain")

    article.tags.add("zeppelin")
    assert titles("zeppelin") == ["Plain"]

    tag = Tag.objects.get(name="zeppelin")
    tag.name = "airship"
    committed(tag.save)
    assert titles("airship") == ["Plain"]

    article.tags.clear()
    assert titles("airship") == []


def test_index_follows_bulk_status_and_text_updates():
    article = ArticleFactory(title="Alpha plan")
    articles = Article.objects.filter(pk=article.pk)

    articles.update(status=Status.DRAFT)
    assert titles("alpha") == []

    articles.update(status=Status.PUBLISHED)
    assert titles("alpha") == ["Alpha plan"]

    articles.update(title="Charlie plan")
    assert titles("charlie") == ["Charlie plan"]


def test_index_follows_writes_again_after_a_migration_rebuilt_the_table():
    # Django's SQLite backend rebuilds a table to alter it, and the table's triggers go with
    # it; `migrate` puts them back and catches up on what was written meanwhile.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER articles_article_search_insert")
            cursor.execute("DROP TRIGGER articles_article_search_update")
    written_meanwhile = ArticleFactory(title="Alpha plan")

    call_command("migrate", verbosity=0)
    written_meanwhile.title = "Bravo plan"
    written_meanwhile.save()
    ArticleFactory(title="Charlie plan")

    assert titles("plan") == ["Bravo plan", "Charlie plan"]
    assert titles("alpha") == []


def test_admin_unpublish_action_hides_article_from_search(admin_client):
    article = ArticleFactory(title="Alpha plan")

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )

    assert titles("alpha") == []


# --- Suggestions ------------------------------------------------------------------------------


def test_suggestions_offer_published_titles_and_terms_as_json(client):
    ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Road trips", draft=True)
    ArticleFactory(title="Backlog")
    GlossaryTermFactory(term="Roadmap review")

    response = client.get("/search/suggest/", {"q": "road"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert [(s["kind"], s["title"]) for s in suggestions] == [
        ("Glossary term", "Roadmap review"),
        ("Article", "Roadmap basics"),
    ]
    assert suggestions[1]["url"] == Article.objects.get(title="Roadmap basics").get_absolute_url()


def test_suggestions_match_the_start_of_any_title_word(client):
    ArticleFactory(title="Building a product roadmap")

    found = client.get("/search/suggest/", {"q": "product road"}).json()["suggestions"]
    not_found = client.get("/search/suggest/", {"q": "oadmap"}).json()["suggestions"]

    assert [s["title"] for s in found] == ["Building a product roadmap"]
    assert not_found == []


def test_suggestions_never_offer_an_article_unpublished_by_bulk_action(client):
    article = ArticleFactory(title="Roadmap basics")
    client.get("/search/suggest/", {"q": "road"})

    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)

    assert client.get("/search/suggest/", {"q": "road"}).json()["suggestions"] == []


# --- Searches that found nothing ----------------------------------------------------------------


def test_searches_that_find_nothing_are_counted_normalised(client):
    ArticleFactory(title="Roadmap basics")

    page(client, q="Quantum   Flux")
    assert client.get(SEARCH_URL, {"q": "quantum flux"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    page(client, q="roadmap")
    page(client, q="z" * 5_000)

    assert MissedSearch.objects.get(query="quantum flux").count == 2
    assert not MissedSearch.objects.filter(query__contains="roadmap").exists()
    assert MissedSearch.objects.filter(query="z" * 200).exists()


def test_missed_searches_admin_lists_most_asked_first(admin_client):
    MissedSearch.objects.create(query="rarely", count=2)
    MissedSearch.objects.create(query="often", count=40)

    response = admin_client.get(reverse("admin:search_missedsearch_changelist"))
    html = response.content.decode()

    assert response.status_code == 200
    assert html.index("often") < html.index("rarely")
    assert (
        admin_client.get(
            reverse("admin:search_missedsearch_changelist"), {"q": "often"}
        ).status_code
        == 200
    )


# --- Tiers, the visible set and going straight to a title ----------------------------------


def test_whole_query_in_the_head_then_some_words_there_then_the_body_only():
    ArticleFactory(title="Notes", body="Our retention cohort chart, and retention again.")
    ArticleFactory(title="Retention", body="Read the cohort chart weekly.")
    ArticleFactory(title="Retention cohort basics")

    assert titles("retention cohort") == ["Retention cohort basics", "Retention", "Notes"]


def test_pages_reaching_past_the_head_matches_continue_with_body_matches(client):
    for number in range(12):
        ArticleFactory(title=f"Roadmap {number}")
    for number in range(5):
        ArticleFactory(title=f"Notes {number}", body="The roadmap changed.")

    found = search("roadmap")
    second = page(client, q="roadmap", page=2)

    assert found.count() == 17
    assert [a.title.split()[0] for a in found[8:17]] == ["Roadmap"] * 4 + ["Notes"] * 5
    assert [a.title.split()[0] for a in found[13:17]] == ["Notes"] * 4
    assert [t.split()[0] for t in result_titles(second)] == ["Roadmap"] * 2 + ["Notes"] * 5


def test_unpublished_articles_are_exactly_those_not_published():
    draft_chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    later_chapter = SectionFactory(
        status=Status.PUBLISHED, published_at=timezone.now() + timedelta(days=1)
    )
    ArticleFactory()
    ArticleFactory(draft=True)
    ArticleFactory(in_review=True)
    ArticleFactory(scheduled=True)
    ArticleFactory(section=draft_chapter)
    ArticleFactory(section=later_chapter)

    published = set(Article.objects.published().values_list("pk", flat=True))
    hidden = set(unpublished_articles().values_list("pk", flat=True))

    assert len(published) == 1
    assert not published & hidden
    assert published | hidden == set(Article.objects.values_list("pk", flat=True))


def test_searching_all_published_articles_agrees_with_the_general_path(unpublished):
    ArticleFactory(title="Public roadmap", tags=["strategy"])
    ArticleFactory(title="Other", summary="A roadmap in the lede", body="secret roadmap alert")
    ArticleFactory(title="Third", body="The roadmap and the alert.")

    for text in ["roadmap", "alert", "roadmap -secret", "secret", '"roadmap alert"']:
        query = parse(text)
        fast = [a.pk for a in ArticleSearch.published(query)]
        general = [a.pk for a in search(query)]
        assert fast == general, text


def test_renamed_author_is_found_by_the_new_name(client, django_capture_on_commit_callbacks):
    author = AuthorFactory(name="Marty Cagan")
    ArticleFactory(author=author, title="Empowered teams")
    assert result_titles(page(client, q="cagan")) == ["Marty Cagan"]

    with django_capture_on_commit_callbacks(execute=True):  # the rename commits
        author.name = "Martin Cagan"
        author.save()

    assert result_titles(page(client, q="martin")) == ["Martin Cagan"]


def test_header_search_box_goes_straight_to_an_exact_title(client):
    article = ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Roadmap basics for executives")

    response = client.get(SEARCH_URL, {"q": "  roadmap   BASICS ", "go": "1"})

    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert 'name="go" value="1"' in page(client, q="")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "roadmap", "go": "1"},  # no title is exactly that
        {"q": "Roadmap basics"},  # the results page's own form: no jump
        {"q": "Roadmap basics", "go": "1", "kind": "article"},  # filtered
        {"q": "Twin", "go": "1"},  # two articles have that title
        {"q": "Secret draft roadmap", "go": "1"},  # not published
    ],
)
def test_no_jump_without_one_published_exact_title(client, unpublished, params):
    ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Twin")
    ArticleFactory(title="Twin")

    response = client.get(SEARCH_URL, params)

    assert response.status_code == 200
    assert not [t for t in result_titles(response.content.decode()) if unpublished in t]


def test_matches_are_counted_up_to_a_limit_then_more_than(client, monkeypatch):
    monkeypatch.setattr(ArticleSearch, "COUNT_LIMIT", 5)
    for number in range(8):
        ArticleFactory(title=f"Roadmap {number}")

    found = search("roadmap")
    html = page(client, q="roadmap", kind="article")

    assert found.count() == 5 and found.more
    assert "More than 5 results" in html
    assert len(result_titles(html)) == 5
    assert "page 1 of" not in html


def test_counting_inside_a_transaction_leaves_the_planner_settings_as_they_were():
    # PostgreSQL's count asks for the GIN index by turning other plans off for one statement;
    # those settings must not leak into the caller's transaction. (SQLite has none.)
    def planner_settings():
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
            )
            return cursor.fetchone()

    ArticleFactory(title="Roadmap basics")

    with transaction.atomic():
        before = planner_settings()
        assert search("roadmap").count() == 1
        assert planner_settings() == before
