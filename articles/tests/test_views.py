import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.models import Article
from articles.tests.factories import (
    ArticleFactory,
    SectionFactory,
    TopicFactory,
    TopicMembershipFactory,
)
from authors.tests.factories import AuthorFactory
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status
from kb.tags.models import Tag
from kb.tests.queries import CHAPTER_INTRO, LONG_TEXT, long_text_read

pytestmark = pytest.mark.django_db

HOME = "/"
UNREADY = ["draft", "in_review", "scheduled"]


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def titles_in_order(html, titles):
    """The given titles' positions in the page, each must appear."""
    positions = [html.find(title) for title in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions, strict=True) if p == -1]
    return positions


def between(html, start_marker, end_marker):
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


def guide_nav(html):
    return between(html, 'class="guide-nav"', "</nav>")


def topic_box(html, topic):
    return between(html, f'id="topic-{topic.pk}"', "</nav>")


def related_box(html):
    if 'id="related-heading"' not in html:
        return ""
    return between(html, 'id="related-heading"', "</section>")


def pager(html):
    if 'class="prev-next"' not in html:
        return ""
    return between(html, 'class="prev-next"', "</nav>")


# Every page renders -------------------------------------------------------------------------


def test_home_shows_the_guide_cover_chapters_articles_topics_tags_and_search(client):
    chapter = SectionFactory(title="What Is Product Management?", position=1)
    article = ArticleFactory(section=chapter, title="The Product Manager Role", tags=["Roles"])
    topic = TopicFactory(title="Product Management Team and Roles", is_featured=True)
    TopicMembershipFactory(topic=topic, article=article)
    html = page(client, HOME)
    assert "<h1" in html and html.count("<h1") == 1
    assert "What Is Product Management?" in html
    assert article.get_absolute_url() in html
    assert "Product Management Team and Roles" in html
    assert Tag.objects.get(name="Roles").get_absolute_url() in html
    assert 'action="/search/"' in html and 'name="q"' in html


def test_chapter_page_shows_number_intro_articles_summaries_and_reading_time(client):
    chapter = SectionFactory(position=3, title="Discovery", intro="Learn **what** to build.")
    ArticleFactory(section=chapter, title="Interviewing Customers", summary="Ask open questions.")
    html = page(client, chapter.get_absolute_url())
    assert "Chapter 3" in html
    assert "<h1>Discovery</h1>" in html
    assert "<strong>what</strong>" in html
    assert "Interviewing Customers" in html
    assert "Ask open questions." in html
    assert "1 min read" in html


def test_article_page_shows_breadcrumbs_lede_byline_toc_body_tags_and_author_box(client):
    author = AuthorFactory(name="Ada Lovelace", job_title="Head of Product", bio="Wrote *notes*.")
    chapter = SectionFactory(position=1, title="What Is Product Management?")
    article = ArticleFactory(
        section=chapter,
        title="The Product Manager Role",
        summary="What a product manager does all day.",
        author=author,
        tags=["Roles", "Career"],
    )
    html = page(client, article.get_absolute_url())
    crumbs = between(html, 'aria-label="Breadcrumb"', "</nav>")
    assert titles_in_order(crumbs, ["Guide", "1. What Is Product Management?", article.title])
    assert "<ol>" in crumbs and 'aria-current="page"' in crumbs
    assert html.count("<h1") == 1
    assert "What a product manager does all day." in html
    assert "Ada Lovelace" in html and "Head of Product" in html
    assert "1 min read" in html
    toc = between(html, 'class="toc"', "</nav>")
    assert (
        'href="#user-content-first-heading"' in toc and 'href="#user-content-second-heading"' in toc
    )
    assert '<h2 id="user-content-first-heading">' in html
    assert Tag.objects.get(name="Career").get_absolute_url() in html
    assert "About the author" in html and "<em>notes</em>" in html
    assert reverse("authors:detail", kwargs={"slug": author.slug}) in html


def test_article_byline_shows_the_authors_photo_with_alt_text(client):
    author = AuthorFactory(name="Grace Hopper", photo="authors/grace.jpg")
    article = ArticleFactory(author=author)
    html = page(client, article.get_absolute_url())
    assert 'src="/media/authors/grace.jpg"' in html
    assert 'alt="Photo of Grace Hopper"' in html


def test_article_headings_are_in_order_with_one_h1(client):
    article = ArticleFactory(tags=["A"])
    TopicMembershipFactory(article=article)
    ArticleFactory(tags=["A"])  # a related article, so every box is on the page
    html = page(client, article.get_absolute_url())
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_guide_nav_lists_chapters_in_order_with_current_chapter_open_and_article_marked(client):
    second = SectionFactory(position=2, title="Chapter Two")
    first = SectionFactory(position=1, title="Chapter One")
    other = ArticleFactory(section=second, title="Elsewhere")
    article = ArticleFactory(section=first, title="Here", position=2)
    ArticleFactory(section=first, title="Before here", position=1)
    nav = guide_nav(page(client, article.get_absolute_url()))
    one, two = titles_in_order(nav, ["Chapter One", "Chapter Two"])
    assert one < two
    assert titles_in_order(nav, ["Before here", "Here"])[0] < nav.find(">Here<")
    assert f'href="{article.get_absolute_url()}" aria-current="page"' in nav
    assert other.title not in nav  # other chapters stay closed


def test_chapter_page_marks_itself_in_the_guide_nav(client):
    chapter = SectionFactory()
    nav = guide_nav(page(client, chapter.get_absolute_url()))
    assert f'href="{chapter.get_absolute_url()}" aria-current="page"' in nav


# Visibility ---------------------------------------------------------------------------------


@pytest.mark.parametrize("trait", UNREADY)
def test_unready_article_is_404_for_anonymous_reader(client, trait):
    article = ArticleFactory(**{trait: True})
    page(client, article.get_absolute_url(), status=404)


@pytest.mark.parametrize("trait", UNREADY)
def test_unready_chapter_is_404_and_so_are_its_articles(client, trait):
    chapter = SectionFactory(**_section_trait(trait))
    article = ArticleFactory(section=chapter)
    page(client, chapter.get_absolute_url(), status=404)
    page(client, article.get_absolute_url(), status=404)


def _section_trait(trait):
    from datetime import timedelta

    from django.utils import timezone

    return {
        "draft": {"status": Status.DRAFT, "published_at": None},
        "in_review": {"status": Status.REVIEW, "published_at": None},
        "scheduled": {"published_at": timezone.now() + timedelta(days=1)},
    }[trait]


@pytest.mark.parametrize("trait", UNREADY)
def test_unready_articles_and_chapters_are_absent_from_home_and_guide_nav(client, trait):
    chapter = SectionFactory(title="Visible chapter")
    ArticleFactory(section=chapter, title="Visible article")
    ArticleFactory(section=chapter, title="Hidden article", **{trait: True})
    hidden_chapter = SectionFactory(title="Hidden chapter", **_section_trait(trait))
    ArticleFactory(section=hidden_chapter, title="Article in hidden chapter")
    for url in (HOME, chapter.get_absolute_url()):
        html = page(client, url)
        assert "Visible chapter" in html
        assert "Hidden article" not in html
        assert "Hidden chapter" not in html
        assert "Article in hidden chapter" not in html


@pytest.mark.parametrize("trait", UNREADY)
def test_unready_article_is_absent_from_chapter_list(client, trait):
    chapter = SectionFactory()
    ArticleFactory(section=chapter, title="Ready one")
    ArticleFactory(section=chapter, title="Not ready", **{trait: True})
    html = page(client, chapter.get_absolute_url())
    assert "Ready one" in html and "Not ready" not in html


@pytest.mark.parametrize("trait", UNREADY)
def test_unready_article_is_absent_from_topic_box_related_list_and_pager(client, trait):
    chapter = SectionFactory()
    article = ArticleFactory(section=chapter, position=1, tags=["Shared"])
    hidden = ArticleFactory(section=chapter, position=2, title="Hidden one", **{trait: True})
    hidden_related = ArticleFactory(title="Hidden related", tags=["Shared"], **{trait: True})
    topic = TopicFactory()
    TopicMembershipFactory(topic=topic, article=article, position=1)
    TopicMembershipFactory(topic=topic, article=hidden, position=2)
    html = page(client, article.get_absolute_url())
    assert "Hidden one" not in topic_box(html, topic)
    assert hidden_related.title not in html
    assert "Hidden one" not in html  # not in the pager or the guide nav either


def test_article_in_unpublished_chapter_is_absent_from_topic_boxes_related_and_tags(client):
    hidden_chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    article = ArticleFactory(tags=["Shared"])
    buried = ArticleFactory(section=hidden_chapter, title="Buried", tags=["Shared", "Only buried"])
    topic = TopicFactory(is_featured=True)
    TopicMembershipFactory(topic=topic, article=article)
    TopicMembershipFactory(topic=topic, article=buried)
    html = page(client, article.get_absolute_url())
    assert "Buried" not in html
    home = page(client, HOME)
    assert "Buried" not in home
    assert "Only buried" not in home  # the tag of an invisible article is not popular


def test_featured_topic_with_no_published_articles_is_not_on_home(client):
    topic = TopicFactory(title="Empty topic", is_featured=True)
    TopicMembershipFactory(topic=topic, article__draft=True)
    assert "Empty topic" not in page(client, HOME)


def test_popular_tags_count_published_articles_and_glossary_terms_only(client):
    ArticleFactory(tags=["Strategy"])
    GlossaryTermFactory(tags=["Strategy"])
    GlossaryTermFactory(tags=["Strategy"], draft=True)
    ArticleFactory(tags=["Secret"], draft=True)
    cloud = between(page(client, HOME), 'class="tag-cloud"', "</ul>")
    assert "Strategy" in cloud and ">2<" in cloud
    assert "Secret" not in cloud


def test_popular_tags_are_the_twelve_most_used(client):
    for n in range(14):
        for _ in range(n + 1):
            ArticleFactory(tags=[f"tag{n:02}"])
    cloud = between(page(client, HOME), 'class="tag-cloud"', "</ul>")
    assert "tag13" in cloud and "tag02" in cloud
    assert "tag01" not in cloud and "tag00" not in cloud
    assert cloud.index("tag13") < cloud.index("tag02")


# Staff preview ------------------------------------------------------------------------------


@pytest.mark.parametrize("trait", UNREADY)
def test_editor_previews_unready_article_with_banner_and_never_cache(editor_client, trait):
    article = ArticleFactory(**{trait: True})
    response = editor_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not published" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_editor_previews_article_in_draft_chapter_and_the_chapter(editor_client):
    chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    article = ArticleFactory(section=chapter)
    for url in (chapter.get_absolute_url(), article.get_absolute_url()):
        response = editor_client.get(url)
        assert response.status_code == 200
        assert "Preview: not published" in response.content.decode()
        assert "no-cache" in response["Cache-Control"]


def test_editor_sees_published_article_without_preview_banner(editor_client):
    article = ArticleFactory()
    html = page(editor_client, article.get_absolute_url())
    assert "Preview: not published" not in html


def test_published_article_has_no_preview_banner_for_readers(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert "Preview: not published" not in response.content.decode()
    assert "no-cache" not in response.get("Cache-Control", "")


def test_staff_without_change_permission_gets_404_for_drafts(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_article"))
    client.force_login(user)
    chapter = SectionFactory(status=Status.DRAFT, published_at=None)
    page(client, ArticleFactory(draft=True).get_absolute_url(), status=404)
    page(client, chapter.get_absolute_url(), status=404)


# Navigation order ---------------------------------------------------------------------------


def test_home_lists_chapters_by_number_and_articles_by_position(client):
    second = SectionFactory(position=2, title="Second chapter")
    first = SectionFactory(position=1, title="First chapter")
    ArticleFactory(section=first, position=2, title="Article B")
    ArticleFactory(section=first, position=1, title="Article A")
    ArticleFactory(section=second, position=1, title="Article C")
    html = between(page(client, HOME), 'id="chapters-heading"', "</section>")
    positions = titles_in_order(
        html, ["First chapter", "Article A", "Article B", "Second chapter", "Article C"]
    )
    assert positions == sorted(positions)


def test_chapter_links_to_previous_and_next_published_chapter(client):
    first = SectionFactory(position=1, title="One")
    SectionFactory(position=2, title="Two (draft)", status=Status.DRAFT, published_at=None)
    middle = SectionFactory(position=3, title="Three")
    last = SectionFactory(position=4, title="Four")
    nav = pager(page(client, middle.get_absolute_url()))
    assert f'href="{first.get_absolute_url()}" rel="prev"' in nav
    assert f'href="{last.get_absolute_url()}" rel="next"' in nav
    assert 'rel="prev"' not in pager(page(client, first.get_absolute_url()))


def test_previous_and_next_article_cross_chapter_boundaries(client):
    one = SectionFactory(position=1)
    two = SectionFactory(position=2)
    last_of_one = ArticleFactory(section=one, position=5, title="End of one")
    ArticleFactory(section=one, position=1, title="Start of one")
    first_of_two = ArticleFactory(section=two, position=1, title="Start of two")
    ArticleFactory(section=two, position=2, title="Draft in two", draft=True)
    nav = pager(page(client, last_of_one.get_absolute_url()))
    assert f'href="{first_of_two.get_absolute_url()}" rel="next"' in nav
    assert "Start of one" in nav
    nav = pager(page(client, first_of_two.get_absolute_url()))
    assert f'href="{last_of_one.get_absolute_url()}" rel="prev"' in nav
    assert 'rel="next"' not in nav


def test_topic_box_lists_published_members_by_position_and_marks_current(client):
    article = ArticleFactory(title="Current member")
    topic = TopicFactory(title="Product Management Team and Roles")
    TopicMembershipFactory(topic=topic, article=ArticleFactory(title="Third member"), position=3)
    TopicMembershipFactory(topic=topic, article=article, position=2)
    TopicMembershipFactory(topic=topic, article=ArticleFactory(title="First member"), position=1)
    html = page(client, article.get_absolute_url())
    box = topic_box(html, topic)
    assert "Product Management Team and Roles" in box
    positions = titles_in_order(box, ["First member", "Current member", "Third member"])
    assert positions == sorted(positions)
    assert f'href="{article.get_absolute_url()}" aria-current="page"' in box


def test_related_articles_are_ordered_by_shared_tags_and_skip_topic_members(client):
    article = ArticleFactory(tags=["a", "b", "c"])
    ArticleFactory(title="Shares one", tags=["a"])
    ArticleFactory(title="Shares three", tags=["a", "b", "c", "z"])
    ArticleFactory(title="Shares two", tags=["b", "c"])
    ArticleFactory(title="Shares none", tags=["z"])
    in_topic = ArticleFactory(title="In the topic box", tags=["a", "b", "c"])
    topic = TopicFactory()
    TopicMembershipFactory(topic=topic, article=article)
    TopicMembershipFactory(topic=topic, article=in_topic)
    related = related_box(page(client, article.get_absolute_url()))
    positions = titles_in_order(related, ["Shares three", "Shares two", "Shares one"])
    assert positions == sorted(positions)
    assert "Shares none" not in related
    assert "In the topic box" not in related
    assert article.title not in related


def test_related_articles_are_limited_to_five(client):
    article = ArticleFactory(tags=["a"])
    ArticleFactory.create_batch(8, tags=["a"])
    assert related_box(page(client, article.get_absolute_url())).count("<li>") == 5


# Robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["?page=abc", "?q=" + "x" * 5000, "?%ff=%fe", "?a[]=1"])
def test_bad_query_strings_never_fail(client, query):
    article = ArticleFactory()
    assert client.get(HOME + query).status_code == 200
    assert client.get(article.get_absolute_url() + query).status_code == 200
    # A chapter is paginated: a page number that is not one is "no such page", as on tag pages.
    chapter = 404 if query == "?page=abc" else 200
    assert client.get(article.section.get_absolute_url() + query).status_code == chapter


def test_a_nul_character_in_the_query_string_is_a_bad_request(client):
    article = ArticleFactory()
    for url in (HOME, article.section.get_absolute_url(), article.get_absolute_url()):
        assert client.get(url + "?q=%00").status_code == 400


def test_unknown_pages_are_404(client):
    article = ArticleFactory()
    page(client, "/guide/no-such-chapter/", status=404)
    page(client, f"/guide/{article.section.slug}/no-such-article/", status=404)
    other = SectionFactory()
    page(client, f"/guide/{other.slug}/{article.slug}/", status=404)  # wrong chapter


def test_404_page_is_the_branded_one(client, settings):
    settings.DEBUG = False
    html = page(client, "/guide/no-such-chapter/", status=404)
    assert "We can’t find that page" in html
    assert 'name="q"' in html


def test_500_page_renders_without_context():
    from django.template import Context
    from django.template.loader import get_template

    html = get_template("500.html").template.render(Context())
    assert "Something went wrong" in html


# Dates in the site's time zone --------------------------------------------------------------


def dated_article(published_at, updated_at):
    article = ArticleFactory(published_at=published_at)
    Article.objects.filter(pk=article.pk).update(updated_at=updated_at)
    return article


def test_article_page_shows_updated_when_the_local_day_differs(client, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+13 in March
    article = dated_article(
        published_at=datetime(2024, 3, 10, 9, 0, tzinfo=UTC),  # 10 March, 22:00 in Auckland
        updated_at=datetime(2024, 3, 10, 12, 0, tzinfo=UTC),  # 11 March, 01:00 in Auckland
    )
    html = page(client, article.get_absolute_url())
    assert ">10 March 2024</time>" in html
    assert "Updated <time" in html
    assert ">11 March 2024</time>" in html


def test_article_page_hides_updated_when_the_local_day_is_the_same(client, settings):
    settings.TIME_ZONE = "America/Los_Angeles"  # UTC-7 after 10 March 2024
    article = dated_article(
        published_at=datetime(2024, 3, 10, 20, 0, tzinfo=UTC),  # 10 March, 13:00 local
        updated_at=datetime(2024, 3, 11, 2, 0, tzinfo=UTC),  # 10 March, 19:00 local
    )
    html = page(client, article.get_absolute_url())
    assert ">10 March 2024</time>" in html
    assert "Updated <time" not in html


# Query counts -------------------------------------------------------------------------------


@pytest.fixture
def large_guide():
    """A guide of 7 chapters x 16 articles; one article with 40 tags, in 3 topics of 20 members,
    and 49 other articles sharing its tags; plus drafts."""
    chapters = [SectionFactory(position=n) for n in range(1, 8)]
    SectionFactory(position=99, status=Status.DRAFT, published_at=None)
    author = AuthorFactory(photo="authors/a.jpg")
    articles = [
        ArticleFactory(section=chapter, author=author, position=n)
        for chapter in chapters
        for n in range(16)
    ]
    ArticleFactory.create_batch(5, section=chapters[0], draft=True)
    tag_names = [f"tag {n}" for n in range(40)]
    main = articles[12]
    main.tags.add(*tag_names)
    for n, other in enumerate(articles[:50]):
        if other != main:
            other.tags.add(*tag_names[: n % 7 + 1])
    others = articles[50:]  # not sharing tags, so the related list stays full
    for t in range(3):
        topic = TopicFactory(is_featured=True)
        TopicMembershipFactory(topic=topic, article=main, position=0)
        for n in range(19):
            TopicMembershipFactory(topic=topic, article=others[t * 19 + n], position=n + 1)
    GlossaryTermFactory.create_batch(5, tags=tag_names[:5])
    return {"chapter": chapters[1], "article": main}


def test_home_query_count_is_fixed(client, large_guide, django_assert_max_num_queries):
    # The first request after a change computes the blocks kept per content version.
    with django_assert_max_num_queries(9):
        page(client, HOME)
    # Later ones read the content version and nothing else.
    with django_assert_max_num_queries(1):
        page(client, HOME)


def test_chapter_query_count_is_fixed(client, large_guide, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        page(client, large_guide["chapter"].get_absolute_url())
    # The chapter, its article count and one page of them; the navigation and neighbours are
    # kept blocks.
    with django_assert_max_num_queries(4):
        page(client, large_guide["chapter"].get_absolute_url())


def test_article_query_count_is_fixed(client, large_guide, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # 3 for glossary links
        html = page(client, large_guide["article"].get_absolute_url())
    assert related_box(html).count("<li>") == 5


def test_bare_article_costs_no_more_than_a_large_one(client, django_assert_max_num_queries):
    article = ArticleFactory()
    with django_assert_max_num_queries(10):  # 3 for glossary links
        page(client, article.get_absolute_url())


def test_editor_preview_query_count_is_fixed(
    editor_client, large_guide, django_assert_max_num_queries
):
    article = large_guide["article"]
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    with django_assert_max_num_queries(15):  # 3 for glossary links
        html = page(editor_client, article.get_absolute_url())
    assert "Preview: not published" in html
    with django_assert_max_num_queries(9):
        page(editor_client, large_guide["chapter"].get_absolute_url())


def test_home_page_reads_no_bodies_bios_or_chapter_introductions(
    client, large_guide, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9) as captured:
        page(client, HOME)
    assert long_text_read(captured, LONG_TEXT + CHAPTER_INTRO) == {}


def test_chapter_page_reads_only_its_own_introduction(
    client, large_guide, django_assert_max_num_queries
):
    with django_assert_max_num_queries(7) as captured:
        page(client, large_guide["chapter"].get_absolute_url())
    assert long_text_read(captured, LONG_TEXT + CHAPTER_INTRO) == {"intro": 1, "intro_html": 1}


def test_article_page_reads_only_its_own_body_and_its_authors_bio(
    client, large_guide, django_assert_max_num_queries
):
    article = large_guide["article"]
    article.reviewer = AuthorFactory(bio="Reviews things.")
    article.save()
    with django_assert_max_num_queries(11) as captured:
        html = page(client, article.get_absolute_url())
    assert "Reviews things." not in html
    # One row of each: the article itself, and its author for the author card.
    assert long_text_read(captured, LONG_TEXT + CHAPTER_INTRO) == {
        "body": 1,
        "body_html": 1,
        "body_text": 1,
        "toc": 1,
        "search_vector": 1,
        "search_head": 1,
        "bio": 1,
        "bio_html": 1,
    }


def test_guide_pages_load_only_local_deferred_scripts_and_no_outside_assets(client):
    article = ArticleFactory(tags=["A"])
    for url in (HOME, article.section.get_absolute_url(), article.get_absolute_url()):
        html = page(client, url)
        # JSON-LD blocks are data, not code: everything executable is a local deferred file.
        scripts = [
            tag
            for tag in re.findall(r"<script[^>]*>", html)
            if 'type="application/ld+json"' not in tag
        ]
        assert scripts and all("defer" in tag and 'src="/static/' in tag for tag in scripts)
        assets = re.findall(r'<link[^>]+rel="(?:stylesheet|icon|preload)"[^>]*>', html)
        assert assets and not any(re.search(r'href="(https?:)?//', tag) for tag in assets)
        assert not re.search(r'<(script|img)[^>]+src="(https?:)?//', html)


def test_guide_menu_and_table_of_contents_fold_without_javascript(client):
    article = ArticleFactory()
    html = page(client, article.get_absolute_url())
    assert '<details class="guide-nav__menu"' in guide_nav(html)
    assert '<details class="toc__menu"' in between(html, 'class="toc"', "</nav>")
    assert 'href="#main-content"' in html  # the skip link
