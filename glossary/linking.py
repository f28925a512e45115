"""Glossary term links on articles and term pages, kept true as the glossary changes.

glossary/matcher.py does the linking itself; this module decides which terms take part and
when it runs. The articles whose bodies link terms are declared to it by their app
(`register_linked_model()`), so the glossary does not import them.

Design, chosen by measuring (bench/glossary_links.py, figures in README.md). Linking a
5,000-word article against 2,000 terms and aliases costs about 3.3 ms of CPU; re-linking all
10,000 stored articles after a term change about 10.5 s when only the relation below is
written, and 13.8 s when every linked body is rewritten too. So:

- Pages are linked when they are shown, over the stored, sanitised `body_html`, against the
  terms that are live *now*. A draft term is never linked, and a term scheduled for 9:00 is
  linked from 9:00 with nothing saved and no job run: "published" is decided at request time,
  as everywhere else in kb (kb/publishing.py). Storing linked HTML at save time would mean
  re-writing every affected article on each term change *and* something to wake up when a
  scheduled term goes live; linking at display time costs a page nothing beyond the content
  version it reads anyway when its linked body is cached, and a few milliseconds when it is not.
- Readers' pages key the compiled matcher (one per process per version) and the kept linked
  bodies on the content version (kb/pagecache/blocks.py, read once per request): it
  moves after every committed write and when a scheduled term goes live, so neither is ever
  stale. Writes, inside their transaction, cannot wait for that commit: `update_links` keys on
  `glossary_version()`, a query over the terms themselves (how many, the last change to any,
  how many live; kb/changes.py's querysets move `updated_at` on bulk updates too).
- "Used in" (a term's page lists the published articles that link to it) needs the relation
  stored: `Article.linked_terms`. It is computed against the terms that are published or
  scheduled, so it needs no update when a scheduled term goes live, and it is recomputed for
  just the affected articles when an article is saved or a term is added, renamed, given other
  aliases, published, unpublished or deleted (`keep_links`, on kb/changes.py's announcement of
  every write), in batches of BATCH_SIZE with bounded memory. (Until a scheduled term goes
  live, a shorter live term it would take the place of may be missing from "Used in" on pages
  that only mention the longer one.)
- A saved article is re-linked inside its own transaction (a few milliseconds). A term change
  can reach every article (a term that 49,000 of 50,000 articles mention, measured at 10.5 s
  for 10,000), and so can a bulk write of many articles (an import): those are background jobs
  (the tasks below, kb/background.py), enqueued once the write commits. Until a job has run,
  "Used in" lists what it listed before; the articles' own pages link the new names at once,
  as they are linked when shown.
"""

import threading
from contextlib import contextmanager
from functools import lru_cache

from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.signals import post_delete
from django.utils import timezone
from django_tasks import task

from glossary.matcher import Entry, Glossary
from glossary.models import LINKED_BY, GlossaryTerm
from kb.changes import announce, content_changed
from kb.pagecache import blocks
from kb.publishing import Status, published_q

BATCH_SIZE = 250
ENTRY_FIELDS = ("pk", "term", "slug", "short_definition", "aliases")


def glossary_version():
    """A value that changes whenever the linkable terms, or any of their names, may have."""
    # The newest key too: an import restores the stored `updated_at` of terms it re-creates,
    # so terms deleted and imported again would otherwise look unchanged (with new keys).
    row = GlossaryTerm.objects.aggregate(
        terms=Count("pk"),
        newest=Max("pk"),
        changed=Max("updated_at"),
        live=Count("pk", filter=published_q()),
    )
    changed = row["changed"].isoformat() if row["changed"] else ""
    return f"{row['terms']}.{row['newest']}.{row['live']}.{changed}"


def _entries(terms):
    return [
        Entry(
            id=term.pk,
            url=term.get_absolute_url(),
            definition=term.short_definition,
            phrases=(term.term, *term.alias_list),
        )
        for term in terms.only(*ENTRY_FIELDS).order_by("term", "pk")
    ]


@lru_cache(maxsize=4)
def _glossary(kind, version):
    if kind == "live":
        terms = GlossaryTerm.objects.published()
    else:  # published or scheduled: what "Used in" is computed against
        terms = GlossaryTerm.objects.filter(status=Status.PUBLISHED)
    return Glossary(_entries(terms))


def live_glossary():
    """The terms readers can see now, compiled (once per process per content version)."""
    return _glossary("live", blocks.key("glossary"))


def linked_body(article):
    """The article's body as readers see it: its first mention of each live term linked."""
    if not article.link_glossary_terms:
        return article.body_html

    def link():
        excluded = article.glossary_exclusions.values_list("pk", flat=True)
        return live_glossary().link(article.body_html, skip=set(excluded)).html

    # Kept per content version and article; with its last change too, for a page shown by
    # the transaction that changed it (the version moves only once that commits).
    return blocks.kept(("glossary-linked-body", article.pk, article.updated_at.isoformat()), link)


def linked_explanation(term):
    """A term's explanation with the other live terms linked (never the term itself)."""
    return live_glossary().link(term.explanation_html, skip={term.pk}).html


# --- The stored relation: which articles link to which terms ---------------------------------


def update_links(articles, batch_size=BATCH_SIZE):
    """Recompute `linked_terms` for `articles` (a queryset), a batch at a time.

    Each batch reads only ids, bodies, exclusions and current links, and writes just the rows
    that differ: memory stays bounded by the batch, whatever the total. Returns how many
    articles' links changed.
    """
    glossary = _glossary("linking", glossary_version())
    links = articles.model.linked_terms.through
    exclusions = articles.model.glossary_exclusions.through
    changed = 0
    last = 0
    while True:
        batch = list(
            articles.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "body_html", "link_glossary_terms")[:batch_size]
        )
        if not batch:
            return changed
        last = batch[-1][0]
        ids = [pk for pk, _, _ in batch]
        excluded, current = {}, {}
        for article, term in exclusions.objects.filter(article_id__in=ids).values_list(
            "article_id", "glossaryterm_id"
        ):
            excluded.setdefault(article, set()).add(term)
        for row, article, term in links.objects.filter(article_id__in=ids).values_list(
            "pk", "article_id", "glossaryterm_id"
        ):
            current.setdefault(article, {})[term] = row
        added, removed, relinked = [], [], []
        for pk, body_html, enabled in batch:
            linked = set()
            if enabled:
                linked = set(glossary.terms_in(body_html, skip=excluded.get(pk, ())))
            rows = current.get(pk, {})
            if linked != rows.keys():
                relinked.append(pk)
                added += [links(article_id=pk, glossaryterm_id=t) for t in linked - rows.keys()]
                removed += [row for term, row in rows.items() if term not in linked]
        if not relinked:
            continue
        changed += len(relinked)
        # Only the rows that differ are written: a term change touches a row or two an article.
        with transaction.atomic():
            if removed:
                links.objects.filter(pk__in=removed).delete()
            if added:
                links.objects.bulk_create(added)
            # What is kept per content version ("Used in" lists) moves on once this commits:
            # a background job writes after the change that caused it was announced.
            announce(articles.model, relinked, fields={"linked_terms"})


def mentions(phrases):
    """Articles whose text may mention one of `phrases`: a cheap superset, checked by linking.

    SQLite folds the case of ASCII letters only, so other spellings are asked for as well.
    """
    condition = Q()
    for phrase in phrases:
        phrase = " ".join(phrase.split())
        spellings = {phrase}
        if not phrase.isascii():
            spellings |= {phrase.lower(), phrase.upper(), phrase.capitalize(), phrase.title()}
        for spelling in spellings:
            condition |= Q(body_text__icontains=spelling)
    return condition


def articles_affected_by(terms):
    """The articles whose links may change when `terms` (GlossaryTerm rows) change: those
    linking to or excluding them now, and those mentioning their current names."""
    ids = [term.pk for term in terms]
    condition = Q(
        pk__in=_linked["model"]
        .linked_terms.through.objects.filter(glossaryterm_id__in=ids)
        .values("article_id")
    ) | Q(
        pk__in=_linked["model"]
        .glossary_exclusions.through.objects.filter(glossaryterm_id__in=ids)
        .values("article_id")
    )
    phrases = [p for term in terms if term.status == Status.PUBLISHED for p in term_phrases(term)]
    if phrases:
        condition |= mentions(phrases)
    return _linked["model"].objects.filter(condition)


def term_phrases(term):
    return [term.term, *term.alias_list]


# --- The background jobs (kb/background.py): each recomputes from what is committed ----------


# Beyond this many terms changed at once (an import, a bulk publish), every article is re-linked:
# one pass over the bodies costs less than a query asking for each of their names (and
# SQLite refuses a condition nested more than 1,000 deep).
MANY_TERMS = 50


@task()
def relink_terms(term_ids):
    """After a change to these terms, re-link the articles it may affect."""
    if len(term_ids) > MANY_TERMS:
        return update_links(linked_articles())
    terms = list(
        GlossaryTerm.objects.filter(pk__in=term_ids).only("pk", "term", "aliases", "status")
    )
    return update_links(articles_affected_by(terms))


@task()
def relink_mentions(phrases):
    """After a term was deleted: re-link the articles that mention its names (every article
    that linked it does; a shorter term it hid may be linked there now)."""
    return update_links(_linked["model"].objects.filter(mentions(phrases)))


@task()
def relink_articles(article_ids):
    return update_links(_linked["model"].objects.filter(pk__in=article_ids))


def _after_commit(job, *args):
    transaction.on_commit(lambda: job.enqueue(*args))


_deferred = threading.local()


@contextmanager
def relinking_deferred():
    """Within this block, relink nothing per write: collect what the writes affect and enqueue
    one job for all of it when the block ends (after the commit). For an import, whose every
    saved article would otherwise be re-linked in the transaction, one at a time."""
    if getattr(_deferred, "affected", None) is not None:
        yield
        return
    _deferred.affected = affected = {"terms": set(), "articles": set()}
    try:
        yield
    finally:
        del _deferred.affected
        if len(affected["terms"]) > MANY_TERMS:
            _after_commit(relink_terms, sorted(affected["terms"]))  # every article
        else:
            if affected["terms"]:
                _after_commit(relink_terms, sorted(affected["terms"]))
            if affected["articles"]:
                _after_commit(relink_articles, sorted(affected["articles"]))


# --- Which articles link terms, and when the relation is recomputed ---------------------------

# The model whose bodies link terms: articles.Article, declared by its app.
_linked = {}
# An article's fields that decide which terms it links.
ARTICLE_LINKING_FIELDS = frozenset({"body_html", "link_glossary_terms", "glossary_exclusions"})


def linked_articles():
    """Every article that may link terms (a queryset of the registered model)."""
    return _linked["model"].objects.all()


def register_linked_model(model):
    """Declare the model whose bodies link glossary terms (ArticlesConfig.ready() does).

    It has `body_html` (what is linked), `body_text` (searched for mentions),
    `link_glossary_terms`, and the many-to-many fields `linked_terms` (the stored relation
    behind "Used in") and `glossary_exclusions`.
    """
    _linked["model"] = model


def keep_links(sender, pks, fields, **kwargs):
    """kb/changes.py's content_changed, inside the writing transaction: re-link what a write to
    terms or articles may affect, whatever the path (save, restore, import, bulk action,
    update(), bulk_create). A few articles now, in the transaction; more in the background."""
    if not pks:
        return
    deferred = getattr(_deferred, "affected", None)
    if sender is GlossaryTerm:
        if fields is None or fields & LINKED_BY:  # not for a new definition or explanation
            if deferred is not None:
                deferred["terms"] |= pks
            else:
                _after_commit(relink_terms, sorted(pks))
    elif sender is _linked.get("model"):
        if fields is not None and not fields & ARTICLE_LINKING_FIELDS:
            return
        articles = sender.objects.filter(pk__in=pks)
        if fields is not None and "glossary_exclusions" in fields:
            # Exclusions are part of the article: a new `updated_at` retires its cached
            # linked body.
            articles.update(updated_at=timezone.now())
        if deferred is not None:
            deferred["articles"] |= pks
        elif len(pks) <= BATCH_SIZE:
            update_links(articles)
        else:
            _after_commit(relink_articles, sorted(pks))


def _term_deleted(sender, instance, **kwargs):
    # Its relation rows went with it: the articles that linked it are among those that
    # mention its names.
    if instance.status == Status.PUBLISHED:
        _after_commit(relink_mentions, term_phrases(instance))


def connect_signals():
    """Called from GlossaryConfig.ready()."""
    content_changed.connect(keep_links, dispatch_uid="kb_glossary_links")
    post_delete.connect(
        _term_deleted, sender=GlossaryTerm, dispatch_uid="kb_glossary_links_deleted"
    )
