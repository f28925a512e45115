"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live
server, with the demo guide loaded.

Run them with `make test-browser` (it installs the `browser` extra and axe-core first); `make
test` leaves this folder out. Nothing here is ever skipped: without Chromium, Playwright or
axe-core every test fails with a message saying what to install.

- One browser for the session, a new context (cookies, viewport, colour scheme) per test.
- Uncaught JavaScript errors on any page fail the test that opened it.
- Settings stay as in production (DEBUG off, Secure cookies: Chromium treats http://localhost
  as a secure context); uploads are served by the site's own media view (kb/serving.py).
- Screenshots go to $KB_SCREENSHOTS_DIR, by default screenshots/ at the project's root.
"""

import os
import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from kb.tests.browser.pages import DESKTOP

# Playwright's sync API runs an event loop in the main thread, and Django then refuses ORM
# calls from it (SynchronousOnlyOperation) although they are ordinary blocking calls: the
# documented way out for tests (docs.djangoproject.com, "Async safety").
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PROJECT_ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("KB_CHROMIUM", "/usr/bin/chromium"))
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS_DIR = Path(os.environ.get("KB_SCREENSHOTS_DIR", PROJECT_ROOT / "screenshots"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
# Generous for a 2-core machine, short enough that a hang fails fast.
TIMEOUT_MS = 10_000


def missing_tools():
    problems = []
    if not CHROMIUM.exists():
        problems.append(
            f"Chromium is not at {CHROMIUM}: `apt-get update && apt-get install -y chromium` "
            "(as root), or point KB_CHROMIUM at a Chromium binary"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        problems.append("Playwright is not installed: `pip install -e '.[dev,browser]'`")
    if not AXE_SCRIPT.exists():
        problems.append(f"axe-core is not at {AXE_SCRIPT}: run `npm ci` in {PROJECT_ROOT}")
    return problems


@pytest.fixture(scope="session")
def browser():
    if problems := missing_tools():
        pytest.fail(
            "The browser tests cannot run (use `make test-browser`):\n- " + "\n- ".join(problems),
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Readers get cached pages as in production (the root conftest turns it off elsewhere)."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh context: `new_page(viewport=PHONE, color_scheme="dark")`.

    Every page is watched for uncaught JavaScript errors and for anything the site's
    Content-Security-Policy refuses; any of them fails the test."""
    contexts, errors = [], []

    def open_page(viewport=DESKTOP, **options):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and errors.append(f"{page.url}: {message.text}")
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors:\n" + "\n".join(errors)


@pytest.fixture
def page(new_page):
    """A desktop-sized page in the light colour scheme."""
    return new_page()


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker):
    """On SQLite, a copy of the whole test database with the demo guide loaded, made once.

    Loading the guide renders every article's Markdown (a second or more); most tests here
    start from it, and SQLite's backup API copies the database back in milliseconds. Only ever
    requested by `demo_guide`, inside a transactional test, which starts from the demo anyway.
    Other databases load the guide for every test."""
    if connection.vendor != "sqlite":
        yield None
        return
    with django_db_blocker.unblock():
        call_command("load_demo_guide", stdout=StringIO())
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
    yield copy
    copy.close()


@pytest.fixture
def demo_guide(transactional_db, demo_database):
    """The demo product management guide: 17 chapters, authors, topics, glossary, tags.

    The test database is emptied after every test (`transactional_db`), the live server's
    requests being outside the test's transaction."""
    if demo_database is None:
        call_command("load_demo_guide", stdout=StringIO())
        return
    connection.ensure_connection()
    demo_database.backup(connection.connection)
    # Content types were recreated, under other ids, when the last test's data was flushed.
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS_DIR


@pytest.fixture(scope="session")
def axe_script():
    return AXE_SCRIPT


EDITOR_PASSWORD = "browser-test-editor"


@pytest.fixture
def editor_login(demo_guide, django_user_model):
    """Sign a page in to the admin as the demo's editor: staff in the Editors group, with the
    demo's permissions, not a superuser. Signs in through the login form, as a person would."""
    editor = django_user_model.objects.get(username="editor")
    editor.set_password(EDITOR_PASSWORD)
    editor.save()

    def login(page):
        page.goto("/admin/login/?next=/admin/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill(EDITOR_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url("**/admin/")
        return editor

    return login
