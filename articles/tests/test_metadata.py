"""Every public page tells search engines and link previews what it is."""

import json
import re
from html.parser import HTMLParser

import pytest

from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from glossary.tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.title = {}, [], [], ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json"
            self.json_ld.append("")
        elif tag == "title":
            self._in = "title"

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "json":
            self.json_ld[-1] += data
        elif self._in == "title":
            self.title += data


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    parser.structured = [json.loads(block) for block in parser.json_ld]
    return parser


def canonical(head):
    (link,) = [link for link in head.links if link.get("rel") == "canonical"]
    return link["href"]


@pytest.fixture
def guide():
    author = AuthorFactory(
        name="Anna Grigoryan", job_title="Director of Product Management", organisation="Wrike"
    )
    article = ArticleFactory(
        title="Product Management vs. Product Development",
        summary="What each one does.",
        author=author,
        tags=["roles", "strategy"],
    )
    term = GlossaryTermFactory(term="Product Owner", aliases="PO", short_definition="Owns it.")
    return article, term


def public_pages(article, term):
    return [
        "/",
        article.section.get_absolute_url(),
        article.get_absolute_url(),
        "/authors/",
        article.author.get_absolute_url(),
        "/glossary/",
        term.get_absolute_url(),
        "/tags/",
        "/tags/roles/",
    ]


def test_every_public_page_has_a_unique_title_description_canonical_and_preview(client, guide):
    titles = set()
    for url in public_pages(*guide):
        head = head_of(client, url)
        titles.add(head.title.strip())
        assert head.meta["description"]
        assert canonical(head) == "http://testserver" + url
        assert head.meta["og:url"] == canonical(head)
        assert head.meta["og:title"] and head.meta["og:description"]
        assert head.meta["twitter:card"] in ("summary", "summary_large_image")
        feeds = [link for link in head.links if link.get("rel") == "alternate"]
        assert {link["type"] for link in feeds} >= {
            "application/rss+xml",
            "application/atom+xml",
        }
    assert len(titles) == len(public_pages(*guide))


def test_meta_descriptions_come_from_summary_definition_and_job_title(client, guide):
    article, term = guide
    assert head_of(client, article.get_absolute_url()).meta["description"] == "What each one does."
    assert head_of(client, term.get_absolute_url()).meta["description"] == "Owns it."
    author_description = head_of(client, article.author.get_absolute_url()).meta["description"]
    assert "Director of Product Management" in author_description


def test_canonical_keeps_pagination_and_filters_but_drops_noise(client):
    for _ in range(25):
        ArticleFactory(tags=["roles", "agile"])
    head = head_of(client, "/tags/roles/?page=2&utm_source=x")
    assert canonical(head) == "http://testserver/tags/roles/?page=2"
    assert canonical(head_of(client, "/tags/roles/?page=1")) == "http://testserver/tags/roles/"
    narrowed = head_of(client, "/tags/roles/?and=agile&utm_source=x")
    assert canonical(narrowed) == "http://testserver/tags/roles/?and=agile"


def test_article_json_ld_describes_article_author_and_breadcrumbs(client, guide):
    article, _ = guide
    data = head_of(client, article.get_absolute_url()).structured
    (article_ld,) = [d for d in data if d["@type"] == "Article"]
    assert article_ld["@context"] == "https://schema.org"
    assert article_ld["headline"] == article.title
    assert article_ld["description"] == article.summary
    assert article_ld["author"] == {
        "@type": "Person",
        "name": "Anna Grigoryan",
        "url": "http://testserver" + article.author.get_absolute_url(),
        "jobTitle": "Director of Product Management",
        "worksFor": {"@type": "Organization", "name": "Wrike"},
    }
    assert article_ld["datePublished"].startswith(str(article.published_at.date()))
    assert article_ld["dateModified"]
    assert sorted(article_ld["keywords"].split(", ")) == ["roles", "strategy"]
    (crumbs,) = [d for d in data if d["@type"] == "BreadcrumbList"]
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Guide",
        article.section.title,
        article.title,
    ]
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]


def test_chapter_page_has_breadcrumb_json_ld(client):
    section = SectionFactory(title="Product Backlog")
    ArticleFactory(section=section)
    (crumbs,) = head_of(client, section.get_absolute_url()).structured
    assert crumbs["@type"] == "BreadcrumbList"
    assert crumbs["itemListElement"][-1]["name"] == "Product Backlog"


def test_glossary_pages_have_defined_term_set_and_defined_term(client, guide):
    _, term = guide
    GlossaryTermFactory(term="Secret", draft=True)
    (term_set,) = head_of(client, "/glossary/").structured
    assert term_set["@type"] == "DefinedTermSet"
    assert [t["name"] for t in term_set["hasDefinedTerm"]] == ["Product Owner"]
    (defined,) = head_of(client, term.get_absolute_url()).structured
    assert defined["@type"] == "DefinedTerm"
    assert defined["name"] == "Product Owner"
    assert defined["alternateName"] == ["PO"]
    assert defined["inDefinedTermSet"] == "http://testserver/glossary/"


def test_author_page_has_person_json_ld(client, guide):
    article, _ = guide
    (person,) = head_of(client, article.author.get_absolute_url()).structured
    assert person["@type"] == "Person"
    assert person["jobTitle"] == "Director of Product Management"
    assert person["worksFor"]["name"] == "Wrike"


def test_no_text_can_close_the_json_ld_script(client):
    hostile = '</script><script>alert("x")</script><!--'
    article = ArticleFactory(title=hostile, summary=hostile, tags=["</script>"])
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert blocks
    for block in blocks:
        assert "<" not in block
        data = json.loads(block)
        if data["@type"] == "Article":
            assert data["headline"] == hostile


def test_draft_preview_is_not_indexed(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)
    draft = ArticleFactory(draft=True)
    assert head_of(client, draft.get_absolute_url()).meta["robots"] == "noindex"
