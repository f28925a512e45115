from django.apps import AppConfig


class RedirectsConfig(AppConfig):
    name = "kb.redirects"
    label = "redirects"
    verbose_name = "redirects"
