"""Load a folder written by export_guide: see kb/guide_io/folder.py for the format and
kb/guide_io/importer.py for the rules."""

from django.core.management.base import BaseCommand, CommandError

from kb.guide_io.importer import import_guide
from kb.guide_io.progress import Progress
from kb.guide_io.reader import GuideProblems, read_guide

KIND_ORDER = ["chapters", "articles", "topics", "authors", "glossary terms", "tags"]


class Command(BaseCommand):
    help = (
        "Load a guide folder written by export_guide into this site, in one transaction. "
        "Items are matched on their slugs and updated in place; others are left alone. "
        "A folder with any problem is reported in full and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only read and check the folder; report problems, import nothing.",
        )

    def handle(self, *args, directory, check, **options):
        try:
            if check:
                read_guide(directory)
            else:
                summary = import_guide(directory, progress=Progress(self.stdout))
        except GuideProblems as error:
            count = len(error.problems)
            raise CommandError(
                f"{directory}: {count} problem{'s' if count != 1 else ''}, nothing was imported:\n"
                + "\n".join(error.problems)
            ) from error
        if check:
            self.stdout.write(self.style.SUCCESS(f"{directory} has no problems."))
            return
        self.stdout.write(self.style.SUCCESS(f"Imported {directory}: {describe(summary)}."))


def describe(summary):
    """ "2 chapters (2 new, 0 updated), ...; 3 versions kept; 0 media files copied" """
    kinds = sorted(summary.created.keys() | summary.updated.keys(), key=KIND_ORDER.index)
    counts = ", ".join(
        f"{summary.created[kind] + summary.updated[kind]} {kind} "
        f"({summary.created[kind]} new, {summary.updated[kind]} updated)"
        for kind in kinds
    )
    versions = f"{summary.versions} new version{'s' if summary.versions != 1 else ''}"
    return (
        f"{counts or 'nothing'}; {versions} in the history; "
        f"{summary.media_copied} media files copied"
    )
