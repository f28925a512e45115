"""Search follows every write, on both backends: the index is kept by the database (SQLite's
full-text triggers, PostgreSQL's vector triggers), whatever wrote the row, at once; a tag
rename, which can touch thousands of articles, by a background job once it commits; and the
cached lexicon (suggestions, "did you mean") is dropped by every write the site makes."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.signals import task_enqueued

from articles.models import Article, Tag, TaggedArticle
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from kb.publishing import Status
from kb.search import tasks
from kb.search.results import search_articles

pytestmark = pytest.mark.django_db


def titles(query):
    return [article.title for article in search_articles(Article.objects.published(), query)]


def suggested(client, typed):
    return [s["title"] for s in client.get("/search/suggest/", {"q": typed}).json()["suggestions"]]


def test_bulk_tag_rename_is_found_by_the_new_name_once_committed(committed):
    ArticleFactory(title="One", tags=["zeppelin"])
    ArticleFactory(title="Two", tags=["zeppelin", "balloon"])

    committed(Tag.objects.filter(name="zeppelin").update, name="airship")

    assert titles("airship") == ["One", "Two"]
    assert titles("zeppelin") == []
    assert titles("balloon") == ["Two"]


def test_tag_saved_with_a_new_name_is_found_by_it(committed):
    ArticleFactory(title="Plain", tags=["zeppelin"])

    tag = Tag.objects.get(name="zeppelin")
    tag.name = "dirigible"
    committed(tag.save)

    assert titles("dirigible") == ["Plain"]
    assert titles("zeppelin") == []


def test_a_renamed_tags_articles_are_reindexed_after_the_commit_in_batches(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)
    for n in range(5):
        ArticleFactory(title=f"Plain {n}", tags=["zeppelin"])
    ArticleFactory(title="Untagged")
    tag = Tag.objects.get(name="zeppelin")

    with django_capture_on_commit_callbacks() as after_commit:
        tag.name = "dirigible"
        tag.save()
        # Inside the editor's request nothing is re-indexed: the old name still finds them.
        assert len(titles("zeppelin")) == 5
        assert titles("dirigible") == []

    with mock.patch.object(tasks, "backend", wraps=tasks.backend) as backend:
        for callback in after_commit:
            callback()
    assert backend.call_count == 3  # 2 + 2 + 1 articles
    assert titles("dirigible") == [f"Plain {n}" for n in range(5)]
    assert titles("zeppelin") == []


def test_a_tag_saved_with_its_name_unchanged_enqueues_no_reindexing(
    django_capture_on_commit_callbacks,
):
    ArticleFactory(title="Plain", tags=["zeppelin"])
    tag = Tag.objects.get(name="zeppelin")

    enqueued = []

    def remember(sender, task_result, **kwargs):
        enqueued.append(task_result.task.name)

    task_enqueued.connect(remember)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            tag.save()
            tag.name = "dirigible"
            tag.save()
    finally:
        task_enqueued.disconnect(remember)
    assert enqueued == ["reindex_tags"]


def test_bulk_title_update_is_found_by_the_new_title():
    ArticleFactory(title="Alpha plan", body="Nothing to see.")

    Article.objects.filter(title="Alpha plan").update(title="Bravo plan")

    assert titles("bravo") == ["Bravo plan"]
    assert titles("alpha") == []


def test_bulk_created_articles_and_their_tags_are_found():
    section, author = SectionFactory(), AuthorFactory()
    published_at = timezone.now() - timedelta(hours=1)
    created = Article.objects.bulk_create(
        Article(
            section=section,
            author=author,
            title=f"Seeded {number}",
            slug=f"seeded-{number}",
            body_text="About zeppelins.",
            status=Status.PUBLISHED,
            published_at=published_at,
        )
        for number in range(3)
    )
    tag = Tag.objects.create(name="Airships", slug="airships")
    TaggedArticle.objects.bulk_create(TaggedArticle(content_object=a, tag=tag) for a in created)

    assert titles("seeded") == ["Seeded 0", "Seeded 1", "Seeded 2"]
    assert titles("zeppelin") == ["Seeded 0", "Seeded 1", "Seeded 2"]
    assert titles("airships") == ["Seeded 0", "Seeded 1", "Seeded 2"]


def test_tags_added_removed_and_deleted_are_followed():
    article = ArticleFactory(title="Plain")

    article.tags.add("zeppelin", "balloon")
    assert titles("zeppelin") == ["Plain"]

    article.tags.remove("zeppelin")
    assert titles("zeppelin") == []
    assert titles("balloon") == ["Plain"]

    Tag.objects.get(name="balloon").delete()
    assert titles("balloon") == []


def test_saving_an_instance_loaded_before_a_tag_change_keeps_the_tag_found():
    ArticleFactory(title="Plain")
    loaded = Article.objects.get(title="Plain")  # with the vectors as they were

    Article.objects.get(title="Plain").tags.add("zeppelin")
    loaded.status = Status.PUBLISHED
    loaded.save()

    assert titles("zeppelin") == ["Plain"]


def test_deleted_article_is_not_found():
    ArticleFactory(title="Alpha plan", tags=["zeppelin"])
    ArticleFactory(title="Bravo plan")

    Article.objects.filter(title="Alpha plan").delete()

    assert titles("plan") == ["Bravo plan"]
    assert titles("zeppelin") == []


def test_admin_bulk_publish_refreshes_suggestions_and_did_you_mean(
    admin_client, client, django_capture_on_commit_callbacks
):
    draft = ArticleFactory(title="Roadmap basics", draft=True)
    ArticleFactory(title="Backlog grooming")
    assert suggested(client, "road") == []  # builds and caches the lexicon

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "publish", "_selected_action": [draft.pk]},
        )

    assert suggested(client, "road") == ["Roadmap basics"]
    html = client.get("/search/", {"q": "roadmpa"}).content.decode()
    assert "Did you mean" in html and ">roadmap</a>" in html


def test_admin_bulk_unpublish_drops_the_title_from_did_you_mean(
    admin_client, client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Roadmap basics")
    ArticleFactory(title="Backlog grooming")
    assert suggested(client, "road") == ["Roadmap basics"]

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:articles_article_changelist"),
            {"action": "unpublish", "_selected_action": [article.pk]},
        )

    assert "Did you mean" not in client.get("/search/", {"q": "roadmpa"}).content.decode()
