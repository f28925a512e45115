from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "kb.pagecache"
    label = "pagecache"
    verbose_name = "page cache"

    def ready(self):
        from kb.changes import content_committed
        from kb.pagecache.stamp import bump

        # Every committed write to content, by any path, makes every cached page stale.
        content_committed.connect(bump, dispatch_uid="kb_pagecache_bump")
