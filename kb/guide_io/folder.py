"""The guide folder format: where each item's file goes and what its front matter says.

The folder is meant to be read, diffed and kept in version control:

    kb-guide.yaml                     format name and version
    tags.yaml                         every tag: name and slug (its URL)
    authors/<slug>.md                 front matter + the bio
    chapters/<NN>-<slug>/_chapter.md  front matter + the chapter introduction
    chapters/<NN>-<slug>/<NN>-<slug>.md  an article: front matter + the body
    topics/<slug>.md                  front matter (articles in order) + the description
    glossary/<slug>.md                front matter + the explanation
    media/<name>                      uploaded files, at their storage names: author photos,
                                      the whole uploads/ tree, and any other media file that a
                                      Markdown source links to

Each Markdown file is a `---` line, YAML front matter, a `---` line, then the Markdown source
exactly as stored (a newline is added at the end, and taken off again on import). Keys come in
a fixed order, lists are sorted (topic articles keep their order), times are ISO 8601 in UTC
with microseconds and days (review dates) ISO 8601 dates, so exporting the same content twice
gives byte-identical folders. Articles and glossary terms point at articles as
"<chapter-slug>/<article-slug>", at authors, terms and topics by slug, and at tags by name.
Derived fields (HTML, table of contents, search text, reading time, the glossary terms a body
links to) are not written: the models rebuild them when the import saves them.

Not exported: author accounts (`Author.user`). A backup of content carries no logins; importing
over an existing site leaves each author's account link as it was.

kb-guide.yaml may also say `dates_relative_to: <time>`: the dates in the folder are meant as
seen from that moment. `import_guide` restores dates exactly as written, as a backup must;
`load_demo_guide` moves them all by the days from that moment to today (see its docstring).

Version 2 added the articles' review and glossary-link keys and the topics' `updated_at`;
version 1 folders still read (the new keys take their defaults).
"""

import re
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from urllib.parse import unquote

import yaml
from django.conf import settings
from django.db.models import Prefetch

from articles.models import Article, Section, Topic, TopicMembership
from authors.models import Author
from glossary.models import GlossaryTerm

FORMAT = "kb-guide"
VERSION = 2
READABLE_VERSIONS = (1, 2)
MANIFEST = "kb-guide.yaml"
TAGS_FILE = "tags.yaml"
AUTHORS, CHAPTERS, TOPICS, GLOSSARY, MEDIA = "authors", "chapters", "topics", "glossary", "media"
CHAPTER_FILE = "_chapter.md"
MANAGED = (MANIFEST, TAGS_FILE, AUTHORS, CHAPTERS, TOPICS, GLOSSARY, MEDIA)
MANIFEST_HEADER = (
    "# A kb guide: Markdown files with YAML front matter (see kb/guide_io/folder.py).\n"
    "# Load it with: manage.py import_guide <this folder>\n"
)
# Wide enough that PyYAML never folds a long title or summary over two lines.
YAML_WIDTH = 1 << 20


# Dates ---------------------------------------------------------------------------------------


def format_date(value):
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_date(value):
    if value is None:
        return None
    try:
        value = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError("must be a date and time like 2024-05-01T09:00:00.000000Z") from None
    if value.tzinfo is None:
        raise ValueError("needs a time zone: end it with Z for UTC")
    return value.astimezone(UTC)


def format_day(value):
    return None if value is None else value.isoformat()


def parse_day(value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError("must be a date like 2024-05-01") from None


# Media linked from Markdown: MEDIA_URL + a name, not part of a longer URL on another host.


def media_links(markdown):
    """(storage name, line number) for each link to a media file in `markdown`."""
    pattern = re.compile(r"(?<![\w/:.])" + re.escape(settings.MEDIA_URL) + r"([^\s)\"'<>?#]+)")
    for match in pattern.finditer(markdown):
        name = unquote(match.group(1))
        if safe_media_name(name):
            yield name, markdown.count("\n", 0, match.start()) + 1


def safe_media_name(name):
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


# Text ----------------------------------------------------------------------------------------


def dump_yaml(data):
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=YAML_WIDTH
    )


def manifest(dates_relative_to=None):
    data = {"format": FORMAT, "version": VERSION}
    if dates_relative_to is not None:
        data["dates_relative_to"] = format_date(dates_relative_to)
    return MANIFEST_HEADER + dump_yaml(data)


def markdown_file(front, body):
    return f"---\n{dump_yaml(front)}---\n" + (f"{body}\n" if body else "")


def tag_names(tags):
    return sorted((tag.name for tag in tags), key=lambda name: (name.casefold(), name))


def tags_file(tags):
    tags = sorted(tags, key=lambda tag: (tag.name.casefold(), tag.name))
    return dump_yaml([{"name": tag.name, "slug": tag.slug} for tag in tags])


# Each item's file: (path in the folder, text). The querysets load what the files need. --------


def exported(model):
    """All rows of `model` in export order, with the relations their files show."""
    if model is Author:
        return Author.objects.order_by("slug")
    if model is Section:
        return Section.objects.order_by("position", "slug")
    if model is Article:
        return (
            Article.objects.select_related("section", "author", "reviewer")
            .prefetch_related("tags", "glossary_exclusions")
            .order_by("section__position", "section__slug", "position", "slug")
        )
    if model is Topic:
        members = TopicMembership.objects.select_related("article__section")
        return Topic.objects.prefetch_related(
            Prefetch("memberships", queryset=members.order_by("position", "id"), to_attr="members")
        ).order_by("slug")
    if model is GlossaryTerm:
        return GlossaryTerm.objects.prefetch_related(
            "related_terms", "related_articles__section", "tags"
        ).order_by("slug")
    raise TypeError(f"{model.__name__} has no file in a guide folder")


def item_file(item):
    """(path, text) of the file for an author, chapter, article, topic or glossary term."""
    if isinstance(item, Author):
        return f"{AUTHORS}/{item.slug}.md", markdown_file(author_front(item), item.bio)
    if isinstance(item, Section):
        return f"{chapter_folder(item)}/{CHAPTER_FILE}", markdown_file(
            chapter_front(item), item.intro
        )
    if isinstance(item, Article):
        path = f"{chapter_folder(item.section)}/{item.position:02d}-{item.slug}.md"
        return path, markdown_file(article_front(item), item.body)
    if isinstance(item, Topic):
        return f"{TOPICS}/{item.slug}.md", markdown_file(topic_front(item), item.description)
    if isinstance(item, GlossaryTerm):
        return f"{GLOSSARY}/{item.slug}.md", markdown_file(term_front(item), item.explanation)
    raise TypeError(f"{type(item).__name__} has no file in a guide folder")


def chapter_folder(section):
    return f"{CHAPTERS}/{section.position:02d}-{section.slug}"


def article_ref(article):
    return f"{article.section.slug}/{article.slug}"


# Front matter, key by key in file order. The reader's checks (kb/guide_io/validation.py) list
# the same keys.


def _publishing(item):
    return {
        "status": item.status,
        "published_at": format_date(item.published_at),
        "created_at": format_date(item.created_at),
        "updated_at": format_date(item.updated_at),
    }


def author_front(author):
    return {
        "name": author.name,
        "slug": author.slug,
        "job_title": author.job_title,
        "organisation": author.organisation,
        "career_started": author.career_started,
        "website": author.website,
        "linkedin": author.linkedin,
        "photo": author.photo.name or "",
        "created_at": format_date(author.created_at),
        "updated_at": format_date(author.updated_at),
    }


def chapter_front(section):
    return {
        "title": section.title,
        "slug": section.slug,
        "position": section.position,
        "summary": section.summary,
        **_publishing(section),
    }


def article_front(article):
    return {
        "title": article.title,
        "slug": article.slug,
        "position": article.position,
        "summary": article.summary,
        "author": article.author.slug,
        "tags": tag_names(article.tags.all()),
        "reviewer": article.reviewer.slug if article.reviewer else "",
        "last_reviewed_at": format_day(article.last_reviewed_at),
        "next_review_at": format_day(article.next_review_at),
        "link_glossary_terms": article.link_glossary_terms,
        "glossary_exclusions": sorted(term.slug for term in article.glossary_exclusions.all()),
        **_publishing(article),
    }


def topic_front(topic):
    return {
        "title": topic.title,
        "slug": topic.slug,
        "is_featured": topic.is_featured,
        "updated_at": format_date(topic.updated_at),
        "articles": [article_ref(member.article) for member in topic.members],
    }


def term_front(term):
    return {
        "term": term.term,
        "slug": term.slug,
        "short_definition": term.short_definition,
        "aliases": term.alias_list,
        "related_terms": sorted(related.slug for related in term.related_terms.all()),
        "related_articles": sorted(article_ref(a) for a in term.related_articles.all()),
        "tags": tag_names(term.tags.all()),
        **_publishing(term),
    }
