"""One way to keep derived data fresh: every write to content is announced, by one mechanism.

Derived data (the search lexicon, the glossary's "Used in" relation, cached pages, counts) must
follow every path that writes content: `save()` and `delete()` (also through restores, imports
and the admin), `QuerySet.update()` (the admin's bulk publish and unpublish, a bulk tag rename),
`bulk_create()`/`bulk_update()`, and the many-to-many rows of tags and exclusions. Each of
those paths ends here, and the keepers of derived data listen to two signals:

- `content_changed(sender=model, pks=...)`, sent inside the writing transaction: for derived
  rows that must commit or roll back with the change (a relation table);
- `content_committed(sender=model, pks=...)`, sent after the transaction commits (and never if
  it rolls back): for caches. Dropping a cache before the commit would let another process
  rebuild it from the old rows in between.

`pks` is the set of primary keys written, or None when a path cannot tell cheaply. Models take
part by using `ChangeTrackingQuerySet` (or a subclass) for their manager, which covers the bulk
paths, and by being passed to `track()` from their AppConfig.ready(), which covers saves,
deletions and many-to-many changes (signals Django sends for those paths).

Search vectors are not kept here: the database keeps them itself, by trigger, on every write
whatever its path (kb/search).
"""

from functools import partial

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

content_changed = Signal()
content_committed = Signal()


def announce(model, pks=None, using=None):
    """Tell the keepers that rows of `model` changed: now, and again once committed."""
    pks = None if pks is None else frozenset(pks)
    content_changed.send(sender=model, pks=pks)
    transaction.on_commit(partial(content_committed.send, sender=model, pks=pks), using=using)


class ChangeTrackingQuerySet(models.QuerySet):
    """A queryset whose bulk writes are announced like saves (see the module's docstring)."""

    def update(self, **kwargs):
        pks = set(self.values_list("pk", flat=True))
        updated = super().update(**kwargs)
        if pks:
            announce(self.model, pks, self.db)
        return updated

    update.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            # Without RETURNING (some backends, some options) the new keys are unknown.
            pks = {obj.pk for obj in created}
            announce(self.model, None if None in pks else pks, self.db)
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        updated = super().bulk_update(objs, fields, *args, **kwargs)
        if updated:
            announce(self.model, {obj.pk for obj in objs}, self.db)
        return updated


def _saved(sender, instance, using, **kwargs):
    announce(sender, {instance.pk}, using)


def _deleted(sender, instance, using, **kwargs):
    announce(sender, {instance.pk}, using)


def _relation_changed(sender, instance, action, reverse, model, pk_set, using, **kwargs):
    if not action.startswith("post_"):
        return
    # The rows on both sides changed: the instance, and those added or removed (all of them,
    # unknown here, when the relation was cleared).
    announce(type(instance), {instance.pk}, using)
    announce(model, pk_set if action != "post_clear" else None, using)


def track(*models):
    """Announce every save and deletion of these models and, for a many-to-many through model
    (tags, exclusions), every change to the relation. Called from AppConfig.ready()."""
    for model in models:
        uid = f"kb_changes_{model._meta.label_lower}"
        # m2m_changed is sent with the through model as sender (Django's and taggit's).
        m2m_changed.connect(_relation_changed, sender=model, dispatch_uid=uid + "_m2m")
        post_save.connect(_saved, sender=model, dispatch_uid=uid + "_saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "_deleted")
