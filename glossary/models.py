import reversion
from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from kb import history
from kb.markdown import MAX_SOURCE_CHARS, render
from kb.publishing import PublishableModel, PublishableQuerySet
from kb.redirects.moves import RedirectOnMove
from kb.slugs import unique_slug
from kb.tags.models import Tag


@reversion.register()
class TaggedTerm(TaggedItemBase):
    content_object = models.ForeignKey("GlossaryTerm", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_terms")

    def __str__(self):
        # taggit's names the item and the tag, two queries for each row that django-reversion
        # keeps in a version (an import of 10,000 articles: 20,000 queries).
        return f"tag {self.tag_id} on {self.content_object_id}"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_term_unique_tag"
            ),
        ]


class GlossaryTermQuerySet(PublishableQuerySet):
    def starting_with(self, letter):
        return self.filter(term__istartswith=letter)


# A term's fields that decide where it links (glossary/linking.py).
LINKED_BY = frozenset({"term", "aliases", "status"})


# A version keeps the term's tag rows as they were then (see articles.models.Article).
@history.register(exclude=["tags"], follow=["taggedterm_set"])
class GlossaryTerm(RedirectOnMove, PublishableModel):
    term = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True, blank=True)
    short_definition = models.CharField(
        max_length=300, help_text="Plain text, one or two sentences: shown in lists and tooltips."
    )
    explanation = MarkdownxField(blank=True, max_length=MAX_SOURCE_CHARS)
    explanation_html = models.TextField(editable=False, default="")
    aliases = models.CharField(
        max_length=500,
        blank=True,
        help_text='Other names and abbreviations, separated by commas: "PO, product owners".',
    )
    related_terms = models.ManyToManyField("self", blank=True)
    related_articles = models.ManyToManyField(
        "articles.Article", blank=True, related_name="glossary_terms"
    )
    tags = TaggableManager(through=TaggedTerm, blank=True)

    objects = GlossaryTermQuerySet.as_manager()

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="glossary_term_unique_slug"),
        ]
        permissions = [
            ("publish_glossaryterm", "Can publish, schedule and unpublish glossary terms")
        ]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary:detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self):
        return [alias for alias in (part.strip() for part in self.aliases.split(",")) if alias]

    @property
    def index_letter(self):
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.term, fallback="term")
        self.aliases = ", ".join(dict.fromkeys(self.alias_list))
        self.explanation_html = render(self.explanation).html
        super().save(*args, **kwargs)
