"""Reading what readers type: web-search syntax parsed into a `Query`.

Readers type words, `"exact phrases"`, `-excluded` words or phrases, and `or` between
alternatives (`roadmap or backlog`). `parse()` turns that text into a `Query`, a conjunction of
clauses, each clause a set of alternative phrases, plus excluded phrases. No reader text ever
reaches the database as syntax: each backend compiles the parsed words itself. A query naming a
glossary term or one of its aliases ("PRD") is expanded with the term's other names
("product requirements document"), looked up in the lexicon (kb/search/lexicon.py).
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200  # longer input is cut: nobody types more, and it bounds the work
MAX_PHRASES = 12
MAX_PHRASE_WORDS = 8

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

WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


def clean(text, limit=MAX_QUERY_CHARS):
    """Reader input made safe to handle: NFC, no control/format/private characters, capped."""
    text = unicodedata.normalize("NFC", str(text or "")[: limit * 4])
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())[:limit].strip()


def words_of(text):
    return tuple(word.casefold() for word in WORD.findall(text))


def name_key(words):
    """How a glossary name is recognised in a query: its words, common words left out."""
    return " ".join(word for word in words if word not in STOPWORDS)


def stem(word):
    """A rough stem, for matching outside the full-text index ("policies" -> "polic")."""
    for suffix in ("ies", "ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


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


def _contains_phrase(phrase, texts, word_start=False):
    """Whether any of these (case-folded) texts holds the phrase; one word may end anyhow
    ("roadmaps" finds "roadmap"); with `word_start`, only at the start of a word."""
    needle = " ".join(stem(word) if len(phrase) == 1 else word for word in phrase)
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
