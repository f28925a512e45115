"""Glossary term links: the last step of the Markdown pipeline, run over its sanitised HTML.

`Glossary(entries).link(safe_html)` links the first occurrence of each term (or one of its
aliases) to the term's page, with the term's short definition beside it for the tooltip.

- One matcher for every term and alias: a single regular expression compiled from a trie of the
  lower-cased phrases, so a page is scanned once whatever the size of the glossary (never a loop
  over terms). In the trie a longer phrase is tried before its prefix, so "product owner" wins
  over "product"; if the longer one is not a whole word there ("product owners" when only
  "product owner" is a phrase) the regex backtracks to the shorter one.
- Whole words: a match may not touch a letter, digit, underscore or hyphen on either side
  (Unicode-aware), so "PM" is not found in "NPM" or "PM-led", while terms that contain
  punctuation ("A/B test", "product-market fit", "C++") match as written. Case is ignored and
  any run of white space matches the space between two words of a phrase.
- Text only: a real HTML tokenizer (html.parser) walks the sanitised HTML; only text nodes are
  searched, never attributes (alt text, titles, URLs), and nothing inside headings, links, code,
  preformatted blocks, keyboard input or a <details> summary. Text without a link is copied
  through byte for byte.
- A term's later mentions stay plain, and still "use up" their words: "product" is not linked
  inside a second "product owner". Terms in `skip` (excluded by an editor, or the page's own
  term) are treated the same way: their words are never linked, not even to a shorter term.
- The definition is plain text, escaped into a hidden span the link names with
  aria-describedby: screen readers announce it as the link's description (with or without
  JavaScript), and static/kb/js/glossary.js shows the same span as the tooltip. Nothing in a
  definition can become markup.

Which terms take part, and when pages are linked, is glossary/linking.py's business.
"""

import html
import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

# Elements whose text is never linked.
SKIPPED_ELEMENTS = frozenset(
    {"a", "code", "pre", "kbd", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# A whole word may not touch a letter, digit, underscore or hyphen. For phrases starting with a
# word character `\b` says most of it and is the faster test.
_WORD_START = r"\b(?<!-)"
_ANY_START = r"(?<![\w-])"
_WORD_END = r"(?![\w-])"
_STARTS_WITH_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Entry:
    """One term as the linker sees it: where it links, what the tooltip says, its names."""

    id: int
    url: str
    definition: str
    phrases: tuple


@dataclass(frozen=True)
class Linked:
    html: str
    term_ids: tuple = ()  # the terms linked, in order of their first link


def normalise(phrase):
    """The key a phrase (or a matched piece of text) is looked up by."""
    return " ".join(phrase.split()).lower()


def _trie_pattern(phrases):
    """A regex matching any of `phrases` (normalised), the longest first at each position."""
    trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True

    def pattern(node):
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a whole phrase ends here: the longer ones are tried first, then this
            return ("(?:" + body + ")" if len(branches) == 1 else body) + "?"
        return body

    return pattern(trie)


def _matcher(phrases):
    """One regex for every phrase, whole words only."""
    word_start = [phrase for phrase in phrases if _STARTS_WITH_WORD_CHAR.match(phrase)]
    other = [phrase for phrase in phrases if not _STARTS_WITH_WORD_CHAR.match(phrase)]
    branches = [
        start + "(?:" + _trie_pattern(group) + ")"
        for start, group in ((_WORD_START, word_start), (_ANY_START, other))
        if group
    ]
    return re.compile("(?:" + "|".join(branches) + ")" + _WORD_END)


class Glossary:
    """A set of terms compiled into one matcher; build once, link many pages."""

    def __init__(self, entries):
        self.entries = {}
        self.by_phrase = {}
        for entry in entries:
            self.entries[entry.id] = entry
            for phrase in entry.phrases:
                key = normalise(phrase)
                if key and key not in self.by_phrase:
                    self.by_phrase[key] = entry
        # Matched against lower-cased text (several times faster than re.IGNORECASE), except
        # in the rare text whose lower case has another length ("İ"): see _Walker.link_text.
        self.pattern = _matcher(self.by_phrase) if self.by_phrase else None

    @cached_property
    def pattern_ignoring_case(self):
        return re.compile(self.pattern.pattern, re.IGNORECASE)

    def __len__(self):
        return len(self.entries)

    def link(self, safe_html, skip=()):
        """Link the first mention of each term in sanitised HTML, except the terms in `skip`."""
        if self.pattern is None or not safe_html:
            return Linked(safe_html or "")
        walker = _Walker(self, frozenset(skip))
        walker.feed(safe_html)
        walker.close()
        return Linked("".join(walker.out), tuple(walker.linked))

    def terms_in(self, safe_html, skip=()):
        """The ids of the terms `link()` would link, in order, without building the HTML."""
        if self.pattern is None or not safe_html:
            return ()
        walker = _Walker(self, frozenset(skip), build=False)
        walker.feed(safe_html)
        walker.close()
        return tuple(walker.linked)


def link_markup(entry, text):
    tip = f"term-tip-{entry.id}"
    return (
        f'<a class="term-link" href="{html.escape(entry.url)}" aria-describedby="{tip}">'
        f"{html.escape(text, quote=False)}</a>"
        f'<span class="term-tip" id="{tip}" role="tooltip" hidden>'
        f"{html.escape(entry.definition, quote=False)}</span>"
    )


class _Walker(HTMLParser):
    """Copies sanitised HTML through, linking terms in the text nodes it may touch."""

    def __init__(self, glossary, skip, build=True):
        super().__init__(convert_charrefs=False)
        self.glossary = glossary
        self.build = build  # False: only find the terms
        self.skip = skip
        self.out = []
        self.linked = []
        self.done = set(skip)  # terms already linked, or never to be
        self.remaining = len(glossary.entries.keys() - skip)
        self.skipped_depth = 0  # how many skipped elements we are inside
        self.raw = []  # the current text node as written...
        self.text = []  # ...and as read

    def flush(self):
        if not self.raw:
            return
        raw = "".join(self.raw)
        if self.skipped_depth or not self.remaining or raw.isspace():
            linked = raw
        else:
            linked = self.link_text("".join(self.text), raw)
        if self.build:
            self.out.append(linked)
        self.raw.clear()
        self.text.clear()

    def link_text(self, text, raw):
        glossary = self.glossary
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = glossary.pattern.finditer(lowered)
        else:
            matches = glossary.pattern_ignoring_case.finditer(text)
        pieces = []
        start = 0
        for match in matches:
            found = match.group()
            entry = glossary.by_phrase.get(found) or glossary.by_phrase.get(normalise(found))
            if entry is None or entry.id in self.done:
                continue
            self.done.add(entry.id)
            self.linked.append(entry.id)
            self.remaining -= 1
            if not self.build:
                continue
            pieces.append(html.escape(text[start : match.start()], quote=False))
            pieces.append(link_markup(entry, text[match.start() : match.end()]))
            start = match.end()
        if not pieces:
            return raw
        pieces.append(html.escape(text[start:], quote=False))
        return "".join(pieces)

    def handle_starttag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())
        if tag in SKIPPED_ELEMENTS:
            self.skipped_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.flush()
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.flush()
        self.out.append(f"</{tag}>")
        if tag in SKIPPED_ELEMENTS and self.skipped_depth:
            self.skipped_depth -= 1

    def handle_data(self, data):
        self.raw.append(data)
        self.text.append(data)

    def handle_entityref(self, name):
        self.raw.append(f"&{name};")
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.raw.append(f"&#{name};")
        self.text.append(html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        self.flush()
        self.out.append(f"<!--{data}-->")

    def close(self):
        super().close()
        self.flush()
