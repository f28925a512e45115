"""Full-page screenshots of every public page type, at desktop and phone width, so anyone can
look at what readers see: `<name>-1280.png` and `<name>-375.png` in the screenshots folder
(`.ci/run` prints where it is)."""

import pytest

from kb.tests.browser.pages import DESKTOP, PAGE_IDS, PHONE, PUBLIC_PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("name", "path", "status"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_screenshots_at_desktop_and_phone_width(
    new_page, demo_guide, screenshots_dir, name, path, status
):
    for viewport in (DESKTOP, PHONE):
        width = viewport["width"]
        page = new_page(viewport=viewport)
        response = page.goto(path)
        assert response.status == status, f"{name}: {path} answered {response.status}"
        page.evaluate("document.fonts.ready")

        target = screenshots_dir / f"{name}-{width}.png"
        page.screenshot(path=target, full_page=True)

        assert target.stat().st_size > 0
        # Whatever the width, the page fits it: nothing scrolls sideways.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} at {width} px is {scroll_width} px wide"
