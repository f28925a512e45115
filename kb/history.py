"""Versions of what editors write, read back and compared.

django-reversion keeps a version of an article, chapter, topic, author or glossary term at every
save (see the registrations in each app's models.py and `VersionedAdmin` in kb/admin.py). A
version holds the object's own fields and, through `follow`, the rows that tie it to others as
they were then: the tag rows of an article or term (TaggedArticle, TaggedTerm) and
topic memberships. Tags themselves are not versioned: a restore puts back which tags an item had,
it never renames or deletes a tag that other items share.

This module turns a version, the saved object or a submitted form into a Snapshot (what an editor
would read: one labelled text per field), and two snapshots into the list of Changes between
them, with a line diff of long text (Markdown) in which the changed words are marked.
"""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from reversion.models import Version
from taggit.managers import TaggableManager

# Kept out of comparisons: bookkeeping every save changes.
NOT_COMPARED = frozenset({"created_at", "updated_at"})
CONTEXT_LINES = 3


@dataclass(frozen=True)
class Entry:
    label: str
    text: str
    is_long: bool = False  # compared line by line


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str
    diff: str = ""  # a line diff (HTML) for long text; empty for short values

    @property
    def is_long(self):
        return bool(self.diff)


# --- What is versioned ------------------------------------------------------------------------

# {model label: the relations its versions follow}, recorded by `register` below.
_FOLLOWED = {}


def register(*, follow=(), **options):
    """`reversion.register` as a class decorator that also records `follow` for `followed()`.

    reversion keeps each registration's `follow` private, so a model whose versions follow
    related rows registers through here; one registered with plain `reversion.register()`
    follows nothing.
    """

    def decorator(model):
        reversion.register(model, follow=follow, **options)
        _FOLLOWED[model._meta.label_lower] = tuple(follow)
        return model

    return decorator


def followed(model):
    """The relations (accessor names) that `model`'s versions follow."""
    if not reversion.is_registered(model):
        raise reversion.RegistrationError(f"{model} has not been registered with django-reversion")
    return _FOLLOWED.get(model._meta.label_lower, ())


# --- What is compared -------------------------------------------------------------------------


def compared_fields(model):
    """The fields an editor sets, in form order: editable, not derived, not bookkeeping."""
    fields = []
    for field in model._meta.get_fields():
        if field.auto_created or not getattr(field, "editable", False) or field.primary_key:
            continue
        if field.name in NOT_COMPARED or isinstance(field, TaggableManager):
            continue
        if field.many_to_many and not field.remote_field.through._meta.auto_created:
            continue  # a custom through model (topic memberships) is a relation, below
        if field.concrete or field.many_to_many:
            fields.append(field)
    return fields


@dataclass(frozen=True)
class Relation:
    """Rows that join an object to others, versioned with it (reversion's `follow`)."""

    label: str  # "tags", "topics", "articles"
    row_model: type
    back: models.ForeignKey  # the row's link to the versioned object
    target: models.ForeignKey  # the row's link to what the object is joined to

    @property
    def ordered(self):
        return any(field.name == "position" for field in self.row_model._meta.fields)


def relations(model):
    """The followed relations of `model` whose rows join it to another model."""
    found = []
    for name in followed(model):
        rel = next(
            (
                rel
                for rel in model._meta.related_objects
                if rel.get_accessor_name() == name and rel.one_to_many
            ),
            None,
        )
        if rel is None:
            continue
        row_model = rel.related_model
        targets = [
            field
            for field in row_model._meta.fields
            if field.many_to_one and field != rel.field and field.name != "content_type"
        ]
        if targets:
            target = targets[0]
            label = str(target.related_model._meta.verbose_name_plural)
            found.append(Relation(label, row_model, rel.field, target))
    return found


# --- Snapshots --------------------------------------------------------------------------------


def snapshot_of_object(obj):
    """The object as saved now, with its tags and memberships."""
    model = type(obj)
    values = {}
    for field in compared_fields(model):
        if field.many_to_many:
            values[field.name] = list(getattr(obj, field.name).values_list("pk", flat=True))
        else:
            values[field.name] = getattr(obj, field.attname)
    rows = {}
    for relation in relations(model):
        rows[relation.label] = [
            _row_values(relation, row)
            for row in relation.row_model._default_manager.filter(**{relation.back.name: obj.pk})
        ]
    return _snapshot(model, values, rows)


def snapshot_of_version(version):
    """The object as this version saved it, with the tags and memberships of its revision."""
    model = version._model
    field_dict = version.field_dict
    values = {}
    for field in compared_fields(model):
        key = field.name if field.many_to_many else field.attname
        if key in field_dict:
            values[field.name] = field_dict[key]
    rows = {}
    siblings = version.revision.version_set.all()
    for relation in relations(model):
        content_type = ContentType.objects.get_for_model(relation.row_model)
        rows[relation.label] = [
            _row_values(relation, row.field_dict)
            for row in siblings
            if row.content_type_id == content_type.pk
            and str(row.field_dict.get(relation.back.attname)) == str(version.object_id)
        ]
    return _snapshot(model, values, rows)


def snapshot_of_form(form, saved):
    """What saving `form` would store: the saved snapshot with the form's fields replaced."""
    model = form._meta.model
    entries = dict(saved)
    for field in compared_fields(model):
        if field.name in form.cleaned_data:
            value = form.cleaned_data[field.name]
            if field.many_to_many:
                value = [item.pk for item in value]
            elif field.many_to_one and value is not None:
                value = value.pk
            entries[field.name] = _entry(field, value)
    tags = next((f for f in model._meta.get_fields() if isinstance(f, TaggableManager)), None)
    if tags is not None and tags.name in form.cleaned_data:
        names = [str(name) for name in form.cleaned_data[tags.name]]
        entries["tags"] = Entry("tags", ", ".join(sorted(names, key=str.casefold)))
    return entries


def _row_values(relation, row):
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    position = get("position") if relation.ordered else None
    return position, get(relation.target.attname)


def _snapshot(model, values, rows):
    entries = {}
    for field in compared_fields(model):
        if field.name in values:
            entries[field.name] = _entry(field, values[field.name])
    for relation in relations(model):
        entries[relation.label] = _relation_entry(relation, rows.get(relation.label, []))
    return entries


def _names(model, pks):
    found = model._default_manager.in_bulk(list({pk for pk in pks if pk is not None}))
    verbose = model._meta.verbose_name
    return {pk: str(found[pk]) if pk in found else f"(deleted {verbose} #{pk})" for pk in pks}


def _entry(field, value):
    label = str(field.verbose_name)
    if field.many_to_many:
        names = _names(field.related_model, value or [])
        return Entry(label, ", ".join(sorted(names.values(), key=str.casefold)))
    if field.many_to_one:
        return Entry(label, "" if value is None else _names(field.related_model, [value])[value])
    if field.choices:
        return Entry(label, str(dict(field.flatchoices).get(value, value or "")))
    if isinstance(field, models.BooleanField):
        return Entry(label, "yes" if value else "no")
    if isinstance(field, models.DateTimeField):
        text = date_format(timezone.localtime(value), "j M Y, H:i") if value else ""
        return Entry(label, text)
    if isinstance(field, models.DateField):
        return Entry(label, date_format(value, "j M Y") if value else "")
    text = "" if value is None else str(value)
    return Entry(label, text, is_long=isinstance(field, models.TextField))


def _relation_entry(relation, rows):
    names = _names(relation.target.related_model, [target for _, target in rows])
    if relation.ordered:
        ordered = sorted(rows, key=lambda row: (row[0] or 0, names[row[1]].casefold()))
        return Entry(relation.label, "\n".join(f"{pos}. {names[t]}" for pos, t in ordered), True)
    return Entry(relation.label, ", ".join(sorted(names.values(), key=str.casefold)))


# --- Comparing --------------------------------------------------------------------------------


def compare(old, new):
    """The Changes from snapshot `old` to snapshot `new`, in field order."""
    changes = []
    for key in [*new, *(key for key in old if key not in new)]:
        before, after = old.get(key), new.get(key)
        entry = after or before
        old_text, new_text = before.text if before else "", after.text if after else ""
        if old_text == new_text:
            continue
        diff = line_diff(old_text, new_text) if entry.is_long else ""
        changes.append(Change(entry.label, old_text, new_text, diff))
    return changes


def versions_of(obj):
    """The object's versions, newest first, with who saved them."""
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


WORDS = re.compile(r"\s+|[^\s\w]|\w+")


def line_diff(old, new, context=CONTEXT_LINES):
    """A unified line diff as an HTML table: changed lines in full, changed words marked.

    Everything from the texts is escaped (format_html); only kb's own markup is HTML.
    """
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    rows = []
    for number, group in enumerate(matcher.get_grouped_opcodes(context)):
        if number or group[0][1] > 0 or group[0][3] > 0:
            rows.append(mark_safe('<tr class="kb-diff__gap"><td colspan="3">…</td></tr>'))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset, line in enumerate(old_lines[i1:i2]):
                    rows.append(
                        _row("same", i1 + offset + 1, j1 + offset + 1, format_html("{}", line))
                    )
                continue
            removed, added = old_lines[i1:i2], new_lines[j1:j2]
            pairs = min(len(removed), len(added)) if tag == "replace" else 0
            marked = [_mark_words(removed[k], added[k]) for k in range(pairs)]
            for k, line in enumerate(removed):
                html = marked[k][0] if k < pairs else format_html("<del>{}</del>", line)
                rows.append(_row("removed", i1 + k + 1, "", html))
            for k, line in enumerate(added):
                html = marked[k][1] if k < pairs else format_html("<ins>{}</ins>", line)
                rows.append(_row("added", "", j1 + k + 1, html))
    if not rows:
        return ""
    return format_html(
        '<table class="kb-diff"><thead><tr><th scope="col">Before</th>'
        '<th scope="col">After</th><th scope="col">Text</th></tr></thead><tbody>{}</tbody></table>',
        mark_safe("".join(rows)),
    )


MARKERS = {"same": " ", "removed": "−", "added": "+"}
SPOKEN = {"same": "", "removed": "Removed: ", "added": "Added: "}


def _row(kind, old_number, new_number, html):
    return format_html(
        '<tr class="kb-diff__{}"><td class="kb-diff__number">{}</td>'
        '<td class="kb-diff__number">{}</td><td class="kb-diff__text">'
        '<span class="kb-diff__marker" aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span>{}</td></tr>',
        kind,
        old_number,
        new_number,
        MARKERS[kind],
        SPOKEN[kind],
        html,
    )


def _mark_words(old_line, new_line):
    """The two lines with the words that differ wrapped in <del> and <ins>."""
    old_words, new_words = WORDS.findall(old_line), WORDS.findall(new_line)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    before, after = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            before.append(format_html("{}", old_part))
            after.append(format_html("{}", new_part))
            continue
        if old_part:
            before.append(format_html("<del>{}</del>", old_part))
        if new_part:
            after.append(format_html("<ins>{}</ins>", new_part))
    return (
        format_html_join("", "{}", ((part,) for part in before)),
        format_html_join("", "{}", ((part,) for part in after)),
    )
