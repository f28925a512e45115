"""Search latency at scale, on the backend DATABASE_URL names (SQLite when unset).

    .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/search.py

Creates a throwaway database beside the configured one (Django's test-database machinery:
`test_<name>`, or a temporary SQLite file), migrates it, seeds it with `seed_articles`
(10,000 articles by default), then times a mix of queries in a warm process:

- search: what the results page asks of the search machinery (parse with glossary
  expansion, typo correction, count, the first page of ranked articles with snippets,
  glossary terms and authors);
- page: the whole /search/ request, template included;
- suggest: /search/suggest/ for prefixes typed into the header box.

It prints median and 95th percentile per measure, and the slowest queries. The database is
dropped at the end. Timings are for a developer's machine; they are never test assertions.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
os.environ.setdefault("SECRET_KEY", "kb-bench-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from kb.search import results as engine  # noqa: E402

QUERIES = [
    "roadmap",
    "roadmaps",
    "backlog",
    "product strategy",
    "technical debt",
    '"user story"',
    '"customer interview" mistakes',
    "onboarding -template",
    "pricing or churn",
    "retention cohort",
    "PRD",
    "OKRs",
    "minimum viable product",
    "NPS",
    "roadmpa",
    "backlgo",
    "stakeholdres",
    "Kano model",
    "regulated industries",
    "executives",
    "zebra crossing",
    "platform teams -remote",
]
PREFIXES = ["ro", "road", "back", "prod", "product st", "pri", "kan", "okr", "cust", "tech"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def search_once(query):
    results = engine.find(query)
    page = Paginator(results.hits, 10).get_page(1)
    list(page)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()

    settings_dict = connection.settings_dict
    temporary = None
    if connection.vendor == "sqlite":
        temporary = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)
        settings_dict.setdefault("TEST", {})["NAME"] = temporary.name
    old_name = settings_dict["NAME"]
    started = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        print(f"Backend: {connection.vendor}, database {connection.settings_dict['NAME']}")
        call_command(
            "seed_articles", articles=options.articles, verbosity=0, stdout=open(os.devnull, "w")
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(f"Seeded {options.articles} articles in {time.perf_counter() - started:.1f} s")
        run(options.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if temporary is not None and os.path.exists(temporary.name):
            os.unlink(temporary.name)


def run(rounds):
    client = Client()
    for query in QUERIES:  # warm up: caches, the glossary lexicon, prepared plans
        search_once(query)
        client.get("/search/", {"q": query})
    for prefix in PREFIXES:
        client.get("/search/suggest/", {"q": prefix})

    searches, pages, suggestions = [], [], []
    per_query = {query: [] for query in QUERIES}
    for _ in range(rounds):
        for query in QUERIES:
            elapsed = timed(search_once, query)
            searches.append(elapsed)
            per_query[query].append(elapsed)
            pages.append(timed(client.get, "/search/", {"q": query}))
        for prefix in PREFIXES:
            suggestions.append(timed(client.get, "/search/suggest/", {"q": prefix}))

    print(f"{'measure':<10}{'n':>6}{'median ms':>12}{'p95 ms':>10}{'max ms':>10}")
    for name, values in (("search", searches), ("page", pages), ("suggest", suggestions)):
        print(
            f"{name:<10}{len(values):>6}{statistics.median(values):>12.1f}"
            f"{percentile(values, 0.95):>10.1f}{max(values):>10.1f}"
        )
    print("Slowest queries (median ms of search):")
    slowest = sorted(per_query.items(), key=lambda item: -statistics.median(item[1]))[:6]
    for query, values in slowest:
        print(f"  {statistics.median(values):7.1f}  {query}")


if __name__ == "__main__":
    main()
