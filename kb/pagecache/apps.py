from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    name = "kb.pagecache"
    label = "pagecache"
    verbose_name = "page cache"

    def ready(self):
        from kb.changes import content_committed
        from kb.pagecache.stamp import bump

        # Every committed write to content, by any path, makes every cached page stale.
        content_committed.connect(bump, dispatch_uid="kb_pagecache_bump")
        # So does a deploy: pages and blocks are kept per content version, not per release, so
        # new templates or code would otherwise meet what the old ones rendered (or pickled).
        # Every deploy recipe runs migrate first (bin/serve, Procfile, docs/deploy.md).
        post_migrate.connect(_bump_after_migrate, sender=self, dispatch_uid="kb_pagecache_deploy")


def _bump_after_migrate(using, **kwargs):
    from kb.pagecache.stamp import bump

    if using == DEFAULT_DB_ALIAS:
        bump()
