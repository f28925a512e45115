"""One search interface over two databases: PostgreSQL (postgres.py) and SQLite (sqlite.py).

Both give the same results for the same query; the same tests run on both.
"""

from django.db import connections

from kb.search.backends.postgres import PostgresBackend
from kb.search.backends.sqlite import SQLiteBackend


def backend(using="default"):
    return PostgresBackend() if connections[using].vendor == "postgresql" else SQLiteBackend()
