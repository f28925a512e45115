"""An editor writes an article in the admin's Markdown editor and publishes it, in Chromium:
live preview, an image dropped into the text, a draft readers cannot see, then the article on
the public site, in its chapter and in search."""

import base64
import re
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from kb.publishing import Status

pytestmark = pytest.mark.browser

TITLE = "Writing Release Notes People Read"
SLUG = "writing-release-notes-people-read"
CHAPTER = "/guide/product-backlog/"
URL = f"{CHAPTER}{SLUG}/"
# Every kind of Markdown the pipeline handles, and a word for search to find. Glossary term
# links are added to the public page at display time, against the live glossary, and the
# preview does not add them: so this text names no glossary term, and the test checks that.
BODY = """Release notes are read by people *deciding* whether to update.

## Lead with the change

- Say what is **new** first.
- Link to [the changelog](https://example.com/changelog).

| Version | Date |
| --- | --- |
| 2.1 | March |

```
release --notes
```

> Write for the zebrafinch reader who skims.

"""


def png_base64():
    image = Image.new("RGB", (40, 30), (11, 92, 173))
    output = BytesIO()
    image.save(output, "PNG")
    return base64.b64encode(output.getvalue()).decode()


DROP_IMAGE = """([data, name]) => {
    const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type: "image/png"}));
    const editor = document.querySelector("#id_body");
    editor.focus();
    editor.selectionStart = editor.selectionEnd = editor.value.length;
    editor.dispatchEvent(
        new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true})
    );
}"""

SERVED_BODY = """(html) => new DOMParser()
    .parseFromString(html, "text/html")
    .querySelector(".article__body").innerHTML"""

IMAGE_LOADED = "(img) => img.complete && img.naturalWidth === 40 && img.naturalHeight === 30"


def test_editor_writes_previews_uploads_drafts_and_publishes_an_article(
    new_page, demo_guide, editor_login, media_root
):
    editor = new_page()
    editor_login(editor)
    editor.goto("/admin/articles/article/add/")

    # Write (the slug is left empty: it is made from the title); the preview follows the text.
    editor.get_by_label("Chapter").select_option(label="8. Product Backlog")
    editor.get_by_label("Position").fill("9")
    editor.get_by_label("Title").fill(TITLE)
    editor.get_by_label("Lede").fill("How to write release notes that get read.")
    body = editor.locator("#id_body")
    body.fill(BODY)
    preview = editor.locator(".markdownx-preview")
    expect(preview.get_by_role("heading", name="Lead with the change")).to_be_visible()
    expect(preview.locator("table")).to_be_visible()

    # Upload: an image dropped on the text is stored and its Markdown inserted where it fell.
    editor.evaluate(DROP_IMAGE, [png_base64(), "diagram.png"])
    expect(body).to_have_value(re.compile(r"!\[\]\(/media/uploads/\d{4}/\d{2}/\w+\.png\)$"))
    image_url = re.search(r"\((/media/uploads/[^)]+)\)", body.input_value()).group(1)
    stored = media_root / image_url.removeprefix("/media/")
    assert stored.is_file()
    preview_image = preview.locator(f'img[src="{image_url}"]')
    expect(preview_image).to_be_visible()
    assert preview_image.evaluate(IMAGE_LOADED), "the preview does not show the uploaded image"
    preview_html = preview.inner_html()

    # Save as a draft (the default status): readers get a 404.
    expect(editor.get_by_label("Status")).to_have_value(Status.DRAFT)
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("was added successfully")
    article = Article.objects.get(slug=SLUG)
    assert article.status == Status.DRAFT
    assert article.body.replace("\r\n", "\n") == body.input_value()  # forms send CRLF

    reader = new_page()
    assert reader.goto(URL).status == 404
    reader.goto(CHAPTER)
    expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)
    reader.goto("/search/?q=zebrafinch")
    expect(reader.locator(".search-results > li")).to_have_count(0)

    # Publish.
    editor.get_by_label("Status").select_option(label="Published")
    editor.get_by_role("button", name="Save and continue editing").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("was changed successfully")
    article.refresh_from_db()
    assert article.is_published

    # The public page shows what the preview showed, image included. Compared as served, both
    # parsed by the browser: guide.js later wraps the table in a scroll box on the page.
    response = reader.goto(URL)
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    public_html = reader.evaluate(SERVED_BODY, response.text())
    assert "term-link" not in public_html
    assert public_html.strip() == preview_html.strip()
    public_body = reader.locator(".article__body")
    assert public_body.locator(f'img[src="{image_url}"]').evaluate(IMAGE_LOADED)
    guide_menu = reader.get_by_role("navigation", name="Guide chapters")
    expect(guide_menu.get_by_role("link", name=TITLE)).to_have_attribute("aria-current", "page")

    # In its chapter and in search.
    reader.goto(CHAPTER)
    in_chapter = reader.get_by_role("region", name="In this chapter")
    in_chapter.get_by_role("link", name=TITLE).click()
    expect(reader).to_have_url(re.compile(f"{URL}$"))

    search = reader.get_by_role("combobox", name="Search the guide")
    search.fill("zebrafinch")
    search.press("Enter")
    expect(reader).to_have_url(re.compile(r"/search/\?q=zebrafinch&go=1$"))
    results = reader.locator(".search-results > li")
    expect(results).to_have_count(1)
    results.get_by_role("link", name=TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
