"""The shapes of the demo guide's content, kept apart from the code that loads it.

Every record is keyed by its slug, the natural key `load_demo_guide` matches on, so a record can
be retitled or rewritten here and loading again updates the row instead of adding another.

Publication is given in days relative to the day of loading, so the demo always looks fresh:
`days_ago=40` was published forty days ago, a negative number is scheduled that many days ahead,
and `days_ago=None` is a draft.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoAuthor:
    slug: str
    name: str
    job_title: str
    organisation: str
    career_started: int
    bio: str
    linkedin: str = ""


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    summary: str
    author: str  # a DemoAuthor slug
    tags: tuple[str, ...]
    days_ago: int | None
    body: str


@dataclass(frozen=True)
class DemoChapter:
    slug: str
    title: str
    summary: str
    intro: str
    days_ago: int
    articles: tuple[DemoArticle, ...]


@dataclass(frozen=True)
class DemoTopic:
    slug: str
    title: str
    description: str
    is_featured: bool
    articles: tuple[tuple[str, str], ...]  # (chapter slug, article slug), in reading order


@dataclass(frozen=True)
class DemoTerm:
    slug: str
    term: str
    short_definition: str
    explanation: str
    tags: tuple[str, ...]
    aliases: str = ""
    related_terms: tuple[str, ...] = ()  # DemoTerm slugs; the relation is made symmetrical
    related_articles: tuple[tuple[str, str], ...] = field(default=())  # (chapter, article)
    days_ago: int = 120
