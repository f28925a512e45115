"""What an import leaves in django-reversion's history (kb/history.py)."""

import io

import pytest
from django.core.management import call_command
from reversion.models import Revision, Version

from articles.models import Article, Section, Topic
from articles.tests.factories import ArticleFactory, TopicMembershipFactory
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.guide_io.importer import import_guide
from kb.guide_io.tests.test_export_import import build_guide, wipe_site
from kb.guide_io.writer import export_guide

pytestmark = pytest.mark.django_db

VERSIONED = (Author, Section, Article, Topic, GlossaryTerm)


def versions(obj):
    return Version.objects.get_for_object(obj).order_by("pk")


def version_counts():
    return {
        (model.__name__, obj.pk): versions(obj).count()
        for model in VERSIONED
        for obj in model.objects.all()
    }


def test_an_import_keeps_a_version_of_each_item_it_writes(tmp_path):
    article = ArticleFactory(tags=["roles"], body="Before the export.")
    TopicMembershipFactory(article=article)
    export_guide(tmp_path / "guide")
    Article.objects.filter(pk=article.pk).update(body="Typed after the export.")

    import_guide(tmp_path / "guide")

    version = versions(article).get()
    assert version.field_dict["body"] == "Before the export."
    assert version.revision.get_comment() == f"Imported from {tmp_path / 'guide'}."
    assert version.revision.version_set.count() == 3  # the article, its tag row, its topic row
    for obj in (article.section, article.author, Topic.objects.get()):
        assert versions(obj).count() == 1


def test_everything_imported_into_an_empty_site_has_exactly_one_version(tmp_path):
    build_guide()
    export_guide(tmp_path / "guide")
    wipe_site()
    Revision.objects.all().delete()

    summary = import_guide(tmp_path / "guide")

    counts = version_counts()
    assert len(counts) == 2 + 2 + 4 + 1 + 3  # authors, chapters, articles, topic, terms
    assert set(counts.values()) == {1}
    assert summary.versions == len(counts)
    article = Article.objects.get(slug="what-is-product-management")
    assert versions(article).get().field_dict["reviewer_id"] == article.reviewer_id


def test_importing_the_same_folder_again_adds_no_versions(tmp_path):
    build_guide()
    export_guide(tmp_path / "guide")
    import_guide(tmp_path / "guide")
    before = version_counts()
    out = io.StringIO()

    call_command("import_guide", str(tmp_path / "guide"), stdout=out)

    assert version_counts() == before
    assert "0 new versions in the history" in out.getvalue()


def test_a_second_import_versions_only_the_items_whose_file_changed(tmp_path):
    build_guide()
    export_guide(tmp_path / "guide")
    import_guide(tmp_path / "guide")
    before = version_counts()
    path = tmp_path / "guide/chapters/01-basics/02-a-draft.md"
    path.write_text(path.read_text().replace("title: A draft", "title: A better draft"))
    path = tmp_path / "guide/glossary/product-manager.md"
    path.write_text(path.read_text() + "Explained at last.\n")

    import_guide(tmp_path / "guide")

    draft = Article.objects.get(slug="a-draft")
    term = GlossaryTerm.objects.get(slug="product-manager")
    changed = {("Article", draft.pk), ("GlossaryTerm", term.pk)}
    after = version_counts()
    assert {key for key in after if after[key] != before[key]} == changed
    assert versions(draft).last().field_dict["title"] == "A better draft"
