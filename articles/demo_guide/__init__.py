"""The demo guide to product management that `manage.py load_demo_guide` loads.

Content only: one module per chapter (`chapter_01` ... `chapter_17`), the authors, the curated
topics and the glossary. The record types and the publication-date convention are in `base.py`.
Links between articles are relative URLs, /guide/<chapter slug>/<article slug>/, and glossary
links are /glossary/<term slug>/; the demo guide's tests check that every one resolves.
"""

from importlib import import_module

from articles.demo_guide.authors import AUTHORS
from articles.demo_guide.glossary import GLOSSARY
from articles.demo_guide.topics import TOPICS

# In reading order: a chapter's number is its place in this tuple.
CHAPTERS = tuple(
    import_module(f"articles.demo_guide.chapter_{number:02d}").CHAPTER for number in range(1, 18)
)

__all__ = ["AUTHORS", "CHAPTERS", "GLOSSARY", "TOPICS"]
