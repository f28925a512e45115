from django.db import models


class ContentStamp(models.Model):
    """The one row that says which version of the content cached pages were made from.

    `version` moves on after every committed write to content (kb/changes.py); `valid_until`
    is the next moment a scheduled item goes live, when the pages must change with nothing
    written. Every app server reads it (through the shared cache when there is one), so an
    invalidation in one process is seen by all.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "content stamp"

    def __str__(self):
        return f"Content version {self.version}"
