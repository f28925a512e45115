"""The Markdown editor keeps what an editor typed when the tab closes before saving, and offers
it back when the form opens again (static/kb/js/editor_autosave.js), in Chromium."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.browser

UNSAVED = "## A heading typed but never saved\n\nEvery word of this must survive a closed tab."


def open_article_form(page, article):
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    return page.locator("#id_body")


def test_text_typed_before_a_closed_tab_is_offered_back_and_restored(
    new_page, demo_guide, editor_login
):
    article = Article.objects.published().order_by("pk").first()
    saved_body = article.body
    page = new_page()
    editor_login(page)
    body = open_article_form(page, article)
    body.fill(UNSAVED)
    # The tab closes without saving; the same browser profile opens the form again.
    page.goto("about:blank")
    reopened = page.context.new_page()
    body = open_article_form(reopened, article)
    expect(body).to_have_value(saved_body)
    notice = reopened.locator(".kb-draft-notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_attribute("role", "region")
    notice.get_by_role("button", name="Restore my unsaved draft").click()
    expect(body).to_have_value(UNSAVED)
    expect(notice).to_be_hidden()
    article.refresh_from_db()
    assert article.body == saved_body  # nothing was saved behind the editor's back


def test_a_discarded_draft_is_not_offered_again(new_page, demo_guide, editor_login):
    article = Article.objects.published().order_by("pk").first()
    page = new_page()
    editor_login(page)
    open_article_form(page, article).fill(UNSAVED)
    page.goto("about:blank")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator(".kb-draft-notice").get_by_role("button", name="Discard").click()
    page.reload()
    expect(page.locator("#id_body")).to_have_value(article.body)
    expect(page.locator(".kb-draft-notice")).to_have_count(0)


def test_a_saved_draft_is_forgotten(new_page, demo_guide, editor_login):
    article = Article.objects.published().order_by("pk").first()
    page = new_page()
    editor_login(page)
    open_article_form(page, article).fill(UNSAVED)
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    article.refresh_from_db()
    assert article.body.replace("\r\n", "\n") == UNSAVED
    page.reload()
    expect(page.locator(".kb-draft-notice")).to_have_count(0)
