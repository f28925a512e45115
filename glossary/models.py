import reversion
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import redirects
from kb import history
from kb.markdown import MAX_SOURCE_CHARS, render
from kb.publishing import PublishableModel, PublishableQuerySet
from kb.slugs import unique_slug


@reversion.register()
class TaggedTerm(TaggedItemBase):
    content_object = models.ForeignKey("GlossaryTerm", on_delete=models.CASCADE)
    tag = models.ForeignKey("articles.Tag", on_delete=models.CASCADE, related_name="tagged_terms")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_term_unique_tag"
            ),
        ]


class GlossaryTermQuerySet(PublishableQuerySet):
    def starting_with(self, letter):
        return self.filter(term__istartswith=letter)

    def update(self, **kwargs):
        # Term links follow bulk changes too (the admin's publish and unpublish actions): a
        # change to what links show bumps `updated_at`, which retires cached linked pages,
        # and a change to names or status re-links the affected articles (glossary/linking.py).
        if not SHOWN_IN_LINKS.intersection(kwargs):
            return super().update(**kwargs)
        from glossary import linking

        kwargs.setdefault("updated_at", timezone.now())
        pks = list(self.values_list("pk", flat=True))
        updated = super().update(**kwargs)
        if LINKED_BY.intersection(kwargs):
            linking.update_links_for_terms(pks)
        return updated


# A term's fields that decide where it links, and those its links show.
LINKED_BY = frozenset({"term", "aliases", "status"})
SHOWN_IN_LINKS = LINKED_BY | {"slug", "short_definition", "published_at"}


# A version keeps the term's tag rows as they were then (see articles.models.Article).
@history.register(exclude=["tags"], follow=["taggedterm_set"])
class GlossaryTerm(PublishableModel):
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
        old_url = redirects.stored_url(self)
        if not self.slug:
            self.slug = unique_slug(self, self.term, fallback="term")
        self.aliases = ", ".join(dict.fromkeys(self.alias_list))
        self.explanation_html = render(self.explanation).html
        with transaction.atomic():
            super().save(*args, **kwargs)
            redirects.follow_move(self, old_url)
