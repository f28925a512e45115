from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    """Search over articles, glossary terms and authors; it sits above them and they never
    import it. The search vectors (PostgreSQL) and the full-text table (SQLite) are kept by
    database triggers, and after a tag rename by a background job; what is connected here keeps
    the cached lexicon, the triggers and that job."""

    name = "kb.search"
    label = "search"

    def ready(self):
        from kb.changes import content_committed
        from kb.search.backends.sqlite import repair_triggers
        from kb.search.lexicon import forget_lexicon
        from kb.search.tasks import reindex_renamed_tags

        post_migrate.connect(repair_triggers, sender=self, dispatch_uid="kb_search_sqlite_triggers")
        # The lexicon: glossary names, published titles, tags and authors.
        content_committed.connect(forget_lexicon, dispatch_uid="kb_search_lexicon")
        content_committed.connect(reindex_renamed_tags, dispatch_uid="kb_search_tag_renames")
