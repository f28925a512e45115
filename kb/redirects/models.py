from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Redirect(models.Model):
    """An old path of a page that moved: a request for it gets a 301 to where the page is now.

    Recorded when an article, chapter, glossary term or author changes its URL, and followed by
    kb.redirects.middleware.RedirectFallbackMiddleware; see kb/redirects/moves.py. Paths are stored
    as a request has them (/guide/café/, not /guide/caf%C3%A9/).
    """

    old_path = models.CharField(max_length=500, help_text="Where the page was: /guide/a/b/")
    new_path = models.CharField(max_length=500, help_text="Where it is now.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table it had when redirects were part of articles (migration 0001 here).
        db_table = "articles_redirect"
        ordering = ["old_path"]
        constraints = [
            models.UniqueConstraint(fields=["old_path"], name="redirect_unique_old_path"),
            models.CheckConstraint(
                condition=~models.Q(old_path=models.F("new_path")), name="redirect_not_to_itself"
            ),
        ]
        indexes = [models.Index(fields=["new_path"], name="redirect_new_path_idx")]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def get_absolute_url(self):
        return self.new_path
