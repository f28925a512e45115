"""Write the whole guide to a folder of Markdown files: see kb/guide_io/folder.py for the format."""

from django.core.management.base import BaseCommand, CommandError

from kb.guide_io.progress import Progress
from kb.guide_io.writer import ExportRefused, export_guide


class Command(BaseCommand):
    help = (
        "Write the guide (chapters, articles, topics, authors, glossary, tags and uploaded "
        "media) to DIR as Markdown files with YAML front matter. DIR must be new, empty, or "
        "an earlier export, which is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")

    def handle(self, *args, directory, **options):
        try:
            summary = export_guide(directory, progress=Progress(self.stdout))
        except ExportRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        counts = ", ".join(f"{number} {kind}" for kind, number in summary.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported the guide to {directory}: {counts}."))
