"""Benchmark: every public page type at the demo guide's size and at N articles.

    .venv/bin/python bench/scale.py [--articles 50000] [--requests 3]
    DATABASE_URL=postgres://127.0.0.1/kb_scale .venv/bin/python bench/scale.py

Builds a throw-away database (a SQLite file, or DATABASE_URL's database, which is migrated,
emptied and filled: never point it at real data): the demo guide, measured; then
`manage.py seed_articles --articles N` on top, measured again. Each page is requested in
process through kb.wsgi.application with the page cache off (PAGE_CACHE_SECONDS=0), DEBUG
off: once "cold", right after the caches are emptied (what the first reader after a change
pays, blocks kept per content version included), then --requests times "warm" (the median
is printed). Queries and bytes are the warm request's. Which chapter, article, tag, term and
author is measured is chosen at each size as the largest of its kind, so growth shows.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from instructions import manage, wsgi_get  # noqa: E402  (shared with the instruction counts)


def environment(database, folder):
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="kb.settings",
        DATABASE_URL=database,
        DEBUG="0",
        SECRET_KEY="bench-scale-not-secret",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        PAGE_CACHE_SECONDS="0",
        MEDIA_ROOT=f"{folder}/media",
        STATIC_ROOT=f"{folder}/static",
    )


def pages():
    """{page name: path}, the largest of each kind in the guide as it is now."""
    from django.db.models import Count, Q
    from django.urls import reverse

    from articles.models import Article, Section
    from authors.models import Author
    from glossary.models import GlossaryTerm
    from kb.tags.models import Tag

    published = Article.objects.published()
    chapter = (
        Section.objects.published()
        .annotate(n=Count("articles", filter=Q(articles__in=published)))
        .order_by("-n")
        .first()
    )
    article = published.filter(section=chapter).order_by("position", "title").last()
    tag = Tag.objects.annotate(n=Count("tagged_articles")).order_by("-n").first()
    term = (
        GlossaryTerm.objects.published()
        .annotate(n=Count("linking_articles"))
        .order_by("-n")
        .first()
    )
    author = Author.objects.annotate(n=Count("articles")).order_by("-n").first()
    return {
        "home": "/",
        "chapter": chapter.get_absolute_url(),
        "article": article.get_absolute_url(),
        "tag cloud": reverse("articles:tags"),
        "tag page 1": tag.get_absolute_url(),
        "glossary index": reverse("glossary:index"),
        "term page": term.get_absolute_url(),
        "author page": author.get_absolute_url(),
        "sitemap.xml": "/sitemap.xml",
        "sitemap of articles": "/sitemap-articles.xml",
        "llms.txt": "/llms.txt",
        "search roadmap": "/search/?q=roadmap",
        "feed": "/feeds/articles.rss",
    }


def measure(requests):
    """The child: {page: {cold_ms, warm_ms, queries, kb}} for the database as it is."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kb.pagecache import blocks, middleware
    from kb.wsgi import application

    results = {}
    for name, path in pages().items():
        cache.clear()
        blocks.local_copies.clear()
        middleware.local_pages.clear()
        started = time.perf_counter()
        wsgi_get(application, path)
        cold = time.perf_counter() - started
        warm = []
        for _ in range(requests):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                body = wsgi_get(application, path)
            warm.append(time.perf_counter() - started)
        results[name] = {
            "path": path,
            "cold_ms": cold * 1000,
            "warm_ms": statistics.median(warm) * 1000,
            "queries": len(queries),
            "kb": len(body) / 1024,
        }
    print(json.dumps(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        measure(args.requests)
        return
    with tempfile.TemporaryDirectory() as folder:
        database = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/scale.sqlite3"
        env = environment(database, folder)

        def measured():
            done = subprocess.run(
                [sys.executable, __file__, "--child", "--requests", str(args.requests)],
                env=env,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                raise SystemExit(f"measuring failed:\n{done.stderr[-3000:]}")
            return json.loads(done.stdout.strip().splitlines()[-1])

        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "flush", "--noinput")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_demo_guide")
        demo = measured()
        started = time.perf_counter()
        manage(env, "seed_articles", "--articles", str(args.articles))
        seeded = time.perf_counter() - started
        large = measured()

    backend = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    load = os.getloadavg()
    print(
        f"{backend}; page cache off; seed_articles --articles {args.articles} took "
        f"{seeded:.0f} s; load average {load[0]:.2f}"
    )
    print(f"{'page':20} {'demo: cold/warm ms, queries, KB':>34}   {args.articles} articles: same")
    for name in demo:
        row = []
        for result in (demo[name], large[name]):
            row.append(
                f"{result['cold_ms']:7.0f} /{result['warm_ms']:6.0f} ms {result['queries']:3d} q "
                f"{result['kb']:7.1f} KB"
            )
        print(f"{name:20} {row[0]:>34}   {row[1]}")


if __name__ == "__main__":
    main()
