"""Recompute which articles link to which glossary terms ("Used in"), for every article.

Never needed in normal use: saving an article or changing a term re-links the affected
articles by itself (glossary/linking.py). Run it once after first deploying term links, or after
writing articles or terms behind the ORM's back (raw SQL, bulk_create).
"""

from django.core.management.base import BaseCommand

from glossary import linking


class Command(BaseCommand):
    help = "Recompute every article's glossary term links (the terms' \"Used in\" lists)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=linking.BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        changed = linking.update_links(linking.linked_articles(), batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"Links changed in {changed} article(s)."))
