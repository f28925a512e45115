"""Blocks kept once per content version: computed on the first request after a change, then
read from Django's cache by every request (and, with Redis, every app server) until the next.

The key carries the content version (stamp.py), so a block is never stale and never needs
finding to be dropped: after a change its key is simply no longer asked for, and TIMEOUT only
bounds how long an unused block lingers. A cache that cannot answer makes a block computed
for this request, never an error (logged like the page cache's failures).
"""

import logging

from django.core.cache import cache

from kb.pagecache.stamp import version

logger = logging.getLogger(__name__)
TIMEOUT = 24 * 60 * 60


def key(*parts):
    return ":".join(("block", str(version()), *map(str, parts)))


def kept(parts, compute):
    """The block named by `parts` (a tuple) for the content now, computed if not kept yet."""
    name = key(*parts)
    try:
        found = cache.get(name)
    except Exception:  # an unreachable cache is a miss
        logger.warning("Cache unavailable; computing %s for this request.", name, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        _store({name: found})
    return found


def kept_many(parts_list, compute_missing):
    """{parts: block} for every `parts` in `parts_list`; `compute_missing(missing_parts)`
    returns {parts: block} for those not kept yet, all at once."""
    names = {parts: key(*parts) for parts in parts_list}
    try:
        found = cache.get_many(list(names.values()))
    except Exception:
        logger.warning("Cache unavailable; computing %d blocks.", len(names), exc_info=True)
        found = {}
    blocks = {parts: found[name] for parts, name in names.items() if name in found}
    missing = [parts for parts in names if parts not in blocks]
    if missing:
        computed = compute_missing(missing)
        _store({names[parts]: block for parts, block in computed.items()})
        blocks.update(computed)
    return blocks


def _store(blocks):
    try:
        cache.set_many(blocks, TIMEOUT)
    except Exception:
        logger.warning("Cache unavailable; blocks not kept.", exc_info=True)
