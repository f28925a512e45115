import hashlib

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import NaturalKeyManager, TagBase

from kb.changes import ChangeTrackingQuerySet


class Tag(TagBase):
    """A tag shared by articles and glossary terms; its slug is always a usable URL part."""

    # A bulk rename (`Tag.objects.filter(...).update(name=...)`) is announced like a save.
    objects = NaturalKeyManager.from_queryset(ChangeTrackingQuerySet)()

    class Meta:
        # The table it had when tags were part of articles (migration 0001 here).
        db_table = "articles_tag"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="tag_unique_name_ignoring_case"),
        ]

    def slugify(self, tag, i=None):
        # Leave room for taggit's "_<n>" suffix within the 100-character column.
        slug = slugify(tag, allow_unicode=True)[:90].strip("-")
        if not slug:
            # A tag of emoji or punctuation only ("🚀", "C++" -> "c" is fine, "+++" is not).
            slug = "tag-" + hashlib.sha1(tag.encode()).hexdigest()[:10]
        if i is not None:
            slug += f"_{i}"
        return slug

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})
