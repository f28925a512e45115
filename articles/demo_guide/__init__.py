"""The demo guide to product management that `manage.py load_demo_guide` loads.

Content only: one module per chapter (`chapter_01` ... `chapter_17`), the authors, the curated
topics and the glossary. The record types and the publication-date convention are in `base.py`.
Links between articles are relative URLs, /guide/<chapter slug>/<article slug>/, and glossary
links are /glossary/<term slug>/; the demo guide's tests check that every one resolves.
"""

from articles.demo_guide import (
    chapter_01,
    chapter_02,
    chapter_03,
    chapter_04,
    chapter_05,
    chapter_06,
    chapter_07,
    chapter_08,
    chapter_09,
    chapter_10,
    chapter_11,
    chapter_12,
    chapter_13,
    chapter_14,
    chapter_15,
    chapter_16,
    chapter_17,
)
from articles.demo_guide.authors import AUTHORS
from articles.demo_guide.glossary import GLOSSARY
from articles.demo_guide.topics import TOPICS

# In reading order: a chapter's number is its place in this tuple.
CHAPTERS = tuple(
    module.CHAPTER
    for module in (
        chapter_01,
        chapter_02,
        chapter_03,
        chapter_04,
        chapter_05,
        chapter_06,
        chapter_07,
        chapter_08,
        chapter_09,
        chapter_10,
        chapter_11,
        chapter_12,
        chapter_13,
        chapter_14,
        chapter_15,
        chapter_16,
        chapter_17,
    )
)

__all__ = ["AUTHORS", "CHAPTERS", "GLOSSARY", "TOPICS"]
