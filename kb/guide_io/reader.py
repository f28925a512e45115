"""Reading a guide folder (folder.py) into a checked Guide, before anything is written.

Problems are collected, not raised one at a time: a folder with any problem is rejected with
all of them, each as "path:line: message".
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import yaml

from kb.guide_io.folder import (
    AUTHORS,
    CHAPTER_FILE,
    CHAPTERS,
    FORMAT,
    GLOSSARY,
    MANIFEST,
    MEDIA,
    READABLE_VERSIONS,
    TAGS_FILE,
    TOPICS,
    VERSION,
    parse_date,
)
from kb.guide_io.validation import (
    ARTICLE_KEYS,
    AUTHOR_KEYS,
    CHAPTER_KEYS,
    DAY_KEYS,
    TAG_KEYS,
    TERM_KEYS,
    TIME_KEYS,
    TOPIC_KEYS,
    check_references,
    check_values,
)


class GuideProblems(Exception):
    """A folder that cannot be imported, with every problem found as "path:line: message"."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


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

    lines: dict | None = None  # once compacted: {(key,) or (key, index): line}

    def compact(self):
        """Keep only the lines of the front matter's keys and list items, which is all that is
        asked for once the values are checked, not the YAML tree: a tree with its marks costs
        ~16 KB a file, 200 MB for a 12,000-file guide."""
        lines = {}
        if isinstance(self.node, yaml.MappingNode):
            for key, value in self.node.value:
                lines[(key.value,)] = key.start_mark.line + self.first_line
                if isinstance(value, yaml.SequenceNode):
                    for index, item in enumerate(value.value):
                        lines[(key.value, index)] = item.start_mark.line + self.first_line
        self.lines, self.node, self.data = lines, None, None

    def line(self, *steps):
        """The file line of a key (or list index) path in the YAML, or of the nearest parent."""
        if self.lines is not None:
            for length in range(len(steps), 0, -1):
                if steps[:length] in self.lines:
                    return self.lines[steps[:length]]
            return self.first_line
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
    dates_relative_to: datetime | None = None  # from kb-guide.yaml; see folder.py

    @property
    def chapter_sources(self):
        return [chapter for chapter, _articles in self.chapters]

    @property
    def articles(self):
        return [article for _chapter, articles in self.chapters for article in articles]

    def move_dates(self, days):
        """Move every time and day in the folder `days` days later (earlier if negative)."""
        delta = timedelta(days=days)
        sources = self.authors + self.chapter_sources + self.articles + self.topics + self.terms
        for source in sources:
            for key in (TIME_KEYS | DAY_KEYS) & source.values.keys():
                if source.values[key] is not None:
                    source.values[key] += delta
        if self.dates_relative_to is not None:
            self.dates_relative_to += delta


def read_guide(directory):
    """Parse and check the folder at `directory`; raise GuideProblems listing all problems."""
    root = Path(directory)
    problems = Problems()
    if not root.is_dir():
        raise GuideProblems([f"{root}: not a folder"])
    guide = Guide()
    _read_manifest(root, guide, problems)
    _read_layout(root, guide, problems)
    check_references(guide, problems)
    if problems:
        raise GuideProblems(problems.lines())
    return guide


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader (its libyaml parser where PyYAML has it: a fifth of the time per
    file, which counts at 10,000 files), except that dates stay text: parse_date reads them,
    so that a bad date is reported at its key like any other bad value (not as a crash in
    PyYAML)."""


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


def _visible(folder):
    return sorted(
        (entry for entry in folder.iterdir() if not entry.name.startswith(".")),
        key=lambda entry: entry.name,
    )


def _read_manifest(root, guide, problems):
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
    elif data.get("version") not in READABLE_VERSIONS:
        problems.add(
            MANIFEST,
            source.line("version"),
            f"version {data.get('version')!r} cannot be read; this site reads versions up to "
            f"{VERSION}",
        )
    try:
        guide.dates_relative_to = parse_date(data.get("dates_relative_to"))
    except ValueError as error:
        problems.add(MANIFEST, source.line("dates_relative_to"), f"dates_relative_to {error}")


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
                    source.values = check_values(source, keys, problems)
                    source.compact()
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
        values = check_values(source, TAG_KEYS, problems, at=(index,))
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
                source.values = check_values(source, ARTICLE_KEYS, problems)
                source.compact()
                articles.append(source)
        chapter_file = entry / CHAPTER_FILE
        chapter = None
        if not chapter_file.is_file() or chapter_file.is_symlink():
            problems.add(f"{path}/{CHAPTER_FILE}", None, "missing: every chapter folder has one")
        else:
            chapter = _read_markdown(chapter_file, f"{path}/{CHAPTER_FILE}", problems)
        if chapter:
            chapter.values = check_values(chapter, CHAPTER_KEYS, problems)
            chapter.compact()
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
