from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "glossary"

    def ready(self):
        from glossary import linking
        from kb.changes import track
        from kb.redirects.moves import register_markdown_source

        linking.connect_signals()
        register_markdown_source(self.get_model("GlossaryTerm"), "explanation")
        term = self.get_model("GlossaryTerm")
        track(
            term,
            self.get_model("TaggedTerm"),
            term.related_terms.through,
            term.related_articles.through,
        )
