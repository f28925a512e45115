"""What the site knows: glossary names, a vocabulary for typos, titles for suggestions.

The `Lexicon` is built from the published guide and cached (a version key in the cache, the
built object memoised per process). It expands queries naming a glossary term (query.expand),
finds the word a typo meant ("did you mean", `correct`), offers titles and terms as the reader
types (`suggest`), and picks the few glossary terms and authors a query may match, which the
database then checks. Any change to what it holds drops it (`forget_lexicon`, connected in
kb/search/apps.py); LEXICON_TTL bounds how late a scheduled article's title joins it.
"""

import bisect
import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache

from articles.models import Article, Section, Tag
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.search.backends import backend
from kb.search.query import STOPWORDS, Query, clean, expand, name_key, text_matches, words_of

LEXICON_TTL = 300  # seconds; also how late a scheduled article's title joins "did you mean"
LEXICON_VERSION_KEY = "kb:search:lexicon-version"


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


LEXICON_MODELS = (Article, Section, Tag, Author, GlossaryTerm)


def forget_lexicon(sender=None, **kwargs):
    """Drop the cached lexicon after a committed write to what it is made of (kb/changes.py's
    content_committed, which every write path ends in: saves, bulk actions, update(), tag
    renames, restores, imports). After commit, so that a lexicon rebuilt meanwhile by another
    request, from the rows as they were, does not outlive the change."""
    if sender is None or issubclass(sender, LEXICON_MODELS) or sender is Article.tags.through:
        cache.delete(LEXICON_VERSION_KEY)


# --- Did you mean ---------------------------------------------------------------------------


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
