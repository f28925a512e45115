"""What both backends share: the ranking tiers, the scope searched, the highlight markers."""

from django.core.exceptions import EmptyResultSet

# Ranking runs in tiers, so a common word never means ranking nearly every article: first the
# articles matching the whole query in their title, tags or summary (the "head"), ranked on
# those fields alone; then, only for pages reaching past them, those with some of the query's
# words in the head (PARTIAL, for queries of several words), then those matching in the body
# only, both ranked on all fields. A title, tag or summary match therefore always comes
# before a body-only match.
HEAD, PARTIAL, BODY = "head", "partial", "body"

# Snippet highlight sentinels: private-use characters, removed from readers' queries by clean().
# Headlines come back from the database as raw stored text, so they are escaped first and only
# then are the sentinels turned into <mark> elements (kb/search/results.py).
START, STOP = "\ue000", "\ue001"
# ts_headline treats "<...>" as HTML tags and drops them, so PostgreSQL's headlines are made
# from text with < > & swapped for private-use stand-ins, swapped back before escaping.
MARKUP, MASKED = "<>&", "\ue002\ue003\ue004"
UNMASK = str.maketrans(MASKED, MARKUP)


def tiers(query):
    # With one clause, a phrase of it in the head is a match of the whole query there.
    return (HEAD, PARTIAL, BODY) if len(query.clauses) > 1 else (HEAD, BODY)


class Scope:
    """The articles a search looks in: `queryset`, and optionally `hidden`, a function giving
    exactly the articles not in it, when those are far fewer (all published articles: the
    unpublished ones). Checking matches against the few is much cheaper than against the many.
    Only SQLite checks so, and it is called only then: building it costs a millisecond.

    `memo` keeps what a backend compiled from the scope, for the next query of the search."""

    def __init__(self, queryset, hidden=None):
        self.queryset, self.hidden = queryset, hidden
        self.db = queryset.db
        self.memo = {}


def compiled(queryset):
    """SQL and params of a queryset of primary keys, to use whole as a subquery (`IN (%s)`);
    None when it can match nothing."""
    try:
        return queryset.order_by().values("pk").query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:
        return None
