"""The whole guide as a folder of Markdown files, and back: `export_guide` and `import_guide`.

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
a fixed order, lists are sorted (topic articles keep their order), dates are ISO 8601 in UTC
with microseconds, so exporting the same content twice gives byte-identical folders. Articles
and glossary terms point at articles as "<chapter-slug>/<article-slug>", at authors, terms and
topics by slug, and at tags by name. Derived fields (HTML, table of contents, search text,
reading time) are not written: the models rebuild them when the import saves them.

Not exported: author accounts (`Author.user`). A backup of content carries no logins; importing
over an existing site leaves each author's account link as it was.

Importing reads and checks the whole folder before it writes anything, and reports every
problem as "path:line: message". Rows are matched on their natural keys (slugs; an article on
its chapter's slug and its own), so a folder can be loaded into an empty site or over an existing
one, where it updates in place: the rows it names end up exactly as in the folder (tags, topic
members and glossary relations included); rows it does not name are left alone.
"""

import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import reversion
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Prefetch

from articles.models import Article, Section, Topic, TopicMembership
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.publishing import Status
from kb.tags.models import Tag

FORMAT = "kb-guide"
VERSION = 1
MANIFEST = "kb-guide.yaml"
TAGS_FILE = "tags.yaml"
AUTHORS, CHAPTERS, TOPICS, GLOSSARY, MEDIA = "authors", "chapters", "topics", "glossary", "media"
CHAPTER_FILE = "_chapter.md"
MANAGED = (MANIFEST, TAGS_FILE, AUTHORS, CHAPTERS, TOPICS, GLOSSARY, MEDIA)
MANIFEST_HEADER = (
    "# A kb guide: Markdown files with YAML front matter (see articles/backup.py).\n"
    "# Load it with: manage.py import_guide <this folder>\n"
)
# Wide enough that PyYAML never folds a long title or summary over two lines.
YAML_WIDTH = 1 << 20


class GuideProblems(Exception):
    """A folder that cannot be imported, with every problem found as "path:line: message"."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ExportRefused(Exception):
    """The export folder holds something other than an earlier export."""


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


# Media linked from Markdown: MEDIA_URL + a name, not part of a longer URL on another host.


def media_links(markdown):
    """(storage name, line number) for each link to a media file in `markdown`."""
    pattern = re.compile(r"(?<![\w/:.])" + re.escape(settings.MEDIA_URL) + r"([^\s)\"'<>?#]+)")
    for match in pattern.finditer(markdown):
        name = unquote(match.group(1))
        if _safe_media_name(name):
            yield name, markdown.count("\n", 0, match.start()) + 1


def _safe_media_name(name):
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


# Export --------------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    counts: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)


def export_guide(directory):
    """Write the whole guide to `directory` (created, or an earlier export that is replaced)."""
    root = Path(directory)
    _prepare_export_folder(root)
    summary = ExportSummary()
    media = {}  # storage name -> what refers to it (for the warning if it is missing)

    def write(relative, text):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))

    def note_links(label, markdown):
        for name, _line in media_links(markdown):
            media.setdefault(name, label)

    write(MANIFEST, MANIFEST_HEADER + _dump({"format": FORMAT, "version": VERSION}))

    tags = sorted(Tag.objects.all(), key=lambda tag: (tag.name.casefold(), tag.name))
    write(TAGS_FILE, _dump([{"name": tag.name, "slug": tag.slug} for tag in tags]))
    summary.counts["tags"] = len(tags)

    for author in Author.objects.order_by("slug"):
        if author.photo and _safe_media_name(author.photo.name):
            media.setdefault(author.photo.name, f"{AUTHORS}/{author.slug}.md")
        elif author.photo:
            summary.warnings.append(
                f"{AUTHORS}/{author.slug}.md: the photo name {author.photo.name} is not a "
                "storage name under media/, so the file is not in the export"
            )
        note_links(f"{AUTHORS}/{author.slug}.md", author.bio)
        write(f"{AUTHORS}/{author.slug}.md", _markdown(_author_front(author), author.bio))
        summary.counts["authors"] += 1

    articles = (
        Article.objects.select_related("author")
        .prefetch_related("tags")
        .order_by("position", "slug")
    )
    for section in Section.objects.order_by("position", "slug"):
        folder = f"{CHAPTERS}/{section.position:02d}-{section.slug}"
        note_links(f"{folder}/{CHAPTER_FILE}", section.intro)
        write(f"{folder}/{CHAPTER_FILE}", _markdown(_chapter_front(section), section.intro))
        summary.counts["chapters"] += 1
        for article in articles.filter(section=section):
            relative = f"{folder}/{article.position:02d}-{article.slug}.md"
            note_links(relative, article.body)
            write(relative, _markdown(_article_front(article), article.body))
            summary.counts["articles"] += 1

    members = TopicMembership.objects.select_related("article__section").order_by("position", "id")
    topics = Topic.objects.prefetch_related(
        Prefetch("memberships", queryset=members, to_attr="member_list")
    )
    for topic in topics.order_by("slug"):
        note_links(f"{TOPICS}/{topic.slug}.md", topic.description)
        write(f"{TOPICS}/{topic.slug}.md", _markdown(_topic_front(topic), topic.description))
        summary.counts["topics"] += 1

    terms = GlossaryTerm.objects.prefetch_related(
        "related_terms", "related_articles__section", "tags"
    ).order_by("slug")
    for term in terms:
        note_links(f"{GLOSSARY}/{term.slug}.md", term.explanation)
        write(f"{GLOSSARY}/{term.slug}.md", _markdown(_term_front(term), term.explanation))
        summary.counts["glossary terms"] += 1

    for name in _storage_files(settings.MARKDOWNX_MEDIA_PATH.strip("/")):
        media.setdefault(name, None)
    summary.counts["media files"] = 0
    for name, referrer in sorted(media.items()):
        if not default_storage.exists(name):
            summary.warnings.append(
                f"{referrer}: media file {name} is missing from storage, so it is not in the "
                "export (the import will report it until the link is fixed)"
            )
            continue
        with default_storage.open(name, "rb") as source:
            (root / MEDIA / name).parent.mkdir(parents=True, exist_ok=True)
            (root / MEDIA / name).write_bytes(source.read())
        summary.counts["media files"] += 1
    return summary


def _prepare_export_folder(root):
    if root.exists() and not root.is_dir():
        raise ExportRefused(f"{root} is a file, not a folder.")
    root.mkdir(parents=True, exist_ok=True)
    entries = [entry for entry in root.iterdir() if not entry.name.startswith(".")]
    if entries and not (root / MANIFEST).is_file():
        raise ExportRefused(
            f"{root} is not empty and holds no earlier export ({MANIFEST}); "
            "export into a new or empty folder."
        )
    # An earlier export: replace what the export writes, keep anything else (a .git folder).
    for name in MANAGED:
        path = root / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def _storage_files(folder):
    """Every file under `folder` in default storage, as sorted storage names."""
    try:
        directories, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" for name in files]
    for directory in directories:
        names.extend(_storage_files(f"{folder}/{directory}"))
    return sorted(names)


def _dump(data):
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=YAML_WIDTH
    )


def _markdown(front, body):
    return f"---\n{_dump(front)}---\n" + (f"{body}\n" if body else "")


def _publishing(item):
    return {
        "status": item.status,
        "published_at": format_date(item.published_at),
        "created_at": format_date(item.created_at),
        "updated_at": format_date(item.updated_at),
    }


def _tag_names(tags):
    return sorted((tag.name for tag in tags), key=lambda name: (name.casefold(), name))


def _article_ref(article):
    return f"{article.section.slug}/{article.slug}"


def _author_front(author):
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


def _chapter_front(section):
    return {
        "title": section.title,
        "slug": section.slug,
        "position": section.position,
        "summary": section.summary,
        **_publishing(section),
    }


def _article_front(article):
    return {
        "title": article.title,
        "slug": article.slug,
        "position": article.position,
        "summary": article.summary,
        "author": article.author.slug,
        "tags": _tag_names(article.tags.all()),
        **_publishing(article),
    }


def _topic_front(topic):
    return {
        "title": topic.title,
        "slug": topic.slug,
        "is_featured": topic.is_featured,
        "articles": [_article_ref(member.article) for member in topic.member_list],
    }


def _term_front(term):
    return {
        "term": term.term,
        "slug": term.slug,
        "short_definition": term.short_definition,
        "aliases": term.alias_list,
        "related_terms": sorted(related.slug for related in term.related_terms.all()),
        "related_articles": sorted(_article_ref(a) for a in term.related_articles.all()),
        "tags": _tag_names(term.tags.all()),
        **_publishing(term),
    }


# Reading a folder ----------------------------------------------------------------------------


class Problems:
    def __init__(self):
        self.found = []

    def add(self, path, line, message):
        self.found.append((path, line or 0, message))

    def __bool__(self):
        return bool(self.found)

    def lines(self):
        return [
            f"{path}:{line}: {message}" if line else f"{path}: {message}"
            for path, line, message in sorted(self.found, key=lambda p: (p[0], p[1]))
        ]


@dataclass
class Source:
    """One parsed file: its YAML data, the YAML node tree (for line numbers) and any body."""

    path: str
    data: object
    node: object
    first_line: int  # the file's line number of the YAML text's first line
    body: str = ""
    body_line: int = 0
    values: dict = field(default_factory=dict)  # the checked front matter

    def line(self, *steps):
        """The file line of a key (or list index) path in the YAML, or of the nearest parent."""
        node, line = self.node, self.first_line
        for step in steps:
            if isinstance(node, yaml.MappingNode):
                match = next((pair for pair in node.value if pair[0].value == step), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line + self.first_line, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if step >= len(node.value):
                    break
                node = node.value[step]
                line = node.start_mark.line + self.first_line
            else:
                break
        return line


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, except that dates stay text: parse_date reads them, so that a
    bad date is reported at its key like any other bad value (not as a crash in PyYAML)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _load_yaml(text, path, first_line, problems):
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        problem = getattr(error, "problem", None) or str(error)
        problems.add(path, line, f"invalid YAML: {problem}")
        return None
    finally:
        loader.dispose()
    source = Source(path, data, node, first_line)
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                problems.add(path, key.start_mark.line + first_line, f"duplicate key {key.value}")
            seen.add(key.value)
    return source


def _read_text(file, path, problems):
    try:
        return file.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        problems.add(path, None, "not UTF-8 text")
    except OSError as error:
        problems.add(path, None, f"cannot be read: {error.strerror}")
    return None


def _read_markdown(file, path, problems):
    text = _read_text(file, path, problems)
    if text is None:
        return None
    lines = text.split("\n")
    if lines[0].rstrip("\r") != "---":
        problems.add(path, 1, "must start with a --- line opening the front matter")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") == "---"), None)
    if end is None:
        problems.add(path, 1, "the front matter has no closing --- line")
        return None
    source = _load_yaml("\n".join(lines[1:end]) + "\n", path, 2, problems)
    if source is None:
        return None
    if source.data is None:
        source.data = {}
    body = "\n".join(lines[end + 1 :])
    source.body = body.removesuffix("\n")
    source.body_line = end + 2
    return source


# Front matter keys: (name, check, required). A check turns the YAML value into the model value
# or raises ValueError with the message to report.


def _text(value):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text (put it in quotes)")
    return value


def _required_text(value):
    if not _text(value).strip():
        raise ValueError("must not be empty")
    return value


def _count(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number, 0 or more")
    return value


def _year(value):
    return None if value is None else _count(value)


def _flag(value):
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _status(value):
    if value not in Status.values:
        raise ValueError(f"must be one of {', '.join(Status.values)}, not {value!r}")
    return value


def _texts(value):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("must be a list of texts")
    if any(not item.strip() for item in value):
        raise ValueError("must not contain empty entries")
    return value


def _aliases(value):
    value = _texts(value)
    if any("," in alias for alias in value):
        raise ValueError("an alias cannot contain a comma (give each alias as its own entry)")
    return value


PUBLISHING_KEYS = (
    ("status", _status, False),
    ("published_at", parse_date, False),
    ("created_at", parse_date, False),
    ("updated_at", parse_date, False),
)
AUTHOR_KEYS = (
    ("name", _required_text, True),
    ("slug", _required_text, True),
    ("job_title", _text, False),
    ("organisation", _text, False),
    ("career_started", _year, False),
    ("website", _text, False),
    ("linkedin", _text, False),
    ("photo", _text, False),
    ("created_at", parse_date, False),
    ("updated_at", parse_date, False),
)
CHAPTER_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("position", _count, False),
    ("summary", _text, False),
    *PUBLISHING_KEYS,
)
ARTICLE_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("position", _count, False),
    ("summary", _text, False),
    ("author", _required_text, True),
    ("tags", _texts, False),
    *PUBLISHING_KEYS,
)
TOPIC_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("is_featured", _flag, False),
    ("articles", _texts, False),
)
TERM_KEYS = (
    ("term", _required_text, True),
    ("slug", _required_text, True),
    ("short_definition", _required_text, True),
    ("aliases", _aliases, False),
    ("related_terms", _texts, False),
    ("related_articles", _texts, False),
    ("tags", _texts, False),
    *PUBLISHING_KEYS,
)
TAG_KEYS = (("name", _required_text, True), ("slug", _required_text, True))
DEFAULTS = {"status": Status.DRAFT, "position": 0, "is_featured": False}


def _check(source, keys, problems, at=()):
    """The checked values of the mapping at `at` in `source`.

    A missing or wrong value is reported and replaced by its default (empty for a required
    one), so that the rest of the file can still be checked: the import stops before it writes
    anything anyway.
    """
    data = source.data
    for step in at:
        data = data[step]
    values = {name: "" if required else check(DEFAULTS.get(name)) for name, check, required in keys}
    if not isinstance(data, dict):
        problems.add(source.path, source.line(*at), "must be a mapping of keys to values")
        return values
    for key in data:
        if key not in values:
            problems.add(source.path, source.line(*at, key), f"unknown key {key}")
    for name, check, required in keys:
        if name not in data:
            if required:
                problems.add(source.path, source.line(*at), f"missing key {name}")
            continue
        try:
            values[name] = check(data[name])
        except ValueError as error:
            problems.add(source.path, source.line(*at, name), f"{name} {error}")
    return values


@dataclass
class Guide:
    """A checked folder, ready to import."""

    tags: list = field(default_factory=list)  # Sources with .values, one per tags.yaml entry
    authors: list = field(default_factory=list)
    chapters: list = field(default_factory=list)  # (chapter Source, [article Sources])
    topics: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    related_terms: dict = field(default_factory=dict)  # term slug -> set of term slugs
    media: dict = field(default_factory=dict)  # storage name -> Path in the folder


def read_guide(directory):
    """Parse and check the folder at `directory`; raise GuideProblems listing all problems."""
    root = Path(directory)
    problems = Problems()
    if not root.is_dir():
        raise GuideProblems([f"{root}: not a folder"])
    guide = Guide()
    _read_manifest(root, problems)
    _read_layout(root, guide, problems)
    _check_references(guide, problems)
    if problems:
        raise GuideProblems(problems.lines())
    return guide


def _visible(folder):
    return sorted(
        (entry for entry in folder.iterdir() if not entry.name.startswith(".")),
        key=lambda entry: entry.name,
    )


def _read_manifest(root, problems):
    if not (root / MANIFEST).is_file():
        problems.add(MANIFEST, None, "missing: this is not a kb guide folder")
        return
    text = _read_text(root / MANIFEST, MANIFEST, problems)
    source = None if text is None else _load_yaml(text, MANIFEST, 1, problems)
    if source is None:
        return
    data = source.data if isinstance(source.data, dict) else {}
    if data.get("format") != FORMAT:
        problems.add(MANIFEST, source.line("format"), f"format must be {FORMAT}")
    elif data.get("version") != VERSION:
        problems.add(
            MANIFEST,
            source.line("version"),
            f"version {data.get('version')!r} cannot be read; this site reads version {VERSION}",
        )


def _read_layout(root, guide, problems):
    for entry in _visible(root):
        name = entry.name
        if entry.is_symlink():
            problems.add(name, None, "symbolic links are not imported")
        elif name == MANIFEST:
            continue
        elif name == TAGS_FILE and entry.is_file():
            _read_tags(entry, guide, problems)
        elif name in (AUTHORS, TOPICS, GLOSSARY) and entry.is_dir():
            keys = {AUTHORS: AUTHOR_KEYS, TOPICS: TOPIC_KEYS, GLOSSARY: TERM_KEYS}[name]
            target = {AUTHORS: guide.authors, TOPICS: guide.topics, GLOSSARY: guide.terms}[name]
            for file in _markdown_files(entry, name, problems):
                source = _read_markdown(file, f"{name}/{file.name}", problems)
                if source:
                    source.values = _check(source, keys, problems)
                    target.append(source)
        elif name == CHAPTERS and entry.is_dir():
            _read_chapters(entry, guide, problems)
        elif name == MEDIA and entry.is_dir():
            _read_media(entry, MEDIA, guide, problems)
        else:
            problems.add(name, None, "not part of a kb guide folder")


def _markdown_files(folder, path, problems, skip=()):
    files = []
    for entry in _visible(folder):
        if entry.name in skip:
            continue
        if entry.is_file() and not entry.is_symlink() and entry.suffix == ".md":
            files.append(entry)
        else:
            problems.add(f"{path}/{entry.name}", None, "not part of a kb guide folder")
    return files


def _read_tags(file, guide, problems):
    text = _read_text(file, TAGS_FILE, problems)
    source = None if text is None else _load_yaml(text, TAGS_FILE, 1, problems)
    if source is None or source.data is None:
        return
    if not isinstance(source.data, list):
        problems.add(TAGS_FILE, 1, "must be a list of tags, each with a name and a slug")
        return
    for index in range(len(source.data)):
        values = _check(source, TAG_KEYS, problems, at=(index,))
        guide.tags.append(Source(TAGS_FILE, None, None, source.line(index), values=values))


def _read_chapters(folder, guide, problems):
    for entry in _visible(folder):
        path = f"{CHAPTERS}/{entry.name}"
        if not entry.is_dir() or entry.is_symlink():
            problems.add(path, None, "not part of a kb guide folder (chapters are folders)")
            continue
        articles = []
        for file in _markdown_files(entry, path, problems, skip=(CHAPTER_FILE,)):
            source = _read_markdown(file, f"{path}/{file.name}", problems)
            if source:
                source.values = _check(source, ARTICLE_KEYS, problems)
                articles.append(source)
        chapter_file = entry / CHAPTER_FILE
        chapter = None
        if not chapter_file.is_file() or chapter_file.is_symlink():
            problems.add(f"{path}/{CHAPTER_FILE}", None, "missing: every chapter folder has one")
        else:
            chapter = _read_markdown(chapter_file, f"{path}/{CHAPTER_FILE}", problems)
        if chapter:
            chapter.values = _check(chapter, CHAPTER_KEYS, problems)
        else:  # reported; keep the articles, so that their own problems are found too
            chapter = Source(f"{path}/{CHAPTER_FILE}", None, None, 1, values={"slug": ""})
        guide.chapters.append((chapter, articles))


def _read_media(folder, path, guide, problems):
    for entry in _visible(folder):
        relative = f"{path}/{entry.name}"
        if entry.is_symlink():
            problems.add(relative, None, "symbolic links are not imported")
        elif entry.is_dir():
            _read_media(entry, relative, guide, problems)
        elif entry.is_file():
            guide.media[relative.removeprefix(f"{MEDIA}/")] = entry
        else:
            problems.add(relative, None, "not a file")


def _duplicates(sources, key, problems, label):
    seen = {}
    for source in sources:
        value = key(source)
        if not value:  # missing or wrong: reported already
            continue
        if value in seen:
            problems.add(
                source.path,
                source.line("slug"),
                f"{label} {value} is also used by {seen[value].path}",
            )
        else:
            seen[value] = source


def _check_references(guide, problems):
    chapters = [chapter for chapter, _articles in guide.chapters]
    _duplicates(guide.authors, lambda s: s.values["slug"], problems, "slug")
    _duplicates(chapters, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.topics, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.terms, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.tags, lambda s: s.values["name"].casefold(), problems, "tag")
    _duplicates(guide.tags, lambda s: s.values["slug"], problems, "tag slug")
    for _chapter, articles in guide.chapters:
        _duplicates(articles, lambda s: s.values["slug"], problems, "slug")

    # What references may point at: the folder's own items, then what the site already has.
    authors = {s.values["slug"] for s in guide.authors}
    article_refs = {
        f"{chapter.values['slug']}/{article.values['slug']}"
        for chapter, articles in guide.chapters
        for article in articles
        if chapter.values["slug"]
    }
    terms = {s.values["slug"] for s in guide.terms}

    def known(wanted, have, lookup):
        missing = set(wanted) - have
        return have | (lookup(missing) if missing else set())

    all_articles = [article for _chapter, articles in guide.chapters for article in articles]
    authors = known(
        {s.values["author"] for s in all_articles},
        authors,
        lambda slugs: set(Author.objects.filter(slug__in=slugs).values_list("slug", flat=True)),
    )
    wanted_refs = {
        ref for s in guide.topics + guide.terms for ref in s.values.get("articles", [])
    } | {ref for s in guide.terms for ref in s.values["related_articles"]}
    article_refs = known(wanted_refs, article_refs, _existing_article_refs)
    terms = known(
        {slug for s in guide.terms for slug in s.values["related_terms"]},
        terms,
        lambda slugs: set(
            GlossaryTerm.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        ),
    )

    for article in all_articles:
        if article.values["author"] and article.values["author"] not in authors:
            problems.add(
                article.path,
                article.line("author"),
                f"unknown author {article.values['author']} "
                f"(no {AUTHORS}/<slug>.md has it, nor does the site)",
            )
    for topic in guide.topics:
        _check_list(topic, "articles", article_refs, "article", problems)
    for term in guide.terms:
        _check_list(term, "related_articles", article_refs, "article", problems)
        _check_list(term, "related_terms", terms, "glossary term", problems)
        slug = term.values["slug"]
        if slug in term.values["related_terms"]:
            index = term.values["related_terms"].index(slug)
            problems.add(
                term.path, term.line("related_terms", index), "a term cannot relate to itself"
            )
    # Related terms go both ways: listing one side is enough.
    in_folder = {term.values["slug"] for term in guide.terms}
    for term in guide.terms:
        slug = term.values["slug"]
        guide.related_terms.setdefault(slug, set()).update(term.values["related_terms"])
        for other in set(term.values["related_terms"]) & in_folder:
            guide.related_terms.setdefault(other, set()).add(slug)
    for source in all_articles + guide.terms:
        _check_list(source, "tags", None, "tag", problems)

    _check_media(guide, problems)


def _existing_article_refs(refs):
    pairs = [ref.split("/") for ref in refs if ref.count("/") == 1]
    chapter_slugs = {chapter for chapter, _slug in pairs}
    return {
        f"{chapter}/{slug}"
        for chapter, slug in Article.objects.filter(section__slug__in=chapter_slugs).values_list(
            "section__slug", "slug"
        )
    } & set(refs)


def _check_list(source, key, known, label, problems):
    """Report repeated entries in the list under `key`, and (unless known is None) unknown ones."""
    seen = set()
    for index, value in enumerate(source.values[key]):
        line = source.line(key, index)
        folded = value.casefold() if label == "tag" else value
        if folded in seen:
            problems.add(source.path, line, f"{label} {value} is listed twice")
        seen.add(folded)
        if known is None or value in known:
            continue
        if label == "article" and value.count("/") != 1:
            problems.add(source.path, line, f"{value}: write articles as <chapter-slug>/<slug>")
        else:
            problems.add(source.path, line, f"unknown {label} {value}")


def _check_media(guide, problems):
    for author in guide.authors:
        photo = author.values["photo"]
        if not photo:
            continue
        if not _safe_media_name(photo):
            problems.add(author.path, author.line("photo"), "photo must be a name under media/")
        elif photo not in guide.media:
            problems.add(
                author.path, author.line("photo"), f"photo file {MEDIA}/{photo} is missing"
            )
    sources = (
        guide.authors
        + [chapter for chapter, _articles in guide.chapters]
        + [article for _chapter, articles in guide.chapters for article in articles]
        + guide.topics
        + guide.terms
    )
    for source in sources:
        for name, line in media_links(source.body):
            if name not in guide.media and not default_storage.exists(name):
                problems.add(
                    source.path,
                    source.body_line + line - 1,
                    f"links to {settings.MEDIA_URL}{name}, but {MEDIA}/{name} is missing",
                )


# Import --------------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    media_copied: int = 0


def import_guide(directory):
    """Load the folder at `directory` into the site, all or nothing; see the module docstring.

    Raises GuideProblems (having written nothing) if the folder or any item in it is invalid.
    """
    guide = read_guide(directory)
    with transaction.atomic():
        importer = _Importer(guide)
        importer.run()
        if importer.problems:
            raise GuideProblems(importer.problems.lines())  # rolls the transaction back
        # Each item as imported is a version of its own, so an import can be undone item by
        # item in the admin's history (kb/history.py).
        for obj in importer.saved:
            if reversion.is_registered(type(obj)):
                with reversion.create_revision():
                    reversion.set_comment(f"Imported from {directory}.")
                    reversion.add_to_revision(obj)
        importer.summary.media_copied = _copy_media(guide.media)
    return importer.summary


# Model fields kept in a file's body rather than its front matter: their validation errors point
# at the body's first line. Other fields' errors point at the key of the same name.
MARKDOWN_FIELDS = {"intro", "body", "bio", "explanation", "description"}


class _Importer:
    def __init__(self, guide):
        self.guide = guide
        self.problems = Problems()
        self.summary = ImportSummary()
        self.timestamps = []  # (model, pk, created_at, updated_at)
        self.saved = []  # everything written, in order
        self.tags = {}  # casefolded name -> Tag
        self.articles = {}  # "chapter/article" -> Article, or None if it could not be saved

    def run(self):
        self.import_tags()
        authors = self.import_authors()
        self.import_chapters(authors)
        self.import_topics()
        self.import_terms()
        for model, pk, created_at, updated_at in self.timestamps:
            stamps = {"created_at": created_at, "updated_at": updated_at}
            stamps = {name: value for name, value in stamps.items() if value is not None}
            if stamps:
                model.objects.filter(pk=pk).update(**stamps)

    def save(self, obj, source, label, exclude=()):
        """full_clean and save `obj`; a validation error becomes a problem and False."""
        exclude = {f.name for f in obj._meta.concrete_fields if not f.editable} | set(exclude)
        try:
            obj.full_clean(exclude=exclude)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in MARKDOWN_FIELDS:
                    line = source.body_line
                else:
                    line = source.line(name) if name != "__all__" else source.line()
                for message in messages:
                    prefix = "" if name == "__all__" else f"{name}: "
                    self.problems.add(source.path, line, prefix + message)
            return False
        counter = self.summary.created if obj.pk is None else self.summary.updated
        obj.save()
        self.saved.append(obj)
        counter[label] += 1
        if "created_at" in source.values:
            self.timestamps.append(
                (type(obj), obj.pk, source.values["created_at"], source.values["updated_at"])
            )
        return True

    def tag_objects(self, names):
        return [self.tags[name.casefold()] for name in names if name.casefold() in self.tags]

    def import_tags(self):
        """Every tag in tags.yaml, then any other tag an item names (spelled as first seen,
        with a slug made by taggit)."""
        named = [(entry.values["name"], entry.values["slug"], entry) for entry in self.guide.tags]
        listed = {name.casefold() for name, _slug, _entry in named}
        articles = [article for _chapter, articles in self.guide.chapters for article in articles]
        for source in articles + self.guide.terms:
            for index, name in enumerate(source.values["tags"]):
                if name.casefold() not in listed:
                    listed.add(name.casefold())
                    located = Source(source.path, None, None, source.line("tags", index))
                    named.append((name, None, located))
        for name, slug, source in named:
            tag = (
                Tag.objects.filter(name=name).first()
                or Tag.objects.filter(name__iexact=name).first()
                or Tag()
            )
            tag.name = name
            if slug is not None:
                tag.slug = slug
            if self.save(tag, source, "tags", exclude=() if tag.slug else ("slug",)):
                self.tags[name.casefold()] = tag

    def import_authors(self):
        authors = {}
        for source in self.guide.authors:
            values = source.values
            author = Author.objects.filter(slug=values["slug"]).first() or Author()
            for name in ("name", "slug", "job_title", "organisation", "career_started"):
                setattr(author, name, values[name])
            author.website, author.linkedin = values["website"], values["linkedin"]
            author.photo.name = values["photo"]
            author.bio = source.body
            authors[values["slug"]] = author if self.save(author, source, "authors") else None
        return authors

    def import_chapters(self, authors):
        for chapter_source, article_sources in self.guide.chapters:
            values = chapter_source.values
            section = Section.objects.filter(slug=values["slug"]).first() or Section()
            for name in ("title", "slug", "position", "summary", "status", "published_at"):
                setattr(section, name, values[name])
            section.intro = chapter_source.body
            if not self.save(section, chapter_source, "chapters"):
                continue
            for source in article_sources:
                values = source.values
                ref = f"{section.slug}/{values['slug']}"
                author = authors.get(values["author"], False)
                if author is False:
                    author = Author.objects.get(slug=values["author"])
                if author is None:  # its own file was invalid, and is reported
                    self.articles[ref] = None
                    continue
                article = Article.objects.filter(
                    section=section, slug=values["slug"]
                ).first() or Article(section=section)
                for name in ("title", "slug", "position", "summary", "status", "published_at"):
                    setattr(article, name, values[name])
                article.author = author
                article.body = source.body
                if self.save(article, source, "articles"):
                    article.tags.set(self.tag_objects(values["tags"]))
                    self.articles[ref] = article
                else:
                    self.articles[ref] = None

    def article(self, ref):
        """The article for "chapter/article": from this import, else the site; None if failed."""
        if ref in self.articles:
            return self.articles[ref]
        chapter, slug = ref.split("/")
        return Article.objects.get(section__slug=chapter, slug=slug)

    def import_topics(self):
        for source in self.guide.topics:
            values = source.values
            topic = Topic.objects.filter(slug=values["slug"]).first() or Topic()
            topic.title, topic.slug = values["title"], values["slug"]
            topic.is_featured = values["is_featured"]
            topic.description = source.body
            if not self.save(topic, source, "topics"):
                continue
            articles = [self.article(ref) for ref in values["articles"]]
            topic.memberships.all().delete()
            TopicMembership.objects.bulk_create(
                TopicMembership(topic=topic, article=article, position=position)
                for position, article in enumerate(articles, start=1)
                if article is not None
            )

    def import_terms(self):
        terms = {}
        for source in self.guide.terms:
            values = source.values
            term = GlossaryTerm.objects.filter(slug=values["slug"]).first() or GlossaryTerm()
            for name in ("term", "slug", "short_definition", "status", "published_at"):
                setattr(term, name, values[name])
            term.aliases = ", ".join(values["aliases"])
            term.explanation = source.body
            if self.save(term, source, "glossary terms"):
                terms[term.slug] = term
                term.tags.set(self.tag_objects(values["tags"]))
                articles = [self.article(ref) for ref in values["related_articles"]]
                term.related_articles.set([a for a in articles if a is not None])
        # Both sides of each pair are in guide.related_terms; a term not in the folder comes
        # from the site.
        in_folder = {source.values["slug"] for source in self.guide.terms}
        for slug, term in terms.items():
            related = self.guide.related_terms.get(slug, set())
            from_site = GlossaryTerm.objects.filter(slug__in=related - in_folder)
            term.related_terms.set([terms[other] for other in related & set(terms)] + [*from_site])


def _copy_media(files):
    """Copy the folder's media files into default storage under the same names.

    Identical files are left as they are, different ones replaced. Files this import created
    are removed again if a later copy fails (and the database rolls back); a replaced file
    keeps its new content.
    """
    created, copied = [], 0
    try:
        for name, path in sorted(files.items()):
            data = path.read_bytes()
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as existing:
                    if existing.read() == data:
                        continue
                default_storage.delete(name)
            else:
                created.append(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise OSError(f"storage saved {name} as {saved}")
            copied += 1
    except BaseException:
        for name in created:
            default_storage.delete(name)
        raise
    return copied
