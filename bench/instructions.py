"""Benchmark: CPU instructions per request (callgrind), repeatable on a shared, noisy machine.

    .venv/bin/python bench/instructions.py [--pages article home] [--requests 10] [--cached]

Seconds depend on what else the machine runs; instruction counts do not. Each page is served
in process through kb.wsgi.application, as gunicorn serves it (page-cache front, the whole
middleware stack, DEBUG off, gzip accepted as a browser would) under `valgrind
--tool=callgrind`, twice: once with three warm-up requests only, once with the warm-up plus
--requests more. The difference divided by --requests is what one request costs, start-up
and first-request work excluded.

The pages are the demo guide's, in a throw-away SQLite database unless DATABASE_URL is set (it
is migrated and loaded with the demo guide: never point it at real data). --cached measures
anonymous hits of the page cache (PAGE_CACHE_SECONDS=600); the default is uncached
(PAGE_CACHE_SECONDS=0), i.e. the cost of rendering.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 3
PAGES = {
    "article": "/guide/what-is-product-management/product-management-vs-product-development/",
    "home": "/",
    "chapter": "/guide/what-is-product-management/",
    "tag": "/tags/roles/",
    "term": "/glossary/ab-test/",
    "glossary": "/glossary/",
    "sitemap": "/sitemap-articles.xml",
    "feed": "/feeds/articles.rss",
    "floor": "/floor/",
}
FLOOR_PATH = PAGES["floor"]


def production_like(**settings):
    """The environment of a benchmark's child process: kb's settings with DEBUG off, as
    production runs them, over plain http to "testserver"; `settings` add to it."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="kb.settings",
        DEBUG="0",
        SECRET_KEY="bench-not-secret",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        **settings,
    )


def environment(database, cached):
    env = production_like(PYTHONHASHSEED="0", PAGE_CACHE_SECONDS="600" if cached else "0")
    if database:
        env["DATABASE_URL"] = database
    return env


# What a browser accepts, as the measured requests say it.
BROWSER = "gzip, deflate, br"


def wsgi_get(handler, url, headers=()):
    """The body `handler` (a WSGI application) answers to a GET of `url` (path?query) from
    127.0.0.1, as gunicorn would call it; stops the benchmark on anything but a 200."""
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": sys.stdin.buffer,
        "wsgi.errors": sys.stderr,
        **dict(headers),
    }
    statuses = []
    body = b"".join(handler(environ, lambda status, response_headers: statuses.append(status)))
    if not statuses[0].startswith("200"):
        raise SystemExit(f"{url} answered {statuses[0]}")
    return body


def serve(path, requests):
    """The child: answer `path` WARM_UP + `requests` times through the WSGI handler."""
    sys.path.insert(0, str(ROOT))
    if path == FLOOR_PATH:
        sys.path.insert(0, str(ROOT / "bench"))
        from floor_app import application as handler
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
        from kb.wsgi import application as handler  # what gunicorn serves

    for _ in range(WARM_UP + requests):
        wsgi_get(handler, path, {"HTTP_ACCEPT": "text/html", "HTTP_ACCEPT_ENCODING": BROWSER})


def counted(path, requests, env):
    """Instructions callgrind counts for the child answering `path` warm-up + `requests` times."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        path,
        str(requests),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode or not found:
        raise SystemExit(f"callgrind failed for {path}:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def prepare(database, env):
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_guide"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        manage(env, *command)


def manage(env, *command):
    """Run a manage.py command in `env`, its output dropped; stop on failure."""
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", default=["article", "home"], choices=PAGES)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--cached", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        serve(args.child[0], int(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        database = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
        env = environment(database, args.cached)
        env["MEDIA_ROOT"] = f"{folder}/media"
        env["STATIC_ROOT"] = f"{folder}/static"
        prepare(database, env)
        mode = "cached" if args.cached else "uncached"
        print(f"{'page':10} {'instructions per request':>26}  ({mode}, {database.split(':')[0]})")
        for name in args.pages:
            base = counted(PAGES[name], 0, env)
            total = counted(PAGES[name], args.requests, env)
            print(f"{name:10} {(total - base) / args.requests / 1e6:>24.2f} M")


if __name__ == "__main__":
    main()
