from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "kb.redirects"
    label = "redirects"
    verbose_name = "redirects"

    def ready(self):
        from kb.changes import content_changed, content_changing
        from kb.redirects.moves import follow_moves, remember_urls

        # Every path that moves a page (save, restore, update(slug=...)) comes through here.
        content_changing.connect(remember_urls, dispatch_uid="kb_redirects_remember_urls")
        content_changed.connect(follow_moves, dispatch_uid="kb_redirects_follow_moves")
