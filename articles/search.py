"""Search: one interface over two backends.

Readers type web-search syntax: words, `"exact phrases"`, `-excluded` words or phrases, and
`or` between alternatives (`roadmap or backlog`). `parse()` turns that text into a `Query`, a
conjunction of clauses, each clause a set of alternative phrases, plus excluded phrases. No
reader text ever reaches the database as syntax: each backend compiles the parsed words itself.

- PostgreSQL: a stored, weighted `search_vector` on Article (title A, tags and summary B, body C)
  and a small `search_head` (title A, tags and summary B), each with a GIN index,
  `websearch_to_tsquery('english', ...)` per phrase, `ts_rank` for order and `ts_headline`
  for the current page's snippets only, in raw SQL made once per search from the parsed query
  (reader text only as parameters); pg_trgm finds the word a typo meant.
- SQLite: the FTS5 table `articles_article_search` (porter stemming), written by triggers,
  checked against the published articles (or, cheaper, against the few unpublished ones),
  ranked by bm25 with column weights, the head being FTS5's column filter
  `{title tags summary}`; `snippet()` for the page's snippets; difflib finds the word a typo
  meant.

Results come in tiers (see HEAD): the whole query in the title, tags or summary first, ranked
on those fields only, then the rest, ranked only when a page reaches them. So a page of a
common word ranks a few hundred articles, not nearly all of them; the count is one cheap query.

Both give the same results for the same query; the same tests run on both. Glossary terms make
search smarter: a query naming a term or one of its aliases ("PRD") also finds the other names
("product requirements document") and shows the definition. Glossary terms and authors among
the results are matched in the cached Lexicon and then checked in the database (no query when
none match). Queries that find nothing are counted in `MissedSearch` for editors. A search
from the header box (`go=1`) opens the one published article titled exactly as typed.
"""

import bisect
import difflib
import importlib
import re
import time
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchVector,
    SearchVectorField,
)
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import (
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import BODY_FIELDS, Article, MissedSearch, Section, TaggedArticle
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.publishing import Status
from kb.tags.models import Tag

MAX_QUERY_CHARS = 200  # longer input is cut: nobody types more, and it bounds the work
MAX_PHRASES = 12
MAX_PHRASE_WORDS = 8
LEXICON_TTL = 300  # seconds; also how late a scheduled article's title joins "did you mean"

# Snippet highlight sentinels: private-use characters, removed from readers' queries by clean().
# Headlines come back from the database as raw stored text, so they are escaped first and only
# then are the sentinels turned into <mark> elements.
START, STOP = "\ue000", "\ue001"
# ts_headline treats "<...>" as HTML tags and drops them, so PostgreSQL's headlines are made
# from text with < > & swapped for private-use stand-ins, swapped back before escaping.
MARKUP, MASKED = "<>&", "\ue002\ue003\ue004"
UNMASK = str.maketrans(MASKED, MARKUP)

# PostgreSQL's english.stop, so both backends ignore the same words outside phrases.
STOPWORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now""".split()
)

_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


# --- Reading the query ---------------------------------------------------------------------


def clean(text, limit=MAX_QUERY_CHARS):
    """Reader input made safe to handle: NFC, no control/format/private characters, capped."""
    text = unicodedata.normalize("NFC", str(text or "")[: limit * 4])
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:limit].strip()


def words_of(text):
    return tuple(word.casefold() for word in _WORD.findall(text))


def name_key(words):
    """How a glossary name is recognised in a query: its words, common words left out."""
    return " ".join(word for word in words if word not in STOPWORDS)


@dataclass(frozen=True)
class Query:
    """Parsed search text: all `clauses` must match (any one phrase of each), no `excluded`."""

    text: str
    clauses: tuple = ()  # of tuples of phrases; a phrase is a tuple of lower-case words
    excluded: tuple = ()
    terms: tuple = ()  # ids of glossary terms the query names

    def __bool__(self):
        return bool(self.clauses)

    @property
    def phrases(self):
        return [phrase for clause in self.clauses for phrase in clause]

    def display(self):
        """The query written back in the syntax readers type (for "Showing results for")."""

        def phrase_text(phrase):
            return " ".join(phrase) if len(phrase) == 1 else '"' + " ".join(phrase) + '"'

        parts = [" or ".join(phrase_text(p) for p in clause) for clause in self.clauses]
        parts += ["-" + phrase_text(p) for p in self.excluded]
        return " ".join(parts)


def parse(text, lexicon=None):
    """Web-search syntax -> Query. Never fails: anything unusable is ignored."""
    text = clean(text)
    clauses, excluded = [], []
    pending_or = False
    for match in _TOKEN.finditer(text):
        raw = match["phrase"] if match["phrase"] is not None else match["word"]
        if match["word"] is not None and not match["neg"] and raw.casefold() == "or":
            pending_or = bool(clauses)
            continue
        phrase = words_of(raw)[:MAX_PHRASE_WORDS]
        if not phrase or all(word in STOPWORDS for word in phrase):
            continue
        if len(clauses) + len(excluded) >= MAX_PHRASES:
            break
        if match["neg"]:
            excluded.append(phrase)
        elif pending_or:
            clauses[-1] += (phrase,)
        else:
            clauses.append((phrase,))
        pending_or = False
    query = Query(text, tuple(clauses), tuple(dict.fromkeys(excluded)))
    if lexicon is not None:
        query = expand(query, lexicon)
    return query


def expand(query, lexicon):
    """Add the other names of any glossary term the query names: PRD -> "product requirements
    document". A run of plain words naming a term becomes one clause of that term's names."""
    clauses, terms = [], []
    source = list(query.clauses)
    index = 0
    while index < len(source):
        for end in range(len(source), index, -1):
            run = source[index:end]
            if all(len(clause) == 1 for clause in run):
                name = name_key(word for clause in run for word in clause[0])
                term_id = lexicon.names.get(name) if name else None
                if term_id is not None:
                    joined = tuple(word for clause in run for word in clause[0])
                    clauses.append(tuple(dict.fromkeys((joined, *lexicon.names_of[term_id]))))
                    terms.append(term_id)
                    index = end
                    break
        else:
            clause = source[index]
            alternatives = list(clause)
            if len(clause) > 1:
                for phrase in clause:
                    term_id = lexicon.names.get(name_key(phrase))
                    if term_id is not None:
                        alternatives += lexicon.names_of[term_id]
                        terms.append(term_id)
            clauses.append(tuple(dict.fromkeys(alternatives)))
            index += 1
    return Query(query.text, tuple(clauses), query.excluded, tuple(dict.fromkeys(terms)))


# --- What the site knows: glossary names and a vocabulary for typos -------------------------


@dataclass
class Lexicon:
    names: dict = field(default_factory=dict)  # "product requirements document" -> term id
    names_of: dict = field(default_factory=dict)  # term id -> its names as phrases
    words: frozenset = frozenset()  # words of published titles, tags, terms and aliases
    titles: list = field(default_factory=list)  # (pk, title) of published articles
    title_words: list = field(default_factory=list)  # sorted (word, index into titles)
    # Candidates for the results' glossary terms and authors, matched here rather than by a
    # LIKE scan per search; the database then checks the few found (published, and so on).
    term_texts: list = field(default_factory=list)  # (pk, term, aliases), case-folded
    author_names: list = field(default_factory=list)  # (pk, name), case-folded; with articles
    built_at: float = 0.0

    @cached_property
    def titled(self):
        """Case-folded title -> primary keys of the published articles with that title."""
        found = {}
        for pk, title in self.titles:
            found.setdefault(" ".join(title.casefold().split()), []).append(pk)
        return found

    def terms_matching(self, query):
        return [pk for pk, *texts in self.term_texts if text_matches(query, texts)]

    def authors_matching(self, query):
        return [pk for pk, name in self.author_names if text_matches(query, [name], True)]

    def titles_starting(self, words, limit):
        """Indexes of titles with a word starting with each of `words`, titles starting with
        the first word first."""
        matches = None
        for word in words:
            found = set()
            position = bisect.bisect_left(self.title_words, (word, -1))
            while position < len(self.title_words):
                title_word, index = self.title_words[position]
                if not title_word.startswith(word):
                    break
                found.add(index)
                position += 1
            matches = found if matches is None else matches & found
            if not matches:
                return []
        prefix = " ".join(words)

        def order(index):
            title = self.titles[index][1].casefold()
            return (not title.startswith(prefix), title, index)

        return sorted(matches, key=order)[:limit]

    @cached_property
    def words_by_length(self):
        by_length = {}
        for word in self.words:
            by_length.setdefault(len(word), []).append(word)
        return by_length

    def candidates(self, word, spread=2):
        return [
            candidate
            for length in range(len(word) - spread, len(word) + spread + 1)
            for candidate in self.words_by_length.get(length, ())
        ]


LEXICON_VERSION_KEY = "kb:search:lexicon-version"
_lexicon_memo = {}


def build_lexicon():
    lexicon = Lexicon(built_at=time.monotonic())
    vocabulary = set()
    for pk, term, aliases in GlossaryTerm.objects.published().values_list("pk", "term", "aliases"):
        names = [words_of(name) for name in [term, *aliases.split(",")]]
        names = [name for name in dict.fromkeys(names) if name]
        lexicon.term_texts.append((pk, term.casefold(), aliases.casefold()))
        if not names:
            continue
        lexicon.names_of[pk] = tuple(names)
        for name in names:
            if name_key(name):
                lexicon.names.setdefault(name_key(name), pk)
            vocabulary.update(name)
    published = Article.objects.published()
    title_words = set()
    rows = published.order_by("pk").values_list("pk", "title").iterator(chunk_size=2000)
    for index, (pk, title) in enumerate(rows):
        lexicon.titles.append((pk, title))
        words = words_of(title)
        vocabulary.update(words)
        title_words.update((word, index) for word in words)
    lexicon.title_words = sorted(title_words)
    authors = Author.objects.filter(pk__in=published.values("author"))
    lexicon.author_names = [(pk, name.casefold()) for pk, name in authors.values_list("pk", "name")]
    tag_names = Tag.objects.filter(tagged_articles__content_object__in=published).distinct()
    for name in tag_names.values_list("name", flat=True):
        vocabulary.update(words_of(name))
    lexicon.words = frozenset(
        word
        for word in vocabulary
        if len(word) > 2 and word not in STOPWORDS and not word.isdigit()
    )
    return lexicon


def lexicon():
    """The cached Lexicon: rebuilt after any content change (signals) or LEXICON_TTL seconds."""
    version = cache.get(LEXICON_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(LEXICON_VERSION_KEY, version, LEXICON_TTL)
    memo = _lexicon_memo.get("current")
    if memo and memo[0] == version and time.monotonic() - memo[1].built_at < LEXICON_TTL:
        return memo[1]
    built = build_lexicon()
    _lexicon_memo["current"] = (version, built)
    return built


def forget_lexicon(**kwargs):
    cache.delete(LEXICON_VERSION_KEY)


# --- Backends -------------------------------------------------------------------------------


def fts5_string(phrase):
    """An FTS5 string literal: always quoted, quotes doubled. Several words make a phrase."""
    return '"' + " ".join(phrase).replace('"', '""') + '"'


TEXT, VECTOR = TextField(), SearchVectorField()

# Ranking runs in tiers, so a common word never means ranking nearly every article: first the
# articles matching the whole query in their title, tags or summary (the "head"), ranked on
# those fields alone; then, only for pages reaching past them, those with some of the query's
# words in the head (PARTIAL, for queries of several words), then those matching in the body
# only, both ranked on all fields. A title, tag or summary match therefore always comes
# before a body-only match.
HEAD, PARTIAL, BODY = "head", "partial", "body"


def tiers(query):
    # With one clause, a phrase of it in the head is a match of the whole query there.
    return (HEAD, PARTIAL, BODY) if len(query.clauses) > 1 else (HEAD, BODY)


class Scope:
    """The articles a search looks in: `queryset`, and optionally `hidden`, a function giving
    exactly the articles not in it, when those are far fewer (all published articles: the
    unpublished ones). Checking matches against the few is much cheaper than against the many.
    Only SQLite checks so, and it is called only then: building it costs a millisecond."""

    def __init__(self, queryset, hidden=None):
        self.queryset, self.hidden = queryset, hidden
        self.db = queryset.db

    @cached_property
    def ids(self):
        """(negated, SQL and params of the ids to check against, or None if there are none)."""
        negated = self.hidden is not None
        return negated, compiled(self.hidden() if negated else self.queryset)


def compiled(queryset):
    """SQL and params of a queryset of primary keys; None when it can match nothing."""
    try:
        return queryset.order_by().values("pk").query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return None


class SQLiteBackend:
    # bm25 weights for the FTS5 columns title, tags, summary, body.
    WEIGHTS = (20.0, 6.0, 6.0, 1.0)
    HEAD_COLUMNS = "{title tags summary}"

    def match(self, query):
        def any_of(phrases):
            return "(" + " OR ".join(fts5_string(p) for p in phrases) + ")"

        expression = " AND ".join(any_of(clause) for clause in query.clauses)
        if query.excluded:
            expression = f"({expression}) NOT {any_of(query.excluded)}"
        return expression

    def tier_match(self, query, tier):
        """The MATCH expression for one tier of `query`'s matches (None: all of them)."""
        if tier is None:
            return self.match(query)
        wanted = self.match(Query(query.text, query.clauses))
        head = f"{self.HEAD_COLUMNS} : ({wanted})"
        excluded = self.match(Query(query.text, (query.excluded,))) if query.excluded else None
        if tier == HEAD:
            return f"({head}) NOT ({excluded})" if excluded else head
        some_in_head = f"{self.HEAD_COLUMNS} : {self.match(Query(query.text, (query.phrases,)))}"
        if tier == PARTIAL:
            positive, negative = f"({wanted}) AND ({some_in_head})", head
        else:  # BODY: none of the words in the head
            positive, negative = wanted, some_in_head
        negative = f"({negative}) OR ({excluded})" if excluded else negative
        return f"({positive}) NOT ({negative})"

    def _execute(self, scope, select, query, tier, tail="", params=()):
        """Rows of `SELECT <select> FROM` the full-text rows matching `query` in `scope`.

        The full-text table drives the query, checked against a list of article ids (`+rowid`:
        the unary plus keeps SQLite from handing the list to FTS5, which would re-run the match
        once per id): the hidden articles when the scope says which (usually a few), else the
        visible ones. `params` fill `select` first, then `tail`.
        """
        negate, ids = scope.ids
        if ids is None and not negate:
            return []
        where, ids_params = "", ()
        if ids is not None:
            where = f" AND +rowid {'NOT IN' if negate else 'IN'} ({ids[0]})"
            ids_params = ids[1]
        sql = (
            f"SELECT {select} FROM articles_article_search "
            f"WHERE articles_article_search MATCH %s{where}{tail}"
        )
        select_count = select.count("%s")
        params = [
            *params[:select_count],
            self.tier_match(query, tier),
            *ids_params,
            *params[select_count:],
        ]
        with connections[scope.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self, scope, query, tier=None, limit=None):
        if limit is not None:
            return len(self._execute(scope, "1", query, tier, " LIMIT %s", (limit,)))
        return self._execute(scope, "count(*)", query, tier)[0][0]

    def ranked(self, scope, query, tier, start, stop):
        """[(pk, rank)] of this slice of one tier's matches, best first."""
        weights = ", ".join(str(weight) for weight in self.WEIGHTS)
        return self._execute(
            scope,
            f"rowid, -bm25(articles_article_search, {weights}) AS score",
            query,
            tier,
            " ORDER BY score DESC, rowid LIMIT %s OFFSET %s",
            (stop - start, start),
        )

    def snippets(self, pks, query):
        """(pk, body snippet, highlighted lede) of these articles."""
        return self._execute(
            Scope(Article.objects.filter(pk__in=pks)),
            "rowid, snippet(articles_article_search, 3, %s, %s, %s, 32), "
            "highlight(articles_article_search, 2, %s, %s)",
            query,
            None,
            params=(START, STOP, "…", START, STOP),
        )

    def closest_word(self, word, lexicon):
        matches = difflib.get_close_matches(word, lexicon.candidates(word), n=1, cutoff=0.75)
        return matches[0] if matches else None


class PostgresBackend:
    CONFIG = "english"
    # SearchRank weights for D, C (body), B (tags, summary), A (title): far enough apart that
    # many mentions in the body never outrank one in the title.
    WEIGHTS = [0.02, 0.1, 0.4, 1.0]
    TRIGRAM_THRESHOLD = 0.3

    # Count, ranking and snippets are raw SQL made from the parsed query (as on SQLite):
    # building and compiling a Django queryset for each was about half of a search. Reader
    # text only ever goes in as parameters.
    ARTICLE = '"articles_article"'

    def tsquery(self, query, function="websearch_to_tsquery"):
        """(SQL, params) of the tsquery of `query`: a phrase of every clause, no excluded one."""

        def phrase_query(phrase):
            text = phrase[0] if len(phrase) == 1 else '"' + " ".join(phrase) + '"'
            return f"{function}(%s::regconfig, %s)", [self.CONFIG, text]

        def combine(parts, operator):
            sql, params = parts[0]
            for more_sql, more_params in parts[1:]:
                sql, params = f"({sql} {operator} {more_sql})", params + more_params
            return sql, params

        def any_of(phrases):
            return combine([phrase_query(p) for p in phrases], "||")

        sql, params = combine([any_of(clause) for clause in query.clauses], "&&")
        if query.excluded:
            excluded, more = any_of(query.excluded)
            sql, params = f"({sql} && !!({excluded}))", params + more
        return sql, params

    def condition(self, query, tier=None):
        """(SQL, params) of the WHERE condition for one tier of `query`'s matches."""
        wanted, wanted_params = self.tsquery(Query(query.text, query.clauses))
        whole, whole_params = self.tsquery(query)
        head, vector = f"{self.ARTICLE}.search_head", f"{self.ARTICLE}.search_vector"
        if tier == HEAD:
            sql, params = f"{head} @@ {wanted}", wanted_params
            if query.excluded:  # An excluded word counts wherever it is, the body included.
                sql, params = f"{sql} AND {vector} @@ {whole}", params + whole_params
            return sql, params
        sql, params = f"{vector} @@ {whole}", whole_params
        if tier is None:
            return sql, params
        some, some_params = self.tsquery(Query(query.text, (query.phrases,)))
        if tier == PARTIAL:
            return (
                f"{sql} AND {head} @@ {some} AND NOT ({head} @@ {wanted} AND {head} IS NOT NULL)",
                params + some_params + wanted_params,
            )
        return f"{sql} AND NOT ({head} @@ {some} AND {head} IS NOT NULL)", params + some_params

    def scoped(self, scope, query, tier):
        """(SQL, params): `FROM` the scope's articles `WHERE` they match this tier."""
        base = scope.__dict__.get("postgres_from")
        if base is None:
            queryset = scope.queryset.order_by().values("pk")
            try:
                sql, params = queryset.query.get_compiler(scope.db).as_sql()
            except EmptyResultSet:
                sql, params = f"SELECT 1 FROM {self.ARTICLE} WHERE FALSE", ()
            sql = sql[sql.index(" FROM ") :]
            base = scope.postgres_from = (sql, tuple(params), " WHERE " in sql)
        sql, params, has_where = base
        condition, condition_params = self.condition(query, tier)
        glue = " AND " if has_where else " WHERE "
        return f"{sql}{glue}({condition})", [*params, *condition_params]

    def _fetch(self, db, sql, params):
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self, scope, query, tier=None, limit=None):
        found, params = self.scoped(scope, query, tier)
        sql = f"SELECT COUNT(*) FROM (SELECT 1{found}"
        if limit is not None:
            sql, params = sql + " LIMIT %s", [*params, limit]
        sql += ") subquery"
        if tier is not None:
            return self._fetch(scope.db, sql, params)[0][0]
        # Most articles match a common word, so the planner would read the rows in turn (or,
        # counting to a limit, by the status index), and with each its stored vector (TOASTed:
        # fetched and decompressed), about 10 µs apiece. The GIN index's bitmap answers plain
        # words without reading any vector: ask for it, for this statement only. The block is
        # rolled back, which undoes the settings even inside a caller's transaction.
        with transaction.atomic(using=scope.db), connections[scope.db].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), "
                "set_config('enable_indexscan', 'off', true)"
            )
            cursor.execute(sql, params)
            transaction.set_rollback(True, using=scope.db)
            return cursor.fetchone()[0]

    def ranked(self, scope, query, tier, start, stop):
        """[(pk, rank)] of this slice of one tier's matches, best first."""
        # Ranked by what was asked for only: ts_rank counts a NOT operand against a match.
        wanted, wanted_params = self.tsquery(Query(query.text, query.clauses))
        vector = "search_head" if tier == HEAD else "search_vector"
        found, params = self.scoped(scope, query, tier)
        sql = (
            f"SELECT {self.ARTICLE}.id, ts_rank((%s::float8[])::float4[], "
            f"{self.ARTICLE}.{vector}, {wanted}) AS rank{found} "
            "ORDER BY 2 DESC, 1 ASC LIMIT %s OFFSET %s"
        )
        params = [self.WEIGHTS, *wanted_params, *params, stop - start, start]
        return [(pk, rank) for pk, rank in self._fetch(scope.db, sql, params)]

    # ts_headline parses and stems every word of the text it is given, about 0.15 ms a
    # kilobyte, so it is given a window of the body: from a word shortly before the first place
    # one of the query's phrases seems to begin (`word_pattern`, a hint only), or the opening
    # when none does. A whole body is parsed only when its window holds none of the phrases
    # (the hint missed, say a stem the pattern does not know) but the body does.
    WINDOW, WINDOW_BEFORE = 400, 100

    def snippets(self, pks, query):
        db = Article.objects.db
        compose = connections[db].ops.compose_sql
        options = {"StartSel": START, "StopSel": STOP}
        body = compose(
            ", ".join(f"{name}=%s" for name in [*options, "MaxWords", "MinWords"]),
            [*options.values(), 32, 16],
        )
        lede = compose(
            ", ".join(f"{name}=%s" for name in [*options, "HighlightAll"]),
            [*options.values(), True],
        )
        # Any of the phrases, as FTS5's snippet() marks them: a window, or a whole body, may
        # hold some of the query's words and not all, and those are still worth showing.
        any_phrase = Query(query.text, (tuple(dict.fromkeys(query.phrases)),))
        search_query, query_params = self.tsquery(any_phrase)

        def headline(text, text_params, option_text):
            sql = f"ts_headline(%s::regconfig, translate({text}, %s, %s), {search_query}, %s)"
            return sql, [self.CONFIG, *text_params, MARKUP, MASKED, *query_params, option_text]

        body_text = f"{self.ARTICLE}.body_text"
        window, window_params = headline(
            f"substr({body_text}, hint.start, %s)", [self.WINDOW], body
        )
        summary, summary_params = headline(f"{self.ARTICLE}.summary", [], lede)
        # The window starts after the first space from WINDOW_BEFORE characters before the
        # hint (`back`), so at a whole word: a second regular expression for a word start would
        # cost as much as the first. No hint, or one near the opening: the opening.
        rows = self._fetch(
            db,
            f"SELECT id, {window}, {summary} FROM {self.ARTICLE}, LATERAL (SELECT CASE "
            f"WHEN back > 0 THEN back + strpos(substr({body_text}, back, %s), ' ') ELSE 1 END "
            f"AS start FROM (SELECT regexp_instr({body_text}, %s, 1, 1, 0, 'i') - %s AS back) "
            "AS found) AS hint WHERE id = ANY(%s)",
            [
                *window_params,
                *summary_params,
                self.WINDOW_BEFORE,
                word_pattern(query),
                self.WINDOW_BEFORE,
                list(pks),
            ],
        )
        later = [pk for pk, snippet, _ in rows if START not in snippet]
        found = {}
        if later:
            # Only bodies with one of the words somewhere (their C-weighted lexemes say so,
            # without parsing the text): for the others the lede is shown anyway.
            words = {word for phrase in query.phrases for word in phrase}
            any_word, word_params = self.tsquery(
                Query(query.text, (tuple((word,) for word in words),)), "plainto_tsquery"
            )
            whole, whole_params = headline(body_text, [], body)
            found = dict(
                self._fetch(
                    db,
                    f"SELECT id, {whole} FROM {self.ARTICLE} WHERE id = ANY(%s) "
                    f"AND ts_filter({self.ARTICLE}.search_vector, '{{c}}') @@ {any_word}",
                    [*whole_params, later, *word_params],
                )
            )
        return [(pk, found.get(pk, snippet), lede) for pk, snippet, lede in rows]

    def closest_word(self, word, lexicon):
        candidates = lexicon.candidates(word)
        if not candidates:
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT candidate FROM unnest(%s::text[]) AS candidate "
                "WHERE similarity(candidate, %s) >= %s "
                "ORDER BY similarity(candidate, %s) DESC, candidate LIMIT 1",
                [candidates, word, self.TRIGRAM_THRESHOLD, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None


def backend(using="default"):
    return PostgresBackend() if connections[using].vendor == "postgresql" else SQLiteBackend()


# --- The PostgreSQL search vector -----------------------------------------------------------


def search_vectors():
    """(head, whole): the small vector of title (A), tags and summary (B), and the whole one,
    which adds the body text (C)."""
    tag_names = Subquery(
        TaggedArticle.objects.filter(content_object=OuterRef("pk"))
        .values("content_object")
        .annotate(names=StringAgg("tag__name", delimiter=" "))
        .values("names")
    )
    config = PostgresBackend.CONFIG

    def text(expression):
        # PostgreSQL's parser skips "<tag>"-like text and what a <script> holds; FTS5 indexes
        # those words, and so must we, so "<" and ">" are read as spaces.
        expression = F(expression) if isinstance(expression, str) else expression
        return Func(expression, Value("<>"), Value("  "), function="translate", output_field=TEXT)

    head = SearchVector(text("title"), weight="A", config=config) + SearchVector(
        text(tag_names), text("summary"), weight="B", config=config
    )
    return head, head + SearchVector(text("body_text"), weight="C", config=config)


def search_vector():
    return search_vectors()[1]


def update_search_vectors(queryset):
    """Recompute the stored vectors of these articles (PostgreSQL; SQLite's triggers do it)."""
    if connections[queryset.db].vendor == "postgresql":
        head, whole = search_vectors()
        queryset.update(search_vector=whole, search_head=head)


def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        update_search_vectors(Article.objects.filter(pk=instance.pk))
    forget_lexicon()


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if not reverse:
        if action != "pre_clear":
            update_search_vectors(Article.objects.filter(pk=instance.pk))
    elif action == "pre_clear":
        instance._kb_search_articles = list(instance.tagged_articles.values_list("content_object"))
    else:
        pks = pk_set if action != "post_clear" else getattr(instance, "_kb_search_articles", [])
        update_search_vectors(Article.objects.filter(pk__in=pks))
    forget_lexicon()


def _tag_saved(sender, instance, **kwargs):
    update_search_vectors(Article.objects.filter(tags=instance))
    forget_lexicon()


def _tag_deleting(sender, instance, **kwargs):
    instance._kb_search_articles = list(
        TaggedArticle.objects.filter(tag=instance).values_list("content_object", flat=True)
    )


def _tag_deleted(sender, instance, **kwargs):
    update_search_vectors(Article.objects.filter(pk__in=instance._kb_search_articles))
    forget_lexicon()


def _repair_sqlite_triggers(sender, using="default", **kwargs):
    """After every migrate: put back SQLite's full-text triggers if a migration's table rebuild
    dropped them (see migration 0003), so no future migration has to remember to."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    fts = importlib.import_module("articles.migrations.0003_full_text_search")
    with connection.cursor() as cursor:
        names = ["articles_article_search", *fts.SQLITE_TRIGGERS]
        cursor.execute(
            f"SELECT name FROM sqlite_master WHERE name IN ({', '.join(['%s'] * len(names))})",
            names,
        )
        present = {name for (name,) in cursor.fetchall()}
        # No index (migrated back before 0003), or all there: nothing to do.
        if names[0] not in present or present == set(names):
            return
        with transaction.atomic(using=using):
            fts.restore_sqlite_triggers(cursor.execute)


def connect_signals():
    """Called from ArticlesConfig.ready()."""
    post_migrate.connect(
        _repair_sqlite_triggers,
        sender=apps.get_app_config("articles"),
        dispatch_uid="kb_search_sqlite_triggers",
    )
    post_save.connect(_article_saved, sender=Article, dispatch_uid="kb_search_article_saved")
    m2m_changed.connect(
        _tags_changed, sender=Article.tags.through, dispatch_uid="kb_search_article_tags"
    )
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid="kb_search_tag_saved")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid="kb_search_tag_deleting")
    post_delete.connect(_tag_deleted, sender=Tag, dispatch_uid="kb_search_tag_deleted")
    for model in (Article, Section, GlossaryTerm, Author):
        uid = f"kb_search_lexicon_{model._meta.label_lower}"
        post_delete.connect(forget_lexicon, sender=model, dispatch_uid=uid + "_deleted")
    for model in (Section, GlossaryTerm, Author):
        uid = f"kb_search_lexicon_{model._meta.label_lower}"
        post_save.connect(forget_lexicon, sender=model, dispatch_uid=uid + "_saved")


# --- Searching --------------------------------------------------------------------------------


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


def _stem(word):
    for suffix in ("ies", "ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def word_pattern(query):
    """A PostgreSQL regular expression for where one of `query`'s phrases seems to begin: its
    words in turn, each as a stem starting a word. (Words are letters and digits only, see
    words_of: nothing in them needs escaping.)"""
    phrases = (r"\W+".join(_stem(word) + r"\w*" for word in phrase) for phrase in query.phrases)
    return r"\m(?:" + "|".join(phrases) + ")"


def highlight_words(text, query):
    """Safe HTML of `text` with the query's words marked; for short texts outside the index."""
    stems = {_stem(word) for phrase in query.phrases for word in phrase}
    parts, last = [], 0
    for match in _WORD.finditer(text):
        token = match.group().casefold()
        if any(token.startswith(stem) for stem in stems):
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def _contains_phrase(phrase, texts, word_start=False):
    """Whether any of these (case-folded) texts holds the phrase; one word may end anyhow
    ("roadmaps" finds "roadmap"); with `word_start`, only at the start of a word."""
    needle = " ".join(_stem(word) if len(phrase) == 1 else word for word in phrase)
    if word_start:
        return any(text.startswith(needle) or " " + needle in text for text in texts)
    return any(needle in text for text in texts)


def text_matches(query, texts, word_start=False):
    """Whether these short case-folded texts (a term and its aliases, a name) match `query`:
    a phrase of every clause, no excluded phrase."""
    return all(
        any(_contains_phrase(phrase, texts, word_start) for phrase in clause)
        for clause in query.clauses
    ) and not any(_contains_phrase(phrase, texts, word_start) for phrase in query.excluded)


def correct(query, lexicon, using="default"):
    """The query with unknown words replaced by the nearest known ones, or None."""
    engine = backend(using)
    changed = False
    clauses = []
    for clause in query.clauses:
        alternatives = []
        for phrase in clause:
            fixed = tuple(
                (engine.closest_word(word, lexicon) or word)
                if len(word) > 3 and word not in lexicon.words
                else word
                for word in phrase
            )
            changed |= fixed != phrase
            alternatives.append(fixed)
        clauses.append(tuple(alternatives))
    if not changed:
        return None
    return expand(Query(query.text, tuple(clauses), query.excluded), lexicon)


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


# --- Suggestions as you type ---------------------------------------------------------------


def suggest(text, limit=8):
    """A few published glossary terms and titles with words starting with what was typed.

    Looked up in the cached lexicon, then checked against the database in one query, so a
    title unpublished since the lexicon was built is never offered.
    """
    text = clean(text, 100)
    words = list(words_of(text))[:4]
    if not words or len(text) < 2:
        return []
    prefix = name_key(words) or " ".join(words)
    lex = lexicon()
    suggestions = []
    term_ids = sorted({pk for name, pk in lex.names.items() if name.startswith(prefix)})
    if term_ids:
        terms = GlossaryTerm.objects.published().filter(pk__in=term_ids[:20]).order_by("term")
        for term in terms[:3]:
            suggestions.append(
                {"kind": "Glossary term", "title": term.term, "url": term.get_absolute_url()}
            )
    candidates = [lex.titles[i][0] for i in lex.titles_starting(words, limit * 2)]
    if candidates:
        published = (
            Article.objects.published()
            .filter(pk__in=candidates)
            .select_related("section")
            .only("title", "slug", "section__slug", "section__title", "section__position")
        )
        by_pk = {article.pk: article for article in published}
        for pk in candidates:
            article = by_pk.get(pk)
            if article is None or len(suggestions) >= limit:
                continue
            suggestions.append(
                {
                    "kind": "Article",
                    "title": article.title,
                    "url": article.get_absolute_url(),
                    "chapter": str(article.section),
                }
            )
    return suggestions


# --- Searches that found nothing --------------------------------------------------------------


def normalise_missed(text):
    return " ".join(unicodedata.normalize("NFKC", clean(text)).casefold().split())[
        : MissedSearch.MAX_LENGTH
    ]


def record_missed(text):
    """Count a search that found nothing; one row per normalised query."""
    query = normalise_missed(text)
    if not query:
        return
    now = timezone.now()
    missed = MissedSearch.objects.filter(query=query)
    if missed.update(count=F("count") + 1, last_seen=now):
        return
    try:
        with transaction.atomic():
            MissedSearch.objects.create(query=query, last_seen=now)
    except IntegrityError:  # created by a simultaneous request
        missed.update(count=F("count") + 1, last_seen=now)
