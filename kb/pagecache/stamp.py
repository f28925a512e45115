"""Which version of the content a cached page was made from, and until when it holds.

A cached page is keyed on the stamp, so changing the stamp makes every cached page stale at
once, in every process, without finding the pages a change affects (a glossary rename, an
author's bio or a tag rename reach pages nobody could list cheaply). The stamp changes
- after every committed write to content, whatever its path (`bump`, on kb/changes.py's
  content_committed), and
- when the next scheduled item goes live (`valid_until`): a page cached before 9:00 is not
  served after 9:00 if something was scheduled for 9:00, with no job and nothing written.

Where the stamp lives depends on the cache. The database row (`ContentStamp`) is the truth,
bumped on every change. Local memory is one process's own, so each process reads that row on
every request (by primary key), and a bump in one process is seen by all. A shared cache
(Redis) holds a copy of the version, bumped atomically with `incr` right after the row, so a
hit costs no database query; the copy is read again from the row every VERSION_SECONDS, so a
bump that could not reach Redis (it was down) is caught up within that time, and a version
taken from the row is never one an older page was cached under. The next scheduled time is
kept beside it for at most VALID_UNTIL_SECONDS, copied from the row (every bump recomputes
it there), so only two writes racing each other could leave a scheduled item that much
late. A cache that cannot answer is never an error: the row answers instead. With Redis,
each process also keeps the copy it read last for as long as Redis tells it nothing changed
(tracking.py), so most hits ask nothing at all.

The stamp is what every block computed "once per content version" is keyed on too (the guide
outline, linked glossary bodies: `version()`), so one request may ask for it several times: it
is read once per request (remembered from `request_started` to `request_finished`, and
forgotten when this process bumps it). A row created again (the table emptied, a database
restored without it) starts its version from the clock, so Redis's copy and the blocks kept
per version never meet an old number again.
"""

import functools
import threading
import time
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection
from django.db.models import F, Min
from django.dispatch import receiver
from django.utils import timezone

from kb.pagecache.models import ContentStamp
from kb.pagecache.tracking import StampTracking
from kb.publishing import PublishableModel, Status

VERSION_KEY = "pagecache:version"
VALID_UNTIL_KEY = "pagecache:valid-until"
VALID_UNTIL_SECONDS = 60
VERSION_SECONDS = 60
NOTHING_SCHEDULED = "none"
LOCAL_BACKENDS = ("LocMemCache", "DummyCache")
REDIS_BACKEND = "django_redis.cache.RedisCache"


def shared_cache():
    """Whether every app server sees the same cache (so the stamp can live there)."""
    return not settings.CACHES["default"]["BACKEND"].endswith(LOCAL_BACKENDS)


def next_scheduled(now=None):
    """When the next scheduled item (of any publishable model) goes live, or None."""
    now = now or timezone.now()
    times = [
        model._base_manager.filter(status=Status.PUBLISHED, published_at__gt=now).aggregate(
            at=Min("published_at")
        )["at"]
        for model in apps.get_models()
        if issubclass(model, PublishableModel)
    ]
    return min((at for at in times if at is not None), default=None)


class _RequestMemo(threading.local):
    active = False
    stamp = None


_memo = _RequestMemo()


@receiver(request_started, dispatch_uid="kb_pagecache_stamp_memo_on")
def _remember_for_request(**kwargs):
    _memo.active, _memo.stamp = True, None


@receiver(request_finished, dispatch_uid="kb_pagecache_stamp_memo_off")
def _forget_after_request(**kwargs):
    _memo.active, _memo.stamp = False, None


def current():
    """(version, valid_until) of the content now; bumped first if a scheduled item has gone
    live since it was taken."""
    return current_with(None)[0]


def current_with(key, held=None):
    """The stamp now (as `current`) and the cache's entry under `key` (None if nothing or no
    key). `held` is an entry this process already holds for `key`: if it is of the stamp now,
    it is the answer and the cache is not asked for it.

    With Redis, the stamp and the entry come back from one round trip, or none while this
    process's copy of the stamp is trusted (tracking.py).
    """
    stamp, entry, asked = _memo.stamp, None, False
    if stamp is None and shared_cache():
        tracking = _tracking()
        stamp = tracking.trusted() if tracking else None
        if stamp is None:
            arrivals = tracking.arrivals() if tracking else None
            asked = held is None
            stamp, entry = _shared(key if asked else None)
            if tracking:
                tracking.remember(stamp, arrivals)
    elif stamp is None:
        stamp = _stored()
    if stamp[1] is not None and stamp[1] <= timezone.now():
        bump()
        stamp = _shared(None)[0] if shared_cache() else _stored()
        asked, entry = True, None  # nothing is of the new stamp yet
    if _memo.active:
        _memo.stamp = stamp
    if key and not asked:
        entry = held if held is not None and held[0] == stamp else cache.get(key)
    return stamp, entry


def version():
    """The content version now: what blocks computed once per version are keyed on."""
    return current()[0]


def bump(sender=None, **kwargs):
    """The content changed: every page cached so far is stale."""
    now = timezone.now()
    updated = ContentStamp.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=now, valid_until=next_scheduled(now)
    )
    if not updated:
        ContentStamp.objects.create(
            pk=1, version=time.time_ns() // 1000, changed_at=now, valid_until=next_scheduled(now)
        )
    _memo.stamp = None
    if shared_cache():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no copy in the cache (expired or flushed): take the row's
            cache.set(VERSION_KEY, _stored()[0], VERSION_SECONDS)
        cache.delete(VALID_UNTIL_KEY)
        tracking = _tracking()
        if tracking:
            tracking.forget()


def _tracking():
    """This process's tracking of the stamp's copy in Redis (None for any other cache)."""
    default = settings.CACHES["default"]
    if default["BACKEND"] != REDIS_BACKEND or not isinstance(default["LOCATION"], str):
        return None
    return _tracking_for(
        default["LOCATION"], cache.make_key(VERSION_KEY), cache.make_key(VALID_UNTIL_KEY)
    )


@functools.cache
def _tracking_for(location, *keys):
    return StampTracking(location, keys)


def _stored():
    stamp = _read_row()
    if stamp is None:
        bump()
        stamp = _read_row()
    return stamp


def _read_row():
    # Read on every request with local memory: plain SQL, as the ORM's query building would
    # cost several times the query itself.
    with connection.cursor() as cursor:
        cursor.execute(_ROW_SQL)
        row = cursor.fetchone()
    if row is None:
        return None
    version, valid_until = row
    if valid_until is not None and timezone.is_naive(valid_until):  # SQLite: naive UTC
        valid_until = valid_until.replace(tzinfo=UTC)
    return version, valid_until


_ROW_SQL = (
    f"SELECT version, valid_until FROM {ContentStamp._meta.db_table} "
    f"WHERE {ContentStamp._meta.pk.column} = 1"
)


def _shared(key):
    try:
        values = cache.get_many([VERSION_KEY, VALID_UNTIL_KEY, *([key] if key else [])])
    except Exception:  # an unreachable cache: the row is the truth
        return _stored(), None
    version, valid_until = values.get(VERSION_KEY), values.get(VALID_UNTIL_KEY)
    if version is None or valid_until is None:
        # One read of the row fills both: bump() keeps its valid_until up to date.
        stored_version, stored_until = _stored()
        if version is None:
            version = stored_version
            _quietly(cache.add, VERSION_KEY, version, VERSION_SECONDS)
        if valid_until is None:
            valid_until = stored_until.isoformat() if stored_until else NOTHING_SCHEDULED
            _quietly(cache.set, VALID_UNTIL_KEY, valid_until, VALID_UNTIL_SECONDS)
    at = None if valid_until == NOTHING_SCHEDULED else datetime.fromisoformat(valid_until)
    return (version, at), values.get(key)


def _quietly(write, *args):
    try:
        write(*args)
    except Exception:  # the copy is an optimisation; the row stays the truth
        pass
