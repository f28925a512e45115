"""kb's Markdown pipeline: what readers get from what editors write.

Safety is asserted on the parsed output (`forbidden_in`), tag by tag and attribute by
attribute, so a test fails on anything dangerous wherever it hides, not on a changed spelling.
"""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from kb.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_CLASSES,
    ALLOWED_TAGS,
    EXTERNAL_REL,
    ID_PREFIX,
    URL_SCHEMES,
    WORDS_PER_MINUTE,
    markdownify,
    render,
    sanitise,
    without_html_comments,
)

# Never acceptable in a reader's page, whatever the allow-list says.
DANGEROUS_TAGS = {
    "applet", "audio", "base", "basefont", "bgsound", "body", "button", "dialog", "embed",
    "form", "frame", "frameset", "head", "html", "iframe", "image", "isindex", "keygen", "link",
    "math", "meta", "noembed", "noframes", "noscript", "object", "option", "param", "plaintext",
    "portal", "script", "select", "source", "style", "svg", "template", "textarea", "title",
    "track", "video", "xmp",
}  # fmt: skip
URL_ATTRIBUTES = {
    "action", "archive", "background", "cite", "classid", "codebase", "data", "dynsrc",
    "formaction", "href", "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile",
    "src", "srcset", "usemap", "xlink:href",
}  # fmt: skip
# The attributes kb's pipeline sets itself, beyond the allow-list an author's HTML is held to.
PIPELINE_ATTRIBUTES = {"a": {"rel"}, "input": {"type", "disabled"}}
CODE_LANGUAGE = re.compile(r"language-\S+")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(url):
    """The scheme a browser would see: it ignores controls and spaces around the URL and tabs
    and newlines inside it. None for a relative URL."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = SCHEME.match(url)
    return match.group(1).lower() if match else None


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS or tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        allowed = (
            ALLOWED_ATTRIBUTES.get(tag, set())
            | PIPELINE_ATTRIBUTES.get(tag, set())
            | ({"class"} if tag in ALLOWED_CLASSES else set())
        )
        values = dict(attrs)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in {"style", "srcdoc"} or name not in allowed:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and url_scheme(value) not in URL_SCHEMES | {None}:
                self.problems.append(f"<{tag} {name}={value!r}> (URL)")
            if name == "class" and not self._allowed_classes(tag, value):
                self.problems.append(f"<{tag} class={value!r}>")
            if name == "rel" and value != EXTERNAL_REL:
                self.problems.append(f"<{tag} rel={value!r}>")
        if tag == "input" and (values.get("type") != "checkbox" or "disabled" not in values):
            self.problems.append(f"<input> that is not a disabled checkbox: {attrs}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def _allowed_classes(self, tag, value):
        if tag == "code":
            return bool(CODE_LANGUAGE.fullmatch(value))
        return set(value.split()) <= ALLOWED_CLASSES.get(tag, set())

    def handle_comment(self, data):
        self.problems.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.problems.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.problems.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.problems.append(f"<?{data}>")


def forbidden_in(safe_html):
    """Everything in the HTML the sanitiser should have removed; [] when it is clean."""
    inspector = _Inspector()
    inspector.feed(safe_html)
    inspector.close()
    return inspector.problems


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html, tag=None):
    """(tag, attributes) of every element in the HTML, in document order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return [element for element in parser.elements if tag is None or element[0] == tag]


# --- CommonMark and GitHub extensions: exact output for benign input ---------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("Hello *world*", "<p>Hello <em>world</em></p>\n", id="emphasis"),
        pytest.param(
            "**bold** and `code`",
            "<p><strong>bold</strong> and <code>code</code></p>\n",
            id="strong-and-code",
        ),
        pytest.param(
            "## Getting started",
            '<h2 id="user-content-getting-started">Getting started</h2>\n',
            id="heading",
        ),
        pytest.param(
            "> quoted",
            "<blockquote>\n<p>quoted</p>\n</blockquote>\n",
            id="blockquote",
        ),
        pytest.param(
            "3. three\n4. four",
            '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
            id="ordered-list-start",
        ),
        pytest.param("line  \nbreak", "<p>line<br>\nbreak</p>\n", id="hard-break"),
        pytest.param(
            "```python\nprint(1)\n```",
            '<pre><code class="language-python">print(1)\n</code></pre>\n',
            id="fenced-code-language",
        ),
        pytest.param(
            '![A cat](/media/cat.png "Cat")',
            '<p><img src="/media/cat.png" alt="A cat" title="Cat"></p>\n',
            id="image",
        ),
        pytest.param("~~old~~ new", "<p><s>old</s> new</p>\n", id="strikethrough"),
        pytest.param(
            "[guide](/guides/onboarding/)",
            '<p><a href="/guides/onboarding/">guide</a></p>\n',
            id="internal-link",
        ),
        pytest.param(
            "[docs](https://example.com/docs)",
            '<p><a href="https://example.com/docs" rel="noopener nofollow">docs</a></p>\n',
            id="external-link",
        ),
        pytest.param(
            "See https://example.com.",
            '<p>See <a href="https://example.com" rel="noopener nofollow">'
            "https://example.com</a>.</p>\n",
            id="bare-url-autolink",
        ),
        pytest.param(
            "<https://example.com>",
            '<p><a href="https://example.com" rel="noopener nofollow">'
            "https://example.com</a></p>\n",
            id="angle-autolink",
        ),
        pytest.param(
            "| Name | Age |\n|:-----|----:|\n| Ann  |  42 |",
            "<table>\n<thead>\n<tr>\n"
            '<th class="text-left">Name</th>\n<th class="text-right">Age</th>\n'
            "</tr>\n</thead>\n<tbody>\n<tr>\n"
            '<td class="text-left">Ann</td>\n<td class="text-right">42</td>\n'
            "</tr>\n</tbody>\n</table>\n",
            id="table-alignment-as-classes",
        ),
        pytest.param(
            "- [ ] to do\n- [x] done",
            '<ul class="contains-task-list">\n'
            '<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox"'
            ' disabled=""> to do</li>\n'
            '<li class="task-list-item"><input class="task-list-item-checkbox" checked="checked"'
            ' type="checkbox" disabled=""> done</li>\n'
            "</ul>\n",
            id="task-list",
        ),
        pytest.param(
            "Claim[^1].\n\n[^1]: Source.",
            '<p>Claim<sup class="footnote-ref">'
            '<a href="#user-content-fn1" id="user-content-fnref1">[1]</a></sup>.</p>\n'
            '<hr class="footnotes-sep">\n<section class="footnotes">\n'
            '<ol class="footnotes-list">\n'
            '<li id="user-content-fn1" class="footnote-item"><p>Source. '
            '<a href="#user-content-fnref1" class="footnote-backref">\u21a9\ufe0e</a></p>\n'
            "</li>\n</ol>\n</section>\n",
            id="footnote",
        ),
    ],
)
def test_markdown_renders_to_the_expected_html(source, expected):
    assert render(source).html == expected


def test_markdownify_returns_the_html_render_stores():
    source = "# Title\n\nSome *text* and [a link](https://example.com)."
    assert markdownify(source) == render(source).html


@pytest.mark.parametrize("source", ["", None], ids=["empty", "none"])
def test_empty_source_renders_nothing(source):
    rendered = render(source)
    assert (rendered.html, rendered.toc, rendered.text) == ("", [], "")
    assert (rendered.word_count, rendered.reading_time) == (0, 0)


# --- Heading anchors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "expected_id"),
    [
        pytest.param("Getting started", "getting-started", id="ascii"),
        pytest.param("What's new in `v2.0`?", "whats-new-in-v20", id="punctuation-and-code"),
        pytest.param("Über uns", "über-uns", id="german"),
        pytest.param("Ελληνικά κείμενα", "ελληνικά-κείμενα", id="greek"),
        pytest.param("日本語の見出し", "日本語の見出し", id="japanese"),
        pytest.param("Café & crème", "café-crème", id="accents-and-entity"),
        pytest.param("🎉🎉", "section", id="no-word-characters"),
    ],
)
def test_heading_id_is_a_slug_of_the_heading_text(heading, expected_id):
    html = render(f"## {heading}").html
    assert elements(html, "h2") == [("h2", {"id": ID_PREFIX + expected_id})]


def test_repeated_headings_get_numbered_ids_that_never_collide():
    source = "# Setup\n## Setup\n### Setup\n## Setup 1\n## Setup-2"
    ids = [attrs["id"] for tag, attrs in elements(render(source).html) if tag.startswith("h")]
    assert [id_.removeprefix(ID_PREFIX) for id_ in ids] == [
        "setup", "setup-1", "setup-2", "setup-1-1", "setup-2-1",
    ]  # fmt: skip


def test_thousands_of_repeated_headings_are_numbered_without_rescanning():
    # Numbering used to retry -1, -2, ... from the start for every repeat: quadratic, and a
    # preview of 20,000 "# a" lines took 40 seconds. Now it is one pass.
    html = render("## Step\n" * 3000).html
    assert html.endswith('<h2 id="user-content-step-2999">Step</h2>\n')


def test_heading_ids_stay_the_same_when_other_text_changes():
    before = render("## Install\n\nOld words.\n\n## Configure\n\nMore.")
    after = render("Intro paragraph.\n\n## Install\n\nNew, longer words.\n\n## Configure")
    assert [entry["id"] for entry in before.toc] == [entry["id"] for entry in after.toc]
    assert render("## Install").html == render("## Install").html


def test_heading_never_takes_the_id_of_a_footnote():
    html = render("## fn1\n\n## FnRef1\n\nText[^1]\n\n[^1]: Note.").html
    ids = [attrs["id"].removeprefix(ID_PREFIX) for _, attrs in elements(html) if "id" in attrs]
    assert ids == ["fn1-1", "fnref1-1", "fnref1", "fn1"]


def test_every_id_on_a_page_is_unique():
    source = "# Notes\n## Notes\n\nA[^1] b[^1] c[^2]\n\n## fn2\n\n[^1]: One.\n[^2]: Two."
    ids = [attrs["id"] for _, attrs in elements(render(source).html) if "id" in attrs]
    assert [id_ for id_, count in Counter(ids).items() if count > 1] == []


def test_multi_line_heading_keeps_a_space_between_its_lines():
    rendered = render("Release\nnotes\n-------")
    assert elements(rendered.html, "h2") == [("h2", {"id": "user-content-release-notes"})]
    assert rendered.toc == [
        {"level": 2, "id": "user-content-release-notes", "title": "Release notes"}
    ]


# --- Table of contents --------------------------------------------------------------------


def test_toc_lists_level_two_and_three_headings_in_order():
    source = "# Guide\n## Install\n### On Linux\n#### Details\n## Use\n##### Deep"
    assert render(source).toc == [
        {"level": 2, "id": "user-content-install", "title": "Install"},
        {"level": 3, "id": "user-content-on-linux", "title": "On Linux"},
        {"level": 2, "id": "user-content-use", "title": "Use"},
    ]


def test_toc_titles_are_plain_text():
    source = "## *Fast*, `safe` [links](/x) &amp; <span>HTML</span>[^1]\n\n[^1]: Note."
    assert render(source).toc[0]["title"] == "Fast, safe links & HTML"


def test_toc_ids_are_the_ids_of_the_headings_in_the_html():
    rendered = render("## One\n### Two\n## One")
    heading_ids = [attrs["id"] for tag, attrs in elements(rendered.html) if tag in {"h2", "h3"}]
    assert [entry["id"] for entry in rendered.toc] == heading_ids
    assert heading_ids == ["user-content-one", "user-content-two", "user-content-one-1"]


def test_toc_is_empty_without_level_two_or_three_headings():
    assert render("# Title\n\nText.\n\n#### Aside").toc == []


# --- Plain text, word count, reading time -------------------------------------------------


def test_text_has_no_markup_and_decoded_entities():
    rendered = render("Fish &amp; *chips* <b>now</b> &lt;tag&gt; &copy;")
    assert rendered.text == "Fish & chips now <tag> ©"


def test_text_puts_blocks_on_their_own_lines_with_one_blank_line_between_paragraphs():
    source = (
        "# Title\n\nFirst paragraph\nwraps here.\n\n\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode line 1\ncode line 2\n```"
    )
    assert render(source).text == (
        "Title\n\nFirst paragraph wraps here.\n\none\ntwo\n\na b\n1 2\n\ncode line 1\ncode line 2"
    )


def test_text_of_adjacent_raw_html_blocks_keeps_words_apart():
    rendered = render("<p>one</p><p>two</p><div>three</div>")
    assert rendered.text == "one\n\ntwo\n\nthree"
    assert rendered.word_count == 3


def test_text_leaves_out_footnote_markers_and_back_links():
    rendered = render("Claim[^1] here.\n\n[^1]: The source.")
    assert rendered.text == "Claim here.\n\nThe source."
    assert rendered.word_count == 4


def test_word_count_counts_the_words_a_reader_sees():
    assert render("Hello *brave* new `world`!\n\n## Next part").word_count == 6


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (3 * WORDS_PER_MINUTE, 3)],
    ids=["one-word", "one-minute-exactly", "just-over-one-minute", "three-minutes"],
)
def test_reading_time_rounds_up_to_whole_minutes(words, minutes):
    assert render(" ".join(["word"] * words)).reading_time == minutes


# --- Links --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("[x](https://example.com)", id="https"),
        pytest.param("[x](http://example.com/page)", id="http"),
        pytest.param("[x](HTTPS://EXAMPLE.COM)", id="upper-case-scheme"),
        pytest.param("[x](//example.com/page)", id="protocol-relative"),
        pytest.param('<a href="https://example.com">x</a>', id="raw-html"),
        pytest.param('<a href="/\\example.com">x</a>', id="backslash-is-a-slash"),
        pytest.param('<a href=" \t//example.com">x</a>', id="leading-whitespace"),
        pytest.param("www.example.com", id="linkified-www"),
    ],
)
def test_external_links_get_noopener_nofollow(source):
    links = elements(render(source).html, "a")
    assert len(links) == 1
    assert links[0][1]["rel"] == EXTERNAL_REL


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("[x](/guides/)", id="absolute-path"),
        pytest.param("[x](setup/)", id="relative-path"),
        pytest.param("[x](#install)", id="anchor"),
        pytest.param("[x](?page=2)", id="query"),
        pytest.param("[x](mailto:editor@example.com)", id="mailto"),
        pytest.param("Note[^1]\n\n[^1]: Text.", id="footnote-links"),
    ],
)
def test_internal_links_and_anchors_get_no_rel(source):
    links = elements(render(source).html, "a")
    assert links
    assert all("rel" not in attrs for _, attrs in links)


# --- Sanitising ---------------------------------------------------------------------------

MARKDOWN_XSS = {
    "link-javascript": "[x](javascript:alert(1))",
    "link-mixed-case-scheme": "[x](JaVaScRiPt:alert(1))",
    "link-vbscript": "[x](vbscript:msgbox(1))",
    "link-data-html": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "link-entity-colon": "[x](javascript&#58;alert(1))",
    "link-named-entity-colon": "[x](javascript&colon;alert(1))",
    "link-entity-letter": "[x](&#106;avascript:alert(1))",
    "link-all-hex-entities": (
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))"
    ),
    "link-nested-scheme": "[x](javascjavascript&#58;ript:alert(1))",
    "link-entity-tab-in-scheme": "[x](jav&#x09;ascript:alert(1))",
    "link-entity-newline-in-scheme": "[x](jav&#10;ascript:alert(1))",
    "link-control-char-before-scheme": "[x](\x01javascript:alert(1))",
    "link-pointy-brackets": "[x](<javascript:alert(1)>)",
    "link-with-title": '[x](javascript:alert(1) "title")',
    "link-title-breaks-out": '[x](/ok "\\" onmouseover=\\"alert(1)")',
    "reference-link": "[x][evil]\n\n[evil]: javascript:alert(1)",
    "reference-link-entity": "[x][evil]\n\n[evil]: &#x6A;avascript:alert(1)",
    "image-javascript": "![x](javascript:alert(1))",
    "image-data-svg": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "image-data-png": "![x](data:image/png;base64,iVBORw0KGgo=)",
    "image-alt-breaks-out": '![" onerror="alert(1)](/x.png)',
    "autolink-javascript": "<javascript:alert(1)>",
    "autolink-upper-case": "<JAVASCRIPT:alert(1)>",
    "autolink-data": "<data:text/html,alert(1)>",
    "autolink-vbscript": "<vbscript:msgbox(1)>",
    "bare-javascript-text": "javascript:alert(1)",
    "html-in-link-text": "[<img src=x onerror=alert(1)>](/ok)",
    "code-info-string-breaks-out": '```" onmouseover="alert(1)\ncode\n```',
    "heading-breaks-out": '## "><script>alert(1)</script>',
    "table-cell-script": "| a |\n|---|\n| <script>alert(1)</script> |",
    "task-item-img-onerror": "- [ ] <img src=x onerror=alert(1)>",
    "footnote-javascript": "x[^1]\n\n[^1]: [y](javascript:alert(1))",
    "markdown-inside-raw-html": "<div>\n\n[x](javascript:alert(1))\n\n</div>",
}

RAW_HTML_XSS = {
    "script": "<script>alert(1)</script>",
    "script-src-upper-case": "<SCRIPT SRC=//example.com/x.js></SCRIPT>",
    "split-script": "<scr<script>ipt>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "img-onerror-eval-src": "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "img-src-javascript": '<img src="javascript:alert(1)">',
    "img-srcset": '<img src="/ok.png" srcset="javascript:alert(1)">',
    "svg-onload": "<svg onload=alert(1)>",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "svg-xlink-href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "math-href": '<math href="javascript:alert(1)">x</math>',
    "math-style-mxss": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://example.com"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "object-data": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">',
    "form-action": '<form action="javascript:alert(1)"><button>Go</button></form>',
    "button-formaction": '<button formaction="javascript:alert(1)">x</button>',
    "input-autofocus-onfocus": "<input type=text onfocus=alert(1) autofocus>",
    "isindex": "<isindex action=javascript:alert(1) type=image>",
    "select-option-img": "<select><option><img src=x onerror=alert(1)></option></select>",
    "textarea-breakout": "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
    "style-tag": "<style>body { background: url(javascript:alert(1)) }</style>",
    "style-attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base-href": '<base href="javascript:alert(1)//">',
    "link-stylesheet": '<link rel="stylesheet" href="javascript:alert(1)">',
    "a-javascript": '<a href="javascript:alert(1)">x</a>',
    "a-data-url": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "a-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "a-entity-encoded": '<a href="&#106;avascript:alert(1)">x</a>',
    "a-tab-in-scheme": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "a-control-chars-before": '<a href=" &#14; javascript:alert(1)">x</a>',
    "a-target-blank": '<a href="https://example.com" target="_blank">x</a>',
    "template": "<template><script>alert(1)</script></template>",
    "noscript-title-breakout": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "xmp-breakout": '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    "comment-breakout": "<!--><img src=x onerror=alert(1)>-->",
    "comment-bang-breakout": "<!-- --!><img src=x onerror=alert(1)> -->",
    "cdata": "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "details-ontoggle": "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "video-source-onerror": "<video><source onerror=alert(1)></video>",
    "body-onload": "<body onload=alert(1)>",
    "div-onclick": '<div onclick="alert(1)">x</div>',
    "span-class-and-id-injection": '<span class="btn admin" id="x" data-x="y">x</span>',
}


@pytest.mark.parametrize("source", MARKDOWN_XSS.values(), ids=MARKDOWN_XSS.keys())
def test_dangerous_markdown_renders_nothing_dangerous(source):
    html = render(source).html
    assert forbidden_in(html) == []
    assert sanitise(html) == html, "re-sanitising changed the output: a mutation risk"


@pytest.mark.parametrize("source", RAW_HTML_XSS.values(), ids=RAW_HTML_XSS.keys())
def test_dangerous_raw_html_renders_nothing_dangerous(source):
    html = render(source).html
    assert forbidden_in(html) == []
    assert sanitise(html) == html, "re-sanitising changed the output: a mutation risk"


@pytest.mark.parametrize(
    "unsafe_html",
    [
        pytest.param("<script></script>", id="script"),
        pytest.param("<iframe></iframe>", id="iframe"),
        pytest.param('<img src="x" onerror="y">', id="event-handler"),
        pytest.param('<a href=" JaVa\tScript:x">a</a>', id="javascript-url"),
        pytest.param('<img src="data:image/png;base64,AA==">', id="data-url"),
        pytest.param('<p style="color: red">p</p>', id="style"),
        pytest.param('<p class="evil">p</p>', id="author-class"),
        pytest.param('<code class="language-x evil">c</code>', id="second-code-class"),
        pytest.param('<a href="https://example.com" rel="opener">a</a>', id="other-rel"),
        pytest.param("<!-- c -->", id="comment"),
        pytest.param('<input type="text">', id="text-input"),
        pytest.param('<input type="checkbox">', id="enabled-checkbox"),
    ],
)
def test_inspector_flags_what_the_sanitiser_must_remove(unsafe_html):
    assert forbidden_in(unsafe_html) != []


def test_raw_input_shows_as_text_rather_than_a_control():
    html = render("Search: <input type=text name=q>").html
    assert elements(html, "input") == []
    assert html == "<p>Search: &lt;input type=text name=q&gt;</p>\n"


def test_task_list_checkboxes_are_disabled_and_belong_to_no_form():
    html = render("- [x] done\n- [ ] to do").html
    checkboxes = elements(html, "input")
    assert [attrs.get("checked") for _, attrs in checkboxes] == ["checked", None]
    assert all(attrs["type"] == "checkbox" and "disabled" in attrs for _, attrs in checkboxes)
    assert elements(html, "form") == []


@pytest.mark.parametrize(
    ("source", "expected_class"),
    [
        pytest.param("```python\nx\n```", "language-python", id="fenced-language"),
        pytest.param('<code class="language-sql">x</code>', "language-sql", id="raw-language"),
        pytest.param('<code class="language-sql evil">x</code>', None, id="second-class"),
        pytest.param('<code class="evil">x</code>', None, id="not-a-language"),
    ],
)
def test_code_keeps_only_a_single_language_class(source, expected_class):
    [(_, attrs)] = elements(render(source).html, "code")
    assert attrs.get("class") == expected_class


def test_author_classes_ids_and_data_attributes_are_dropped():
    source = '<div class="btn" data-x="1" id="a">x</div>\n\n<ul class="x"><li class="y">y</li></ul>'
    assert render(source).html == "<div>x</div>\n<ul><li>y</li></ul>"


def test_author_may_use_only_the_classes_our_extensions_emit():
    source = '<ul class="contains-task-list evil"><li class="btn task-list-item">y</li></ul>'
    assert (
        render(source).html
        == '<ul class="contains-task-list"><li class="task-list-item">y</li></ul>'
    )


def test_allowed_markup_in_raw_html_survives():
    source = (
        "<details><summary>More</summary>\n\n"
        'Press <kbd>Ctrl</kbd>, see <abbr title="HyperText">HTML</abbr>.\n\n</details>'
    )
    assert render(source).html == (
        "<details><summary>More</summary>\n"
        '<p>Press <kbd>Ctrl</kbd>, see <abbr title="HyperText">HTML</abbr>.</p>\n'
        "</details>"
    )


@pytest.mark.parametrize(
    "source, expected",
    [
        ("A\n\n<!-- note -->\n\nB\n", "A\n\nB\n"),
        ("A <!-- note --> B", "A  B"),
        ("A `<!-- code -->` <!-- note --> B", "A `<!-- code -->`  B"),
        ("`<!-- x -->` and <!-- x -->", "`<!-- x -->` and "),
        ("```\n<!-- fenced -->\n```\n", "```\n<!-- fenced -->\n```\n"),
        ("    <!-- indented code -->\n", "    <!-- indented code -->\n"),
        ("> quoted <!-- one\n> two --> end\n", "> quoted  end\n"),
        ("<div>\n<!-- in a block -->\n</div>\n", "<div>\n</div>\n"),
        ("| a |\n|---|\n| `<!-- c -->` <!-- c --> |\n", "| a |\n|---|\n| `<!-- c -->`  |\n"),
        ("A\n\n<!-- never closed\nsecret\n", "A\n\n"),
        ("x <!-->A<!---> y", "x A y"),
        (
            "No comments here: 1 < 2 -- and <b>bold</b>.",
            "No comments here: 1 < 2 -- and <b>bold</b>.",
        ),
    ],
)
def test_without_html_comments_removes_the_comments_the_page_leaves_out(source, expected):
    assert without_html_comments(source) == expected
    # What readers see is the same, give or take white space between tags.
    assert re.sub(r"\s", "", render(expected).html) == re.sub(r"\s", "", render(source).html)


# --- Ids: no clobbering of the page's own names ---------------------------------------------

# Names a page, its forms or its scripts rely on (document.main, form.content, the CSRF field).
PAGE_NAMES = ["csrfmiddlewaretoken", "content", "main", "main-content", "site-search-q", "q"]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_ids_and_names_from_markdown_never_take_a_name_the_page_uses(name):
    source = (
        f"## {name}\n\n"
        f'<a id="{name}" name="{name}">raw</a> <h3 id="{name}">x</h3> <li id="{name}">y</li> '
        f'<img name="{name}" src="/x.png"> <p id="{name}">z</p>\n\n'
        f"Note[^{name}].\n\n[^{name}]: {name}."
    )
    found = elements(render(source).html)
    ids = [attrs["id"] for _, attrs in found if "id" in attrs]
    assert ids and all(id_.startswith(ID_PREFIX) for id_ in ids)
    assert [attrs for _, attrs in found if "name" in attrs] == []


def test_links_within_the_text_reach_the_prefixed_ids():
    source = "## Why\n\nSee [why](#why) and a note[^1].\n\n[^1]: Source."
    found = elements(render(source).html)
    ids = {attrs["id"] for _, attrs in found if "id" in attrs}
    fragments = {attrs["href"][1:] for tag, attrs in found if attrs.get("href", "").startswith("#")}
    assert fragments == {"user-content-why", "user-content-fn1", "user-content-fnref1"}
    assert fragments <= ids


def test_a_link_to_an_already_prefixed_id_is_not_prefixed_twice():
    html = render('<a href="#user-content-x" id="user-content-x">x</a>').html
    assert elements(html, "a") == [("a", {"href": "#user-content-x", "id": "user-content-x"})]
