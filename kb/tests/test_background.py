"""Background jobs run by the real backends (kb/background.py): the embedded default's worker
thread, and the database queue that `manage.py db_worker` runs in production. Elsewhere the
tests run jobs as they are enqueued (conftest.py)."""

import logging

import pytest
from django.core.management import call_command
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from articles.tests.factories import ArticleFactory
from glossary.tests.factories import GlossaryTermFactory
from kb import background


@task()
def failing_job():
    raise ValueError("the job's own error")


@pytest.fixture
def in_process(settings):
    settings.TASKS = {"default": {"BACKEND": "kb.background.InProcessBackend"}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def rename(term, name):
    term.term = name
    term.save()


@pytest.mark.django_db(transaction=True)
def test_the_embedded_default_relinks_a_renamed_term_in_its_worker_thread(in_process):
    term = GlossaryTermFactory(term="Roadmap")
    ArticleFactory(body="The roadmap.")
    new = ArticleFactory(body="The backlog.")
    background.wait_for_jobs()

    rename(term, "Backlog")
    background.wait_for_jobs()

    assert list(term.linking_articles.all()) == [new]


@pytest.mark.django_db(transaction=True)
def test_a_failing_job_in_the_worker_thread_is_logged_and_the_next_one_runs(in_process, caplog):
    with caplog.at_level(logging.ERROR, logger="kb.background"):
        failing_job.enqueue()
        background.wait_for_jobs()
    assert "the job's own error" in caplog.text

    term = GlossaryTermFactory(term="Roadmap")
    article = ArticleFactory(body="The backlog.")
    rename(term, "Backlog")
    background.wait_for_jobs()
    assert list(term.linking_articles.all()) == [article]


@pytest.mark.django_db(transaction=True)
def test_in_production_the_job_waits_in_the_database_for_db_worker(database_queue):
    term = GlossaryTermFactory(term="Roadmap")
    old = ArticleFactory(body="The roadmap.")
    new = ArticleFactory(body="The backlog.")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    rename(term, "Backlog")

    # Committed and queued; readers still get the old "Used in" until a worker runs it.
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert list(term.linking_articles.all()) == [old]

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert list(term.linking_articles.all()) == [new]
    assert set(DBTaskResult.objects.values_list("task_path", "status")) == {
        ("glossary.linking.relink_terms", "SUCCESSFUL")
    }
