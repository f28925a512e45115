"""PostgreSQL: stored, weighted search vectors kept by the database, raw SQL per search.

Each article has a `search_vector` (title A, tags and summary B, body text C) and a small
`search_head` (title A, tags and summary B), each with a GIN index. Both are written by the
triggers below, so every write path (save, `update()`, `bulk_create`, raw SQL, a tag added or
removed) leaves them fresh; a tag renamed has its articles re-indexed by a background job
(kb/search/tasks.py, through `reindex`). Searches use
`websearch_to_tsquery('english', ...)` per phrase, `ts_rank` for order and `ts_headline` for
the current page's snippets only, in raw SQL made once per search from the parsed query (reader
text only as parameters); pg_trgm finds the word a typo meant.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, transaction
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from articles.models import Article
from kb.search.backends.base import HEAD, MARKUP, MASKED, PARTIAL, START, STOP
from kb.search.query import Query, stem

# The search vectors, written once: here. Migration search/0002 keeps a frozen copy. A tag
# added or removed touches the articles concerned (search_vector = NULL), which has the article
# trigger recompute them; a tag renamed has the background job kb/search/tasks.py do the same,
# a batch at a time (search/0003 dropped its trigger: a tag on thousands of articles made the
# rename re-index them all inside the editor's request). PostgreSQL's parser skips "<tag>"-like
# text and what a <script> holds; FTS5 indexes those words, and so must we, so "<" and ">" are
# read as spaces.
TRIGGERS_SQL = """
CREATE OR REPLACE FUNCTION articles_article_search_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_head :=
        setweight(to_tsvector('english', translate(coalesce(NEW.title, ''), '<>', '  ')), 'A')
        || setweight(to_tsvector('english', translate(coalesce((
            SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM articles_taggedarticle ta
            JOIN articles_tag t ON t.id = ta.tag_id WHERE ta.content_object_id = NEW.id), '')
            || ' ' || coalesce(NEW.summary, ''), '<>', '  ')), 'B');
    NEW.search_vector := NEW.search_head || setweight(
        to_tsvector('english', translate(coalesce(NEW.body_text, ''), '<>', '  ')), 'C');
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION articles_article_search_tags_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE articles_article SET search_vector = NULL
        WHERE id IN (SELECT content_object_id FROM added);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE articles_article SET search_vector = NULL
        WHERE id IN (SELECT content_object_id FROM removed);
    ELSE
        UPDATE articles_article SET search_vector = NULL WHERE id IN (
            SELECT content_object_id FROM added UNION SELECT content_object_id FROM removed);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER articles_article_search_insert BEFORE INSERT ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_write();
-- A save() writes every column: the vectors are remade only when the searched text changed,
-- or when a stale or empty vector is written (a tag change, an instance loaded before one).
CREATE TRIGGER articles_article_search_update
    BEFORE UPDATE OF title, summary, body_text, search_vector, search_head ON articles_article
    FOR EACH ROW WHEN (
        NEW.search_vector IS NULL OR NEW.search_head IS NULL
        OR OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
        OR OLD.body_text IS DISTINCT FROM NEW.body_text
        OR OLD.search_vector IS DISTINCT FROM NEW.search_vector
        OR OLD.search_head IS DISTINCT FROM NEW.search_head)
    EXECUTE FUNCTION articles_article_search_write();
CREATE TRIGGER articles_article_search_tag_added AFTER INSERT ON articles_taggedarticle
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
CREATE TRIGGER articles_article_search_tag_removed AFTER DELETE ON articles_taggedarticle
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
CREATE TRIGGER articles_article_search_tag_moved AFTER UPDATE ON articles_taggedarticle
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
"""


class PostgresBackend:
    CONFIG = "english"  # the text search configuration of the triggers above
    # SearchRank weights for D, C (body), B (tags, summary), A (title): far enough apart that
    # many mentions in the body never outrank one in the title.
    WEIGHTS = [0.02, 0.1, 0.4, 1.0]
    TRIGRAM_THRESHOLD = 0.3

    # The match conditions, ranks and snippets are SQL made from the parsed query (as on
    # SQLite), added to the scope's queryset as RawSQL; reader text only ever goes in as
    # parameters.
    ARTICLE = '"articles_article"'

    def reindex(self, article_ids, using="default"):
        """Recompute the search vectors of these articles (their tags' names changed)."""
        with connections[using].cursor() as cursor:
            cursor.execute(
                "UPDATE articles_article SET search_vector = NULL WHERE id = ANY(%s)",
                [list(article_ids)],
            )

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

    def matching(self, scope, query, tier):
        """The scope's articles matching this tier: its queryset with the condition added, so
        the planner sees one query of the article table, not a join of it with itself."""
        condition, params = self.condition(query, tier)
        return scope.queryset.filter(RawSQL(condition, params, output_field=BooleanField()))

    def count(self, scope, query, tier=None, limit=None):
        matches = self.matching(scope, query, tier).order_by().values("pk")
        if limit is not None:
            matches = matches[:limit]
        try:
            found, params = matches.query.get_compiler(scope.db).as_sql()
        except EmptyResultSet:
            return 0
        sql = f"SELECT COUNT(*) FROM ({found}) subquery"
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
        rank = RawSQL(
            f"ts_rank((%s::float8[])::float4[], {self.ARTICLE}.{vector}, {wanted})",
            [self.WEIGHTS, *wanted_params],
            output_field=FloatField(),
        )
        matches = self.matching(scope, query, tier).annotate(search_rank=rank)
        return list(
            matches.order_by("-search_rank", "pk").values_list("pk", "search_rank")[start:stop]
        )

    def _fetch(self, db, sql, params):
        with connections[db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

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


def word_pattern(query):
    """A PostgreSQL regular expression for where one of `query`'s phrases seems to begin: its
    words in turn, each as a stem starting a word. (Words are letters and digits only, see
    query.words_of: nothing in them needs escaping.)"""
    phrases = (r"\W+".join(stem(word) + r"\w*" for word in phrase) for phrase in query.phrases)
    return r"\m(?:" + "|".join(phrases) + ")"
