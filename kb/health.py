"""Health endpoints for load balancers and orchestrators.

- `/healthz`: the process is alive and answering. It touches no database and no cache, so a
  database outage does not make every app server look dead and get restarted.
- `/readyz`: this server can serve pages: the database answers a query and the cache a write
  and a read. 200 with what was checked, or 503 naming what failed (the reason is logged, not
  shown).

Both say `no-store` (never_cache: also `private`, so no page cache keeps them), need no login
and are in no sitemap.
"""

import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches["default"]
    key, value = f"kb:readyz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
@require_safe
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            # Whatever the driver raises (OperationalError, ConnectionError, timeouts...), the
            # answer is the same: not ready. The traceback goes to the log.
            logger.exception("readyz: the %s check failed", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    failed = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if failed else "ok", "checks": results}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=503 if failed else 200)
