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

Then the backups at size: `export_guide` of the large guide, and `import_guide` of that folder
into a second, empty database (a second SQLite file, or DATABASE_URL's name + "_import" on the
same server, dropped and created), each timed with its peak memory (the child's max RSS).
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

from instructions import manage, production_like, wsgi_get  # noqa: E402  (shared with the instruction counts)


def environment(database, folder):
    return production_like(
        DATABASE_URL=database,
        PAGE_CACHE_SECONDS="0",
        MEDIA_ROOT=f"{folder}/media",
        STATIC_ROOT=f"{folder}/static",
        # Background jobs wait in the database and are run, timed, by db_worker --batch.
        TASKS_BACKEND="database",
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


# 2,000 glossary terms and 300 tags, as in the scale issue's measurements; jobs queued in the
# database, run by db_worker once seeding is done.
SEED = ("--terms", "2000", "--tags", "300")


def timed_command(env, *command):
    """(seconds, peak resident MB) of one manage.py command."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *command], env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"{' '.join(command)} failed ({status})")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def empty_database(database, folder):
    """The URL of a second, empty database beside `database`, for the import."""
    if not database.startswith("postgres"):
        return f"sqlite:///{folder}/import.sqlite3"
    import psycopg

    base, _, name = database.rpartition("/")
    target = f"{name}_import"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{target}"')
        connection.execute(f'CREATE DATABASE "{target}"')
    return f"{base}/{target}"


def measure_backups(env, database, folder):
    export_seconds, export_mb = timed_command(env, "export_guide", f"{folder}/export")
    size_mb = sum(f.stat().st_size for f in Path(folder, "export").rglob("*") if f.is_file())
    target = dict(env, DATABASE_URL=empty_database(database, folder))
    manage(target, "migrate", "--noinput", "-v0")
    import_seconds, import_mb = timed_command(target, "import_guide", f"{folder}/export")
    jobs_seconds, _ = timed_command(target, "db_worker", "--batch", "--no-startup-delay")
    return {
        "export": (export_seconds, export_mb),
        "import": (import_seconds, import_mb),
        "folder_mb": size_mb / 2**20,
        "relink_jobs_s": jobs_seconds,
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
        manage(env, "seed_articles", *SEED, "--articles", str(args.articles))
        # The glossary links of the seeded articles: background jobs, run to the end here.
        manage(env, "db_worker", "--batch", "--no-startup-delay")
        seeded = time.perf_counter() - started
        large = measured()
        backups = measure_backups(env, database, folder)

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
    print(
        f"export_guide: {backups['export'][0]:.0f} s, peak {backups['export'][1]:.0f} MB, "
        f"folder {backups['folder_mb']:.0f} MB; import_guide into an empty database: "
        f"{backups['import'][0]:.0f} s, peak {backups['import'][1]:.0f} MB; its glossary "
        f"links job: {backups['relink_jobs_s']:.0f} s"
    )


if __name__ == "__main__":
    main()
