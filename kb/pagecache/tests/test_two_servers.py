"""Two app servers sharing one database (and, when configured, one Redis) behave as one: a
publish through one is what the other serves next, although each has cached the page.

This starts real server processes against a throw-away database of the backend the suite
runs on (a SQLite file, or a new PostgreSQL database beside the test database), so it takes
some seconds; it is the scale-out promise of kb/pagecache, proven end to end.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def shared_database(tmp_path):
    """A DATABASE_URL of a fresh, empty database both servers use; dropped afterwards."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    import psycopg

    name = f"kb_two_servers_{uuid.uuid4().hex[:8]}"
    params = {"host": db["HOST"], "port": db["PORT"] or 5432, "user": db["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    yield f"postgres://{user}@{params['host']}:{params['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_env(shared_database, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": shared_database,
        "SECRET_KEY": "kb-two-servers-test",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "",
        "SECURE_COOKIES": "0",  # plain http on loopback
        "PAGE_CACHE_SECONDS": "600",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PYTHONUNBUFFERED": "1",
    }
    if "REDIS_URL" in os.environ:  # the PostgreSQL run: both share this Redis too
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    else:
        env.pop("REDIS_URL", None)
    return env


def manage(env, *args, input=None):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True, input=input, timeout=300,
    )  # fmt: skip


@pytest.fixture
def two_servers(server_env):
    manage(server_env, "migrate", "--noinput")
    manage(server_env, "collectstatic", "--noinput")
    manage(server_env, "shell", input=SETUP)
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "kb.wsgi",
                    "--workers",
                    "1",
                    "--bind",
                    f"127.0.0.1:{port}",
                ],
                cwd=ROOT,
                env=server_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_for(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


SETUP = """
from django.contrib.auth import get_user_model
from articles.models import Article, Section
from authors.models import Author
from kb.publishing import Status
get_user_model().objects.create_superuser("boss", "boss@example.com", "pw-two-servers")
chapter = Section.objects.create(position=1, title="Roles", status=Status.PUBLISHED)
author = Author.objects.create(name="Anna")
Article.objects.create(section=chapter, author=author, title="Published already", body="x",
                       status=Status.PUBLISHED)
Article.objects.create(section=chapter, author=author, title="Coming soon", body="x")
"""


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=5)
            return
        except OSError:  # refused, reset or timed out (a loaded machine): not up yet
            time.sleep(0.2)
    raise AssertionError(f"{url} did not start")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


class Editor:
    """A browser session on one server: signs in and posts the admin's forms."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path, data):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path))[1]
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        request = urllib.request.Request(
            self.base + path, body.encode(), headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()


def test_a_publish_through_one_server_is_served_fresh_by_the_other(two_servers):
    one, other = two_servers
    status, home = fetch(other + "/")
    assert status == 200 and "Published already" in home and "Coming soon" not in home
    assert fetch(other + "/")[1] == home  # now cached in the other server

    editor = Editor(one)
    editor.post("/admin/login/?next=/admin/", {"username": "boss", "password": "pw-two-servers"})
    changelist = editor.get("/admin/articles/article/?status__exact=draft")
    (draft_id,) = re.findall(r'name="_selected_action" value="(\d+)"', changelist)
    editor.post(
        "/admin/articles/article/?status__exact=draft",
        {"action": "publish", "_selected_action": [draft_id]},
    )

    status, home = fetch(other + "/")
    assert status == 200 and "Coming soon" in home
