"""Export: the whole guide written to a folder (the format is described in folder.py)."""

import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

from articles.models import Article, Section, Topic
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.guide_io.folder import (
    MANAGED,
    MANIFEST,
    MEDIA,
    TAGS_FILE,
    exported,
    item_file,
    manifest,
    media_links,
    safe_media_name,
    tags_file,
)
from kb.tags.models import Tag

# (kind as counted, model, its Markdown field), in the order the export writes them.
ITEMS = (
    ("authors", Author, "bio"),
    ("chapters", Section, "intro"),
    ("articles", Article, "body"),
    ("topics", Topic, "description"),
    ("glossary terms", GlossaryTerm, "explanation"),
)


class ExportRefused(Exception):
    """The export folder holds something other than an earlier export."""


@dataclass
class ExportSummary:
    counts: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)


def export_guide(directory, *, dates_relative_to=None, progress=None):
    """Write the whole guide to `directory` (created, or an earlier export that is replaced).

    `dates_relative_to` (a time) goes into kb-guide.yaml: see folder.py. `progress(kind,
    done, total)`, if given, hears how far each kind of item is. Items are read 500 at a
    time, so memory stays flat whatever the size of the guide.
    """
    root = Path(directory)
    _prepare_export_folder(root)
    summary = ExportSummary()
    media = {}  # storage name -> the file that refers to it (for the warning if it is missing)

    def write(relative, text):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))

    write(MANIFEST, manifest(dates_relative_to))
    tags = list(Tag.objects.all())
    write(TAGS_FILE, tags_file(tags))
    summary.counts["tags"] = len(tags)

    for kind, model, markdown_field in ITEMS:
        summary.counts[kind] = 0
        total = model.objects.count()
        for item in exported(model).iterator(chunk_size=500):
            relative, text = item_file(item)
            if model is Author and item.photo:
                if safe_media_name(item.photo.name):
                    media.setdefault(item.photo.name, relative)
                else:
                    summary.warnings.append(
                        f"{relative}: the photo name {item.photo.name} is not a storage name "
                        "under media/, so the file is not in the export"
                    )
            for name, _line in media_links(getattr(item, markdown_field)):
                media.setdefault(name, relative)
            write(relative, text)
            summary.counts[kind] += 1
            if progress is not None:
                progress(kind, summary.counts[kind], max(total, summary.counts[kind]))

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
