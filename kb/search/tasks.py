"""Search's background jobs (kb/background.py), run after the write that needs them commits."""

from django.db import transaction
from django_tasks import task

from articles.models import TaggedArticle
from kb.search.backends import backend
from kb.tags.models import Tag

BATCH_SIZE = 500


@task()
def reindex_tags(tag_ids):
    """Re-index the articles of renamed tags, a batch at a time, so each transaction stays
    short and readers' searches never wait on it. Until a batch is written its articles are
    found by the old name: never by none."""
    tagged = (
        TaggedArticle.objects.filter(tag_id__in=tag_ids)
        .values_list("content_object_id", flat=True)
        .distinct()
        .order_by("content_object_id")
    )
    last, done = 0, 0
    while batch := list(tagged.filter(content_object_id__gt=last)[:BATCH_SIZE]):
        with transaction.atomic():
            backend().reindex(batch)
        last, done = batch[-1], done + len(batch)
    return done


def reindex_renamed_tags(sender, pks, fields, **kwargs):
    """kb/changes.py's content_committed: a tag renamed, by any path (a save, `update()`,
    `bulk_update()`, a restore), has its articles re-indexed in the background."""
    if sender is Tag and pks and fields and "name" in fields:
        reindex_tags.enqueue(sorted(pks))
