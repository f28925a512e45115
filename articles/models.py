import reversion
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from kb import history
from kb.changes import ChangeTrackingQuerySet
from kb.markdown import MAX_SOURCE_CHARS, render
from kb.publishing import PublishableModel, PublishableQuerySet
from kb.redirects.moves import RedirectOnMove
from kb.slugs import unique_slug
from kb.tags.models import Tag


@reversion.register()
class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    def __str__(self):
        # taggit's names the item and the tag, two queries for each row that django-reversion
        # keeps in a version (an import of 10,000 articles: 20,000 queries).
        return f"tag {self.tag_id} on {self.content_object_id}"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="tagged_article_unique_tag"
            ),
        ]


@reversion.register()
class Section(RedirectOnMove, PublishableModel):
    """A numbered chapter of the guide."""

    position = models.PositiveIntegerField(
        "number", default=0, db_index=True, help_text="The chapter number; chapters sort by it."
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, allow_unicode=True, blank=True, help_text="Left empty, made from the title."
    )
    summary = models.CharField(max_length=300, blank=True)
    intro = MarkdownxField("introduction", blank=True, max_length=MAX_SOURCE_CHARS)
    intro_html = models.TextField(editable=False, default="")

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = "chapter"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="section_unique_slug"),
        ]
        permissions = [("publish_section", "Can publish, schedule and unpublish chapters")]

    def __str__(self):
        return f"{self.position}. {self.title}"

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"section": self.slug})

    def moved_with(self):
        # A new chapter slug moves the chapter and every article in it.
        return self.articles.only("slug", "section")

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="chapter")
        self.intro_html = render(self.intro).html
        super().save(*args, **kwargs)


class ArticleQuerySet(PublishableQuerySet):
    published_through = ("section__",)

    def in_section(self, section):
        return self.filter(section=section)

    def in_guide_order(self):
        return self.order_by("section__position", "section__title", "position", "title")

    def for_listing(self):
        """What a list of articles shows: chapter, author and tags without a query per row."""
        return self.select_related("section", "author").prefetch_related("tags")

    def review_overdue(self, today=None):
        """Articles whose next review date has passed."""
        return self.filter(next_review_at__lt=today or timezone.localdate())

    def without_body(self):
        """Leave the (long) body, its derived fields and search vectors unloaded: enough for
        links and lists."""
        return self.defer(*UNLOADED_IN_LISTS)

    def sharing_tags(self, tag_ids):
        """Articles with any of these tags, most tags in common first (as `.shared_tags`)."""
        return (
            self.filter(tags__in=tag_ids)
            .annotate(shared_tags=models.Count("tags"))
            .order_by("-shared_tags", "section__position", "position", "title")
        )


BODY_FIELDS = ("body", "body_html", "body_text", "toc")
UNLOADED_IN_LISTS = (*BODY_FIELDS, "search_vector", "search_head")


# A version keeps the article's tag rows and topic memberships as they were then. The tags
# manager itself is left to those rows (reversion cannot serialise it), and the search vector
# is derived.
@history.register(
    exclude=["tags", "search_vector", "search_head"], follow=["taggedarticle_set", "memberships"]
)
class Article(RedirectOnMove, PublishableModel):
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", verbose_name="chapter"
    )
    position = models.PositiveIntegerField(
        default=0, db_index=True, help_text="Order within the chapter."
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, allow_unicode=True, blank=True, help_text="Left empty, made from the title."
    )
    summary = models.CharField(
        "lede",
        max_length=300,
        blank=True,
        help_text="One or two sentences under the title; also the page's meta description.",
    )
    body = MarkdownxField(max_length=MAX_SOURCE_CHARS)
    author = models.ForeignKey("authors.Author", on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True)
    # Trust signals: readers see "Reviewed by X on DATE"; editors see when a review is due.
    reviewer = models.ForeignKey(
        "authors.Author",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_articles",
        help_text="Who checked the article for accuracy (named on the page with the date).",
    )
    last_reviewed_at = models.DateField("last reviewed", null=True, blank=True)
    next_review_at = models.DateField(
        "next review",
        null=True,
        blank=True,
        help_text="After this date the article is flagged to editors as due for review.",
    )

    body_html = models.TextField(editable=False, default="")
    toc = models.JSONField("table of contents", editable=False, default=list)
    body_text = models.TextField(editable=False, default="")
    word_count = models.PositiveIntegerField(editable=False, default=0)
    reading_time = models.PositiveIntegerField("reading time (minutes)", editable=False, default=0)
    # PostgreSQL only (SQLite uses an FTS5 table): title (A), tags and summary (B), body text
    # (C); written by database triggers (kb/search/backends/postgres.py), never by forms.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only: title (A), tags and summary (B) without the body, small enough to stay
    # in the row. Search ranks matches found here first, and these alone, so a common word
    # does not mean ranking (reading the whole vector of) nearly every article.
    search_head = SearchVectorField(null=True, editable=False)
    # Glossary term links (glossary/linking.py): readers see the first mention of each live
    # term linked to its definition, unless an editor turns that off or leaves a term out.
    link_glossary_terms = models.BooleanField(
        "link glossary terms",
        default=True,
        help_text="Link the first mention of each glossary term to the term's definition.",
    )
    glossary_exclusions = models.ManyToManyField(
        "glossary.GlossaryTerm",
        blank=True,
        related_name="excluded_from",
        verbose_name="terms not to link",
        help_text="Glossary terms never linked in this article.",
    )
    # Derived: the terms the body links to, for a term's "Used in" list.
    linked_terms = models.ManyToManyField(
        "glossary.GlossaryTerm", blank=True, editable=False, related_name="linking_articles"
    )

    objects = ArticleQuerySet.as_manager()

    url_relations = ("section",)
    has_markdown_version = True

    class Meta:
        ordering = ["section__position", "position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "slug"], name="article_unique_slug_in_section"
            ),
            models.CheckConstraint(
                condition=models.Q(last_reviewed_at__isnull=True)
                | models.Q(next_review_at__isnull=True)
                | models.Q(next_review_at__gt=models.F("last_reviewed_at")),
                name="article_next_review_after_last_review",
                violation_error_message="The next review must come after the last review.",
            ),
        ]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_published_idx"),
            # Covers the published rule, so search lists visible ids without reading rows.
            models.Index(fields=["status", "published_at", "section"], name="article_visible_idx"),
            # Created on PostgreSQL only (see migration 0002); SQLite has no GIN.
            GinIndex(fields=["search_vector"], name="article_search_vector_idx"),
            GinIndex(fields=["search_head"], name="article_search_head_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"section": self.section.slug, "slug": self.slug})

    @property
    def is_visible_to_readers(self):
        return self.is_published and self.section.is_published

    @property
    def is_review_overdue(self):
        return self.next_review_at is not None and self.next_review_at < timezone.localdate()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                self,
                self.title,
                fallback="article",
                queryset=Article.objects.filter(section_id=self.section_id),
            )
        rendered = render(self.body)
        self.body_html = rendered.html
        self.toc = rendered.toc
        self.body_text = rendered.text
        self.word_count = rendered.word_count
        self.reading_time = rendered.reading_time
        super().save(*args, **kwargs)


@history.register(follow=["memberships"])
class Topic(models.Model):
    """A curated, ordered group of articles on one theme ("Product Management Team and Roles")."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True, blank=True)
    description = models.TextField(blank=True)
    is_featured = models.BooleanField("featured on the home page", default=False, db_index=True)
    articles = models.ManyToManyField(
        Article, through="TopicMembership", related_name="topics", blank=True
    )
    # Set at every save: what the admin's edit-conflict check compares (kb.admin.VersionedForm).
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChangeTrackingQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="topic_unique_slug"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="topic")
        super().save(*args, **kwargs)


class TopicMembershipQuerySet(ChangeTrackingQuerySet):
    def published(self):
        return self.filter(article__in=Article.objects.published())


@reversion.register()
class TopicMembership(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="memberships")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="memberships")
    position = models.PositiveIntegerField(default=0)

    objects = TopicMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "topic member"
        constraints = [
            models.UniqueConstraint(fields=["topic", "article"], name="topic_member_once"),
        ]

    def __str__(self):
        return f"{self.topic}: {self.article}"
