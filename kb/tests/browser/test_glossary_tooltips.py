"""Glossary term links in Chromium: the definition shows on hover and keyboard focus, hides on
Escape, stays inside a phone's screen, takes a first tap on a touch screen, and is the link's
accessible description (static/kb/js/glossary.js)."""

import re

import pytest
from playwright.sync_api import expect

from kb.tests.browser.pages import PHONE

pytestmark = pytest.mark.browser

ARTICLE = "/guide/product-owner/what-is-a-product-owner/"


def first_term(page):
    return page.locator(".article__body a.term-link").first


def tooltip(page, link):
    return page.locator(f"#{link.get_attribute('aria-describedby')}")


def test_definition_shows_on_hover_and_hides_when_the_pointer_leaves(page, demo_guide):
    page.goto(ARTICLE)
    link = first_term(page)
    tip = tooltip(page, link)
    expect(tip).to_be_hidden()

    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_attribute("role", "tooltip")
    expect(tip).to_contain_text("accountability")

    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()


def test_definition_shows_on_keyboard_focus_and_escape_hides_it(page, demo_guide):
    page.goto(ARTICLE)
    link = first_term(page)
    tip = tooltip(page, link)

    link.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    expect(link).to_be_focused()


def test_definition_is_the_links_accessible_description(page, demo_guide):
    page.goto(ARTICLE)

    description = first_term(page).evaluate(
        "link => document.getElementById(link.getAttribute('aria-describedby')).textContent"
    )

    assert "accountability" in description
    expect(first_term(page)).to_have_accessible_description(re.compile("accountability"))


def test_on_a_phone_the_first_tap_shows_the_definition_inside_the_screen(new_page, demo_guide):
    page = new_page(viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(ARTICLE)
    link = first_term(page)
    tip = tooltip(page, link)

    link.tap()

    expect(tip).to_be_visible()
    expect(page).to_have_url(re.compile(f"{ARTICLE}$"))
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]

    link.tap()
    expect(page).to_have_url(re.compile(r"/glossary/product-owner/$"))


def test_without_javascript_a_term_link_still_opens_the_term(new_page, demo_guide):
    page = new_page(java_script_enabled=False)
    page.goto(ARTICLE)

    first_term(page).click()

    expect(page).to_have_url(re.compile(r"/glossary/product-owner/$"))
