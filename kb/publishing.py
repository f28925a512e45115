"""What "published" means, defined once for everything readers can see.

An item is published when its status says so and its publication time has come: a future
`published_at` is a schedule, and the item appears by itself when the time passes, with no cron
job, because every public query goes through `PublishableQuerySet.published()`.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from kb.changes import ChangeTrackingQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


def published_q(prefix=""):
    """The published rule as a Q object, for this model (prefix "") or a related one."""
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


class PublishableQuerySet(ChangeTrackingQuerySet):
    # Related objects that must also be published for a row to be visible (e.g. an article's
    # chapter): ("section__",).
    published_through = ()

    def published(self):
        condition = published_q()
        for prefix in self.published_through:
            condition &= published_q(prefix)
        return self.filter(condition)

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())


class PublishableModel(models.Model):
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        db_index=True,
        help_text="Set a future date to schedule publication. Filled in on first publish.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )
