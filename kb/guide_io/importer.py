"""Import: a checked guide (reader.py) written into the site, all or nothing.

Rows are matched on their natural keys (slugs; an article on its chapter's slug and its own), so
a folder can be loaded into an empty site or over an existing one, where it updates in place:
the rows it names end up exactly as in the folder (tags, topic members, glossary relations and
exclusions included); rows it does not name are left alone.

Each item the import creates or changes, and each it names that had no version yet, gets a
version of its own in django-reversion's history (kb/history.py), so an import can be undone
item by item. "Changed" means its file in an export would now read differently: importing the
same folder again adds no versions.
"""

from collections import Counter
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from reversion.models import Version

from articles.models import Article, Section, Topic, TopicMembership
from authors.models import Author
from glossary.linking import relinking_deferred
from glossary.models import GlossaryTerm
from kb.changes import announce, announced_together
from kb.guide_io.folder import exported, item_file
from kb.guide_io.reader import GuideProblems, Problems, Source, read_guide
from kb.tags.models import Tag

# Model fields kept in a file's body rather than its front matter: their validation errors point
# at the body's first line. Other fields' errors point at the key of the same name.
MARKDOWN_FIELDS = {"intro", "body", "bio", "explanation", "description"}
# Rows read or written per query where an import works through many.
BATCH_SIZE = 500


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    versions: int = 0  # items given a version in the history
    media_copied: int = 0


def import_guide(directory, progress=None):
    """Load the folder at `directory` into the site; see save_guide.

    Raises GuideProblems (having written nothing) if the folder or any item in it is invalid.
    """
    return save_guide(
        read_guide(directory), comment=f"Imported from {directory}.", progress=progress
    )


def save_guide(guide, *, comment, progress=None):
    """Write a Guide from read_guide into the site in one transaction; `comment` is the history's
    note on each version. Raises GuideProblems, having written nothing, if an item is invalid.
    `progress(kind, done, total)`, if given, hears how far each kind of item is."""
    # Thousands of writes: the caches learn of them once, at the commit, and the glossary
    # links of what they touched are recomputed by one background job after it.
    with transaction.atomic(), announced_together(), relinking_deferred():
        importer = _Importer(guide, progress)
        before = importer.existing_files()
        importer.run()
        if importer.problems:
            raise GuideProblems(importer.problems.lines())  # rolls the transaction back
        for item in importer.to_version(before):
            with reversion.create_revision():
                reversion.set_comment(comment)
                reversion.add_to_revision(item)
            importer.summary.versions += 1
        importer.summary.media_copied = _copy_media(guide.media)
    return importer.summary


class _Importer:
    def __init__(self, guide, progress=None):
        self.guide = guide
        self.progress = progress
        self.totals = {
            "tags": len(guide.tags),
            "authors": len(guide.authors),
            "chapters": len(guide.chapters),
            "articles": len(guide.articles),
            "topics": len(guide.topics),
            "glossary terms": len(guide.terms),
        }
        self.problems = Problems()
        self.summary = ImportSummary()
        self.timestamps = []  # (model, pk, {"created_at": ..., "updated_at": ...})
        self.saved = []  # (model, pk) of everything written, in order
        self.tags = {}  # casefolded name -> Tag
        self.articles = {}  # "chapter/article" -> Article, or None if it could not be saved
        self.terms = {}  # slug -> GlossaryTerm, or None if it could not be saved

    def run(self):
        self.import_tags()
        authors = self.import_authors()
        self.import_chapters(authors)
        self.import_topics()
        self.import_terms()
        self.import_glossary_exclusions()
        self.restore_timestamps()

    def restore_timestamps(self):
        """The folder's created/updated times, written last (saves move `updated_at` on), in
        one UPDATE per model, fields and batch rather than one per item."""
        groups = {}
        for model, pk, stamps in self.timestamps:
            groups.setdefault((model, tuple(sorted(stamps))), []).append(model(pk=pk, **stamps))
        for (model, fields), rows in groups.items():
            model.objects.bulk_update(rows, fields, batch_size=BATCH_SIZE)

    # History ---------------------------------------------------------------------------------

    def existing_files(self):
        """{(model, pk): file text} of the rows the folder names that the site has already."""
        guide = self.guide
        chapters = {s.values["slug"] for s in guide.chapter_sources}
        refs = {
            f"{chapter.values['slug']}/{article.values['slug']}"
            for chapter, articles in guide.chapters
            for article in articles
        }
        rows = [
            *exported(Author).filter(slug__in={s.values["slug"] for s in guide.authors}),
            *exported(Section).filter(slug__in=chapters),
            *(
                article
                for article in exported(Article).filter(section__slug__in=chapters)
                if f"{article.section.slug}/{article.slug}" in refs
            ),
            *exported(Topic).filter(slug__in={s.values["slug"] for s in guide.topics}),
            *exported(GlossaryTerm).filter(slug__in={s.values["slug"] for s in guide.terms}),
        ]
        return {(type(row), row.pk): item_file(row)[1] for row in rows}

    def to_version(self, before):
        """The saved items, as stored now, that are new, changed or still without a version."""
        wanted = {}
        for model, pk in self.saved:
            if reversion.is_registered(model):
                wanted.setdefault(model, []).append(pk)
        # A batch of rows at a time: a large import never holds all its items at once.
        for model, pks in wanted.items():
            for start in range(0, len(pks), BATCH_SIZE):
                batch = pks[start : start + BATCH_SIZE]
                versioned = set(
                    Version.objects.get_for_model(model)
                    .filter(object_id__in=[str(pk) for pk in batch])
                    .values_list("object_id", flat=True)
                )
                stored = {row.pk: row for row in exported(model).filter(pk__in=batch)}
                for pk in batch:
                    row = stored[pk]
                    if str(pk) not in versioned or before.get((model, pk)) != item_file(row)[1]:
                        yield row

    # Writing ---------------------------------------------------------------------------------

    def save(self, obj, source, label, exclude=()):
        """full_clean and save `obj`; a validation error becomes a problem and False."""
        exclude = {f.name for f in obj._meta.concrete_fields if not f.editable} | set(exclude)
        try:
            # Articles and terms, the many, skip the constraint queries (a third of a large
            # import's time in full_clean): they are matched on the very keys their unique
            # constraints are made of, and the folder's own check (validation.py) refused
            # duplicates, so none can fail. Tags, say, may still clash on a slug.
            obj.full_clean(
                exclude=exclude, validate_constraints=not isinstance(obj, (Article, GlossaryTerm))
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name in MARKDOWN_FIELDS:
                    line = source.body_line
                else:
                    line = source.line(name) if name != "__all__" else source.line()
                for message in messages:
                    prefix = "" if name == "__all__" else f"{name}: "
                    self.problems.add(source.path, line, prefix + message)
            return False
        counter = self.summary.created if obj.pk is None else self.summary.updated
        obj.save()
        self.saved.append((type(obj), obj.pk))
        counter[label] += 1
        if self.progress is not None:
            done = self.summary.created[label] + self.summary.updated[label]
            self.progress(label, done, max(done, self.totals.get(label, done)))
        stamps = {
            name: source.values[name]
            for name in ("created_at", "updated_at")
            if source.values.get(name) is not None
        }
        if stamps:
            self.timestamps.append((type(obj), obj.pk, stamps))
        return True

    def tag_objects(self, names):
        return [self.tags[name.casefold()] for name in names if name.casefold() in self.tags]

    def set_tags(self, item, names):
        """`item.tags.set(...)`, writing only the rows that differ, in two queries at most
        (taggit's set looks each tag row up on its own)."""
        through = item.tags.through
        current = dict(through.objects.filter(content_object=item).values_list("tag_id", "pk"))
        wanted = {tag.pk for tag in self.tag_objects(names)}
        removed, added = current.keys() - wanted, wanted - current.keys()
        if removed:
            through.objects.filter(pk__in=[current[tag] for tag in removed]).delete()
        if added:
            through.objects.bulk_create(
                through(content_object=item, tag_id=tag) for tag in sorted(added)
            )
        if removed or added:
            # As taggit's m2m_changed would have (kb/changes.py).
            announce(type(item), {item.pk}, fields={"tags"})
            announce(Tag, removed | added, fields={"tagged"})

    def import_tags(self):
        """Every tag in tags.yaml, then any other tag an item names (spelled as first seen,
        with a slug made by taggit)."""
        named = [(entry.values["name"], entry.values["slug"], entry) for entry in self.guide.tags]
        listed = {name.casefold() for name, _slug, _entry in named}
        for source in self.guide.articles + self.guide.terms:
            for index, name in enumerate(source.values["tags"]):
                if name.casefold() not in listed:
                    listed.add(name.casefold())
                    located = Source(source.path, None, None, source.line("tags", index))
                    named.append((name, None, located))
        for name, slug, source in named:
            tag = (
                Tag.objects.filter(name=name).first()
                or Tag.objects.filter(name__iexact=name).first()
                or Tag()
            )
            tag.name = name
            if slug is not None:
                tag.slug = slug
            if self.save(tag, source, "tags", exclude=() if tag.slug else ("slug",)):
                self.tags[name.casefold()] = tag

    def import_authors(self):
        authors = {}
        for source in self.guide.authors:
            values = source.values
            author = Author.objects.filter(slug=values["slug"]).first() or Author()
            for name in ("name", "slug", "job_title", "organisation", "career_started"):
                setattr(author, name, values[name])
            author.website, author.linkedin = values["website"], values["linkedin"]
            author.photo.name = values["photo"]
            author.bio = source.body
            authors[values["slug"]] = author if self.save(author, source, "authors") else None
        return authors

    def import_chapters(self, authors):
        def author(slug):
            """The author from this import (None if it failed), else from the site."""
            if slug in authors:
                return authors[slug]
            authors[slug] = Author.objects.get(slug=slug)
            return authors[slug]

        for chapter_source, article_sources in self.guide.chapters:
            values = chapter_source.values
            section = Section.objects.filter(slug=values["slug"]).first() or Section()
            # The chapter's articles in one query, not one per article.
            stored = (
                {article.slug: article for article in Article.objects.filter(section=section)}
                if section.pk is not None
                else {}
            )
            for name in ("title", "slug", "position", "summary", "status", "published_at"):
                setattr(section, name, values[name])
            section.intro = chapter_source.body
            if not self.save(section, chapter_source, "chapters"):
                for source in article_sources:  # reported with the chapter, not looked up
                    self.articles[f"{values['slug']}/{source.values['slug']}"] = None
                continue
            for source in article_sources:
                values = source.values
                ref = f"{section.slug}/{values['slug']}"
                self.articles[ref] = None
                writer = author(values["author"])
                reviewer = author(values["reviewer"]) if values["reviewer"] else None
                if writer is None or (values["reviewer"] and reviewer is None):
                    continue  # that author's own file was invalid, and is reported
                article = stored.get(values["slug"]) or Article(section=section)
                for name in (
                    *("title", "slug", "position", "summary", "status", "published_at"),
                    *("last_reviewed_at", "next_review_at", "link_glossary_terms"),
                ):
                    setattr(article, name, values[name])
                article.author, article.reviewer = writer, reviewer
                article.body = source.body
                if self.save(article, source, "articles"):
                    self.set_tags(article, values["tags"])
                    self.articles[ref] = article

    def article(self, ref):
        """The article for "chapter/article": from this import, else the site; None if failed."""
        if ref in self.articles:
            return self.articles[ref]
        chapter, slug = ref.split("/")
        return Article.objects.get(section__slug=chapter, slug=slug)

    def term(self, slug):
        """The glossary term: from this import, else the site; None if it failed."""
        if slug in self.terms:
            return self.terms[slug]
        return GlossaryTerm.objects.get(slug=slug)

    def import_topics(self):
        for source in self.guide.topics:
            values = source.values
            topic = Topic.objects.filter(slug=values["slug"]).first() or Topic()
            topic.title, topic.slug = values["title"], values["slug"]
            topic.is_featured = values["is_featured"]
            topic.description = source.body
            if not self.save(topic, source, "topics"):
                continue
            articles = [self.article(ref) for ref in values["articles"]]
            articles = [article for article in articles if article is not None]
            members = topic.memberships.order_by("position", "id")
            if list(members.values_list("article_id", "position")) == [
                (article.pk, position) for position, article in enumerate(articles, start=1)
            ]:
                continue  # as in the folder: the rows (and their versions' ids) stay
            topic.memberships.all().delete()
            TopicMembership.objects.bulk_create(
                TopicMembership(topic=topic, article=article, position=position)
                for position, article in enumerate(articles, start=1)
            )

    def import_terms(self):
        slugs = [source.values["slug"] for source in self.guide.terms]
        stored = {}
        for start in range(0, len(slugs), BATCH_SIZE):
            batch = GlossaryTerm.objects.filter(slug__in=slugs[start : start + BATCH_SIZE])
            stored.update((term.slug, term) for term in batch)
        for source in self.guide.terms:
            values = source.values
            term = stored.pop(values["slug"], None) or GlossaryTerm()
            for name in ("term", "slug", "short_definition", "status", "published_at"):
                setattr(term, name, values[name])
            term.aliases = ", ".join(values["aliases"])
            term.explanation = source.body
            self.terms[values["slug"]] = None
            if self.save(term, source, "glossary terms"):
                self.terms[term.slug] = term
                self.set_tags(term, values["tags"])
                articles = [self.article(ref) for ref in values["related_articles"]]
                term.related_articles.set([a for a in articles if a is not None])
        # Both sides of each pair are in guide.related_terms; a term not in the folder comes
        # from the site.
        terms = {slug: term for slug, term in self.terms.items() if term is not None}
        in_folder = set(self.terms)
        for slug, term in terms.items():
            related = self.guide.related_terms.get(slug, set())
            from_site = GlossaryTerm.objects.filter(slug__in=related - in_folder)
            term.related_terms.set([terms[other] for other in related & set(terms)] + [*from_site])

    def import_glossary_exclusions(self):
        """After the terms, which articles may name as "never link this term here"."""
        for chapter, article_sources in self.guide.chapters:
            for source in article_sources:
                article = self.articles.get(f"{chapter.values['slug']}/{source.values['slug']}")
                if article is None:
                    continue
                terms = [self.term(slug) for slug in source.values["glossary_exclusions"]]
                article.glossary_exclusions.set([term for term in terms if term is not None])


def _copy_media(files):
    """Copy the folder's media files into default storage under the same names.

    Identical files are left as they are, different ones replaced. Files this import created
    are removed again if a later copy fails (and the database rolls back); a replaced file
    keeps its new content.
    """
    created, copied = [], 0
    try:
        for name, path in sorted(files.items()):
            data = path.read_bytes()
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as existing:
                    if existing.read() == data:
                        continue
                default_storage.delete(name)
            else:
                created.append(name)
            saved = default_storage.save(name, ContentFile(data))
            if saved != name:
                raise OSError(f"storage saved {name} as {saved}")
            copied += 1
    except BaseException:
        for name in created:
            default_storage.delete(name)
        raise
    return copied
