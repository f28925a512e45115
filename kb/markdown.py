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
from math import ceil
from urllib.parse import urlsplit

import nh3
from django.utils.html import strip_tags
from django.utils.text import slugify
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

WORDS_PER_MINUTE = 230
# Longest Markdown source a field accepts: far beyond any real article, short of abuse.
MAX_SOURCE_CHARS = 200_000
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

_sanitiser = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript"},
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    # A task-list checkbox shows state; readers must not be able to tick it or submit it.
    set_tag_attribute_values={"input": {"type": "checkbox", "disabled": ""}},
    link_rel=None,
    strip_comments=True,
)

# nh3 serialises attributes double-quoted with quotes escaped, so these patterns are exact on
# its output (and only ever applied to it).
_ANCHOR_TAG = re.compile(r'<a((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>')
_HREF = re.compile(r'\shref="([^"]*)"')


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


def _table_alignment_to_classes(state):
    """Tables align cells with inline styles, which the sanitiser forbids: use classes."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrGet("style") or ""
            token.attrs.pop("style", None)
            if style.startswith("text-align:"):
                token.attrSet("class", "text-" + style.split(":", 1)[1])


def _build_parser():
    parser = (
        MarkdownIt("commonmark", {"html": True, "linkify": True, "typographer": False})
        .enable(["table", "strikethrough", "linkify"])
        .use(footnote_plugin)
        .use(tasklists_plugin)
        .use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_slug)
    )
    parser.core.ruler.push("kb_table_alignment", _table_alignment_to_classes)
    return parser


_parser = _build_parser()


def _table_of_contents(tokens):
    toc = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and int(token.tag[1]) in TOC_LEVELS:
            inline = tokens[index + 1]
            title = "".join(
                child.content
                for child in inline.children or ()
                if child.type in ("text", "code_inline")
            )
            toc.append({"level": int(token.tag[1]), "id": token.attrGet("id"), "title": title})
    return toc


def render_unsanitised(source):
    """The rendering stage alone: CommonMark HTML before sanitising, and its tokens.

    Public only so the conformance test can compare it with the specification.
    """
    env = {}
    tokens = _parser.parse(source, env)
    return _parser.renderer.render(tokens, _parser.options, env), tokens


def is_external(url):
    parts = urlsplit(html.unescape(url))
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


def plain_text(safe_html):
    return html.unescape(strip_tags(safe_html)).strip()


def render(source):
    """Markdown source -> Rendered(html, toc, text): safe HTML, headings, plain text."""
    rendered, tokens = render_unsanitised(source or "")
    safe_html = sanitise(rendered)
    return Rendered(html=safe_html, toc=_table_of_contents(tokens), text=plain_text(safe_html))


def markdownify(source):
    """markdownx's MARKDOWNX_MARKDOWNIFY_FUNCTION: the live preview."""
    return render(source).html
