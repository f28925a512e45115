from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    name = "authors"

    def ready(self):
        from kb.changes import track
        from kb.redirects.moves import register_markdown_source

        register_markdown_source(self.get_model("Author"), "bio")
        track(self.get_model("Author"))
