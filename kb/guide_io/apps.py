from django.apps import AppConfig


class GuideIOConfig(AppConfig):
    """The guide as a folder of Markdown files and back, and the demo guide kept as one."""

    name = "kb.guide_io"
    label = "guide_io"
    verbose_name = "Guide import and export"
