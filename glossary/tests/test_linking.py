"""Glossary term links: the matching rules, where links never go, the tooltip markup, and how
links follow every change to the glossary (glossary/matcher.py, glossary/linking.py)."""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
import reversion
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from glossary import linking
from glossary.matcher import Entry, Glossary
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from glossary.views import USED_IN_PER_PAGE, USED_IN_SHOWN
from kb.admin import publish, unpublish
from kb.markdown import render

TERM_LINK = re.compile(r'<a class="term-link" href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def glossary(*names):
    """A glossary of ("Term", "alias", ...) tuples; term n links to /glossary/tn/."""
    return Glossary(
        Entry(n, f"/glossary/t{n}/", f"Definition {n}.", tuple(phrases))
        for n, phrases in enumerate(names)
    )


def links(html):
    """(href, text) of each term link, in order."""
    return TERM_LINK.findall(html)


def link_markdown(source, *names, skip=()):
    return glossary(*names).link(render(source).html, skip=skip).html


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def body(html):
    start = html.index('class="article__body prose"')
    return html[start : html.index("</div>", start)]


# Matching -----------------------------------------------------------------------------------


def test_longest_term_wins_over_a_shorter_one_it_contains():
    html = link_markdown("Ask the product owner about the product.", ["product"], ["product owner"])

    assert links(html) == [("/glossary/t1/", "product owner"), ("/glossary/t0/", "product")]


def test_shorter_term_links_where_the_longer_one_is_not_a_whole_word():
    html = link_markdown("Two product owners.", ["product"], ["product owner"])

    assert links(html) == [("/glossary/t0/", "product")]


def test_only_whole_words_are_linked():
    html = link_markdown("npm, PMs, PM-led, APM and e-PM, but then a PM.", ["PM"])

    assert links(html) == [("/glossary/t0/", "PM")]
    assert "a <a" in html


def test_matching_ignores_case_and_line_breaks_and_keeps_the_authors_spelling():
    html = link_markdown("The PRODUCT\nOwner decides.", ["product owner"])

    assert links(html) == [("/glossary/t0/", "PRODUCT\nOwner")]


def test_terms_with_punctuation_or_accents_match_as_whole_words():
    html = link_markdown(
        "Run an A/B test to find product-market fit; the ÉPIC has a C++ part. Not AA/B tests.",
        ["A/B test"],
        ["product-market fit"],
        ["épic"],
        ["C++"],
    )

    assert [text for _, text in links(html)] == ["A/B test", "product-market fit", "ÉPIC", "C++"]


def test_aliases_link_to_their_term():
    html = link_markdown(
        "Write the PRD, then agree OKRs.", ["Product requirements document", "PRD"], ["OKR", "OKRs"]
    )

    assert links(html) == [("/glossary/t0/", "PRD"), ("/glossary/t1/", "OKRs")]


def test_only_the_first_mention_of_a_term_is_linked_whatever_name_it_uses():
    html = link_markdown(
        "A PRD. The product requirements document. PRD again.",
        ["PRD", "product requirements document"],
    )

    assert links(html) == [("/glossary/t0/", "PRD")]


def test_matcher_is_one_regular_expression_for_every_name():
    names = [[f"term{n}", f"alias{n}"] for n in range(500)]

    compiled = glossary(*names)

    assert isinstance(compiled.pattern, re.Pattern)
    assert len(compiled.by_phrase) == 1000


# Where links never go -----------------------------------------------------------------------


def test_headings_code_links_and_image_alt_text_are_never_linked():
    source = (
        "## Roadmap basics\n\n"
        "`roadmap` and [the roadmap](/x/) and ![a roadmap](r.png)\n\n"
        "```\nroadmap\n```\n\n"
        "<kbd>roadmap</kbd>\n\n"
        "Finally, a roadmap."
    )

    html = link_markdown(source, ["roadmap"])

    assert links(html) == [("/glossary/t0/", "roadmap")]
    assert html.index('class="term-link"') > html.index("Finally")
    assert 'alt="a roadmap"' in html


def test_text_without_terms_is_copied_unchanged():
    safe = render("Fish &amp; chips, 3 &lt; 4, caf&eacute; and a backlog.").html

    linked = glossary(["backlog"]).link(safe).html

    assert linked.split("<a")[0] == safe.split("backlog")[0]


def test_skipped_terms_are_not_linked_and_do_not_let_a_shorter_term_link_inside_them():
    html = link_markdown(
        "The product owner and the product.", ["product"], ["product owner"], skip={1}
    )

    assert links(html) == [("/glossary/t0/", "product")]
    assert "The product owner and" in html


# Tooltip markup -----------------------------------------------------------------------------


def test_term_link_names_its_definition_as_a_hidden_plain_text_tooltip():
    compiled = Glossary([Entry(7, "/glossary/mvp/", 'Smallest <b>thing</b> & "more"', ("MVP",))])

    html = compiled.link("<p>Ship an MVP.</p>").html

    assert html == (
        '<p>Ship an <a class="term-link" href="/glossary/mvp/" aria-describedby="term-tip-7">'
        'MVP</a><span class="term-tip" id="term-tip-7" role="tooltip" hidden>'
        'Smallest &lt;b&gt;thing&lt;/b&gt; &amp; "more"</span>.</p>'
    )


def test_a_definition_can_never_become_markup():
    compiled = Glossary(
        [Entry(1, '/glossary/x/" onmouseover="alert(1)', "<script>alert(1)</script>", ("MVP",))]
    )

    html = compiled.link("<p>MVP</p>").html

    assert "<script" not in html and 'onmouseover="' not in html


# Pages and publishing -------------------------------------------------------------------------


@pytest.mark.django_db
def test_article_page_links_published_terms_with_their_definitions(client):
    term = GlossaryTermFactory(term="Product owner", short_definition="Owns the backlog.")
    article = ArticleFactory(body="The product owner decides.")

    html = body(page(client, article.get_absolute_url()))

    assert links(html) == [(term.get_absolute_url(), "product owner")]
    assert ">Owns the backlog.</span>" in html


@pytest.mark.django_db
def test_draft_and_scheduled_terms_are_not_linked(client):
    GlossaryTermFactory(term="Backlog", draft=True)
    GlossaryTermFactory(term="Roadmap", published_at=timezone.now() + timedelta(hours=1))
    article = ArticleFactory(body="The backlog and the roadmap.")

    assert links(body(page(client, article.get_absolute_url()))) == []


@pytest.mark.django_db
def test_scheduled_term_is_linked_once_its_time_comes_with_nothing_saved(
    client, django_capture_on_commit_callbacks
):
    # Committed, as in production: the content stamp then knows when the term goes live.
    with django_capture_on_commit_callbacks(execute=True):
        term = GlossaryTermFactory(term="Roadmap", published_at=timezone.now() + timedelta(hours=1))
        article = ArticleFactory(body="The roadmap.")
    assert links(body(page(client, article.get_absolute_url()))) == []

    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = body(page(client, article.get_absolute_url()))
        term_page = page(client, term.get_absolute_url())

    assert links(html) == [(term.get_absolute_url(), "roadmap")]
    assert article.title in term_page


@pytest.mark.django_db
def test_switching_links_off_leaves_the_article_unlinked(client):
    GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The roadmap.", link_glossary_terms=False)

    assert links(body(page(client, article.get_absolute_url()))) == []
    assert not article.linked_terms.exists()


@pytest.mark.django_db
def test_a_term_excluded_from_one_article_is_still_linked_in_others(client):
    roadmap = GlossaryTermFactory(term="Roadmap")
    backlog = GlossaryTermFactory(term="Backlog")
    excluding = ArticleFactory(body="The roadmap and the backlog.")
    other = ArticleFactory(body="The roadmap.")
    page(client, excluding.get_absolute_url())  # cached before the change: must not stay

    excluding.glossary_exclusions.add(roadmap)

    assert [text for _, text in links(body(page(client, excluding.get_absolute_url())))] == [
        "backlog"
    ]
    assert links(body(page(client, other.get_absolute_url()))) == [
        (roadmap.get_absolute_url(), "roadmap")
    ]
    assert list(excluding.linked_terms.all()) == [backlog]


@pytest.mark.django_db
def test_glossary_explanation_links_other_terms_but_never_itself(client):
    backlog = GlossaryTermFactory(term="Backlog")
    term = GlossaryTermFactory(
        term="Product owner", explanation="A product owner orders the backlog."
    )

    html = page(client, term.get_absolute_url())
    explanation = html[html.index("term__explanation") :]

    assert links(explanation)[0] == (backlog.get_absolute_url(), "backlog")
    assert term.get_absolute_url() not in [href for href, _ in links(explanation)]


# Changes to terms reach every page ----------------------------------------------------------


@pytest.mark.django_db
def test_renaming_a_term_moves_its_links_and_used_in(client, committed):
    term = GlossaryTermFactory(term="Roadmap")
    old = ArticleFactory(body="The roadmap.")
    new = ArticleFactory(body="The backlog.")
    page(client, old.get_absolute_url())

    term.term = "Backlog"
    committed(term.save)

    assert links(body(page(client, old.get_absolute_url()))) == []
    assert links(body(page(client, new.get_absolute_url()))) == [
        (term.get_absolute_url(), "backlog")
    ]
    assert list(term.linking_articles.all()) == [new]


@pytest.mark.django_db
def test_new_aliases_are_linked_and_removed_ones_are_not(client, committed):
    term = GlossaryTermFactory(term="Objectives and key results", aliases="OKR")
    article = ArticleFactory(body="Our OKRs.")
    assert links(body(page(client, article.get_absolute_url()))) == []

    term.aliases = "OKR, OKRs"
    committed(term.save)
    assert [text for _, text in links(body(page(client, article.get_absolute_url())))] == ["OKRs"]
    assert list(article.linked_terms.all()) == [term]

    term.aliases = ""
    committed(term.save)
    assert links(body(page(client, article.get_absolute_url()))) == []
    assert not article.linked_terms.exists()


@pytest.mark.django_db
def test_adding_a_term_links_it_in_existing_articles(client, committed):
    article = ArticleFactory(body="Ask the product owner.")
    page(client, article.get_absolute_url())

    term = committed(GlossaryTermFactory, term="Product owner")

    assert links(body(page(client, article.get_absolute_url()))) == [
        (term.get_absolute_url(), "product owner")
    ]
    assert list(term.linking_articles.all()) == [article]


@pytest.mark.django_db
def test_deleting_a_term_removes_its_links_and_lets_a_shorter_term_link(client, committed):
    product = GlossaryTermFactory(term="Product")
    owner = GlossaryTermFactory(term="Product owner")
    article = ArticleFactory(body="The product owner.")
    assert list(article.linked_terms.all()) == [owner]

    committed(owner.delete)

    assert links(body(page(client, article.get_absolute_url()))) == [
        (product.get_absolute_url(), "product")
    ]
    assert list(article.linked_terms.all()) == [product]


@pytest.mark.django_db
def test_unpublishing_and_publishing_in_bulk_follow_through_to_pages(
    client, rf, admin_user, committed
):
    term = GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The roadmap.")
    admin = mock.Mock(has_publish_permission=lambda request: True)
    request = rf.post("/")
    request.user = admin_user
    assert links(body(page(client, article.get_absolute_url())))

    committed(unpublish, admin, request, GlossaryTerm.objects.filter(pk=term.pk))
    assert links(body(page(client, article.get_absolute_url()))) == []
    assert not term.linking_articles.exists()

    committed(publish, admin, request, GlossaryTerm.objects.filter(pk=term.pk))
    assert links(body(page(client, article.get_absolute_url()))) == [
        (term.get_absolute_url(), "roadmap")
    ]
    assert list(term.linking_articles.all()) == [article]


@pytest.mark.django_db
def test_a_new_definition_shows_in_the_tooltip_at_once(client):
    term = GlossaryTermFactory(term="Roadmap", short_definition="Old words.")
    article = ArticleFactory(body="The roadmap.")
    assert "Old words." in page(client, article.get_absolute_url())

    GlossaryTerm.objects.filter(pk=term.pk).update(short_definition="New words.")

    assert "New words." in body(page(client, article.get_absolute_url()))


@pytest.mark.django_db
def test_relinking_in_small_batches_gives_the_same_links():
    roadmap = GlossaryTermFactory(term="Roadmap")
    articles = ArticleFactory.create_batch(7, body="A roadmap.")
    Article.linked_terms.through.objects.all().delete()

    changed = linking.update_links(Article.objects.all(), batch_size=2)

    assert changed == 7
    assert set(roadmap.linking_articles.all()) == set(articles)


# "Used in" ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_term_page_lists_published_articles_linking_to_it_as_used_in(client):
    term = GlossaryTermFactory(term="Roadmap")
    chapter = SectionFactory(title="Planning")
    linking_article = ArticleFactory(title="Plans", section=chapter, body="A roadmap.")
    ArticleFactory(title="Draft plans", body="A roadmap.", draft=True)
    ArticleFactory(title="Excluding", body="A roadmap.").glossary_exclusions.add(term)
    ArticleFactory(title="Switched off", body="A roadmap.", link_glossary_terms=False)
    ArticleFactory(title="Unrelated", body="Nothing here.")

    html = page(client, term.get_absolute_url())
    used_in = html[
        html.index('id="used-in-heading"') : html.index(
            "</section>", html.index('id="used-in-heading"')
        )
    ]

    assert linking_article.get_absolute_url() in used_in
    assert "Chapter" in used_in and "Planning" in used_in
    assert used_in.count('class="item-list__item"') == 1


@pytest.mark.django_db
def test_term_without_links_has_no_used_in_section(client):
    term = GlossaryTermFactory(term="Roadmap")

    assert "Used in" not in page(client, term.get_absolute_url())


# Query counts -------------------------------------------------------------------------------


def queries_for(client, url):
    """Queries for a page with nothing cached: the worst case."""
    cache.clear()
    linking._glossary.cache_clear()
    with CaptureQueriesContext(connection) as context:
        page(client, url)
    return len(context)


@pytest.mark.django_db
def test_article_page_query_count_does_not_grow_with_the_number_of_terms(client):
    GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The roadmap and the backlog. " * 50)
    few = queries_for(client, article.get_absolute_url())

    for n in range(200):
        GlossaryTermFactory(term=f"Word{n}", aliases=f"W{n}")
    GlossaryTermFactory(term="Backlog")
    many = queries_for(client, article.get_absolute_url())

    assert many == few
    assert len(links(body(page(client, article.get_absolute_url())))) == 2


@pytest.mark.django_db
def test_term_page_query_count_does_not_grow_with_used_in(client):
    term = GlossaryTermFactory(term="Roadmap")
    ArticleFactory(body="A roadmap.")
    one = queries_for(client, term.get_absolute_url())

    ArticleFactory.create_batch(20, body="A roadmap.")
    many = queries_for(client, term.get_absolute_url())

    assert many == one
    html = page(client, term.get_absolute_url())
    assert html.count('class="item-list__item"') == USED_IN_SHOWN
    used_in = reverse("glossary:used_in", args=[term.slug])
    assert f'<a href="{used_in}">All 21 articles that use “Roadmap”</a>' in html
    assert page(client, used_in).count('class="item-list__item"') == 21


@pytest.mark.django_db
def test_the_used_in_pages_list_every_article_a_page_at_a_time(
    client, django_assert_max_num_queries
):
    term = GlossaryTermFactory(term="Roadmap")
    articles = ArticleFactory.create_batch(USED_IN_PER_PAGE + 5, body="A roadmap.")
    used_in = reverse("glossary:used_in", args=[term.slug])
    with django_assert_max_num_queries(4):  # the term, the count, one page; the stamp
        first = page(client, used_in)
    assert first.count('class="item-list__item"') == USED_IN_PER_PAGE
    assert 'rel="next" href="?page=2"' in first
    second = page(client, used_in + "?page=2")
    assert second.count('class="item-list__item"') == 5
    assert articles[-1].title in second and 'rel="prev"' in second
    assert client.get(used_in + "?page=3").status_code == 404
    assert client.get(used_in + "?page=x").status_code == 404


# Admin --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_article_admin_offers_the_switch_and_the_terms_not_to_link(admin_client):
    article = ArticleFactory()

    html = admin_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()

    assert 'name="link_glossary_terms"' in html
    assert 'name="glossary_exclusions"' in html


@pytest.mark.django_db
def test_relink_command_rebuilds_links_written_behind_the_orms_back():
    term = GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="A roadmap.")
    Article.linked_terms.through.objects.all().delete()
    out = io.StringIO()

    call_command("relink_glossary", stdout=out)

    assert list(article.linked_terms.all()) == [term]
    assert "1 article" in out.getvalue()


# Every write path keeps "Used in" fresh (kb/changes.py announces it; linking.keep_links) ------


@pytest.mark.django_db
def test_a_bulk_rename_of_a_term_moves_its_used_in(committed):
    term = GlossaryTermFactory(term="Roadmap")
    ArticleFactory(body="The roadmap.")
    new = ArticleFactory(body="The backlog.")

    committed(GlossaryTerm.objects.filter(pk=term.pk).update, term="Backlog")

    assert list(term.linking_articles.all()) == [new]


@pytest.mark.django_db
def test_a_renamed_terms_used_in_moves_after_the_commit_not_in_the_editors_request(
    django_capture_on_commit_callbacks,
):
    term = GlossaryTermFactory(term="Roadmap")
    old = ArticleFactory(body="The roadmap.")
    new = ArticleFactory(body="The backlog.")

    with django_capture_on_commit_callbacks() as jobs:
        term.term = "Backlog"
        term.save()
        # Until the job runs, "Used in" lists what it listed: never a half-written relation.
        assert list(term.linking_articles.all()) == [old]
    assert list(term.linking_articles.all()) == [old]

    for enqueue in jobs:
        enqueue()
    assert list(term.linking_articles.all()) == [new]


@pytest.mark.django_db
def test_a_write_that_rolls_back_enqueues_no_relinking(django_capture_on_commit_callbacks):
    term = GlossaryTermFactory(term="Roadmap")
    with django_capture_on_commit_callbacks() as jobs:
        try:
            with transaction.atomic():
                term.term = "Backlog"
                term.save()
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    assert jobs == []


@pytest.mark.django_db
def test_a_bulk_write_of_many_articles_is_relinked_in_the_background(committed):
    term = GlossaryTermFactory(term="Roadmap")
    section = ArticleFactory().section
    articles = ArticleFactory.create_batch(
        linking.BATCH_SIZE + 1, section=section, body="Nothing yet."
    )
    rendered = render("The roadmap.")
    many = Article.objects.filter(pk__in=[a.pk for a in articles])

    with mock.patch.object(linking, "update_links", wraps=linking.update_links) as relink:
        committed(many.update, body="The roadmap.", body_html=rendered.html)
    # Once, by the job (after the commit), not once in the request and again later.
    assert relink.call_count == 1
    assert term.linking_articles.count() == linking.BATCH_SIZE + 1


@pytest.mark.django_db
def test_bulk_created_articles_link_terms_without_the_relink_command():
    term = GlossaryTermFactory(term="Roadmap")
    existing = ArticleFactory(body="x")
    rendered = render("Our roadmap.")
    (created,) = Article.objects.bulk_create(
        [
            Article(
                section=existing.section,
                author=existing.author,
                title="Bulk",
                slug="bulk",
                body="Our roadmap.",
                body_html=rendered.html,
                body_text=rendered.text,
            )
        ]
    )
    assert list(term.linking_articles.all()) == [created]


@pytest.mark.django_db
def test_a_restored_article_links_what_its_restored_body_mentions():
    term = GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The roadmap.")
    with reversion.create_revision():
        article.save()
    article.body = "Nothing to link."
    article.save()
    assert not term.linking_articles.exists()

    Version.objects.get_for_object(article).first().revision.revert()

    assert list(term.linking_articles.all()) == [article]


@pytest.mark.django_db
def test_a_save_that_keeps_the_body_and_the_names_relinks_nothing():
    GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The roadmap.")
    term = GlossaryTerm.objects.get()
    with mock.patch.object(linking, "update_links") as relink:
        article.position += 1
        article.save()
        term.short_definition = "A plan."
        term.save()
    relink.assert_not_called()
