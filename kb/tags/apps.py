from django.apps import AppConfig


class TagsConfig(AppConfig):
    name = "kb.tags"
    label = "tags"
    verbose_name = "tags"

    def ready(self):
        from kb.changes import track

        track(self.get_model("Tag"))
