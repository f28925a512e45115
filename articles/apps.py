from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from glossary.linking import register_linked_model
        from kb.changes import track
        from kb.redirects.moves import register_markdown_source

        register_markdown_source(self.get_model("Article"), "body")
        register_markdown_source(self.get_model("Section"), "intro")
        register_linked_model(self.get_model("Article"))
        article = self.get_model("Article")
        track(
            article,
            self.get_model("Section"),
            self.get_model("Topic"),
            self.get_model("TopicMembership"),
            self.get_model("TaggedArticle"),
            article.glossary_exclusions.through,
        )
