from django.apps import AppConfig


class TagsConfig(AppConfig):
    name = "kb.tags"
    label = "tags"
    verbose_name = "tags"
