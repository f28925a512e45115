"""Benchmark: glossary term linking (kb/glossary_links.py, glossary/linking.py).

    DEBUG=1 .venv/bin/python bench/glossary_links.py [--articles 10000] [--runs 30]

Builds a throw-away database (SQLite in a temporary folder unless DATABASE_URL is set: it is
migrated, filled and, for SQLite, deleted afterwards; never point it at real data) with 2,000
glossary names (1,500 terms, 500 aliases) and stored articles, then prints:

1. linking one 5,000-word article against the 2,000 names: the median of --runs, i.e. what a
   reader's page costs when its linked body is not cached (display-time linking);
2. re-linking every stored article after a term change (the "Used in" relation, in batches),
   with its time and peak traced memory;
3. for comparison, the same re-link writing each article's linked HTML back too (what linking
   at save time would cost on every term change).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "product manager team customer user feature release roadmap backlog sprint story metric "
    "growth market strategy vision research design engineering launch feedback value problem "
    "outcome experiment hypothesis stakeholder priority quarter goal plan review data insight "
    "journey funnel cohort retention churn revenue pricing segment persona interview survey "
    "prototype test iteration delivery velocity capacity estimate dependency risk scope"
).split()
FILLER = (
    "the a of and to in for with on that this is are we our it by as from at be can will "
    "when how what why which more most each every their they it's not only also"
).split()


def made_up_word(rng):
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def glossary_names(rng, terms=1500, aliases=500):
    """(term, aliases) pairs: 1-3 word names, some of them sharing words with the article
    vocabulary ("growth loop"-like), and acronym aliases."""
    seen, rows = set(), []
    while len(rows) < terms:
        size = rng.choice((1, 2, 2, 3))
        words = [made_up_word(rng) for _ in range(size)]
        if size > 1 and rng.random() < 0.3:
            words[rng.randrange(size)] = rng.choice(WORDS)
        term = " ".join(words).capitalize()
        if term.lower() not in seen:
            seen.add(term.lower())
            rows.append([term, []])
    while sum(len(a) for _, a in rows) < aliases:
        row = rng.choice(rows)
        alias = "".join(w[0] for w in row[0].split()).upper() + made_up_word(rng)[:2].upper()
        if alias.lower() not in seen:
            seen.add(alias.lower())
            row[1].append(alias)
    return rows


def markdown_article(rng, words, names, popular=()):
    """Markdown of about `words` words: paragraphs, headings, lists, code and links. One word
    in fifty is a glossary name, from the 60 names (and `popular` ones) this article is about,
    so most of them are mentioned several times."""
    topic = [rng.choice(p) for p in (((t, *a)) for t, a in rng.sample(names, 60))] + list(popular)
    out, count, section = [], 0, 0
    while count < words:
        if count // 400 > section:
            section += 1
            out.append(f"## {rng.choice(topic)} and {rng.choice(WORDS)} {section}")
        sentence = []
        for _ in range(rng.randint(40, 70)):
            roll = rng.random()
            if roll < 0.02:
                sentence.append(rng.choice(topic))
            elif roll < 0.5:
                sentence.append(rng.choice(WORDS))
            else:
                sentence.append(rng.choice(FILLER))
        text = " ".join(sentence)
        count += len(sentence)
        roll = rng.random()
        if roll < 0.1:
            out.append(f"- {text}\n- `{rng.choice(topic)}` and [a link](/x/) {text[:60]}")
        elif roll < 0.15:
            out.append(f"```\n{text[:200]}\n```")
        else:
            out.append(text.capitalize() + ".")
    return "\n\n".join(out)


def timed(fn):
    """Wall-clock seconds and the result; `timed.cpu` holds the process CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    timed.cpu = time.process_time() - cpu
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=1_500, help="words per stored article")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="kb-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir.name}/bench.sqlite3")
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import QuerySet
    from django.utils import timezone

    from articles.models import Article, Section
    from authors.models import Author
    from glossary import linking
    from glossary.matcher import Entry, Glossary
    from glossary.models import GlossaryTerm
    from kb.markdown import render
    from kb.publishing import Status

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    names = glossary_names(rng)
    now = timezone.now()

    # 1. One 5,000-word article against 2,000 names.
    entries = [
        Entry(n, f"/glossary/t{n}/", "A short plain definition of the term.", (t, *a))
        for n, (t, a) in enumerate(names)
    ]
    build, glossary = timed(lambda: Glossary(entries))
    big = render(markdown_article(rng, 5_000, names, popular=[names[0][0]]))
    runs, cpu = [], []
    for _ in range(args.runs):
        runs.append(timed(lambda: glossary.link(big.html))[0])
        cpu.append(timed.cpu)
    linked = glossary.link(big.html)
    print(
        f"names: {sum(len(e.phrases) for e in entries)} ({len(entries)} terms); "
        f"matcher built in {build * 1000:.0f} ms"
    )
    print(
        f"link one {big.word_count}-word article: median {statistics.median(runs) * 1000:.2f} ms"
        f" (CPU {statistics.median(cpu) * 1000:.2f} ms; min {min(runs) * 1000:.2f},"
        f" max {max(runs) * 1000:.2f}; {args.runs} runs;"
        f" {len(linked.term_ids)} terms linked)"
    )

    # 2. Stored articles, re-linked after a term change.
    author = Author.objects.create(name="Bench Author")
    section = Section.objects.create(
        title="Bench", status=Status.PUBLISHED, published_at=now - timedelta(days=1)
    )
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=term,
            slug=f"t{n}",
            aliases=", ".join(aliases),
            short_definition="A short plain definition of the term.",
            status=Status.PUBLISHED,
            published_at=now - timedelta(days=1),
        )
        for n, (term, aliases) in enumerate(names)
    )
    templates = [
        render(markdown_article(rng, args.words, names, popular=[names[0][0]])) for _ in range(20)
    ]
    made = 0
    while made < args.articles:
        size = min(1000, args.articles - made)
        Article.objects.bulk_create(
            Article(
                section=section,
                author=author,
                position=made + n,
                title=f"Article {made + n}",
                slug=f"article-{made + n}",
                body="(bench)",
                body_html=(page := templates[(made + n) % len(templates)]).html,
                body_text=page.text,
                word_count=page.word_count,
                status=Status.PUBLISHED,
                published_at=now - timedelta(days=1),
            )
            for n in range(size)
        )
        made += size
    print(f"stored articles: {made} of ~{templates[0].word_count} words")

    seconds, _ = timed(lambda: linking.update_links(Article.objects.all()))
    links = Article.linked_terms.through
    print(
        f"first link of {made} stored articles: {seconds:.1f} s (CPU {timed.cpu:.1f} s) "
        f"({links.objects.count()} article-term links)"
    )

    # A widely used term is renamed: its save re-links just the affected articles.
    popular = GlossaryTerm.objects.get(term=names[0][0])
    using = popular.linking_articles.count()
    popular.term = "Renamed popular term"
    seconds, _ = timed(popular.save)
    print(f"rename a term {using} articles link to (save, with its targeted re-link): ", end="")
    print(f"{seconds:.1f} s (CPU {timed.cpu:.1f} s)")

    # The bound: every stored article re-linked after a term change, timed, then traced.
    # (QuerySet.update itself: GlossaryTermQuerySet.update would re-link straight away.)
    QuerySet.update(
        GlossaryTerm.objects.filter(pk=popular.pk), term=names[0][0], updated_at=timezone.now()
    )
    seconds, changed = timed(lambda: linking.update_links(Article.objects.all()))
    print(
        f"re-link all {made} articles after a term change: {seconds:.1f} s (CPU {timed.cpu:.1f} s) "
        f"({changed} changed; batches of {linking.BATCH_SIZE})"
    )
    QuerySet.update(
        GlossaryTerm.objects.filter(pk=popular.pk), term="Renamed", updated_at=timezone.now()
    )
    tracemalloc.start()
    linking.update_links(Article.objects.all())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  peak traced memory of that re-link: {peak / 2**20:.1f} MiB")

    # 3. The alternative: store linked HTML, so every term change rewrites the bodies too.
    live = linking.live_glossary()

    def relink_and_store():
        last = 0
        while True:
            batch = list(
                Article.objects.filter(pk__gt=last).order_by("pk").only("pk", "body_html")[:250]
            )
            if not batch:
                return
            last = batch[-1].pk
            for article in batch:
                article.body_html = live.link(article.body_html).html
            Article.objects.bulk_update(batch, ["body_html"])

    seconds, _ = timed(relink_and_store)
    print(
        f"  (storing linked HTML instead: re-link and rewrite {made} bodies: {seconds:.1f} s,"
        f" CPU {timed.cpu:.1f} s)"
    )
    if connection.vendor == "sqlite":
        connection.close()
    workdir.cleanup()


if __name__ == "__main__":
    main()
