import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.tests.factories import ArticleFactory, SectionFactory
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status
from kb.tags.models import Tag
from kb.tests.queries import long_text_read

pytestmark = pytest.mark.django_db

TAGS = reverse("articles:tags")


def tag_url(slug, **params):
    url = reverse("articles:tag", kwargs={"slug": slug})
    if params:
        url += "?" + "&".join(f"{key}={quote(str(value))}" for key, value in params.items())
    return url


def cloud_entry(html, name):
    pattern = rf'<a class="tag-cloud__tag[^"]*" href="[^"]*">{re.escape(name)} .*?</a>'
    match = re.search(pattern, html)
    return match and match.group(0)


def related_names(html):
    aside = re.search(r'<aside class="related-tags".*?</aside>', html, re.S)
    return re.findall(r'<a class="tag" href="[^"]*">(.*?) <span', aside.group(0)) if aside else []


# The tag cloud


def test_tag_list_shows_each_tag_with_its_published_item_count_in_text(client):
    ArticleFactory.create_batch(2, tags=["Roadmaps"])
    GlossaryTermFactory(tags=["Roadmaps"])
    ArticleFactory(tags=["Discovery"])

    response = client.get(TAGS)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '3<span class="visually-hidden"> items</span>' in cloud_entry(html, "Roadmaps")
    assert '1<span class="visually-hidden"> item</span>' in cloud_entry(html, "Discovery")
    assert html.index(">Discovery <") < html.index(">Roadmaps <")


@pytest.mark.parametrize(
    "unready",
    [
        lambda tags: ArticleFactory(draft=True, tags=tags),
        lambda tags: ArticleFactory(in_review=True, tags=tags),
        lambda tags: ArticleFactory(scheduled=True, tags=tags),
        lambda tags: ArticleFactory(
            section=SectionFactory(status=Status.DRAFT, published_at=None), tags=tags
        ),
        lambda tags: GlossaryTermFactory(draft=True, tags=tags),
    ],
    ids=["draft", "in-review", "scheduled", "draft-chapter", "draft-term"],
)
def test_tag_counts_exclude_unready_items_and_hide_tags_used_only_by_them(client, unready):
    ArticleFactory(tags=["Shared"])
    unready(["Shared", "Secret"])

    html = client.get(TAGS).content.decode()

    assert '1<span class="visually-hidden"> item</span>' in cloud_entry(html, "Shared")
    assert "Secret" not in html


def test_tag_cloud_sizes_tags_by_use(client):
    ArticleFactory.create_batch(8, tags=["Popular"])
    ArticleFactory(tags=["Rare"])

    html = client.get(TAGS).content.decode()

    assert "tag-cloud__tag--5" in cloud_entry(html, "Popular")
    assert "tag-cloud__tag--1" in cloud_entry(html, "Rare")


def test_python_and_lowercase_python_are_one_tag(client):
    ArticleFactory(tags=["Python"])
    ArticleFactory(tags=["python"])

    html = client.get(TAGS).content.decode()

    assert Tag.objects.count() == 1
    assert '2<span class="visually-hidden"> items</span>' in cloud_entry(html, "Python")
    assert client.get(tag_url("python")).content.decode().count("item-list__item") == 2


# A tag's page


def test_tag_page_lists_published_articles_in_guide_order_and_terms(client):
    first, second = SectionFactory(position=1, title="Strategy"), SectionFactory(position=2)
    ArticleFactory(section=second, title="Later article", tags=["Roadmaps"])
    ArticleFactory(section=first, title="Earlier article", tags=["Roadmaps"])
    GlossaryTermFactory(term="Roadmap", short_definition="A plan over time.", tags=["Roadmaps"])
    ArticleFactory(title="Draft article", draft=True, tags=["Roadmaps"])
    GlossaryTermFactory(term="Draft term", draft=True, tags=["Roadmaps"])

    response = client.get(tag_url("roadmaps"))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert html.index("Earlier article") < html.index("Later article") < html.index("Roadmap<")
    assert "Chapter 1: Strategy" in html
    assert "A plan over time." in html
    assert "Draft article" not in html and "Draft term" not in html
    assert "3 items." in html


def test_tag_used_only_by_drafts_is_404(client):
    ArticleFactory(draft=True, tags=["Secret"])
    GlossaryTermFactory(draft=True, tags=["Secret"])

    assert client.get(tag_url("secret")).status_code == 404


@pytest.mark.parametrize("shown", ["secret", "public"])
def test_tag_used_only_by_drafts_is_404_when_narrowing_too(client, shown):
    ArticleFactory(draft=True, tags=["Secret", "Public"])
    ArticleFactory(tags=["Public"])
    narrowing = {"secret": "public", "public": "secret"}[shown]

    response = client.get(tag_url(shown), {"and": narrowing})

    assert response.status_code == 404
    assert "Secret" not in response.content.decode()


def test_tag_used_only_by_drafts_has_no_feed(client):
    ArticleFactory(draft=True, tags=["Secret"])

    assert client.get("/feeds/tags/secret.rss").status_code == 404
    assert client.get("/feeds/tags/secret.atom").status_code == 404


def test_unknown_tag_is_404(client):
    assert client.get(tag_url("nothing-here")).status_code == 404


def test_tag_page_paginates_twenty_items_articles_then_terms(client):
    ArticleFactory.create_batch(15, tags=["Big"])
    GlossaryTermFactory.create_batch(10, tags=["Big"])

    first = client.get(tag_url("big")).content.decode()
    second = client.get(tag_url("big", page=2)).content.decode()

    assert first.count('class="item-list__item"') == 15
    assert first.count('class="glossary__entry"') == 5
    assert second.count('class="item-list__item"') == 0
    assert second.count('class="glossary__entry"') == 5
    assert 'rel="next" href="?page=2"' in first
    assert 'rel="prev" href="?page=1"' in second
    assert "page 2 of 2" in second


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "9" * 30, "9" * 5000, "1e3"])
def test_bad_page_values_are_404_not_500(client, page):
    ArticleFactory.create_batch(3, tags=["Big"])

    assert client.get(tag_url("big", page=page)).status_code == 404


def test_empty_page_parameter_means_the_first_page(client):
    ArticleFactory(tags=["Big"])

    assert client.get(tag_url("big") + "?page=").status_code == 200


# Narrowing by a second tag and wandering to related tags


def test_narrowing_by_a_second_tag_lists_only_items_with_both(client):
    ArticleFactory(title="Both tags", tags=["Agile", "Scrum"])
    ArticleFactory(title="Only agile", tags=["Agile"])
    GlossaryTermFactory(term="Sprint", tags=["Agile", "Scrum"])
    GlossaryTermFactory(term="Kanban", tags=["Agile"])

    response = client.get(tag_url("agile", **{"and": "scrum"}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Both tags" in html and "Sprint" in html
    assert "Only agile" not in html and "Kanban" not in html
    assert f'<a href="{tag_url("agile")}">Show everything tagged “Agile”</a>' in html
    assert 'content="noindex, follow"' in html


def test_narrowed_pages_keep_the_narrowing_when_paginating(client):
    ArticleFactory.create_batch(21, tags=["Agile", "Scrum"])

    html = client.get(tag_url("agile", **{"and": "scrum"})).content.decode()

    assert 'href="?and=scrum&amp;page=2"' in html


def test_narrowing_by_an_unknown_tag_is_404(client):
    ArticleFactory(tags=["Agile"])

    assert client.get(tag_url("agile", **{"and": "nope"})).status_code == 404


def test_narrowing_by_the_same_tag_redirects_to_the_plain_tag_page(client):
    ArticleFactory(tags=["Agile"])

    response = client.get(tag_url("agile", **{"and": "agile"}))

    assert response.status_code == 302
    assert response["Location"] == tag_url("agile")


def test_narrowing_ignores_drafts_carrying_both_tags(client):
    ArticleFactory(tags=["Agile"])
    ArticleFactory(tags=["Scrum"])
    ArticleFactory(title="Draft with both", draft=True, tags=["Agile", "Scrum"])

    html = client.get(tag_url("agile", **{"and": "scrum"})).content.decode()

    assert "Draft with both" not in html
    assert "Nothing carries both tags yet." in html


def test_co_occurring_tags_are_ordered_by_shared_use_and_link_to_the_narrowed_page(client):
    ArticleFactory.create_batch(3, tags=["Agile", "Scrum"])
    ArticleFactory(tags=["Agile", "Kanban", "Scrum"])
    GlossaryTermFactory(tags=["Agile", "Kanban"])
    ArticleFactory(tags=["Agile", "Lean"])
    ArticleFactory(tags=["Unrelated"])

    html = client.get(tag_url("agile")).content.decode()

    assert related_names(html) == ["Scrum", "Kanban", "Lean"]
    assert f'href="{tag_url("agile")}?and=scrum"' in html
    assert '4<span class="visually-hidden"> shared items</span>' in html


def test_co_occurring_tags_ignore_drafts(client):
    ArticleFactory(tags=["Agile"])
    ArticleFactory(draft=True, tags=["Agile", "Secret"])
    GlossaryTermFactory(draft=True, tags=["Agile", "Hidden"])

    html = client.get(tag_url("agile")).content.decode()

    assert related_names(html) == []
    assert "Secret" not in html and "Hidden" not in html


def test_co_occurring_tags_are_capped_at_ten(client):
    ArticleFactory(tags=["Agile"] + [f"Other {n:02}" for n in range(15)])

    assert related_names(client.get(tag_url("agile")).content.decode()) == [
        f"Other {n:02}" for n in range(10)
    ]


# Unicode, generated and long slugs


def test_unicode_tag_slug_resolves_and_renders(client):
    ArticleFactory(tags=["Café"])
    tag = Tag.objects.get()

    response = client.get(tag.get_absolute_url())

    assert tag.slug == "café"
    assert tag.get_absolute_url() == "/tags/caf%C3%A9/"
    assert response.status_code == 200
    assert "Café" in response.content.decode()
    assert 'href="/tags/caf%C3%A9/"' in client.get(TAGS).content.decode()


def test_emoji_only_tag_gets_a_generated_slug_that_resolves(client):
    ArticleFactory(tags=["🚀"])
    tag = Tag.objects.get()

    response = client.get(tag.get_absolute_url())

    assert re.fullmatch(r"tag-[0-9a-f]{10}", tag.slug)
    assert response.status_code == 200
    assert "🚀" in response.content.decode()


def test_hundred_character_tag_resolves_and_renders(client):
    name = "long " + "x" * 95
    ArticleFactory(tags=[name])
    tag = Tag.objects.get()

    response = client.get(tag.get_absolute_url())

    assert len(name) == 100
    assert response.status_code == 200
    assert name in response.content.decode()


def test_narrowing_by_a_unicode_tag(client):
    ArticleFactory(title="Both", tags=["Café", "Thé"])

    response = client.get(tag_url("café", **{"and": "thé"}))

    assert response.status_code == 200
    assert "Both" in response.content.decode()
    assert f'href="{tag_url("café")}?and=th%C3%A9"' in client.get(tag_url("café")).content.decode()


# Query counts stay fixed whatever the content size


def test_tag_list_query_count_is_fixed(client, django_assert_max_num_queries):
    for n in range(40):
        ArticleFactory(tags=[f"tag {n}", f"tag {n + 1}", "common"])
        GlossaryTermFactory(tags=[f"tag {n}", "term tag"])

    # The counts: one GROUP BY per kind of item, the tags' names; plus the content stamp.
    with django_assert_max_num_queries(4):
        response = client.get(TAGS)
    assert response.content.decode().count('class="tag-cloud__tag') == 43
    # Kept per content version: later requests count nothing.
    with django_assert_max_num_queries(1):
        again = client.get(TAGS)
    assert again.content == response.content


def test_tag_page_query_count_is_fixed(client, django_assert_max_num_queries):
    others = [f"other {n}" for n in range(40)]
    sections = SectionFactory.create_batch(5)
    for n in range(50):
        ArticleFactory(section=sections[n % 5], tags=["Big", *others[n % 40 : n % 40 + 8]])
    for n in range(30):
        GlossaryTermFactory(tags=["Big", *others[n : n + 5]])

    # Each page's lists are computed once per content version (the +1 reads the content
    # stamp), then only the stamp is read.
    with django_assert_max_num_queries(7):
        response = client.get(tag_url("big"))
    with django_assert_max_num_queries(7):
        mixed_page = client.get(tag_url("big", page=3))
    with django_assert_max_num_queries(8):
        narrowed = client.get(tag_url("big", **{"and": "other-3"}))
    with django_assert_max_num_queries(1):
        again = client.get(tag_url("big", **{"and": "other-3"}))
    assert again.content == narrowed.content

    assert response.content.decode().count('class="item-list__item"') == 20
    assert len(related_names(response.content.decode())) == 10
    assert mixed_page.content.decode().count('class="item-list__item"') == 10
    assert mixed_page.content.decode().count('class="glossary__entry"') == 10
    assert narrowed.status_code == 200


def test_tag_page_reads_no_article_bodies_or_term_explanations(
    client, django_assert_max_num_queries
):
    ArticleFactory.create_batch(3, tags=["Big"], body="# Long\n\nText.")
    GlossaryTermFactory.create_batch(3, tags=["Big"], explanation="A long explanation.")
    with django_assert_max_num_queries(7) as captured:  # the lists and the content stamp
        response = client.get(tag_url("big"))
    assert response.content.decode().count('class="item-list__item"') == 3
    assert long_text_read(captured) == {}


def test_tag_counts_follow_every_publish_and_unpublish_at_once(client, settings, committed):
    settings.PAGE_CACHE_SECONDS = 0  # only the counts kept per content version remain
    ArticleFactory(tags=["roles"])
    draft = ArticleFactory(tags=["roles"], draft=True)
    assert 'roles <span class="tag-cloud__count">1<' in client.get(TAGS).content.decode()

    draft.status, draft.published_at = Status.PUBLISHED, timezone.now()
    committed(draft.save)
    assert 'roles <span class="tag-cloud__count">2<' in client.get(TAGS).content.decode()

    committed(draft.tags.remove, "roles")
    assert 'roles <span class="tag-cloud__count">1<' in client.get(TAGS).content.decode()
