"""Searching: published articles, glossary terms and authors, as the results page shows them.

`ArticleSearch` is the one interface to the articles matching a query, over either backend
(kb/search/backends/). Results come in tiers (backends/base.py): the whole query in the title,
tags or summary first, ranked on those fields only, then the rest, ranked only when a page
reaches them. So a page of a common word ranks a few hundred articles, not nearly all of them;
the count is one cheap query. Snippets are made for the shown page only, highlighted here.

Glossary terms and authors among the results are matched in the cached lexicon and then
checked in the database (no query when none match); a query naming a term shows its
definition. `find` is what the results page asks; `exact_title` is what the header box's
"go" asks: the one published article titled exactly as typed.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import BODY_FIELDS, Article, TaggedArticle
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.publishing import Status
from kb.search.backends import backend
from kb.search.backends.base import START, STOP, UNMASK, Scope, tiers
from kb.search.lexicon import correct, lexicon
from kb.search.query import WORD, Query, clean, parse, stem


def unpublished_articles():
    """Exactly the articles `Article.objects.published()` leaves out, found by index: usually
    few, so search checks its matches against these rather than against every visible id."""
    now = timezone.now()
    condition = (
        Q(status__lt=Status.PUBLISHED)
        | Q(status__gt=Status.PUBLISHED)
        | Q(published_at__isnull=True)
        | Q(published_at__gt=now)
    )
    for prefix in Article.objects.all().published_through:
        path = prefix.removesuffix("__")
        related = Article
        for name in path.split("__"):
            related = related._meta.get_field(name).related_model
        shown = related.objects.filter(status=Status.PUBLISHED, published_at__lte=now)
        condition |= Q(**{f"{prefix}in": related.objects.exclude(pk__in=shown.values("pk"))})
    return Article.objects.filter(condition)


class ArticleSearch(Sequence):
    """Articles of `queryset` matching `query`, best first: the one search interface.

    Lazy, like a QuerySet. `count()` is one query; a slice asks for the ranked ids of that
    slice, tier by tier (HEAD, then the next tiers only when the slice reaches past it),
    then fetches those articles with chapter, each with `rank`, `kind` ("article"),
    `tag_list` and `snippet` (safe HTML, matches in <mark>). `filter()` narrows the articles
    searched (a chapter, a tag). `hidden`, when given, gives exactly the articles not in
    `queryset` (see Scope); `ArticleSearch.published()` searches all published articles so.
    """

    # Matches are counted up to this many; past it, `more` is set, and the count and the
    # pages stop there ("more than 1,000 results"): counting every match of a common word
    # costs more than all the rest of a search.
    COUNT_LIMIT = 1000

    def __init__(self, queryset, query, hidden=None):
        self.queryset = queryset
        self.query = query
        self.scope = Scope(queryset, hidden)
        self.backend = backend(queryset.db)
        self._total = None if query else 0
        self.more = False
        self._slices = {}

    @classmethod
    def published(cls, query):
        return cls(Article.objects.published(), query, hidden=unpublished_articles)

    def filter(self, *args, **kwargs):
        # A chapter or a tag leaves few articles: check matches against those.
        return ArticleSearch(self.queryset.filter(*args, **kwargs), self.query)

    def _ranked(self, start, stop):
        """[(pk, rank)] for this slice of the ranking."""
        for (cached_start, cached_stop), rows in self._slices.items():
            if cached_start <= start and stop <= cached_stop:
                return rows[start - cached_start : stop - cached_start]
        rows, before = [], 0  # before: the matches in the tiers already passed
        for tier in tiers(self.query):
            first = max(start - before, 0)
            found = self.backend.ranked(self.scope, self.query, tier, first, stop - before)
            rows += found
            if len(rows) == stop - start:
                break
            if found or not first:
                before += first + len(found)
            else:  # the slice starts beyond this tier: how far?
                before += self.backend.count(self.scope, self.query, tier)
        self._slices[(start, stop)] = [(pk, rank) for pk, rank in rows]
        return self._slices[(start, stop)]

    def count(self):
        """The number of matches, up to COUNT_LIMIT (then `more` is True)."""
        if self._total is None:
            found = self.backend.count(self.scope, self.query, limit=self.COUNT_LIMIT + 1)
            self.more = found > self.COUNT_LIMIT
            self._total = min(found, self.COUNT_LIMIT)
        return self._total

    def exists(self):
        return self.count() > 0

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[: self.count()])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        if not self.query:
            return []
        start, stop, _ = index.indices(self.count())
        ranked = self._ranked(start, stop) if stop > start else []
        if not ranked:
            return []
        # Fetched through the searched queryset: what is shown is checked once more.
        pks = [pk for pk, _ in ranked]
        articles = (
            self.queryset.filter(pk__in=pks)
            .order_by()
            .select_related("section")
            .defer(*BODY_FIELDS, "search_vector", "search_head")
        )
        by_pk = {article.pk: article for article in articles}
        # The tags in one query (taggit's prefetch builds a queryset per article).
        tags = {}
        rows = TaggedArticle.objects.filter(content_object__in=pks).select_related("tag")
        for row in rows.order_by("tag__name"):
            tags.setdefault(row.content_object_id, []).append(row.tag)
        page = []
        for pk, rank in ranked:
            article = by_pk.get(pk)
            if article is not None:
                article.rank, article.kind = rank, "article"
                article.tag_list = tags.get(pk, [])
                page.append(article)
        return add_snippets(page, self.query)


def search_articles(queryset, query):
    """Articles of `queryset` matching `query` (text or Query), best first: an ArticleSearch.

    Text is parsed with the glossary's names; pass a Query to control that.
    """
    if not isinstance(query, Query):
        query = parse(query, lexicon())
    return ArticleSearch(queryset, query)


def highlight(raw):
    """Headline text with sentinels -> safe HTML: escaped text, balanced <mark> elements."""
    parts, is_open = [], False
    for piece in re.split(f"([{START}{STOP}])", raw or ""):
        if piece == START:
            if not is_open:
                parts.append("<mark>")
                is_open = True
        elif piece == STOP:
            if is_open:
                parts.append("</mark>")
                is_open = False
        else:
            parts.append(escape(piece.translate(UNMASK)))
    if is_open:
        parts.append("</mark>")
    # PostgreSQL marks a phrase word by word: show it as one highlight.
    return mark_safe("".join(parts).replace("</mark> <mark>", " "))


def add_snippets(articles, query):
    """Set `snippet` (safe HTML) on these few articles: where the body matches, else the lede."""
    articles = list(articles)
    found = {}
    if articles and query:
        rows = backend().snippets([article.pk for article in articles], query)
        found = {pk: (body, lede) for pk, body, lede in rows}
    for article in articles:
        body, lede = found.get(article.pk, ("", ""))
        if START not in (body or "") and lede:
            body = lede
        article.snippet = highlight(body or article.summary)
    return articles


def highlight_words(text, query):
    """Safe HTML of `text` with the query's words marked; for short texts outside the index."""
    stems = {stem(word) for phrase in query.phrases for word in phrase}
    parts, last = [], 0
    for match in WORD.finditer(text):
        token = match.group().casefold()
        if any(token.startswith(stem) for stem in stems):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


@dataclass
class Hit:
    """One search result of any kind, as the results page shows it."""

    kind: str  # "article", "term" or "author"
    title: str
    url: str
    snippet: str = ""
    chapter: object = None
    tags: list = field(default_factory=list)
    object: object = None

    KIND_LABELS = {"article": "Article", "term": "Glossary term", "author": "Author"}

    @property
    def kind_label(self):
        return self.KIND_LABELS[self.kind]


class Hits(Sequence):
    """Glossary terms and authors first, then ranked articles; sliced a page at a time, so
    snippets are made for the shown page only."""

    def __init__(self, query, extras, articles):
        self.query = query
        self.extras = extras
        self.articles = articles

    @cached_property
    def count(self):
        return len(self.extras) + (self.articles.count() if self.articles is not None else 0)

    @property
    def more(self):
        """Whether there are more results than `count` (see ArticleSearch.COUNT_LIMIT)."""
        return self.articles is not None and self.count and self.articles.more

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(self.count)
        hits = self.extras[start:stop]
        first, last = max(start - len(self.extras), 0), stop - len(self.extras)
        if self.articles is not None and last > first:
            for article in self.articles[first:last]:
                hits.append(
                    Hit(
                        "article",
                        article.title,
                        article.get_absolute_url(),
                        article.snippet,
                        chapter=article.section,
                        tags=article.tag_list,
                        object=article,
                    )
                )
        return hits


@dataclass
class Results:
    """Everything a search found, for the results page."""

    text: str
    query: Query
    hits: Hits
    cards: list = field(default_factory=list)  # glossary terms the query names
    corrected_from: str = ""  # the reader's words, when we searched for a correction instead

    @property
    def found_anything(self):
        return bool(self.cards or self.hits.count)

    def top_hit(self, page):
        """An article on this page whose title is exactly the query: offered as "Go to"."""
        wanted = self.text.casefold()
        for hit in page:
            if hit.kind == "article" and hit.title.casefold() == wanted:
                return hit
        return None


KINDS = ("article", "term", "author")


def find(text, *, kind="", section=None, tag=None):
    """Search everything readers can see: published articles, glossary terms and authors."""
    lex = lexicon()
    query = parse(text, lex)
    results = _find(query, lex, kind, section, tag)
    if query and not results.found_anything:
        corrected = correct(query, lex)
        if corrected:
            better = _find(corrected, lex, kind, section, tag)
            if better.found_anything:
                better.text, better.corrected_from = corrected.display(), query.text
                return better
    return results


def _find(query, lex, kind, section, tag):
    empty = Results(query.text, query, Hits(query, [], None))
    if not query:
        return empty
    articles = None
    if kind in ("", "article"):
        articles = ArticleSearch.published(query)
        if section is not None:
            articles = articles.filter(section=section)
        if tag is not None:
            articles = articles.filter(tags=tag)
    cards = []
    if query.terms:
        cards = list(GlossaryTerm.objects.published().filter(pk__in=query.terms))
    extras = []
    if kind in ("", "term") and section is None:
        extras += term_hits(query, lex, tag)
    if kind in ("", "author") and section is None and tag is None:
        extras += author_hits(query, lex)
    return Results(query.text, query, Hits(query, extras, articles), cards=cards)


def term_hits(query, lex, tag=None):
    """Published glossary terms matching `query`, besides those it names, as Hits."""
    found = set(lex.terms_matching(query)).difference(query.terms)
    if not found:  # as for most searches: then no queryset is built or run
        return []
    terms = GlossaryTerm.objects.published().filter(pk__in=found)
    if tag is not None:
        terms = terms.filter(tags=tag)
    return [
        Hit(
            "term",
            term.term,
            term.get_absolute_url(),
            highlight_words(term.short_definition, query),
            object=term,
        )
        for term in terms[:10]
    ]


def author_hits(query, lex):
    """Authors of published articles matching `query`, as Hits."""
    found = lex.authors_matching(query)
    if not found:
        return []
    published = Article.objects.published().filter(author=OuterRef("pk"))
    authors = Author.objects.filter(pk__in=found).filter(Exists(published))
    return [
        Hit(
            "author",
            author.name,
            author.get_absolute_url(),
            escape(", ".join(filter(None, [author.job_title, author.organisation]))),
            object=author,
        )
        for author in authors[:5]
    ]


def exact_title(text):
    """The published article titled exactly `text` (ignoring case and spacing), if just one
    is: for jumping straight to it."""
    key = " ".join(clean(text).casefold().split())
    pks = lexicon().titled.get(key) if key else None
    if not pks:
        return None
    found = list(Article.objects.published().filter(pk__in=pks).select_related("section")[:2])
    return found[0] if len(found) == 1 else None
