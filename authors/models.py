import reversion
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField

from kb.changes import ChangeTrackingQuerySet
from kb.editor import SafeImageField
from kb.markdown import MAX_SOURCE_CHARS, render
from kb.redirects.moves import RedirectOnMove
from kb.slugs import unique_slug


@reversion.register()
class Author(RedirectOnMove):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, allow_unicode=True, blank=True)
    job_title = models.CharField(
        max_length=200, blank=True, help_text="e.g. Director of Product Management"
    )
    organisation = models.CharField(max_length=200, blank=True)
    career_started = models.PositiveSmallIntegerField(
        "career started (year)",
        null=True,
        blank=True,
        help_text="The year this person started in the industry; readers see years of experience.",
    )
    bio = MarkdownxField(blank=True, max_length=MAX_SOURCE_CHARS)
    bio_html = models.TextField(editable=False, default="")
    photo = SafeImageField(upload_to="authors/", blank=True)
    website = models.URLField(blank=True)
    linkedin = models.URLField("LinkedIn profile", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The editor account that writes as this author; new articles default to it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChangeTrackingQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="author_unique_slug"),
            models.CheckConstraint(
                condition=models.Q(career_started__isnull=True)
                | models.Q(career_started__gte=1900),
                name="author_career_started_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="author")
        self.bio_html = render(self.bio).html
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def years_of_experience(self):
        if self.career_started is None:
            return None
        return max(timezone.localdate().year - self.career_started, 0)

    @property
    def initials(self):
        """ "Ada Lovelace" -> "AL": the placeholder shown when there is no photo."""
        words = self.name.split()
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()

    @property
    def links(self):
        """(label, url) pairs for the profile links that are set."""
        return [
            (label, url)
            for label, url in (("Website", self.website), ("LinkedIn", self.linkedin))
            if url
        ]
