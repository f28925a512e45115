"""No public page's queries or size grow with the guide: every list page is asked for with a
guide of one item per list, then again once each list holds more than a page (a few hundred
rows, bulk-created), and must run the same number of queries and grow by no more than one
page of a list (under 200 KB in all)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, TaggedArticle
from articles.tests.factories import ArticleFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.markdown import render
from kb.pagecache import blocks
from kb.publishing import Status

pytestmark = pytest.mark.django_db
ROWS = 320  # beyond one page of every list (30 a page, 300 terms on one glossary page)
MAX_BYTES = 200 * 1024
PAGE_GROWTH = 50 * 1024


@pytest.fixture
def guide():
    term = GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="A roadmap.", tags=["planning"])
    article.linked_terms.add(term)
    return {"article": article, "term": term}


def grow(guide):
    """ROWS more articles in the same chapter, by the same author, with the same tag and
    linking the same term, and ROWS more glossary terms."""
    first = guide["article"]
    rendered = render("A roadmap.")
    created = Article.objects.bulk_create(
        Article(
            section=first.section,
            author=first.author,
            title=f"Roadmap note {n}",
            slug=f"roadmap-note-{n}",
            position=n,
            summary=first.summary,
            body="A roadmap.",
            body_html=rendered.html,
            body_text=rendered.text,
            status=first.status,
            published_at=first.published_at,
        )
        for n in range(ROWS)
    )
    tag = first.tags.get()
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object_id=article.pk, tag=tag) for article in created
    )
    Article.linked_terms.through.objects.bulk_create(
        Article.linked_terms.through(article_id=article.pk, glossaryterm_id=guide["term"].pk)
        for article in created
    )
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=f"Roadmap term {n}",
            slug=f"roadmap-term-{n}",
            short_definition="A made-up term.",
            status=Status.PUBLISHED,
            published_at=first.published_at,
        )
        for n in range(ROWS)
    )


def list_pages(guide):
    article, term = guide["article"], guide["term"]
    return {
        "home": reverse("articles:home"),
        "chapter": article.section.get_absolute_url(),
        "article (guide navigation)": article.get_absolute_url(),
        "tag page": reverse("articles:tag", kwargs={"slug": "planning"}),
        "tag cloud": reverse("articles:tags"),
        "author page": article.author.get_absolute_url(),
        "term page": term.get_absolute_url(),
        "term used in": reverse("glossary:used_in", kwargs={"slug": term.slug}),
        "glossary index": reverse("glossary:index"),
        "llms.txt": "/llms.txt",
        "sitemap of articles": "/sitemap-articles.xml",
    }


def measured(client, url):
    """(queries, bytes) of a first request, with nothing kept from an earlier one."""
    cache.clear()
    blocks.local_copies.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), len(response.content)


def test_list_pages_run_the_same_queries_and_stay_small_whatever_the_lists_hold(client, guide):
    pages = list_pages(guide)
    small = {name: measured(client, url) for name, url in pages.items()}

    grow(guide)
    large = {name: measured(client, url) for name, url in pages.items()}

    assert {name: queries for name, (queries, _) in large.items()} == {
        name: queries for name, (queries, _) in small.items()
    }
    # One page of a list adds at most PAGE_GROWTH to a page; the whole list (320 rows, about
    # 100 KB) would not fit. Sitemap files are bounded by their 5,000 URLs instead.
    grown = {
        name: (small[name][1], size)
        for name, (_, size) in large.items()
        if name != "sitemap of articles"
        and (size > MAX_BYTES or size > small[name][1] + PAGE_GROWTH)
    }
    assert grown == {}
    # The lists did grow past their first page: the bounds are what kept the pages small.
    assert large["chapter"][1] > small["chapter"][1]
    assert large["term used in"][1] > small["term used in"][1]
