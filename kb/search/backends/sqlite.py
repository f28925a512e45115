"""SQLite: the FTS5 table `articles_article_search`, written by triggers.

The table holds each article's title, tags, summary and body text (porter stemming), no status:
matches are checked against the published articles (or, cheaper, against the few unpublished
ones), ranked by bm25 with column weights, the head being FTS5's column filter
`{title tags summary}`; `snippet()` makes the page's snippets; difflib finds the word a typo
meant. The table and its triggers are made by migration articles/0003 (which keeps its own
copy of this SQL); after any migrate, `repair_triggers` puts back triggers that a table
rebuild dropped.
"""

import difflib

from django.db import connections, transaction

from articles.models import Article
from kb.search.backends.base import HEAD, PARTIAL, START, STOP, Scope, compiled
from kb.search.query import Query

TABLE = "articles_article_search"

# Every write (save, delete, bulk update, bulk_create, tag added or removed) is followed; a tag
# renamed is followed by the background job kb/search/tasks.py (`reindex` below).
TAGS_OF = """(SELECT coalesce(group_concat(t.name, ' '), '') FROM articles_taggedarticle ta
    JOIN articles_tag t ON t.id = ta.tag_id WHERE ta.content_object_id = {article})"""
TRIGGERS = {
    "articles_article_search_insert": f"""
    CREATE TRIGGER articles_article_search_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_article_search(rowid, title, tags, summary, body)
        VALUES (new.id, new.title, {TAGS_OF.format(article="new.id")}, new.summary, new.body_text);
    END""",
    "articles_article_search_update": """
    CREATE TRIGGER articles_article_search_update AFTER UPDATE OF title, summary, body_text
        ON articles_article
        WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary
            OR old.body_text IS NOT new.body_text
    BEGIN
        UPDATE articles_article_search SET title = new.title, summary = new.summary,
            body = new.body_text WHERE rowid = new.id;
    END""",
    "articles_article_search_delete": """
    CREATE TRIGGER articles_article_search_delete AFTER DELETE ON articles_article BEGIN
        DELETE FROM articles_article_search WHERE rowid = old.id;
    END""",
    "articles_article_search_tag_added": f"""
    CREATE TRIGGER articles_article_search_tag_added AFTER INSERT ON articles_taggedarticle
    BEGIN
        UPDATE articles_article_search SET tags = {TAGS_OF.format(article="new.content_object_id")}
        WHERE rowid = new.content_object_id;
    END""",
    "articles_article_search_tag_removed": f"""
    CREATE TRIGGER articles_article_search_tag_removed AFTER DELETE ON articles_taggedarticle
    BEGIN
        UPDATE articles_article_search SET tags = {TAGS_OF.format(article="old.content_object_id")}
        WHERE rowid = old.content_object_id;
    END""",
}
FILL = f"""INSERT INTO articles_article_search(rowid, title, tags, summary, body)
    SELECT id, title, {TAGS_OF.format(article="articles_article.id")}, summary, body_text
    FROM articles_article"""


def repair_triggers(sender, using="default", **kwargs):
    """post_migrate: put back the full-text triggers if a migration's table rebuild dropped
    them, and refill the index from the articles, so no future migration has to remember to.
    (Django's SQLite backend rebuilds a table to alter it, which drops the table's triggers.)"""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    names = [TABLE, *TRIGGERS]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name FROM sqlite_master WHERE name IN ({', '.join(['%s'] * len(names))})",
            names,
        )
        present = {name for (name,) in cursor.fetchall()}
        # No index (migrated back before articles/0003), or all there: nothing to do.
        if TABLE not in present or present == set(names):
            return
        with transaction.atomic(using=using):
            for name, create in TRIGGERS.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(create)
            cursor.execute(f"DELETE FROM {TABLE}")
            cursor.execute(FILL)


def fts5_string(phrase):
    """An FTS5 string literal: always quoted, quotes doubled. Several words make a phrase."""
    return '"' + " ".join(phrase).replace('"', '""') + '"'


class SQLiteBackend:
    # bm25 weights for the FTS5 columns title, tags, summary, body.
    WEIGHTS = (20.0, 6.0, 6.0, 1.0)
    HEAD_COLUMNS = "{title tags summary}"

    def reindex(self, article_ids, using="default"):
        """Rewrite the tags of these articles in the index (their tags' names changed)."""
        ids = list(article_ids)
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET tags = {TAGS_OF.format(article=f'{TABLE}.rowid')} "
                f"WHERE rowid IN ({', '.join(['%s'] * len(ids))})",
                ids,
            )

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

    def ids(self, scope):
        """(negated, SQL and params of the ids to check matches against, or None if none)."""
        if "sqlite_ids" not in scope.memo:
            negated = scope.hidden is not None
            ids = compiled(scope.hidden() if negated else scope.queryset)
            scope.memo["sqlite_ids"] = (negated, ids)
        return scope.memo["sqlite_ids"]

    def _execute(self, scope, select, query, tier, tail="", params=()):
        """Rows of `SELECT <select> FROM` the full-text rows matching `query` in `scope`.

        The full-text table drives the query, checked against a list of article ids (`+rowid`:
        the unary plus keeps SQLite from handing the list to FTS5, which would re-run the match
        once per id): the hidden articles when the scope says which (usually a few), else the
        visible ones. `params` fill `select` first, then `tail`.
        """
        negate, ids = self.ids(scope)
        if ids is None and not negate:
            return []
        where, ids_params = "", ()
        if ids is not None:
            where = f" AND +rowid {'NOT IN' if negate else 'IN'} ({ids[0]})"
            ids_params = ids[1]
        sql = f"SELECT {select} FROM {TABLE} WHERE {TABLE} MATCH %s{where}{tail}"
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
            f"rowid, -bm25({TABLE}, {weights}) AS score",
            query,
            tier,
            " ORDER BY score DESC, rowid LIMIT %s OFFSET %s",
            (stop - start, start),
        )

    def snippets(self, pks, query):
        """(pk, body snippet, highlighted lede) of these articles."""
        return self._execute(
            Scope(Article.objects.filter(pk__in=pks)),
            f"rowid, snippet({TABLE}, 3, %s, %s, %s, 32), highlight({TABLE}, 2, %s, %s)",
            query,
            None,
            params=(START, STOP, "…", START, STOP),
        )

    def closest_word(self, word, lexicon):
        matches = difflib.get_close_matches(word, lexicon.candidates(word), n=1, cutoff=0.75)
        return matches[0] if matches else None
