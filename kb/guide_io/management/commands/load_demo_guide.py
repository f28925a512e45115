"""Load the demo product management guide and (re)set the demo editor account.

`make run` calls this on every start, so loading is idempotent: every row is matched on its
natural key (a slug, or a username or group name) with update_or_create, and tags, topic
members and glossary relations are synced to exactly what `articles.demo_guide` declares.
Content that editors added themselves, under other slugs, is left alone.
"""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles import demo_guide
from articles.models import Article, Section, Tag, Topic, TopicMembership
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.publishing import Status

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
        self.today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
        with transaction.atomic():
            authors = self.load_authors()
            articles = self.load_chapters(authors)
            self.load_topics(articles)
            terms = self.load_glossary(articles)
            password = self.reset_editor(authors[EDITOR_AUTHOR])

        published = Article.objects.published().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo guide: {len(demo_guide.CHAPTERS)} chapters, "
                f"{published} published articles, {len(terms)} glossary terms."
            )
        )
        self.stdout.write(
            "\nSign in to edit it:\n"
            f"  Admin:    {ADMIN_URL}\n"
            f"  Username: {EDITOR_USERNAME}\n"
            f"  Password: {password}\n"
            "(a new password is set every time this command runs)\n"
        )

    def publication(self, days_ago):
        """(status, published_at) for a record's days_ago; see articles/demo_guide/base.py."""
        if days_ago is None:
            return Status.DRAFT, None
        return Status.PUBLISHED, self.today - timedelta(days=days_ago)

    def load_authors(self):
        authors = {}
        for record in demo_guide.AUTHORS:
            authors[record.slug], _ = Author.objects.update_or_create(
                slug=record.slug,
                defaults={
                    "name": record.name,
                    "job_title": record.job_title,
                    "organisation": record.organisation,
                    "career_started": record.career_started,
                    "bio": record.bio,
                    "linkedin": record.linkedin,
                },
            )
        return authors

    def load_chapters(self, authors):
        """Chapters and their articles; returns articles by (chapter slug, article slug)."""
        articles = {}
        for position, chapter in enumerate(demo_guide.CHAPTERS, start=1):
            status, published_at = self.publication(chapter.days_ago)
            section, _ = Section.objects.update_or_create(
                slug=chapter.slug,
                defaults={
                    "position": position,
                    "title": chapter.title,
                    "summary": chapter.summary,
                    "intro": chapter.intro,
                    "status": status,
                    "published_at": published_at,
                },
            )
            for article_position, record in enumerate(chapter.articles, start=1):
                status, published_at = self.publication(record.days_ago)
                article, _ = Article.objects.update_or_create(
                    section=section,
                    slug=record.slug,
                    defaults={
                        "position": article_position,
                        "title": record.title,
                        "summary": record.summary,
                        "body": record.body,
                        "author": authors[record.author],
                        "status": status,
                        "published_at": published_at,
                    },
                )
                article.tags.set(list(record.tags))
                articles[chapter.slug, record.slug] = article
        return articles

    def load_topics(self, articles):
        for record in demo_guide.TOPICS:
            topic, _ = Topic.objects.update_or_create(
                slug=record.slug,
                defaults={
                    "title": record.title,
                    "description": record.description,
                    "is_featured": record.is_featured,
                },
            )
            members = [articles[key] for key in record.articles]
            topic.memberships.exclude(article__in=members).delete()
            for position, article in enumerate(members, start=1):
                TopicMembership.objects.update_or_create(
                    topic=topic, article=article, defaults={"position": position}
                )

    def load_glossary(self, articles):
        terms = {}
        for record in demo_guide.GLOSSARY:
            status, published_at = self.publication(record.days_ago)
            term, _ = GlossaryTerm.objects.update_or_create(
                slug=record.slug,
                defaults={
                    "term": record.term,
                    "short_definition": record.short_definition,
                    "explanation": record.explanation,
                    "aliases": record.aliases,
                    "status": status,
                    "published_at": published_at,
                },
            )
            term.tags.set(list(record.tags))
            term.related_articles.set([articles[key] for key in record.related_articles])
            terms[record.slug] = term

        # related_terms is symmetrical: setting one term's list also edits its partners' lists,
        # so build every term's full set of partners first and set each one exactly once.
        partners = {slug: set() for slug in terms}
        for record in demo_guide.GLOSSARY:
            for other in record.related_terms:
                partners[record.slug].add(other)
                partners[other].add(record.slug)
        for slug, term in terms.items():
            term.related_terms.set([terms[other] for other in sorted(partners[slug])])
        return terms

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
