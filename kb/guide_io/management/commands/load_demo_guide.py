"""Load the demo product management guide and (re)set the demo editor account.

The guide is the folder kb/guide_io/demo_guide/, in the format export_guide writes (see
kb/guide_io/folder.py), loaded by the same importer as `import_guide`. Edit its Markdown files
to change the demo. Its kb-guide.yaml says `dates_relative_to`: every date in the folder is
moved by the days from that moment to today, so the demo always looks fresh (published weeks
ago, the scheduled article still ahead, the draft a draft), and a run on the same day writes
exactly the same dates.

`make run` calls this on every start, so loading is idempotent: items are matched on their
slugs and updated in place, and a run that changes nothing adds no versions to the history. (A
run on a later day moves the dates, so each item gets a version with its new dates.) Content
that editors added themselves, under other slugs, is left alone.
"""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Section, Topic, TopicMembership
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.guide_io.importer import save_guide
from kb.guide_io.reader import GuideProblems, read_guide
from kb.tags.models import Tag

DEMO_GUIDE = Path(__file__).resolve().parents[2] / "demo_guide"
ADMIN_URL = "http://127.0.0.1:8000/admin/"
EDITOR_USERNAME = "editor"
EDITORS_GROUP = "Editors"
EDITOR_AUTHOR = "anna-grigoryan"
# What an editor looks after. Topic members are edited inline on a topic, so they come too.
EDITOR_MODELS = (Article, Section, Topic, TopicMembership, Tag, Author, GlossaryTerm)
EDITOR_ACTIONS = ("add", "change", "delete", "view")
# ... and publishes, schedules and unpublishes (the permissions kb/admin.py checks).
EDITOR_PUBLISHES = (Article, Section, GlossaryTerm)


class Command(BaseCommand):
    help = (
        "Load the demo product management guide (safe to run again: it updates in place) "
        "and give the demo editor account a fresh password."
    )

    def handle(self, *args, **options):
        try:
            guide = read_guide(DEMO_GUIDE)
        except GuideProblems as error:
            raise CommandError(f"{DEMO_GUIDE} is broken:\n" + "\n".join(error.problems)) from error
        guide.move_dates(days_until_today(guide.dates_relative_to))
        with transaction.atomic():
            save_guide(guide, comment="Demo guide loaded.")
            password = self.reset_editor(Author.objects.get(slug=EDITOR_AUTHOR))

        published = Article.objects.published().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo guide: {len(guide.chapters)} chapters, "
                f"{published} published articles, {len(guide.terms)} glossary terms."
            )
        )
        self.stdout.write(
            "\nSign in to edit it:\n"
            f"  Admin:    {ADMIN_URL}\n"
            f"  Username: {EDITOR_USERNAME}\n"
            f"  Password: {password}\n"
            "(a new password is set every time this command runs)\n"
        )

    def reset_editor(self, author):
        group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        # Added, not set: a data migration may give the group more than the demo needs.
        group.permissions.add(*self.editor_permissions())

        user, _ = get_user_model().objects.get_or_create(username=EDITOR_USERNAME)
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = True
        user.is_active = True
        user.save()
        user.groups.add(group)

        Author.objects.filter(user=user).exclude(pk=author.pk).update(user=None)
        author.user = user
        author.save(update_fields=["user"])
        return password

    def editor_permissions(self):
        content_types = ContentType.objects.get_for_models(*EDITOR_MODELS).values()
        wanted = {
            (content_type.pk, f"{action}_{content_type.model}")
            for content_type in content_types
            for action in EDITOR_ACTIONS
        }
        wanted.update(
            (content_type.pk, f"publish_{content_type.model}")
            for content_type in ContentType.objects.get_for_models(*EDITOR_PUBLISHES).values()
        )
        permissions = [
            permission
            for permission in Permission.objects.filter(content_type__in=content_types)
            if (permission.content_type_id, permission.codename) in wanted
        ]
        if len(permissions) != len(wanted):
            raise CommandError("Editor permissions are missing: run `manage.py migrate` first.")
        return permissions


def days_until_today(moment):
    """Whole days from `moment` (None: no move) to today, both as dates in UTC."""
    if moment is None:
        return 0
    return (timezone.now().date() - moment.date()).days
