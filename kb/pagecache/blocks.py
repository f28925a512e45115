"""Blocks kept once per content version: computed on the first request after a change, then
read from Django's cache by every request (and, with Redis, every app server) until the next.

The key carries the content version (stamp.py), so a block is never stale and never needs
finding to be dropped: after a change its key is simply no longer asked for, and TIMEOUT only
bounds how long an unused block lingers. A cache that cannot answer makes a block computed
for this request, never an error (logged like the page cache's failures).
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

from kb.pagecache.local import LocalCopies
from kb.pagecache.stamp import version

logger = logging.getLogger(__name__)
TIMEOUT = 24 * 60 * 60
# A block under a given key never changes (the key carries the version), so each process also
# keeps the blocks it used last, as they are: a page asks Redis for its stamp, not for each of
# its half-dozen blocks again (every round trip costs about two of the floor's whole requests).
LOCAL_BLOCKS = 1000
local_copies = LocalCopies(LOCAL_BLOCKS)


def key(name, *parts):
    """The cache key of block `name` for `parts` (any values, visitors' text included: they are
    digested, so a key is always short and safe for every cache backend)."""
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"block:{version()}:{name}:{digest}"


def kept(parts, compute):
    """The block named by `parts` (a tuple) for the content now, computed if not kept yet."""
    name = key(*parts)
    found = local_copies.get(name)
    if found is not None:
        return found
    try:
        found = cache.get(name)
    except Exception:  # an unreachable cache is a miss
        logger.warning("Cache unavailable; computing %s for this request.", name, exc_info=True)
        return compute()
    if found is None:
        found = compute()
        _store({name: found})
    local_copies.keep({name: found})
    return found


def kept_many(parts_list, compute_missing):
    """{parts: block} for every `parts` in `parts_list`; `compute_missing(missing_parts)`
    returns {parts: block} for those not kept yet, all at once."""
    names = {parts: key(*parts) for parts in parts_list}
    found = {name: local_copies.get(name) for name in names.values()}
    found = {name: block for name, block in found.items() if block is not None}
    asked = [name for name in names.values() if name not in found]
    if asked:
        try:
            from_cache = cache.get_many(asked)
        except Exception:
            logger.warning("Cache unavailable; computing %d blocks.", len(asked), exc_info=True)
            from_cache = {}
        found.update(from_cache)
        local_copies.keep(from_cache)
    blocks = {parts: found[name] for parts, name in names.items() if name in found}
    missing = [parts for parts in names if parts not in blocks]
    if missing:
        computed = compute_missing(missing)
        _store({names[parts]: block for parts, block in computed.items()})
        local_copies.keep({names[parts]: block for parts, block in computed.items()})
        blocks.update(computed)
    return blocks


def _store(blocks):
    try:
        cache.set_many(blocks, TIMEOUT)
    except Exception:
        logger.warning("Cache unavailable; blocks not kept.", exc_info=True)


class PageLinks:
    """Django Page's previous/next attributes, from `number` and `num_pages`, for pages kept as
    plain values (includes/pager.html reads them)."""

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages

    @property
    def previous_page_number(self):
        return self.number - 1

    @property
    def next_page_number(self):
        return self.number + 1


@dataclass(frozen=True)
class ListPage(PageLinks):
    """One page of a list, evaluated (so it can be kept), with Django Page's attribute names."""

    object_list: list
    number: int
    num_pages: int
    count: int
    start_index: int


def list_page(items, per_page, number):
    """Page `number` (as the request gave it) of `items`; Http404 if there is no such page."""
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(number or 1)
    except InvalidPage as exc:
        raise Http404("No such page.") from exc
    return ListPage(
        list(page.object_list),
        page.number,
        paginator.num_pages,
        paginator.count,
        page.start_index(),
    )


def kept_page(parts, items, per_page, number):
    """`list_page` kept per content version under `parts` (+ the page number)."""
    return kept((*parts, "page", number), lambda: list_page(items, per_page, number))
