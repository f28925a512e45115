import pytest

REPORT_LINES = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[REPORT_LINES] = []


def pytest_terminal_summary(terminalreporter, config):
    """Figures tests want every run to show (e.g. CommonMark pass counts), after the results."""
    for line in config.stash.get(REPORT_LINES, []):
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def report_line(pytestconfig):
    return pytestconfig.stash[REPORT_LINES].append


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many accounts; production's slow, strong hasher adds nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def empty_static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("staticfiles")


@pytest.fixture(autouse=True)
def plain_static_files(settings, empty_static_root):
    """Tests run without `collectstatic`, so {% static %} must not need its manifest: the
    plain storage, as Django's own test runner setups do, gives unhashed names. STATIC_ROOT is
    an empty folder so WhiteNoise, started by every test client, has nothing to scan (or warn
    about); kb/tests/test_serving_static.py runs the real manifest storage after collectstatic.
    The browser tests' live server serves static files itself (from the finders) either way."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.STATIC_ROOT = empty_static_root


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads in tests go to a throw-away folder, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_http(settings):
    """The test client and the live server speak plain http; production's redirect to https
    is proven in kb/tests/test_settings.py and kb/tests/test_security_headers.py. No HSTS
    either: a browser that saw it would upgrade every later request to the live server."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0


@pytest.fixture(autouse=True)
def background_jobs_run_on_commit(settings):
    """Background jobs (kb/background.py) run when they are enqueued, once the write commits:
    a test sees their result straight after `committed(...)`, with no thread to wait for.
    kb/tests/test_background.py runs the real backends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Most tests change content and look at a page again inside one test transaction, which
    never commits, so the page cache (which refreshes after commit) would show them the page
    from before. kb/pagecache/tests turn it on and commit for real; the browser tests, which
    run against a live server with committed writes, keep it on as in production."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def content_version_moves_inside_tests(request, monkeypatch):
    """What is kept once per content version (the guide outline, the glossary matcher, linked
    bodies: kb/pagecache/blocks.py) is refreshed by the stamp's bump once a write commits; a
    test's transaction never commits, so here blocks also count the writes made so far, as if
    each had committed. No query is added, so query counts stay those of production.
    kb/pagecache/tests commit for real instead, to prove the bump after commit itself."""
    from kb.changes import content_changed
    from kb.pagecache import blocks

    if any(part in str(request.node.path) for part in ("kb/pagecache/", "kb/tests/browser/")):
        yield
        return
    written = []
    committed_version = blocks.version

    def remember(**kwargs):
        written.append(True)

    monkeypatch.setattr(blocks, "version", lambda: f"{committed_version()}.{len(written)}")
    content_changed.connect(remember, dispatch_uid="tests_count_writes")
    yield
    content_changed.disconnect(dispatch_uid="tests_count_writes")


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts as a fresh process would: with empty caches. The content version is
    the migrated row's, the same in every test (each rolls back), so what processes keep per
    version (the compiled glossary, the stamp read for the current request) goes too."""
    from django.core.cache import cache

    from glossary.linking import _glossary
    from kb.pagecache import blocks, middleware, stamp

    def forget():
        cache.clear()
        blocks.local_copies.clear()
        middleware.local_pages.clear()
        _glossary.cache_clear()
        stamp._forget_after_request()

    forget()
    yield
    forget()


@pytest.fixture
def editor_client(client, django_user_model):
    """A signed-in staff member who may change articles (an editor), not a superuser."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["articles", "glossary", "authors"])
    )
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed (the page cache and the blocks move on
    after commit, never before)."""

    def run(write, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)

    return run
