"""Every write path announces itself to the keepers of derived data (kb/changes.py), and the
after-commit announcement comes only once the transaction commits."""

import pytest
from django.db import transaction

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.changes import announced_together, content_changed, content_committed
from kb.publishing import Status
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """What the after-commit keepers heard: (model, pks) pairs."""
    calls = []

    def listen(sender, pks, **kwargs):
        calls.append((sender, pks))

    content_committed.connect(listen)
    yield calls
    content_committed.disconnect(listen)


def announced(calls, model, pk=None):
    return any(
        sender is model and (pk is None or pks is None or pk in pks) for sender, pks in calls
    )


def test_a_save_is_announced_after_commit_only(heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = ArticleFactory()
    assert heard == []  # not before the commit
    for callback in callbacks:
        callback()
    assert announced(heard, Article, article.pk)


def test_a_rolled_back_write_is_never_announced(heard, django_capture_on_commit_callbacks):
    article = ArticleFactory()
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            Article.objects.filter(pk=article.pk).update(title="Never")
            raise RuntimeError
    assert not announced(heard, Article)


def test_the_in_transaction_signal_comes_at_once():
    article = ArticleFactory()
    calls = []

    def listen(sender, pks, **kwargs):
        calls.append((sender, pks))

    content_changed.connect(listen)
    try:
        Article.objects.filter(pk=article.pk).update(title="Now")
    finally:
        content_changed.disconnect(listen)
    assert (Article, frozenset({article.pk})) in calls


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda a: Article.objects.filter(pk=a.pk).update(status=Status.DRAFT), id="update"
        ),
        pytest.param(lambda a: a.delete(), id="delete"),
        pytest.param(lambda a: Article.objects.filter(pk=a.pk).delete(), id="queryset-delete"),
        pytest.param(lambda a: a.tags.add("new-tag"), id="tags-add"),
        pytest.param(lambda a: a.tags.clear(), id="tags-clear"),
        pytest.param(lambda a: Article.objects.bulk_update([a], ["position"]), id="bulk-update"),
        pytest.param(lambda a: a.glossary_exclusions.add(GlossaryTermFactory()), id="exclusions"),
    ],
)
def test_each_write_path_of_an_article_is_announced(
    heard, django_capture_on_commit_callbacks, write
):
    article = ArticleFactory(tags=["roles"])
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        write(article)
    assert announced(heard, Article, article.pk)


def test_bulk_create_is_announced_with_the_new_keys(heard, django_capture_on_commit_callbacks):
    section, author = SectionFactory(), AuthorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (created,) = Article.objects.bulk_create(
            [Article(section=section, author=author, title="Bulk", slug="bulk", body="x")]
        )
    assert announced(heard, Article, created.pk)


def test_a_bulk_tag_rename_is_announced(heard, django_capture_on_commit_callbacks):
    ArticleFactory(tags=["roadmap"])
    tag = Tag.objects.get(name="roadmap")
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Tag.objects.filter(pk=tag.pk).update(name="product roadmap")
    assert announced(heard, Tag, tag.pk)


def test_a_bulk_publish_of_terms_and_an_author_edit_are_announced(
    heard, django_capture_on_commit_callbacks
):
    term = GlossaryTermFactory(draft=True)
    author = AuthorFactory()
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.filter(pk=term.pk).update(status=Status.PUBLISHED)
        author.save()
    assert announced(heard, GlossaryTerm, term.pk)
    assert announced(heard, type(author), author.pk)


def test_writes_announced_together_reach_the_after_commit_keepers_once_per_model(
    heard, django_capture_on_commit_callbacks
):
    first, second = ArticleFactory(), ArticleFactory()
    heard.clear()
    in_transaction = []

    def listen(sender, pks, **kwargs):
        in_transaction.append(sender)

    content_changed.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic(), announced_together():
                Article.objects.filter(pk=first.pk).update(title="One")
                Article.objects.filter(pk=second.pk).update(title="Two")
                first.tags.add("merged")
                assert heard == []
    finally:
        content_changed.disconnect(listen)

    assert in_transaction.count(Article) == 3  # each write, at once
    (articles,) = [pks for sender, pks in heard if sender is Article]
    assert articles == {first.pk, second.pk}
    assert announced(heard, Tag)


def test_writes_announced_together_that_roll_back_are_never_announced(
    heard, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    heard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic(), announced_together():
            Article.objects.filter(pk=article.pk).update(title="Never")
            raise RuntimeError
    assert heard == []
