"""kb's Markdown pipeline against the 652 examples of the CommonMark 0.31.2 specification.

The examples are test data in the repository, kb/tests/data/ (see its README.md), so every clone
runs this test. Every example goes through the pipeline; none is ever skipped. An example kb
renders differently on purpose is listed, with the reason, in KNOWN_DIFFERENCES, and a listed
example that starts to pass fails the suite as well, so the list cannot outgrow the truth.

HTML is compared as a stream of parsed events rather than as text, which makes these
spellings of the same document equal, and nothing else: entity spelling (`&quot;` and `"`,
`&nbsp;` and U+00A0), attribute order, `<br />` and `<br>` (the slash means nothing on an HTML
element), a boolean attribute with or without `=""`, and whitespace-only text beside a
block-level tag outside `<pre>` (it does not render). The only attributes removed are the two
kb adds on purpose: heading `id`s and the `rel` of external links; and the prefix kb gives every
id, and so every link to a place in the text (`#user-content-x`), is read as not there.
"""

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from kb.markdown import EXTERNAL_REL, ID_PREFIX, render_unsanitised, sanitise
from kb.tests.test_markdown import forbidden_in

SPEC_VERSION = "0.31.2"
SPEC_FILE = f"commonmark-{SPEC_VERSION}.json"
SPEC_PATH = Path(__file__).resolve().parent / "data" / SPEC_FILE
# The shared reference copy, beside the project's root on developers' machines and in CI.
REFERENCE_PATH = settings.BASE_DIR.parent / "shared" / "conformance" / SPEC_FILE
EXAMPLE_COUNT = 652

# The one reviewed list of examples kb does not reproduce: {example: (stage, reason)}.
# "rendered": the rendering stage differs from the spec's HTML.
# "sanitised": the sanitiser changes an example that holds no raw HTML.
KNOWN_DIFFERENCES = {
    # kb enables GitHub's extended autolinks (kb.markdown._autolink), which the issue asks for:
    # bare URLs and e-mail addresses become links. CommonMark proper leaves them as text. (602,
    # `<https://foo.bar/baz bim>`, renders as the spec: GitHub links a bare URL only at the
    # start of a line or after a space, `*`, `_`, `~` or `(`, never right after `<`.)
    608: ("rendered", "an extended autolink: the bare URL inside `< https://foo.bar >`"),
    611: ("rendered", "an extended autolink: the bare URL `https://example.com`"),
    612: ("rendered", "an extended autolink: the bare e-mail address `foo@bar.example.com`"),
    # The sanitiser allows only http, https and mailto URLs: an autolink with any other
    # scheme keeps its text and loses its href.
    596: ("sanitised", "`irc:` is not an allowed URL scheme"),
    598: ("sanitised", "`a+b+c:` is not an allowed URL scheme"),
    599: ("sanitised", "`made-up-scheme:` is not an allowed URL scheme"),
    601: ("sanitised", "`localhost:` is read as a URL scheme, and not an allowed one"),
}


HTML_WHITESPACE = " \t\n\f\r"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Whitespace beside these does not render: CommonMark's own test normaliser strips it too.
BLOCK_TAGS = HEADINGS | {
    "address", "article", "aside", "blockquote", "body", "caption", "col", "colgroup", "dd",
    "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "head",
    "header", "hr", "html", "iframe", "li", "main", "nav", "ol", "p", "pre", "script", "section",
    "style", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip


def _without_id_prefix(name, value):
    if name == "id":
        return value.removeprefix(ID_PREFIX)
    if name == "href" and value.startswith("#" + ID_PREFIX):
        return "#" + value.removeprefix("#" + ID_PREFIX)
    return value


class _Events(HTMLParser):
    """HTML as a list of events: ("start", tag, sorted attributes), ("end", tag), ("text", ...)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []
        self.pre_depth = 0

    def handle_starttag(self, tag, attrs):
        kept = sorted(
            (name, _without_id_prefix(name, value or ""))
            for name, value in attrs
            if not (tag in HEADINGS and name == "id")
            and not (tag == "a" and name == "rel" and value == EXTERNAL_REL)
        )
        self.events.append(("start", tag, tuple(kept)))
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append(("end", tag))
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            data = self.events.pop()[1] + data
        self.events.append(("text", data, self.pre_depth > 0))

    def handle_comment(self, data):
        self.events.append(("comment", data))

    def handle_decl(self, decl):
        self.events.append(("declaration", decl))

    def handle_pi(self, data):
        self.events.append(("processing instruction", data))

    def unknown_decl(self, data):
        self.events.append(("declaration", data))

    def close(self):
        super().close()
        events = self.events
        self.events = [
            event[:2] if event[0] == "text" else event
            for index, event in enumerate(events)
            if not (event[0] == "text" and self._insignificant(events, index))
        ]

    @staticmethod
    def _insignificant(events, index):
        """Whitespace-only text outside <pre> at either end or beside a block-level tag."""
        _, text, in_pre = events[index]
        if in_pre or text.strip(HTML_WHITESPACE):
            return False
        neighbours = events[index - 1 : index] + events[index + 1 : index + 2]
        return len(neighbours) < 2 or any(
            kind in ("start", "end") and tag in BLOCK_TAGS for kind, tag, *_ in neighbours
        )


def canonical(html):
    parser = _Events()
    parser.feed(html)
    parser.close()
    return parser.events


def _holds_raw_html(tokens):
    return any(
        token.type in ("html_block", "html_inline") or _holds_raw_html(token.children or ())
        for token in tokens
    )


@dataclass
class Outcome:
    example: dict
    rendered: str
    sanitised: str
    raw_html: bool
    rendered_as_spec: bool
    sanitised_unchanged: bool
    forbidden: list


@pytest.fixture(scope="module")
def outcomes(report_line):
    examples = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    results = []
    for example in examples:
        rendered, tokens = render_unsanitised(example["markdown"])
        sanitised = sanitise(rendered)
        results.append(
            Outcome(
                example=example,
                rendered=rendered,
                sanitised=sanitised,
                raw_html=_holds_raw_html(tokens),
                rendered_as_spec=canonical(rendered) == canonical(example["html"]),
                sanitised_unchanged=canonical(sanitised) == canonical(rendered),
                forbidden=forbidden_in(sanitised),
            )
        )
    report_line(f"CommonMark {SPEC_VERSION}: {summary(results)}")
    return results


def summary(results):
    total = len(results)
    rendered = sum(result.rendered_as_spec for result in results)
    unchanged = sum(result.sanitised_unchanged for result in results)
    plain = [result for result in results if not result.raw_html]
    plain_unchanged = sum(result.sanitised_unchanged for result in plain)
    safe = sum(not result.forbidden for result in results)
    return (
        f"{rendered}/{total} rendered, {unchanged}/{total} sanitised unchanged "
        f"({plain_unchanged}/{len(plain)} without raw HTML, "
        f"{unchanged - plain_unchanged}/{total - len(plain)} with raw HTML), "
        f"{safe}/{total} sanitised with nothing forbidden; "
        f"listed differences: {sorted(KNOWN_DIFFERENCES)}"
    )


def _listed(stage):
    return {
        number for number, (listed_stage, _) in KNOWN_DIFFERENCES.items() if listed_stage == stage
    }


def _report(results, failing):
    lines = [summary(results)]
    for result in failing:
        example = result.example
        lines.append(
            f"example {example['example']} ({example['section']}): {example['markdown']!r}\n"
            f"  spec:      {example['html']!r}\n"
            f"  rendered:  {result.rendered!r}\n"
            f"  sanitised: {result.sanitised!r}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("<p>&quot;a&quot; &amp; &#xA0;</p>", '<p>"a" &amp; \xa0</p>', id="entities"),
        pytest.param('<img src="x" alt="y" />', '<img alt="y" src="x">', id="attribute-order"),
        pytest.param("<p>a<br />\nb</p>", "<p>a<br>\nb</p>", id="self-closing-slash"),
        pytest.param('<input disabled="">', "<input disabled>", id="boolean-attribute"),
        pytest.param("<ul>\n<li>a</li>\n</ul>\n", "<ul><li>a</li></ul>", id="space-between-tags"),
        pytest.param('<h2 id="intro">Intro</h2>', "<h2>Intro</h2>", id="heading-id"),
        pytest.param(
            '<a href="https://x.example" rel="noopener nofollow">x</a>',
            '<a href="https://x.example">x</a>',
            id="external-link-rel",
        ),
        pytest.param(
            '<a href="#user-content-fn1" id="user-content-fnref1">1</a>',
            '<a href="#fn1" id="fnref1">1</a>',
            id="id-prefix",
        ),
    ],
)
def test_comparison_treats_equivalent_spellings_as_equal(first, second):
    assert canonical(first) == canonical(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("<p>a</p>", "<p>b</p>", id="text"),
        pytest.param("<p>a b</p>", "<p>a  b</p>", id="space-inside-text"),
        pytest.param("<em>a</em> <em>b</em>", "<em>a</em><em>b</em>", id="space-between-inline"),
        pytest.param("<pre><code> </code></pre>", "<pre><code></code></pre>", id="space-in-pre"),
        pytest.param('<a href="/a">x</a>', '<a href="/b">x</a>', id="attribute-value"),
        pytest.param('<a href="/a" rel="nofollow">x</a>', '<a href="/a">x</a>', id="other-rel"),
        pytest.param('<p id="intro">x</p>', "<p>x</p>", id="id-on-non-heading"),
        pytest.param("<p>x</p>", "<div>x</div>", id="tag"),
        pytest.param("<p>x<!-- c --></p>", "<p>x</p>", id="comment"),
    ],
)
def test_comparison_tells_different_html_apart(first, second):
    assert canonical(first) != canonical(second)


def test_repository_copy_of_the_spec_is_the_shared_reference():
    data = SPEC_PATH.read_bytes()
    if REFERENCE_PATH.is_file():
        assert data == REFERENCE_PATH.read_bytes(), f"{SPEC_PATH} differs from {REFERENCE_PATH}"
    # Without the reference (a user's clone), the copy must at least be the whole spec.
    assert len(json.loads(data)) == EXAMPLE_COUNT


def test_conformance_data_holds_every_example_of_the_spec(outcomes):
    numbers = [result.example["example"] for result in outcomes]
    assert numbers == list(range(1, EXAMPLE_COUNT + 1)), summary(outcomes)
    assert set(KNOWN_DIFFERENCES) <= set(numbers)


def test_rendering_stage_reproduces_every_commonmark_example(outcomes):
    listed = _listed("rendered")
    unexpected = [
        result
        for result in outcomes
        if not result.rendered_as_spec and result.example["example"] not in listed
    ]
    stale = [
        result.example["example"]
        for result in outcomes
        if result.rendered_as_spec and result.example["example"] in listed
    ]
    assert not unexpected, _report(outcomes, unexpected)
    assert not stale, f"{summary(outcomes)}\nlisted but now rendered as the spec: {stale}"


def test_sanitiser_leaves_examples_without_raw_html_unchanged(outcomes):
    listed = _listed("sanitised")
    without_raw_html = [result for result in outcomes if not result.raw_html]
    unexpected = [
        result
        for result in without_raw_html
        if not result.sanitised_unchanged and result.example["example"] not in listed
    ]
    stale = [
        result.example["example"]
        for result in without_raw_html
        if result.sanitised_unchanged and result.example["example"] in listed
    ]
    assert not unexpected, _report(outcomes, unexpected)
    assert not stale, f"{summary(outcomes)}\nlisted but now sanitised unchanged: {stale}"
    assert listed <= {result.example["example"] for result in without_raw_html}


def test_sanitised_examples_contain_nothing_the_sanitiser_forbids(outcomes):
    unsafe = [result for result in outcomes if result.forbidden]
    assert not unsafe, (
        _report(outcomes, unsafe)
        + "\n"
        + "\n".join(f"example {result.example['example']}: {result.forbidden}" for result in unsafe)
    )
