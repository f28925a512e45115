"""The search page and the search box's suggestions."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from articles.models import Section
from articles.tag_counts import published_tags
from kb.search.lexicon import suggest as suggestions_for
from kb.search.models import MissedSearch
from kb.search.query import MAX_QUERY_CHARS, clean
from kb.search.results import KINDS, exact_title, find

RESULTS_PER_PAGE = 10
KIND_CHOICES = [
    ("", "Everything"),
    ("article", "Articles"),
    ("term", "Glossary terms"),
    ("author", "Authors"),
]


def _param(request, name, limit=200):
    return clean(request.GET.get(name, ""), limit)


def rate_limited(request, exception):
    """RATELIMIT_VIEW: one client searched more often than KB_SEARCH_RATE allows."""
    response = render(request, "search/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@require_GET
@ratelimit(key="ip", rate=lambda group, request: settings.KB_SEARCH_RATE, block=True)
def search(request):
    text = _param(request, "q", MAX_QUERY_CHARS)
    kind = _param(request, "kind")
    kind = kind if kind in KINDS else ""
    chapters = Section.objects.published()
    chapter = (
        chapters.filter(slug=_param(request, "chapter")).first()
        if request.GET.get("chapter")
        else None
    )
    tag = (
        published_tags().filter(slug=_param(request, "tag")).first()
        if request.GET.get("tag")
        else None
    )

    filtered = bool(kind or chapter or tag)
    # The header's search box asks to go straight to an article titled exactly as typed.
    if request.GET.get("go") and not filtered and "page" not in request.GET:
        article = exact_title(text)
        if article is not None:
            return redirect(article.get_absolute_url())

    results = find(text, kind=kind, section=chapter, tag=tag)
    page = Paginator(results.hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    if results.query and page.number == 1 and not filtered and not results.found_anything:
        MissedSearch.objects.record(text, client=request.META.get("REMOTE_ADDR", ""))

    return render(
        request,
        "search/results.html",
        {
            "q": text,
            "results": results,
            "page": page,
            "top_hit": results.top_hit(page) if page.number == 1 else None,
            "kind": kind,
            "kind_choices": KIND_CHOICES,
            "chapter": chapter,
            "chapters": chapters.only("position", "title", "slug"),
            "tag": tag,
            "filtered": filtered,
        },
    )


@require_GET
@ratelimit(key="ip", rate=lambda group, request: settings.KB_SUGGEST_RATE, block=True)
def suggest(request):
    text = _param(request, "q", 100)
    response = JsonResponse({"query": text, "suggestions": suggestions_for(text)})
    response["Cache-Control"] = "max-age=60"
    return response
