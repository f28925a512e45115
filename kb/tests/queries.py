"""Which long-text columns a page's SELECTs read, for tests of pages that only link or list."""

import re
from collections import Counter

# An article's body and what is derived from it, a term's explanation and an author's bio:
# never needed to print a title, a link or a summary.
LONG_TEXT = (
    "body",
    "body_html",
    "body_text",
    "toc",
    "search_vector",
    "search_head",
    "explanation",
    "explanation_html",
    "bio",
    "bio_html",
)
# A chapter's introduction, likewise (only the chapter page shows it).
CHAPTER_INTRO = ("intro", "intro_html")


def long_text_read(captured, columns=LONG_TEXT):
    """{column: how many times the captured SELECTs name it}; empty when none is read."""
    named = re.compile(r'\."({})"'.format("|".join(map(re.escape, columns))))
    return Counter(
        column
        for query in captured.captured_queries
        if query["sql"].lstrip().upper().startswith("SELECT")
        for column in named.findall(query["sql"])
    )
