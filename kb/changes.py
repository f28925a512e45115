"""One way to keep derived data fresh: every write to content is announced, by one mechanism.

Derived data (the search lexicon, the glossary's "Used in" relation, cached pages, counts) must
follow every path that writes content: `save()` and `delete()` (also through restores, imports
and the admin), `QuerySet.update()` (the admin's bulk publish and unpublish, a bulk tag rename),
`bulk_create()`/`bulk_update()`, and the many-to-many rows of tags and exclusions. Each of
those paths ends here, and the keepers of derived data listen to two signals:

- `content_changing(sender=model, pks=..., fields=...)`, sent before a save or `update()`
  writes, inside its transaction: for keepers that need what is stored before it changes (the
  URL a page is leaving, for its redirect);
- `content_changed(sender=model, pks=..., fields=..., instance=...)`, sent inside the writing
  transaction once the rows are written: for derived rows that must commit or roll back with
  the change (a relation table, a redirect); `instance` is the saved object for a save;
- `content_committed(sender=model, pks=...)`, sent after the transaction commits (and never if
  it rolls back): for caches. Dropping a cache before the commit would let another process
  rebuild it from the old rows in between.

`pks` is the set of primary keys written, or None when a path cannot tell cheaply; `fields` the
names of the fields that may have changed (for a save, those whose stored value differs from
what is saved; for `update()`, its keyword arguments; for a relation, its field name), or None
when any may have. A keeper whose data depends on a few fields skips the rest. Models take
part by using `ChangeTrackingQuerySet` (or a subclass) for their manager, which covers the bulk
paths, and by being passed to `track()` from their AppConfig.ready(), which covers saves,
deletions and many-to-many changes (signals Django sends for those paths).

Search vectors are not kept here: the database keeps them itself, by trigger, on every write
whatever its path (kb/search).
"""

import threading
from contextlib import contextmanager
from functools import partial

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone

content_changing = Signal()
content_changed = Signal()
content_committed = Signal()


_batch = threading.local()


def announce(model, pks=None, using=None, fields=None, instance=None):
    """Tell the keepers that rows of `model` changed: now, and again once committed."""
    pks = None if pks is None else frozenset(pks)
    fields = None if fields is None else frozenset(fields)
    content_changed.send(sender=model, pks=pks, fields=fields, instance=instance)
    pending = getattr(_batch, "pending", None)
    if pending is not None and pending["using"] == (using or DEFAULT_DB_ALIAS):
        known_pks, known_fields = pending["models"].get(model, (frozenset(), frozenset()))
        pending["models"][model] = (_union(known_pks, pks), _union(known_fields, fields))
        return
    transaction.on_commit(
        partial(content_committed.send, sender=model, pks=pks, fields=fields), using=using
    )


def _union(known, more):
    return None if known is None or more is None else known | more


@contextmanager
def announced_together(using=None):
    """Within this block, announce the after-commit side of the writes once per model, at the
    block's end, with their keys and fields merged: for an import or a seed, whose thousands of
    writes would otherwise each have the caches dropped and the content stamp moved once
    committed (measured: 21,000 bumps, 136 s after the commit of a 2,000-article import).

    `content_changed` still comes with each write, inside the transaction. If part of the
    block rolls back to a savepoint, its writes are still announced: once too many, which
    costs a cache refresh, never a stale page."""
    if getattr(_batch, "pending", None) is not None:
        yield
        return
    _batch.pending = pending = {"using": using or DEFAULT_DB_ALIAS, "models": {}}
    try:
        yield
    finally:
        del _batch.pending
        for model, (pks, fields) in pending["models"].items():
            transaction.on_commit(
                partial(content_committed.send, sender=model, pks=pks, fields=fields),
                using=using,
            )


class ChangeTrackingQuerySet(models.QuerySet):
    """A queryset whose bulk writes are announced like saves (see the module's docstring)."""

    def update(self, **kwargs):
        # A bulk edit is an edit: it moves `updated_at` on, as a save does, so whatever is keyed
        # on it (cached linked bodies, the editors' conflict check) sees it.
        stamp = next(
            (f.name for f in self.model._meta.concrete_fields if getattr(f, "auto_now", False)),
            None,
        )
        if stamp is not None:
            kwargs.setdefault(stamp, timezone.now())
        with transaction.atomic(using=self.db):
            pks = set(self.values_list("pk", flat=True))
            if pks:
                content_changing.send(sender=self.model, pks=frozenset(pks), fields=set(kwargs))
            updated = super().update(**kwargs)
            if pks:
                announce(self.model, pks, self.db, fields=kwargs)
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
            announce(self.model, {obj.pk for obj in objs}, self.db, fields=fields)
        return updated


def _saving(sender, instance, raw=False, **kwargs):
    """Before a save: the stored values of the fields it writes, to tell which change."""
    instance._kb_stored = None
    if instance.pk is None:
        return
    deferred = instance.get_deferred_fields()
    names = [f.attname for f in sender._meta.concrete_fields if f.attname not in deferred]
    instance._kb_stored = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    if instance._kb_stored is not None:
        fields = _changed_fields(sender, instance)
        content_changing.send(sender=sender, pks=frozenset({instance.pk}), fields=fields)


def _changed_fields(model, instance):
    by_attname = {f.attname: f.name for f in model._meta.concrete_fields}
    return {
        by_attname[attname]
        for attname, value in instance._kb_stored.items()
        if getattr(instance, attname) != value
    }


def _saved(sender, instance, created, using, raw=False, **kwargs):
    stored = getattr(instance, "_kb_stored", None)
    fields = _changed_fields(sender, instance) if stored is not None and not created else None
    announce(sender, {instance.pk}, using, fields=fields, instance=instance)


def _deleted(sender, instance, using, **kwargs):
    announce(sender, {instance.pk}, using)


def _relation_changed(sender, instance, action, reverse, model, pk_set, using, **kwargs):
    if not action.startswith("post_"):
        return
    # The rows on both sides changed: the instance, and those added or removed (all of them,
    # unknown here, when the relation was cleared), each in the field that names the relation.
    forward, backward = _relation_names(sender, type(instance), model, reverse)
    announce(type(instance), {instance.pk}, using, fields={forward})
    announce(model, pk_set if action != "post_clear" else None, using, fields={backward})


def _relation_names(through, instance_model, other_model, reverse):
    """The names of a relation on each side: ("glossary_exclusions", "excluded_from")."""
    for field in (reverse and other_model or instance_model)._meta.many_to_many:
        if field.remote_field.through is through:
            forward, backward = field.name, field.remote_field.get_accessor_name()
            return (backward, forward) if reverse else (forward, backward)
    # taggit's managers are private fields, and its through model's own FK names the tags.
    return "tags", "tagged"


def track(*models):
    """Announce every save and deletion of these models and, for a many-to-many through model
    (tags, exclusions), every change to the relation. Called from AppConfig.ready()."""
    for model in models:
        uid = f"kb_changes_{model._meta.label_lower}"
        # m2m_changed is sent with the through model as sender (Django's and taggit's).
        m2m_changed.connect(_relation_changed, sender=model, dispatch_uid=uid + "_m2m")
        pre_save.connect(_saving, sender=model, dispatch_uid=uid + "_saving")
        post_save.connect(_saved, sender=model, dispatch_uid=uid + "_saved")
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid + "_deleted")
