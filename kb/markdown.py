"""The one Markdown pipeline: every piece of Markdown in kb is turned into HTML here.

`render()` is the entry point. It parses CommonMark (plus GitHub tables, strikethrough,
autolinks, task lists and footnotes) with markdown-it-py, gives headings stable unique ids,
then sanitises the HTML with nh3 against an explicit allow-list. Models call it on save and
store the result; the admin's live preview calls it through `markdownify()`, so what an editor
previews is byte-for-byte what readers get.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from math import ceil
from urllib.parse import urlsplit

import nh3
from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.rules_inline import html_inline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

WORDS_PER_MINUTE = 230
# Longest Markdown source a field accepts: about 6,000 words, beyond a very long real article
# (5,000 words is some 33,000 characters; the demo guide's longest body is 4,530), and short
# enough that the worst input known renders in well under a second at this length
# (bench/markdown_worst.py; kb/tests/test_markdown_limits.py). The time grows linearly with it.
MAX_SOURCE_CHARS = 40_000
TOC_LEVELS = (2, 3)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "kbd", "li", "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "abbr": {"title"},
    # Only a fenced block's `language-*` class, for syntax highlighting: see _filter_attribute.
    "code": {"class"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "input": {"checked"},
    "li": {"id"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
# The classes our own extensions emit; anything else an author writes is dropped.
ALLOWED_CLASSES = {
    "a": {"footnote-backref"},
    "hr": {"footnotes-sep"},
    "li": {"footnote-item", "task-list-item"},
    "ol": {"footnotes-list"},
    "section": {"footnotes"},
    "sup": {"footnote-ref"},
    "td": {"text-left", "text-center", "text-right"},
    "th": {"text-left", "text-center", "text-right"},
    "ul": {"contains-task-list"},
    "input": {"task-list-item-checkbox"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "noopener nofollow"

# One class naming the language of a fenced code block (```python): never a second class.
_CODE_LANGUAGE = re.compile(r"language-\S+")


# Every id in rendered Markdown starts with this (nh3's id_prefix), as on GitHub, so nothing an
# author writes (a heading "Main", a footnote, raw `<a id="csrfmiddlewaretoken">`) can take
# the name of one of the page's own elements or globals (DOM clobbering). Links within the
# text ("#why", "#fn1") are given the prefix too, so they still reach what they point at.
ID_PREFIX = "user-content-"


def _filter_attribute(tag, attribute, value):
    """nh3's last word on each allowed attribute: a link to a place in the text points at its
    prefixed id, a <code> class must be one language name, and a class attribute left with no
    allowed class is dropped rather than kept empty."""
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        return value if value.startswith("#" + ID_PREFIX) else f"#{ID_PREFIX}{value[1:]}"
    if attribute != "class":
        return value
    if tag == "code":
        return value if _CODE_LANGUAGE.fullmatch(value) else None
    return " ".join(name for name in value.split() if name in ALLOWED_CLASSES.get(tag, ())) or None


_sanitiser = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript"},
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    # Task lists are the only source of inputs (_escape_raw_inputs): a checkbox that shows
    # state, which readers can neither tick nor submit. One forced attribute, not two, so the
    # output does not vary with nh3's hash order from one process to the next.
    tag_attribute_values={"input": {"type": {"checkbox"}}},
    set_tag_attribute_values={"input": {"disabled": ""}},
    link_rel=None,
    strip_comments=True,
    id_prefix=ID_PREFIX,
)

# nh3 serialises attributes double-quoted with quotes escaped, so these patterns are exact on
# its output (and only ever applied to it).
_ANCHOR_TAG = re.compile(r'<a((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>')
_HREF = re.compile(r'\shref="([^"]*)"')
# An <input> an author writes as raw HTML; the task-list checkboxes are added after this is
# escaped, so they are the only inputs the sanitiser ever sees.
_RAW_INPUT = re.compile(r"<(?=input)", re.IGNORECASE)
# The ids the footnote plugin gives notes and references (fn1, fnref1, fnref1:2).
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?\d+")
# What a browser ignores around a URL (C0 controls and space) and inside it (tab, newline).
_URL_EDGE = "".join(map(chr, range(0x21)))
_URL_IGNORED = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list = field(default_factory=list)
    text: str = ""

    @property
    def word_count(self):
        return len(self.text.split())

    @property
    def reading_time(self):
        """Whole minutes, at least one for any text at all."""
        return ceil(self.word_count / WORDS_PER_MINUTE) if self.word_count else 0


def heading_slug(title):
    return slugify(title, allow_unicode=True) or "section"


def _heading_title(inline):
    """A heading's words as plain text: what its id is made from and what the TOC shows."""
    words = []
    for child in inline.children or ():
        if child.type in ("text", "text_special", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return " ".join("".join(words).split())


def _heading_ids(state):
    """Every heading gets an id from its title: the same title gives the same id on every
    render, repeats get -1, -2..., and no heading takes a footnote's id."""
    taken = set()
    last_suffix = {}  # so a page of 10,000 "## Step" headings is not 50 million lookups
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open":
            continue
        base = slug = heading_slug(_heading_title(state.tokens[index + 1]))
        while slug in taken or _FOOTNOTE_ID.fullmatch(slug):
            last_suffix[base] = last_suffix.get(base, 0) + 1
            slug = f"{base}-{last_suffix[base]}"
        taken.add(slug)
        token.attrSet("id", slug)


def _escape_raw_inputs(state):
    """Show an author's raw <input> as text: only task lists put controls on a page. (The
    sanitiser allows <input> for their checkboxes, so it cannot tell an author's apart.)"""
    for token in state.tokens:
        if token.type == "html_block":
            token.content = _RAW_INPUT.sub("&lt;", token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                child.content = _RAW_INPUT.sub("&lt;", child.content)


# Raw HTML may open at most this many elements inside one another: far more than an article's
# <details>, <figure> or table needs. The sanitiser's HTML parser checks the elements open at
# every block tag, so 40,000 nested <div>s took it seconds; past the limit, raw HTML is shown
# as text. Counting the tags an author writes overestimates what a browser keeps open (it
# closes some by itself), never underestimates it.
MAX_HTML_NESTING = 32
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


def _bound_html_nesting(state):
    """Escape raw HTML from the tag that would open element MAX_HTML_NESTING + 1 on."""
    open_tags = []

    def bound(content):
        for tag in _HTML_TAG.finditer(content):
            name = tag.group(2).lower()
            if tag.group(1):
                if name in open_tags:  # a stray end tag closes nothing
                    while open_tags.pop() != name:
                        pass
            elif name not in _VOID_TAGS:
                if len(open_tags) == MAX_HTML_NESTING:
                    return content[: tag.start()] + html.escape(content[tag.start() :], False)
                open_tags.append(name)
        return content

    for token in state.tokens:
        if token.type == "html_block":
            token.content = bound(token.content)
        for child in token.children or ():
            if child.type == "html_inline":
                child.content = bound(child.content)


# A list item whose paragraph starts "[ ] " or "[x] " (GitHub's task lists).
_TASK_ITEM = re.compile(r"\[[ xX]][ \t\n\v\f\r]+")


def _task_lists(state):
    """Task list items get a checkbox, in one pass: mdit_py_plugins' tasklists walked back
    from each item to its list, so a list of 25,000 items took 45 seconds."""
    tokens, lists = state.tokens, []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif (
            token.type == "inline"
            and index >= 2
            and tokens[index - 1].type == "paragraph_open"
            and tokens[index - 2].type == "list_item_open"
            and _TASK_ITEM.match(token.content)
        ):
            checked = ' checked="checked"' if token.content[1] in "xX" else ""
            checkbox = Token("html_inline", "", 0)
            checkbox.content = (
                f'<input class="task-list-item-checkbox"{checked} disabled="disabled" '
                'type="checkbox">'
            )
            token.children.insert(0, checkbox)
            token.children[1].content = token.children[1].content[3:]
            token.content = token.content[3:]
            tokens[index - 2].attrSet("class", "task-list-item")
            lists[-1].attrSet("class", "contains-task-list")


def _table_alignment_to_classes(state):
    """Tables align cells with inline styles, which the sanitiser forbids: use classes."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrGet("style") or ""
            token.attrs.pop("style", None)
            if style.startswith("text-align:"):
                token.attrSet("class", "text-" + style.split(":", 1)[1])


# GitHub's extended autolinks (the GFM spec's "Autolinks (extension)"): bare http(s) URLs,
# www. addresses and e-mail addresses in text become links. kb finds them itself, with patterns
# that scan each text token once, rather than with markdown-it's linkify rules: its inline rule
# searches all the pending text at every "://", so `<http://` repeated took seconds per 10 KB.
# A URL starts a line, follows a space or one of * _ ~ ( and runs to the next space or "<".
_URL = re.compile(r"(?<![^\s*_~(])(?:https?://|www\.)[^\s<]*", re.IGNORECASE)
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*")
# The lookbehind lets an address start only where a run of its characters starts, so a long
# run is scanned once, not once for each of its characters.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TRAILING_PUNCTUATION = "?!.,:*_~"
_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;\Z")
_LONGEST_ENTITY = len("&CounterClockwiseContourIntegral;")
_HTML_LINK_OPEN = re.compile(r"<a[>\s]", re.IGNORECASE)
_HTML_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)


def _trim_url(url):
    """GFM's end of an autolink: trailing punctuation, an unmatched ")" and a trailing entity
    reference are left out of it. Linear: each step removes characters, none rescans."""
    unmatched = url.count(")") - url.count("(")
    while url:
        if url[-1] in _TRAILING_PUNCTUATION:
            url = url[:-1]
        elif url[-1] == ")" and unmatched > 0:
            url, unmatched = url[:-1], unmatched - 1
        elif url[-1] == ";" and (entity := _TRAILING_ENTITY.search(url[-_LONGEST_ENTITY:])):
            url = url[: -len(entity.group(0))]
        else:
            return url
    return url


def _valid_url(url):
    """A domain of dot-separated parts (a www. address needs two), no underscore in the
    last two."""
    host = url.split("://", 1)[1] if "://" in url else url
    domain = _DOMAIN.match(host)
    if domain is None:
        return False
    parts = domain.group(0).split(".")
    if url[:4].lower() == "www." and len(parts) < 2 or not all(parts):
        return False
    return not any("_" in part for part in parts[-2:])


def _autolinks(text):
    """(start, end, href) of each autolink in `text`, in order."""
    found = []
    for match in _URL.finditer(text):
        url = _trim_url(match.group(0))
        if _valid_url(url):
            href = url if "://" in url else f"http://{url}"
            found.append((match.start(), match.start() + len(url), href))
    for match in _EMAIL.finditer(text):
        address = match.group(0)
        if address[-1] not in "-_":
            found.append((match.start(), match.end(), f"mailto:{address}"))
    return sorted(found)  # an address inside a URL is dropped by _link_tokens


def _link_tokens(md, text, level, links):
    tokens, position = [], 0
    for start, end, url in links:
        href = md.normalizeLink(url)
        if start < position or not md.validateLink(href):
            continue
        if start > position:
            tokens.append(Token("text", "", 0, content=text[position:start], level=level))
        opening = Token("link_open", "a", 1, attrs={"href": href}, level=level)
        opening.markup, opening.info = "linkify", "auto"
        tokens.append(opening)
        tokens.append(Token("text", "", 0, content=text[start:end], level=level + 1))
        closing = Token("link_close", "a", -1, level=level)
        closing.markup, closing.info = "linkify", "auto"
        tokens.append(closing)
        position = end
    if position < len(text):
        tokens.append(Token("text", "", 0, content=text[position:], level=level))
    return tokens


def _autolink(state):
    """Link the bare URLs and addresses in text outside links, one pass over each inline."""
    for inline in state.tokens:
        if inline.type != "inline" or not inline.children:
            continue
        children, depth = [], 0
        for token in inline.children:
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            elif token.type == "html_inline":
                if _HTML_LINK_OPEN.match(token.content):
                    depth += 1
                elif _HTML_LINK_CLOSE.match(token.content):
                    depth = max(depth - 1, 0)
            elif token.type == "text" and depth == 0 and (links := _autolinks(token.content)):
                children.extend(_link_tokens(state.md, token.content, token.level, links))
                continue
            children.append(token)
        inline.children = children


def _html_inline_noting_offset(state, silent):
    """markdown-it's html_inline rule, noting where in the inline text each tag began, so
    without_html_comments() can find a comment in the source (and not its twin in a code span)."""
    start, count = state.pos, len(state.tokens)
    if not html_inline(state, silent):
        return False
    if not silent and len(state.tokens) > count:
        state.tokens[-1].meta["kb_offset"] = start
    return True


def _build_parser():
    parser = (
        MarkdownIt("commonmark", {"html": True, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
    )
    parser.inline.ruler.at("html_inline", _html_inline_noting_offset)
    parser.core.ruler.after("inline", "kb_autolinks", _autolink)
    parser.core.ruler.after("kb_autolinks", "kb_bound_html_nesting", _bound_html_nesting)
    parser.core.ruler.after("kb_bound_html_nesting", "kb_escape_raw_inputs", _escape_raw_inputs)
    parser.core.ruler.after("kb_escape_raw_inputs", "kb_task_lists", _task_lists)
    parser.core.ruler.push("kb_heading_ids", _heading_ids)
    parser.core.ruler.push("kb_table_alignment", _table_alignment_to_classes)
    return parser


_parser = _build_parser()


def _table_of_contents(tokens):
    return [
        {
            "level": int(token.tag[1]),
            "id": ID_PREFIX + token.attrGet("id"),  # as the sanitiser writes it
            "title": _heading_title(tokens[index + 1]),
        }
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and int(token.tag[1]) in TOC_LEVELS
    ]


def render_unsanitised(source):
    """The rendering stage alone: CommonMark HTML before sanitising, and its tokens.

    Public only so the conformance test can compare it with the specification.
    """
    env = {}
    tokens = _parser.parse(source, env)
    return _parser.renderer.render(tokens, _parser.options, env), tokens


# An HTML comment as browsers end one: at "-->", or at once for "<!-->" and "<!--->", or at the
# end of the text when it is never closed.
_HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:-->|\Z))", re.DOTALL)


def _comment_in_source(comment):
    """A comment from the parsed text as it sits in the source, where each new line may follow
    a blockquote's ">" or a list item's indentation."""
    return re.compile(r"\n[ \t>]*".join(map(re.escape, comment.split("\n"))))


def without_html_comments(source):
    """The Markdown source without the HTML comments that render() leaves out of the page.

    The parser says where the comments are (raw HTML blocks and inline raw HTML), so
    `<!-- ... -->` written inside a code span or a fenced or indented code block is kept: it is
    text readers see. A line that held nothing but comments goes with them (and a blank line
    next to it, so paragraphs stay one blank line apart).
    """
    tokens = _parser.parse(source or "", {})
    lines = (source or "").splitlines(keepends=True)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))
    spans = []
    cursor = 0  # inline tokens sharing lines (a table row's cells) are found left to right
    for token in tokens:
        if not token.map:
            continue
        start, end = line_starts[token.map[0]], line_starts[min(token.map[1], len(lines))]
        if token.type == "html_block":
            block = source[start:end]  # a comment left open ends with its block
            spans += [(start + m.start(), start + m.end()) for m in _HTML_COMMENT.finditer(block)]
        elif token.type == "inline":
            first_line = token.content.split("\n", 1)[0]
            anchor = source.find(first_line, max(start, cursor), end)
            anchor = start if anchor < 0 else anchor
            cursor = anchor + 1
            for child in token.children or ():
                if child.type != "html_inline" or not child.content.startswith("<!--"):
                    continue
                # The k-th time this text appears in the inline text is the k-th in the source.
                nth = token.content.count(child.content, 0, child.meta["kb_offset"])
                found = list(_comment_in_source(child.content).finditer(source, anchor, end))
                if nth < len(found):
                    spans.append(found[nth].span())
    return _cut(source or "", spans)


def _cut(source, spans):
    """`source` without `spans`, and without a line that held nothing else."""
    kept, position = [], 0
    for start, end in sorted(set(spans)):
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end < 0 else line_end
        if not source[line_start:start].strip() and not source[end:line_end].strip():
            start, end = max(line_start, position), min(line_end + 1, len(source))
            # and one of the blank lines around it, when there is one on each side
            after_blank = line_start == 0 or source.endswith("\n\n", 0, line_start)
            if after_blank and source.startswith("\n", end):
                end += 1
        if start < position:
            continue
        kept.append(source[position:start])
        position = end
    kept.append(source[position:])
    return "".join(kept)


def is_external(url):
    """Whether following the href leaves the site. Read as a browser reads it: controls and
    spaces around it and tabs or newlines inside it are ignored, and a backslash is a slash,
    so `/\\example.com` leaves the site just as `//example.com` does."""
    url = _URL_IGNORED.sub("", html.unescape(url).strip(_URL_EDGE)).replace("\\", "/")
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def _mark_external_links(sanitised):
    def add_rel(match):
        href = _HREF.search(match.group(0))
        if href and is_external(href.group(1)):
            return f'<a{match.group(1)} rel="{EXTERNAL_REL}">'
        return match.group(0)

    return _ANCHOR_TAG.sub(add_rel, sanitised)


def sanitise(unsafe_html):
    return _mark_external_links(_sanitiser.clean(unsafe_html))


class _TextExtractor(HTMLParser):
    """Sanitised HTML -> its words, a line per block and a blank line between paragraphs.

    Footnote markers ([1]) and back-links (↩) are left out: they are not words of the text.
    Only ever fed nh3's output, in which every element but the void ones is closed.
    """

    PARAGRAPHS = {
        "blockquote", "details", "div", "dl", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "ol", "p", "pre", "section", "table", "ul",
    }  # fmt: skip
    LINES = {"br", "dd", "dt", "figcaption", "li", "summary", "tr"}
    CELLS = {"td", "th"}
    VOID = {"br", "hr", "img", "input"}
    SKIPPED_CLASSES = {"footnote-ref", "footnote-backref"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.open = []
        self.skip_depth = None  # while inside a skipped element: how deep it is

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)
        if self.skip_depth is not None:
            return
        if self.SKIPPED_CLASSES.intersection((dict(attrs).get("class") or "").split()):
            self.skip_depth = len(self.open)
        elif tag in self.PARAGRAPHS:
            self.parts.append("\n\n")
        elif tag in self.LINES:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if self.skip_depth is not None and len(self.open) < self.skip_depth:
            self.skip_depth = None
        elif tag in self.PARAGRAPHS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.skip_depth is None:
            self.parts.append(data if "pre" in self.open else re.sub(r"\s+", " ", data))

    def text(self):
        lines = [" ".join(line.split()) for line in "".join(self.parts).splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def plain_text(safe_html):
    """The words of sanitised HTML, for search, word counts and reading times."""
    extractor = _TextExtractor()
    extractor.feed(safe_html)
    extractor.close()
    return extractor.text()


def render(source):
    """Markdown source -> Rendered(html, toc, text): safe HTML, headings, plain text."""
    rendered, tokens = render_unsanitised(source or "")
    safe_html = sanitise(rendered)
    return Rendered(html=safe_html, toc=_table_of_contents(tokens), text=plain_text(safe_html))


def markdownify(source):
    """markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION: the live preview."""
    return render(source).html
