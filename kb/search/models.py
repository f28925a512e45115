"""Search's own tables: the searches that found nothing, and SQLite's full-text index."""

import hashlib
import unicodedata
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from kb.search.query import clean

# The editors' list is what many readers missed, not what one client repeats: a client counts
# once a day per query, and the table keeps at most MAX_ROWS queries (the least asked go).
ONE_CLIENT_COUNTS_FOR = 24 * 60 * 60
MAX_ROWS = 5000


class MissedSearchQuerySet(models.QuerySet):
    def record(self, text, client=""):
        """Count a search that found nothing; one row per normalised query.

        `client` (the address it came from) is only hashed into a cache key, never stored:
        a client that repeats a query adds nothing to its count that day.
        """
        query = MissedSearch.normalise(text)
        if not query:
            return
        seen = hashlib.sha256(f"{client}|{query}".encode()).hexdigest()
        if not cache.add(f"search:missed-by:{seen}", 1, ONE_CLIENT_COUNTS_FOR):
            return  # counted for this client today (or the cache cannot say: count nothing)
        now = timezone.now()
        missed = self.filter(query=query)
        if missed.update(count=F("count") + 1, last_seen=now):
            return
        try:
            with transaction.atomic(using=self.db):
                self.create(query=query, last_seen=now)
        except IntegrityError:  # created by a simultaneous request
            missed.update(count=F("count") + 1, last_seen=now)
            return
        self.trim()

    def trim(self, keep=MAX_ROWS):
        """Drop the least asked (then the longest unseen) queries beyond `keep` rows."""
        beyond = self.order_by("-count", "-last_seen").values_list("pk", flat=True)[keep:]
        doomed = list(beyond[:1000])
        if doomed:
            self.filter(pk__in=doomed).delete()


class MissedSearch(models.Model):
    """A search that found nothing, counted so editors can see what readers could not find."""

    MAX_LENGTH = 200

    query = models.CharField(max_length=MAX_LENGTH, help_text="Normalised: lower case, spaces.")
    count = models.PositiveIntegerField(default=1)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(default=timezone.now)

    objects = MissedSearchQuerySet.as_manager()

    class Meta:
        db_table = "articles_missedsearch"  # made when search was part of articles
        ordering = ["-count", "-last_seen"]
        verbose_name = "search without results"
        verbose_name_plural = "searches without results"
        constraints = [
            models.UniqueConstraint(fields=["query"], name="missed_search_unique_query"),
        ]
        indexes = [models.Index(fields=["-count"], name="missed_search_count_idx")]

    def __str__(self):
        return self.query

    def get_absolute_url(self):
        return f"{reverse('search:search')}?{urlencode({'q': self.query})}"

    @classmethod
    def normalise(cls, text):
        text = " ".join(unicodedata.normalize("NFKC", clean(text)).casefold().split())
        return text[: cls.MAX_LENGTH]


class ArticleSearchIndex(models.Model):
    """SQLite only: the FTS5 table over each article's title, tags, summary and body text.

    Created by migration articles/0003 and kept in step by triggers on the article and tag
    tables (kb/search/backends/sqlite.py), so every save, delete, tag change and bulk update
    is followed. It holds no status: searches join it to the published articles. `document`
    is FTS5's hidden column named after the table. Searches query the table in raw SQL; the
    model says what the table is and keeps it out of `makemigrations`' way.
    """

    article = models.OneToOneField(
        Article,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="search_index",
    )
    document = models.TextField(db_column="articles_article_search")

    class Meta:
        managed = False
        db_table = "articles_article_search"

    def __str__(self):
        return f"Search index entry for article {self.pk}"
