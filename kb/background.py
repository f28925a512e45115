"""Background jobs on the embedded default: django-tasks' tasks, run by a thread of this process.

Work that grows with the guide (re-linking the articles a renamed glossary term appears in,
re-indexing the articles of a renamed tag) is a django-tasks task, enqueued once the write
commits, so it never runs inside the editor's request. Where it runs is settings.TASKS:

- with DATABASE_URL (production, at scale): django-tasks-db's DatabaseBackend keeps the queue
  in the database, and `manage.py db_worker` (README, "Going live") runs it; jobs survive a
  restart, and any number of workers share the queue;
- on the embedded default (`make run`): `InProcessBackend` below, so nothing more is started.
  A job waits in memory for the one worker thread of the process that enqueued it; a process
  that exits finishes its queue first (concurrent.futures joins its threads at exit), and one
  that is killed loses it (`manage.py relink_glossary` recomputes the relation whole).

Every job recomputes from what is committed when it runs, so running one twice, or two in any
order, gives the same rows; pages stay right meanwhile (they keep the old derived rows until the
job has written the new ones).
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResultStatus

logger = logging.getLogger(__name__)

_executor = None
_executor_lock = threading.Lock()


def _worker():
    global _executor
    with _executor_lock:
        if _executor is None:
            # One thread: jobs run in the order they were enqueued, one database writer at a
            # time (SQLite allows no more).
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-tasks")
        return _executor


class InProcessBackend(ImmediateBackend):
    """Runs each enqueued task in this process's worker thread, after the enqueue returns."""

    def _execute_task(self, task_result):
        _worker().submit(self._run, task_result)

    def _run(self, task_result):
        try:
            super()._execute_task(task_result)
            if task_result.status == TaskResultStatus.FAILED:
                logger.error(
                    "Background task %s failed:\n%s",
                    task_result.task.module_path,
                    task_result.errors[-1].traceback,
                )
        finally:
            # The thread's own connections: a job must not hold one open between jobs.
            connections.close_all()


def wait_for_jobs():
    """Block until the jobs enqueued so far in this process have run (kb/tests/
    test_background.py waits on the worker thread with it)."""
    _worker().submit(lambda: None).result()
