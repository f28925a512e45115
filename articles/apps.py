from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles import search
        from glossary.linking import register_linked_model
        from kb.redirects.moves import register_markdown_source

        search.connect_signals()
        register_markdown_source(self.get_model("Article"), "body")
        register_markdown_source(self.get_model("Section"), "intro")
        register_linked_model(self.get_model("Article"))
