"""The most expensive Markdown sources known to us, as functions of their length.

Each makes a source of at most `chars` characters by repeating one hostile pattern. Shared by
the one-second budget test (test_markdown_limits.py) and bench/markdown_worst.py.
"""


def _repeat(unit, head="", tail=""):
    def make(chars):
        room = max(chars - len(head) - len(tail), 0)
        return head + unit * (room // len(unit)) + tail

    return make


def _lines(make_line):
    """Line after line (make_line(i)) until `chars` is reached."""

    def make(chars):
        parts, total, index = [], 0, 0
        while True:
            line = make_line(index) + "\n"
            if total + len(line) > chars:
                return "".join(parts)
            parts.append(line)
            total += len(line)
            index += 1

    return make


def _wide_table(columns):
    def make(chars, columns=columns):
        columns = min(columns, (chars - 6) // 6)  # a header, a rule and at least one row
        header = "|" + "a|" * columns + "\n"
        rule = "|" + "-|" * columns + "\n"
        row = "|" + "b|" * columns + "\n"
        rows = max(chars - len(header) - len(rule), 0) // len(row)
        return header + rule + row * rows

    return make


def _backtick_runs(chars):
    """Runs of 1, 2, 3... backticks, none closing another: every run scans to the end."""
    parts, total, length = [], 0, 1
    while total + length + 1 <= chars:
        parts.append("`" * length + " ")
        total += length + 1
        length += 1
    return "".join(parts)


def _formatting_to_reconstruct(chars):
    """Distinct <b>s left open across paragraphs: the HTML parser reopens each in every <p>."""
    parts, total, index = [], 0, 0
    while total + len(part := f'<b id="{index}"><p>') <= chars:
        parts.append(part)
        total += len(part)
        index += 1
    return "".join(parts)


WORST_INPUTS = {
    "linkify <http://": _repeat("<http://"),
    "linkify http://": _repeat("http://"),
    "linkify www.": _repeat("www."),
    "linkify a@": _repeat("a@"),
    "linkify words and URLs": _repeat("see http://a.example/x and www.b.example, "),
    "image openers ![": _repeat("!["),
    "link openers [": _repeat("["),
    "links [a](": _repeat("[a]("),
    "links [](<": _repeat("[](<"),
    "emphasis *a **b": _repeat("*a **b "),
    "emphasis _a __b": _repeat("_a __b "),
    "emphasis ***": _repeat("a***"),
    "strikethrough ~~a": _repeat("~~a "),
    "nested blockquotes >": _repeat(">"),
    "nested blockquote lines": _lines(lambda i: ">" * min(i, 100) + " a"),
    "nested lists -": _repeat("- "),
    "nested list lines": _lines(lambda i: "  " * min(i, 100) + "- a"),
    "nested ordered lists": _repeat("1. "),
    "wide table 10 columns": _wide_table(10),
    "wide table 1000 columns": _wide_table(1_000),
    "wide table, one row": _wide_table(100_000),
    "table, one column rows": _lines(lambda i: "a|b" if i != 1 else "-|-"),
    "backtick runs": _backtick_runs,
    "backticks ` a": _repeat("` a"),
    "html nested divs": _repeat("<div>"),
    "html nested spans": _repeat("<span>"),
    "html unclosed tags <a": _repeat("<a "),
    "html <b id=N><p>": _formatting_to_reconstruct,
    "html comments <!--": _repeat("<!--"),
    "html attributes": _repeat(' a="b"', head="<div", tail=">"),
    "entities &amp;": _repeat("&amp;"),
    "entities &#x41;": _repeat("&#x41;"),
    "entities unterminated &a": _repeat("&a"),
    "footnote refs [^1]": _repeat("[^1]", tail="\n\n[^1]: a\n"),
    "footnote defs": _lines(lambda i: f"[^{i}]: a [^{i + 1}]"),
    "footnote nested defs": _repeat("[^a]: "),
    "reference defs and uses": _lines(lambda i: f"[r{i}]: /u{i}" if i % 2 else f"[r{i - 1}]"),
    "headings, one title": _repeat("## a\n"),
    "headings, many titles": _lines(lambda i: f"## t{i}"),
    "setext headings": _repeat("a\n-\n"),
    "task lists": _repeat("- [ ] a\n"),
    "backslashes": _repeat("\\"),
    "less-than <": _repeat("<"),
    "one long word": _repeat("a"),
    "words": _repeat("lorem ipsum "),
}
