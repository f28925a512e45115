"""Tag names as readers and editors mean them.

Editors type tags separated by commas, so multi-word tags ("product management") need no quotes.
"Café" typed on two keyboards (composed or decomposed), " python " and "Python" are one tag:
names are NFC-normalised, trimmed and de-duplicated without regard to case before taggit sees
them (TAGGIT_CASE_INSENSITIVE then matches existing tags the same way).
"""

import unicodedata

from django import forms
from taggit.forms import TagField
from taggit.managers import TaggableManager

MAX_TAG_LENGTH = 100


def normalise_tag_name(name):
    return " ".join(unicodedata.normalize("NFC", name).split()).strip('"')


def parse_tags(tagstring):
    """TAGGIT_TAGS_FROM_STRING: "Agile, product  management, agile" -> two tags.

    Commas separate tags; case-insensitive duplicates keep the first spelling.
    """
    names = {}
    for raw in (tagstring or "").split(","):
        name = normalise_tag_name(raw).strip()
        if name:
            names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)


def tags_to_string(tags):
    """TAGGIT_STRING_FROM_TAGS: the inverse of parse_tags, for the edit form."""
    return ", ".join(sorted((tag.name for tag in tags), key=str.casefold))


class TagNamesField(TagField):
    """The admin's tag input: a form error, not a database error, for an over-long tag."""

    def clean(self, value):
        names = super().clean(value)
        too_long = [name for name in names if len(name) > MAX_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                "Tags can be at most %(max)d characters long; shorten: %(names)s",
                params={"max": MAX_TAG_LENGTH, "names": ", ".join(n[:40] + "…" for n in too_long)},
                code="tag_too_long",
            )
        return names


# The admin's formfield_overrides for every model with tags.
TAG_FIELD = {TaggableManager: {"form_class": TagNamesField}}
