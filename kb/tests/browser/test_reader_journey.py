"""A reader finds their way through the demo guide in Chromium: contents, chapters, articles,
the table of contents, topic boxes, related articles, tags, search suggestions, a phone-sized
screen and the dark colour scheme."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from glossary.models import GlossaryTerm
from kb.tests.browser.pages import PHONE

pytestmark = pytest.mark.browser

ARTICLE = "/guide/product-backlog/what-is-a-product-backlog/"


def heading(page):
    return page.get_by_role("heading", level=1)


def test_reader_goes_from_the_contents_to_a_chapter_to_an_article(page, demo_guide):
    page.goto("/")
    chapters = page.get_by_role("region", name="Chapters")

    chapters.get_by_role("link", name=re.compile("Product Backlog$")).click()

    expect(page).to_have_url(re.compile(r"/guide/product-backlog/$"))
    expect(heading(page)).to_have_text("Product Backlog")
    in_chapter = page.get_by_role("region", name="In this chapter")
    in_chapter.get_by_role("link", name="What Is a Product Backlog?").click()

    expect(page).to_have_url(re.compile(f"{ARTICLE}$"))
    expect(heading(page)).to_have_text("What Is a Product Backlog?")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Product Backlog")


def test_table_of_contents_jumps_to_its_heading(page, demo_guide):
    page.goto(ARTICLE)
    target = page.get_by_role("heading", name="Backlog and roadmap", level=2)
    expect(target).not_to_be_in_viewport()

    toc = page.get_by_role("navigation", name="On this page")
    toc.get_by_role("link", name="Backlog and roadmap").click()

    expect(page).to_have_url(re.compile("#user-content-backlog-and-roadmap$"))
    expect(target).to_be_in_viewport()


def test_topic_box_leads_to_the_article_it_names(page, demo_guide):
    page.goto(ARTICLE)
    topic = page.get_by_role("navigation", name="Planning and Prioritisation")
    expect(topic.locator("a[aria-current=page]")).to_have_text("What Is a Product Backlog?")
    link = topic.locator("a:not([aria-current])").first
    title = link.inner_text()

    link.click()

    expect(heading(page)).to_have_text(title)
    # The box is there on the new page too, marking where the reader now is.
    expect(topic.locator("a[aria-current=page]")).to_have_text(title)


def test_related_articles_lead_to_the_article_they_name(page, demo_guide):
    page.goto(ARTICLE)
    related = page.get_by_role("region", name="Related articles")
    link = related.get_by_role("link").first
    title = link.inner_text()

    link.click()

    expect(heading(page)).to_have_text(title)
    expect(page).not_to_have_url(re.compile(f"{ARTICLE}$"))


def titles(articles):
    return sorted(articles.values_list("title", flat=True))


def listed_titles(page):
    return page.locator(".tag-page .item-list__title").all_inner_texts()


def test_a_tag_page_and_a_second_tag_narrow_the_list(page, demo_guide):
    page.goto(ARTICLE)
    page.get_by_role("list", name="Tags").get_by_role("link", name="agile").click()

    expect(heading(page)).to_have_text("Tagged agile")
    agile = listed_titles(page)
    published = Article.objects.published()
    assert sorted(agile) == sorted(
        published.filter(tags__slug="agile").values_list("title", flat=True)
    )

    together = page.get_by_role("complementary", name="Often tagged together")
    together.get_by_role("link", name=re.compile("^planning")).click()

    expect(heading(page)).to_have_text("Tagged agile and planning")
    expect(page).to_have_url(re.compile(r"/tags/agile/\?and=planning$"))
    both = listed_titles(page)
    agile_and_planning = published.filter(tags__slug="agile").filter(tags__slug="planning")
    assert sorted(both) == titles(agile_and_planning)
    assert 0 < len(both) < len(agile)

    page.get_by_role("link", name="Show everything tagged “agile”").click()
    assert sorted(listed_titles(page)) == sorted(agile)


def test_search_suggestions_appear_while_typing_and_enter_opens_one(page, demo_guide):
    page.goto("/")
    search = page.get_by_role("combobox", name="Search the guide")

    search.press_sequentially("backlo", delay=50)

    suggestions = page.get_by_role("listbox", name="Suggestions")
    expect(suggestions).to_be_visible()
    expect(search).to_have_attribute("aria-expanded", "true")
    first = suggestions.get_by_role("option").first
    expect(first).to_contain_text("Backlog")
    title = first.locator(".search-suggestions__title").inner_text()

    search.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    search.press("Enter")

    expect(heading(page)).to_have_text(title)
    expect(page).not_to_have_url(re.compile("/search/"))


def test_enter_without_a_suggestion_chosen_shows_the_results_page(page, demo_guide):
    page.goto("/")
    search = page.get_by_role("combobox", name="Search the guide")
    search.press_sequentially("roadmap", delay=50)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_visible()

    search.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=roadmap&go=1$"))
    expect(heading(page)).to_have_text("Search results for “roadmap”")
    expect(page.locator(".search-results > li").first).to_be_visible()


def first_term_link(page):
    """The article's first glossary term link, its tooltip and the term's definition."""
    link = page.locator(".article__body a.term-link").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    slug = link.get_attribute("href").strip("/").split("/")[-1]
    return link, tip, GlossaryTerm.objects.get(slug=slug).short_definition


def test_glossary_tooltip_shows_on_hover(page, demo_guide):
    page.goto(ARTICLE)
    link, tip, definition = first_term_link(page)
    expect(tip).to_be_hidden()

    link.hover()

    expect(tip).to_be_visible()
    expect(tip).to_have_text(definition)
    expect(tip).to_have_role("tooltip")
    expect(tip).to_be_in_viewport()
    page.get_by_role("heading", level=1).hover()
    expect(tip).to_be_hidden()


def test_glossary_tooltip_shows_on_keyboard_focus(page, demo_guide):
    page.goto(ARTICLE)
    link, tip, definition = first_term_link(page)
    expect(link).to_have_accessible_description(definition)

    # Tab from the top of the page, as a keyboard user would, to the first term link.
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.term-link')"):
            break
    expect(link).to_be_focused()

    expect(tip).to_be_visible()
    expect(tip).to_have_text(definition)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(link).to_be_focused()


def scroll_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_on_a_phone_the_guide_menu_opens_and_closes_and_nothing_scrolls_sideways(
    new_page, demo_guide
):
    page = new_page(viewport=PHONE)
    for path in ("/", "/guide/product-backlog/", ARTICLE):
        page.goto(path)
        assert scroll_width(page) <= PHONE["width"], f"{path} scrolls sideways"

    menu = page.get_by_role("navigation", name="Guide chapters")
    toggle = menu.get_by_text("Chapters", exact=True)
    chapter_link = menu.get_by_role("link", name=re.compile("Product Backlog$"))
    expect(chapter_link).to_be_hidden()

    toggle.click()
    expect(chapter_link).to_be_visible()
    expect(menu.get_by_role("link", name="What Is a Product Backlog?")).to_have_attribute(
        "aria-current", "page"
    )
    assert scroll_width(page) <= PHONE["width"], "the open menu scrolls sideways"

    toggle.click()
    expect(chapter_link).to_be_hidden()


def colours(page):
    """The body's computed background and text colours, and the --bg and --text tokens."""
    return page.evaluate(
        """() => {
            const probe = document.createElement("div");
            document.body.append(probe);
            const resolve = (token) => {
                probe.style.color = `var(${token})`;
                return getComputedStyle(probe).color;
            };
            const body = getComputedStyle(document.body);
            const result = {
                background: body.backgroundColor,
                text: body.color,
                bg_token: resolve("--bg"),
                text_token: resolve("--text"),
            };
            probe.remove();
            return result;
        }"""
    )


def test_dark_scheme_applies_when_the_browser_asks_for_it(new_page, demo_guide):
    light = new_page(color_scheme="light")
    light.goto(ARTICLE)
    dark = new_page(color_scheme="dark")
    dark.goto(ARTICLE)

    light_colours, dark_colours = colours(light), colours(dark)

    assert dark_colours["background"] != light_colours["background"]
    assert dark_colours["text"] != light_colours["text"]
    for scheme in (light_colours, dark_colours):
        assert scheme["background"] == scheme["bg_token"]
        assert scheme["text"] == scheme["text_token"]
    assert dark_colours["background"] == "rgb(15, 20, 25)"  # the dark --bg, #0f1419
