import io
import re
import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks.signals import task_enqueued
from PIL import Image
from reversion.models import Version

from articles.models import Article, Section, Topic, TopicMembership
from articles.tests.factories import ArticleFactory, SectionFactory, TopicFactory
from authors.models import Author
from authors.tests.factories import AuthorFactory
from glossary import linking
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.guide_io.folder import (
    article_front,
    author_front,
    chapter_front,
    exported,
    term_front,
    topic_front,
)
from kb.publishing import Status
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db

UPLOAD = "uploads/2024/05/diagram.png"


def png(colour="red"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def build_guide():
    """Two chapters, Unicode titles and tags, a draft and a scheduled article, a reviewed
    article with glossary exclusions, an ordered topic, an author with a photo, glossary terms
    with relations, and an uploaded image."""
    ada = AuthorFactory(
        name="Ada Lovelace",
        bio="Wrote the **first** program.\r\nWith Windows line ends.",
        website="https://ada.example.com",
        career_started=1990,
    )
    ada.photo.save("ada.png", ContentFile(png()))
    bob = AuthorFactory(name="Bob Søndergaard", career_started=None, bio="")
    default_storage.save(UPLOAD, ContentFile(png("blue")))

    basics = SectionFactory(position=1, title="Basics", intro="Start *here*.\n")
    roles = SectionFactory(position=2, title="Rôles & équipes", summary="Who does what: 🚀")
    first = ArticleFactory(
        section=basics,
        position=1,
        title="What is product management?",
        author=ada,
        body=f"## Overview\n\n![Diagram]({settings.MEDIA_URL}{UPLOAD})\n\nText.",
        tags=["Café", "🚀 Launch", "agile"],
        reviewer=bob,
        last_reviewed_at=date(2024, 5, 2),
        next_review_at=date(2025, 5, 2),
    )
    draft = ArticleFactory(
        section=basics,
        position=2,
        title="A draft",
        author=bob,
        draft=True,
        tags=["agile", "🚀", "C++", "C#"],
        link_glossary_terms=False,
    )
    scheduled = ArticleFactory(
        section=roles, position=1, title="Le chef de produit", author=ada, scheduled=True
    )
    third = ArticleFactory(section=roles, position=2, title="Product owners", author=bob)
    Tag.objects.create(name="Unused")

    topic = TopicFactory(title="Getting started", is_featured=True, description="Read these.")
    for position, article in enumerate([third, first, scheduled]):
        TopicMembership.objects.create(topic=topic, article=article, position=position)

    po = GlossaryTermFactory(term="Product owner", aliases="PO, product owners", tags=["agile"])
    pm = GlossaryTermFactory(term="Product manager", explanation="")
    draft_term = GlossaryTermFactory(term="Zeitgeist", draft=True)
    po.related_terms.add(pm, draft_term)
    po.related_articles.add(third, first)
    first.glossary_exclusions.add(pm, draft_term)
    return {"first": first, "draft": draft, "scheduled": scheduled, "topic": topic, "po": po}


def wipe_site():
    """Delete every row the guide consists of, and every uploaded file."""
    TopicMembership.objects.all().delete()
    Topic.objects.all().delete()
    GlossaryTerm.objects.all().delete()
    Article.objects.all().delete()
    Section.objects.all().delete()
    Author.objects.all().delete()
    Tag.objects.all().delete()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def folder_contents(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def export(directory):
    out = io.StringIO()
    call_command("export_guide", str(directory), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def import_(directory):
    out = io.StringIO()
    call_command("import_guide", str(directory), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def site_snapshot():
    return {
        "counts": [
            model.objects.count()
            for model in (Section, Article, Topic, TopicMembership, Author, GlossaryTerm, Tag)
        ],
        "titles": sorted(Article.objects.values_list("title", "updated_at")),
        "bios": sorted(Author.objects.values_list("slug", "bio")),
    }


def test_export_import_export_gives_byte_identical_folders(tmp_path):
    build_guide()
    export(tmp_path / "first")
    wipe_site()

    import_(tmp_path / "first")
    export(tmp_path / "second")

    first, second = folder_contents(tmp_path / "first"), folder_contents(tmp_path / "second")
    assert list(first) == list(second)
    for name in first:
        assert first[name] == second[name], name
    assert "media/authors/ada.png" in first and f"media/{UPLOAD}" in first


# Transactional: PostgreSQL truncates tables (a flush) only outside the test's transaction, and
# content types come back under new ids, which a rolled-back test would leave in their cache.
@pytest.mark.django_db(transaction=True)
def test_every_field_survives_an_export_imported_into_a_flushed_database_byte_for_byte(
    tmp_path,
):
    build_guide()
    moment = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
    Topic.objects.update(updated_at=moment)
    export(tmp_path / "first")
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    assert not Article.objects.exists() and not Version.objects.exists()

    import_(tmp_path / "first")
    export(tmp_path / "second")

    assert folder_contents(tmp_path / "first") == folder_contents(tmp_path / "second")
    chapter = tmp_path / "second/chapters/01-basics"
    reviewed = (chapter / "01-what-is-product-management.md").read_text()
    assert (
        "reviewer: bob-søndergaard\nlast_reviewed_at: '2024-05-02'\nnext_review_at: '2025-05-02'\n"
        "link_glossary_terms: true\nglossary_exclusions:\n- product-manager\n- zeitgeist\n"
    ) in reviewed
    assert "link_glossary_terms: false\n" in (chapter / "02-a-draft.md").read_text()
    topic = (tmp_path / "second/topics/getting-started.md").read_text()
    assert "updated_at: '2024-06-01T08:00:00.000000Z'" in topic
    article = Article.objects.get(slug="what-is-product-management")
    assert article.reviewer.slug == "bob-søndergaard"
    assert article.last_reviewed_at == date(2024, 5, 2)
    assert article.next_review_at == date(2025, 5, 2)
    assert sorted(article.glossary_exclusions.values_list("slug", flat=True)) == [
        "product-manager",
        "zeitgeist",
    ]
    assert not Article.objects.get(slug="a-draft").link_glossary_terms
    assert Topic.objects.get().updated_at == moment


# What a folder keeps of each model outside the front matter, and what it leaves out on purpose.
IN_BODY = {
    Author: "bio",
    Section: "intro",
    Article: "body",
    Topic: "description",
    GlossaryTerm: "explanation",
}
IN_PATH = {Article: {"section"}}  # the chapter folder the file is in
NOT_EXPORTED = {Author: {"user"}}  # accounts are not content (kb/guide_io/folder.py)


def test_the_folder_has_a_place_for_every_field_an_editor_or_import_sets():
    guide = build_guide()
    fronts = {
        Author: author_front(guide["first"].author),
        Section: chapter_front(guide["first"].section),
        Article: article_front(guide["first"]),
        Topic: topic_front(exported(Topic).get()),
        GlossaryTerm: term_front(guide["po"]),
    }

    for model, front in fronts.items():
        fields = {
            field.name
            for field in model._meta.get_fields()
            if not field.auto_created
            and not field.primary_key
            # Derived fields are not editable; the timestamps are not either, but are kept.
            and (field.editable or field.name in ("created_at", "updated_at"))
        }
        kept = set(front) | {IN_BODY[model]} | IN_PATH.get(model, set())
        assert kept == fields - NOT_EXPORTED.get(model, set()), model


def test_export_writes_one_markdown_file_per_item_with_front_matter(tmp_path):
    build_guide()
    export(tmp_path / "guide")

    files = set(folder_contents(tmp_path / "guide"))
    assert {
        "kb-guide.yaml",
        "tags.yaml",
        "authors/ada-lovelace.md",
        "authors/bob-søndergaard.md",
        "chapters/01-basics/_chapter.md",
        "chapters/01-basics/01-what-is-product-management.md",
        "chapters/01-basics/02-a-draft.md",
        "chapters/02-rôles-équipes/_chapter.md",
        "chapters/02-rôles-équipes/01-le-chef-de-produit.md",
        "topics/getting-started.md",
        "glossary/product-owner.md",
        "media/authors/ada.png",
    } <= files
    article = (tmp_path / "guide/chapters/01-basics/01-what-is-product-management.md").read_text()
    front, body = article.removeprefix("---\n").split("---\n", 1)
    assert front.splitlines()[:6] == [
        "title: What is product management?",
        "slug: what-is-product-management",
        "position: 1",
        "summary: A short lede for the article.",
        "author: ada-lovelace",
        "tags:",
    ]
    assert "- Café\n- 🚀 Launch\n" in front
    assert "body_html" not in front and "reading_time" not in front
    assert body == f"## Overview\n\n![Diagram]({settings.MEDIA_URL}{UPLOAD})\n\nText.\n"
    topic = (tmp_path / "guide/topics/getting-started.md").read_text()
    assert (
        "articles:\n- rôles-équipes/product-owners\n- basics/what-is-product-management\n"
        "- rôles-équipes/le-chef-de-produit\n---\nRead these.\n"
    ) in topic


def test_imported_guide_renders_with_its_statuses_tags_order_and_exact_dates(tmp_path, client):
    guide = build_guide()
    expected_dates = {
        a.slug: (a.published_at, a.created_at, a.updated_at) for a in Article.objects.all()
    }
    expected_html = guide["first"].body_html
    expected_tags = sorted(Tag.objects.values_list("name", "slug"))
    export(tmp_path / "guide")
    wipe_site()

    import_(tmp_path / "guide")

    first = Article.objects.get(slug="what-is-product-management")
    assert first.body_html == expected_html and "<h2" in first.body_html
    assert first.word_count > 0
    assert sorted(first.tags.names()) == sorted(["Café", "🚀 Launch", "agile"])
    assert {
        a.slug: (a.published_at, a.created_at, a.updated_at) for a in Article.objects.all()
    } == (expected_dates)
    assert Article.objects.get(slug="a-draft").status == Status.DRAFT
    assert Article.objects.scheduled().get().slug == "le-chef-de-produit"
    topic = Topic.objects.get(slug="getting-started")
    assert [m.article.slug for m in topic.memberships.all()] == [
        "product-owners",
        "what-is-product-management",
        "le-chef-de-produit",
    ]
    po = GlossaryTerm.objects.get(slug="product-owner")
    assert po.alias_list == ["PO", "product owners"]
    assert sorted(po.related_terms.values_list("slug", flat=True)) == [
        "product-manager",
        "zeitgeist",
    ]
    assert GlossaryTerm.objects.get(slug="zeitgeist").related_terms.get() == po
    ada = Author.objects.get(slug="ada-lovelace")
    assert ada.bio == "Wrote the **first** program.\r\nWith Windows line ends."
    assert "<strong>first</strong>" in ada.bio_html
    assert default_storage.open(ada.photo.name).read() == png()
    assert default_storage.open(UPLOAD).read() == png("blue")
    assert sorted(Tag.objects.values_list("name", "slug")) == expected_tags  # "C#", "C++": c, c_1
    response = client.get(first.get_absolute_url())
    assert response.status_code == 200
    assert "What is product management?" in response.content.decode()


def test_import_over_an_existing_site_updates_in_place_without_duplicates(tmp_path):
    guide = build_guide()
    export(tmp_path / "guide")
    first = guide["first"]
    Article.objects.filter(pk=first.pk).update(title="Changed since the export")
    first.refresh_from_db()
    first.tags.add("Stray tag")
    extra = ArticleFactory(section=first.section, title="Written after the export")
    before = site_snapshot()["counts"]

    import_(tmp_path / "guide")

    first.refresh_from_db()
    assert first.title == "What is product management?"
    assert sorted(first.tags.names()) == sorted(["Café", "🚀 Launch", "agile"])
    assert site_snapshot()["counts"] == before
    assert Article.objects.filter(pk=extra.pk).exists()  # not named by the folder: left alone


def test_importing_the_same_folder_again_changes_nothing(tmp_path):
    build_guide()
    export(tmp_path / "guide")
    before = site_snapshot()

    output = import_(tmp_path / "guide")

    assert site_snapshot() == before
    assert "0 new" in output
    export(tmp_path / "again")
    assert folder_contents(tmp_path / "guide") == folder_contents(tmp_path / "again")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_malformed_folder_reports_every_problem_with_file_and_line_and_changes_nothing(
    tmp_path,
):
    build_guide()
    guide = tmp_path / "guide"
    export(guide)
    chapter = guide / "chapters/01-basics"
    write(
        chapter / "01-what-is-product-management.md",
        "---\ntitle: What is product management?\nslug: [unclosed\n---\nBody\n",
    )
    draft = (chapter / "02-a-draft.md").read_text()
    write(chapter / "02-a-draft.md", draft.replace("author: bob-søndergaard", "author: nobody"))
    term = (guide / "glossary/product-manager.md").read_text()
    term = re.sub(r"(?m)^published_at: .*$", "published_at: 2024-13-45T09:00:00Z", term)
    write(guide / "glossary/product-manager.md", term)
    (guide / "media/authors/ada.png").unlink()
    Article.objects.filter(slug="a-draft").update(title="Edited on the site")
    before = site_snapshot()

    with pytest.raises(CommandError) as raised:
        import_(guide)

    message = str(raised.value)
    assert "4 problems, nothing was imported" in message
    draft_line = next(
        n for n, line in enumerate(draft.splitlines(), 1) if line.startswith("author:")
    )
    date_line = next(
        n for n, line in enumerate(term.splitlines(), 1) if line.startswith("published_at:")
    )
    photo_line = next(
        n
        for n, line in enumerate((guide / "authors/ada-lovelace.md").read_text().splitlines(), 1)
        if line.startswith("photo:")
    )
    assert "chapters/01-basics/01-what-is-product-management.md:4: invalid YAML" in message
    assert f"chapters/01-basics/02-a-draft.md:{draft_line}: unknown author nobody" in message
    assert f"glossary/product-manager.md:{date_line}: published_at must be a date" in message
    assert (
        f"authors/ada-lovelace.md:{photo_line}: photo file media/authors/ada.png is missing"
        in message
    )
    assert site_snapshot() == before
    assert Article.objects.get(slug="a-draft").title == "Edited on the site"


def test_invalid_field_found_while_saving_is_reported_and_rolls_back_the_import(tmp_path):
    build_guide()
    guide = tmp_path / "guide"
    export(guide)
    author = guide / "authors/bob-søndergaard.md"
    text = author.read_text().replace("website: ''", "website: not a web address")
    write(author, text)
    chapter = guide / "chapters/01-basics/_chapter.md"
    write(chapter, chapter.read_text().replace("title: Basics", "title: Basics, edited"))
    before = site_snapshot()

    with pytest.raises(CommandError) as raised:
        import_(guide)

    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("website:"))
    assert f"authors/bob-søndergaard.md:{line}: website: Enter a valid URL." in str(raised.value)
    assert site_snapshot() == before
    assert Section.objects.get(slug="basics").title == "Basics"


def test_files_outside_the_layout_and_missing_keys_are_reported(tmp_path):
    build_guide()
    guide = tmp_path / "guide"
    export(guide)
    write(guide / "notes.txt", "scratch")
    write(guide / "chapters/01-basics/image.png", "not markdown")
    write(guide / "topics/new.md", "---\ntitle: New\ncolour: blue\n---\n")
    write(guide / "glossary/no-front-matter.md", "Just text\n")

    with pytest.raises(CommandError) as raised:
        import_(guide)

    message = str(raised.value)
    assert "notes.txt: not part of a kb guide folder" in message
    assert "chapters/01-basics/image.png: not part of a kb guide folder" in message
    assert "topics/new.md:3: unknown key colour" in message
    assert "topics/new.md:2: missing key slug" in message
    assert "glossary/no-front-matter.md:1: must start with a --- line" in message


def test_duplicate_slugs_and_unknown_references_are_reported(tmp_path):
    build_guide()
    guide = tmp_path / "guide"
    export(guide)
    shutil.copy(guide / "authors/ada-lovelace.md", guide / "authors/ada-copy.md")
    topic = guide / "topics/getting-started.md"
    write(
        topic,
        topic.read_text()
        .replace("- basics/a-draft", "")
        .replace("- rôles-équipes/product-owners", "- rôles-équipes/missing\n- just-a-slug"),
    )

    with pytest.raises(CommandError) as raised:
        import_(guide)

    message = str(raised.value)
    assert (
        "authors/ada-lovelace.md:3: slug ada-lovelace is also used by authors/ada-copy.md"
        in message
    )
    # The first entry under "articles:", after the topic's title, slug, is_featured, updated_at.
    missing = topic.read_text().splitlines().index("- rôles-équipes/missing") + 1
    assert missing == 7
    assert f"topics/getting-started.md:{missing}: unknown article rôles-équipes/missing" in message
    assert f"topics/getting-started.md:{missing + 1}: just-a-slug: write articles as" in message


def test_folder_written_by_hand_gets_defaults_and_related_terms_both_ways(tmp_path):
    AuthorFactory(name="Existing", slug="existing")
    guide = tmp_path / "guide"
    write(guide / "kb-guide.yaml", "format: kb-guide\nversion: 1\n")
    write(guide / "chapters/intro/_chapter.md", "---\ntitle: Intro\nslug: intro\n---\nWelcome.\n")
    write(
        guide / "chapters/intro/hello.md",
        "---\ntitle: Hello\nslug: hello\nauthor: existing\ntags: [Café]\n---\n# Hi\n",
    )
    write(
        guide / "glossary/a.md",
        "---\nterm: A\nslug: a\nshort_definition: First.\nrelated_terms: [b]\n---\n",
    )
    write(guide / "glossary/b.md", "---\nterm: B\nslug: b\nshort_definition: Second.\n---\n")

    import_(guide)

    article = Article.objects.get(slug="hello")
    assert article.status == Status.DRAFT and article.section.slug == "intro"
    assert article.author.slug == "existing" and list(article.tags.names()) == ["Café"]
    assert Tag.objects.get(name="Café").slug == "café"
    assert list(
        GlossaryTerm.objects.get(slug="b").related_terms.values_list("slug", flat=True)
    ) == ["a"]


def test_dates_are_written_in_utc_with_microseconds(tmp_path):
    moment = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)
    section = SectionFactory(position=1, title="Dated", published_at=moment)
    Section.objects.filter(pk=section.pk).update(created_at=moment, updated_at=moment)
    export(tmp_path / "guide")

    text = (tmp_path / "guide/chapters/01-dated/_chapter.md").read_text()

    assert "published_at: '2024-05-01T09:30:15.123456Z'" in text
    assert "created_at: '2024-05-01T09:30:15.123456Z'" in text


def test_export_prints_counts_and_import_prints_new_and_updated(tmp_path):
    build_guide()
    output = export(tmp_path / "guide")
    assert "4 articles" in output and "2 chapters" in output and "2 media files" in output
    wipe_site()

    output = import_(tmp_path / "guide")

    assert "2 chapters (2 new, 0 updated)" in output
    assert "4 articles (4 new, 0 updated)" in output
    assert "3 glossary terms (3 new, 0 updated)" in output
    assert "2 media files copied" in output


def test_check_option_reports_a_valid_folder_and_imports_nothing(tmp_path):
    build_guide()
    export(tmp_path / "guide")
    wipe_site()
    out = io.StringIO()

    call_command("import_guide", str(tmp_path / "guide"), "--check", stdout=out)

    assert "has no problems" in out.getvalue()
    assert not Article.objects.exists()


def test_export_replaces_an_earlier_export_and_keeps_hidden_files(tmp_path):
    guide = build_guide()
    export(tmp_path / "guide")
    write(tmp_path / "guide/.git/HEAD", "ref: refs/heads/main\n")
    Article.objects.filter(pk=guide["draft"].pk).delete()

    export(tmp_path / "guide")

    assert not (tmp_path / "guide/chapters/01-basics/02-a-draft.md").exists()
    assert (tmp_path / "guide/.git/HEAD").exists()


def test_export_refuses_a_folder_that_holds_something_else(tmp_path):
    write(tmp_path / "guide/thesis.md", "My thesis")

    with pytest.raises(CommandError, match="not empty"):
        export(tmp_path / "guide")

    assert (tmp_path / "guide/thesis.md").read_text() == "My thesis"


def test_export_warns_about_a_missing_photo_and_the_import_reports_it(tmp_path):
    build_guide()
    default_storage.delete("authors/ada.png")
    err = io.StringIO()

    call_command("export_guide", str(tmp_path / "guide"), stdout=io.StringIO(), stderr=err)

    assert "authors/ada-lovelace.md: media file authors/ada.png is missing" in err.getvalue()
    with pytest.raises(CommandError, match="photo file media/authors/ada.png is missing"):
        import_(tmp_path / "guide")


def test_import_leaves_the_author_account_link_alone(tmp_path, django_user_model):
    build_guide()
    user = django_user_model.objects.create_user("ada")
    Author.objects.filter(slug="ada-lovelace").update(user=user)
    export(tmp_path / "guide")
    assert "ada\n" not in (tmp_path / "guide/authors/ada-lovelace.md").read_text()

    import_(tmp_path / "guide")

    assert Author.objects.get(slug="ada-lovelace").user == user


def test_scheduled_article_stays_scheduled_after_import(tmp_path):
    guide = build_guide()
    export(tmp_path / "guide")
    wipe_site()

    import_(tmp_path / "guide")

    scheduled = Article.objects.get(slug="le-chef-de-produit")
    assert scheduled.published_at == guide["scheduled"].published_at
    assert scheduled.published_at > timezone.now() + timedelta(days=1)
    assert not Article.objects.published().filter(pk=scheduled.pk).exists()


def test_a_broken_file_does_not_hide_the_problems_of_the_files_around_it(tmp_path):
    build_guide()
    guide = tmp_path / "guide"
    export(guide)
    write(guide / "chapters/01-basics/_chapter.md", "---\ntitle: [\n---\n")
    draft = guide / "chapters/01-basics/02-a-draft.md"
    text = draft.read_text().replace("author: bob-søndergaard", "author: nobody")
    write(draft, text.replace("status: draft", "status: finished").replace("slug: a-draft\n", ""))

    with pytest.raises(CommandError) as raised:
        import_(guide)

    message = str(raised.value)
    lines = {line.split(":")[0]: n for n, line in enumerate(draft.read_text().splitlines(), 1)}
    assert "chapters/01-basics/_chapter.md:3: invalid YAML" in message
    assert "chapters/01-basics/02-a-draft.md:2: missing key slug" in message
    assert f"02-a-draft.md:{lines['author']}: unknown author nobody" in message
    assert f"02-a-draft.md:{lines['status']}: status must be one of draft, review" in message


def linked_pairs():
    return set(
        Article.linked_terms.through.objects.values_list("article__slug", "glossaryterm__slug")
    )


def test_an_import_links_glossary_terms_by_one_job_after_it_commits(
    tmp_path, django_capture_on_commit_callbacks
):
    build_guide()
    ArticleFactory(section=Section.objects.first(), body="Ask the product owner, or the PO.")
    linking.update_links(Article.objects.all())  # its terms came after the articles
    linked = linked_pairs()
    assert linked  # the guide's articles mention its terms
    export(tmp_path / "guide")
    wipe_site()
    enqueued = []

    def remember(sender, task_result, **kwargs):
        enqueued.append(task_result.task.name)

    task_enqueued.connect(remember)
    try:
        with django_capture_on_commit_callbacks() as after_commit:
            import_(tmp_path / "guide")
            # Inside the import's transaction no article was re-linked, one by one or at all.
            assert linked_pairs() == set()
        for callback in after_commit:
            callback()
    finally:
        task_enqueued.disconnect(remember)

    assert enqueued == ["relink_terms", "relink_articles"]
    assert linked_pairs() == linked
