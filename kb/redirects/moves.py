"""Links never break: when a page moves, its old URL redirects and links to it follow it.

A page moves when an editor changes an article's slug or chapter, a chapter's slug (which moves
the chapter and every article in it), or a glossary term's or an author's slug. Content models
take part by inheriting `RedirectOnMove` and being announced to kb/changes.py, whose signals
see every path that writes (a save, a restore, `update(slug=...)`): before the write,
`remember_urls()` notes the URL each moving page is leaving; after it, in the same transaction,
`follow_moves()` calls `follow_move()`, which
- records a `Redirect` from each old path to the new one. Chains collapse (A -> B, then B -> C
  leaves A -> C: one hop) and loops cannot happen: moving a page back to an old path deletes
  the redirect from that path (and a check constraint refuses one that points at itself);
- rewrites links to the old path in every Markdown source that content apps declared with
  `register_markdown_source()` (article bodies, chapter introductions, glossary explanations,
  author bios) and saves those items, so their HTML is
  rendered again. A link matches only on a path boundary: renaming /guide/a/b/ leaves
  /guide/a/b-2/ and /guide/a/b/c/ alone, and links to other sites with the same path too.

`RedirectFallbackMiddleware` (kb/redirects/middleware.py) answers a 404 at an old path with a
301 to the new one, keeping the query string; a page's Markdown version (.md, for models with
`has_markdown_version`) follows its page.

This app knows no content app: they declare themselves to it, as models do to the admin.

Drafts: every move is recorded, whatever the status, so an article renamed while unpublished
keeps its old links once it is published. A redirect is only followed for someone who may see
its target, though: to anyone else an old path of a draft stays a plain 404, and the new slug is
never revealed. (Links in Markdown that already pointed at a draft do follow it: an editor chose
to link to it, and readers get a 404 there until it is published either way.)

Why not django.contrib.redirects: it needs the sites framework, and with SITE_ID set sitemaps
and feeds take their domain from the Site row instead of the request (example.com unless someone
keeps it up to date); it matches the path *with* its query string, so /old/?utm_source=x would
404; its paths stop at 200 characters where ours reach 409; and it has no link to the page, so it
could not hide drafts.
"""

import operator
import re
from functools import reduce

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils.encoding import iri_to_uri, uri_to_iri

from kb.redirects.models import Redirect

# Where Markdown is written, as (model, source field): the places whose links are rewritten.
_markdown_sources = []
BATCH_SIZE = 100


def register_markdown_source(model, field):
    """Declare that `model.field` holds Markdown whose links to moved pages must follow them.

    Called by content apps from their AppConfig.ready()."""
    if (model, field) not in _markdown_sources:
        _markdown_sources.append((model, field))


class RedirectOnMove(models.Model):
    """A page whose URL may change: moving it redirects its old URL (see above)."""

    # The relations the URL is built from (an article's "section"), read with the stored URL.
    url_relations = ()
    # Whether the page also has a Markdown version at <url without its slash>.md.
    has_markdown_version = False

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The redirect and the rewritten links are written with the move, or not at all.
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)

    def moved_with(self):
        """The items whose URLs sit under this one's and move with it (a chapter's articles)."""
        return None

    @classmethod
    def url_fields(cls):
        return {"slug", *cls.url_relations}


# The URLs pages are leaving, from remember_urls() until follow_moves(): (model, pk) -> URL.
_leaving = {}


def remember_urls(sender, pks, fields, **kwargs):
    """kb/changes.py's content_changing: note where moving pages are now."""
    if not pks or not issubclass(sender, RedirectOnMove):
        return
    if fields is not None and not fields & sender.url_fields():
        return
    for pk in pks:
        _leaving[sender, pk] = None
    related = sender.url_relations
    stored = (
        sender._base_manager.select_related(*related)
        .only("slug", *related, *(f"{name}__slug" for name in related))
        .filter(pk__in=pks)
    )
    for item in stored:
        _leaving[sender, item.pk] = item.get_absolute_url()


def follow_moves(sender, pks, fields, instance=None, **kwargs):
    """kb/changes.py's content_changed: redirect each page that left a URL, rewrite links."""
    if not pks or not issubclass(sender, RedirectOnMove):
        return
    left = {pk: _leaving.pop((sender, pk), None) for pk in pks}
    moved = [pk for pk, url in left.items() if url is not None]
    if not moved:
        return
    targets = {pk: instance for pk in moved if instance is not None and instance.pk == pk}
    if len(targets) < len(moved):
        loaded = sender._base_manager.select_related(*sender.url_relations).filter(
            pk__in=[pk for pk in moved if pk not in targets]
        )
        targets.update((item.pk, item) for item in loaded)
    for pk, target in targets.items():
        follow_move(target, left[pk])


# What may come before a site path in Markdown or HTML (`](`, `: `, `<`, `href="`) but not
# inside a longer URL, and what ends one: `)`, an anchor, a query, space, a quote, `>`, `]`.
_NOT_AFTER = r"(?<![\w.~%:/@+-])"
_PATH_END = r"(?=[)#?\s\"'<>\]]|$)"


def follow_move(target, old_url):
    """After `target` was written: if it left `old_url`, redirect there and rewrite links."""
    new_url = target.get_absolute_url()
    if old_url is None or old_url == new_url:
        return
    record_redirect(old_url, new_url, target)
    contents = target.moved_with()
    for item in contents if contents is not None else ():
        item_url = item.get_absolute_url()
        record_redirect(old_url + item_url.removeprefix(new_url), item_url, item)
    moves = [(old_url, new_url)]
    if target.has_markdown_version:
        moves.append((markdown_url(old_url), markdown_url(new_url)))
    rewrite_links(moves, prefix=contents is not None, saved=target)


def markdown_url(url):
    """/guide/chapter/article/ -> /guide/chapter/article.md"""
    return url.removesuffix("/") + ".md"


def record_redirect(old_url, new_url, target):
    old_path, new_path = uri_to_iri(old_url), uri_to_iri(new_url)
    # The page is back at a path it once left: that path must serve it, not redirect.
    Redirect.objects.filter(old_path=new_path).delete()
    # Whatever led to the old path now leads straight to the new one.
    Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(
        old_path=old_path,
        defaults={
            "new_path": new_path,
            "content_type": ContentType.objects.get_for_model(target),
            "object_id": target.pk,
        },
    )


def own_hosts():
    """The site's host names, for absolute links to it: ALLOWED_HOSTS without wildcards."""
    return [host for host in settings.ALLOWED_HOSTS if host != "*" and not host.startswith(".")]


def link_pattern(old_path, prefix=False):
    """`old_path` as a link in Markdown or HTML, optionally with the site's scheme and host.

    With `prefix`, any path under it matches too (a chapter's article links).
    """
    hosts = "|".join(re.escape(host) for host in own_hosts())
    origin = rf"(?P<origin>https?://(?:{hosts})(?::\d+)?)?" if hosts else "(?P<origin>)"
    end = "" if prefix else _PATH_END
    return re.compile(rf"{_NOT_AFTER}{origin}{re.escape(old_path)}{end}")


def rewrite(text, moves, prefix=False):
    """`text` with its links to each old path of `moves` pointing at the new one."""
    for old, new in spellings(moves):
        text = link_pattern(old, prefix).sub(
            lambda match, new=new: (match["origin"] or "") + new, text
        )
    return text


def spellings(moves):
    """Each (old, new) URL pair as an author may write it: percent-encoded and as plain text
    ("/guide/caf%C3%A9/" and "/guide/café/")."""
    pairs = []
    for old, new in moves:
        for pair in ((iri_to_uri(old), iri_to_uri(new)), (uri_to_iri(old), uri_to_iri(new))):
            if pair not in pairs:
                pairs.append(pair)
    return pairs


def rewrite_links(moves, prefix=False, saved=None):
    """Rewrite links to the old URLs of `moves` in every Markdown source, and save each item
    that changed so its HTML is rendered again. `saved` is the item being saved right now: if
    it links to itself, that instance is the one rewritten, so the caller's copy stays current.
    """
    olds = [old for old, _new in spellings(moves)]
    for model, field in _markdown_sources:
        linking = reduce(operator.or_, (Q(**{f"{field}__contains": old}) for old in olds))
        pks = list(model._base_manager.filter(linking).values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH_SIZE):
            for item in model._base_manager.filter(pk__in=pks[start : start + BATCH_SIZE]):
                if isinstance(saved, model) and item.pk == saved.pk:
                    item = saved
                text = rewrite(getattr(item, field), moves, prefix)
                if text != getattr(item, field):
                    setattr(item, field, text)
                    item.save()


def find_redirect(path):
    """The redirect for a request path that found nothing, and where it leads (or None, None).

    A page's Markdown version (/guide/c/a.md) follows the page's redirect. A path with a NUL
    byte (`%00`) has none, and PostgreSQL refuses such a string in a query: a 404, not a 500.
    """
    if "\x00" in path:
        return None, None
    redirect = Redirect.objects.filter(old_path=path).first()
    if redirect is not None:
        return redirect, redirect.new_path
    if path.endswith(".md"):
        redirect = Redirect.objects.filter(old_path=path.removesuffix(".md") + "/").first()
        model = redirect.content_type.model_class() if redirect is not None else None
        if getattr(model, "has_markdown_version", False):
            return redirect, markdown_url(redirect.new_path)
    elif settings.APPEND_SLASH and not path.endswith("/"):
        redirect = Redirect.objects.filter(old_path=path + "/").first()
        if redirect is not None:
            return redirect, redirect.new_path
    return None, None


def is_visible_to_readers(item):
    if hasattr(item, "is_visible_to_readers"):  # an article: its chapter must be published too
        return item.is_visible_to_readers
    return getattr(item, "is_published", True)  # authors have no status


def may_follow(redirect, user):
    """Whether `user` may be sent to the redirect's page: anyone when readers can see it,
    otherwise only an editor who may change it (and so preview it)."""
    target = redirect.target
    if target is None:  # deleted: there is nothing to send anyone to
        return False
    if is_visible_to_readers(target):
        return True
    opts = target._meta
    return user.is_staff and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
