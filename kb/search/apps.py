from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class SearchConfig(AppConfig):
    """Search over articles, glossary terms and authors; it sits above them and they never
    import it. The search vectors (PostgreSQL) and the full-text table (SQLite) are kept by
    database triggers; what is connected here keeps the cached lexicon and the triggers."""

    name = "kb.search"
    label = "search"

    def ready(self):
        from reversion.signals import post_revision_commit

        from articles.models import Article, Section, Tag
        from authors.models import Author
        from glossary.models import GlossaryTerm
        from kb.search.backends.sqlite import repair_triggers
        from kb.search.lexicon import forget_lexicon, forget_lexicon_after_revision

        post_migrate.connect(repair_triggers, sender=self, dispatch_uid="kb_search_sqlite_triggers")
        # The lexicon: glossary names, published titles, tags and authors. Bulk admin actions
        # (publish, unpublish) save nothing, but the admin versions what they changed.
        for model in (Article, Section, Tag, GlossaryTerm, Author):
            uid = f"kb_search_lexicon_{model._meta.label_lower}"
            post_save.connect(forget_lexicon, sender=model, dispatch_uid=uid + "_saved")
            post_delete.connect(forget_lexicon, sender=model, dispatch_uid=uid + "_deleted")
        m2m_changed.connect(
            forget_lexicon, sender=Article.tags.through, dispatch_uid="kb_search_lexicon_tags"
        )
        post_revision_commit.connect(
            forget_lexicon_after_revision, dispatch_uid="kb_search_lexicon_revisions"
        )
