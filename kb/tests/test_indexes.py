"""Every query a public page runs reads articles through an index, never by scanning the table:
at 50,000 articles a scan is what made pages take seconds. Each query the page ran is asked
for its plan: on PostgreSQL with sequential scans priced out of reach (`enable_seqscan = off`),
so a scan that remains has no index to use instead; on SQLite by EXPLAIN QUERY PLAN, whose
planner assumes large tables when it has no statistics."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from glossary.tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db
TABLE = "articles_article"


@pytest.fixture
def guide():
    author = AuthorFactory()
    chapters = SectionFactory.create_batch(3)
    GlossaryTermFactory(term="Roadmap")
    articles = [
        ArticleFactory(section=chapter, author=author, body="A roadmap.", tags=["planning"])
        for chapter in chapters
        for _ in range(4)
    ]
    return {"article": articles[0], "chapter": chapters[0], "author": author}


def public_pages(guide):
    article, chapter = guide["article"], guide["chapter"]
    return [
        reverse("articles:home"),
        chapter.get_absolute_url(),
        article.get_absolute_url(),
        reverse("articles:tags"),
        reverse("articles:tag", kwargs={"slug": "planning"}),
        reverse("glossary:index"),
        reverse("glossary:detail", kwargs={"slug": "roadmap"}),
        reverse("glossary:used_in", kwargs={"slug": "roadmap"}),
        guide["author"].get_absolute_url(),
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/llms.txt",
        "/feeds/articles.rss",
        article.get_absolute_url().rstrip("/") + ".md",
        reverse("search:search") + "?q=roadmap",
        reverse("search:suggest") + "?q=road",
    ]


def scans_of_articles(sql, params):
    """The plan's full scans of the articles table (empty: it uses indexes only)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            return [
                node["Node Type"]
                for node in walk(plan[0]["Plan"])
                if node["Node Type"] == "Seq Scan" and node.get("Relation Name") == TABLE
            ]
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [
            row[-1]
            for row in cursor.fetchall()
            if row[-1].startswith(f"SCAN {TABLE}") and "INDEX" not in row[-1]
        ]


def walk(node):
    yield node
    for child in node.get("Plans", ()):
        yield from walk(child)


def test_no_public_page_scans_the_articles_table(client, guide):
    scans = {}
    for url in public_pages(guide):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        for query in captured.captured_queries:
            sql = query["sql"]
            if TABLE not in sql or not sql.lstrip().upper().startswith("SELECT"):
                continue
            # The captured SQL has its parameters filled in: plan it as it ran.
            found = scans_of_articles(sql, None)
            if found:
                scans.setdefault(url, []).append(sql[:300])
    assert scans == {}


def test_the_check_sees_a_scan_where_no_index_helps():
    ArticleFactory()
    assert scans_of_articles(f"SELECT id FROM {TABLE} WHERE summary = 'nothing'", None)
    assert not scans_of_articles(f"SELECT id FROM {TABLE} WHERE id = 1", None)
