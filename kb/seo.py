"""What search engines and link previews read: canonical URLs and schema.org JSON-LD.

Builders return plain dicts; `json_ld_script()` is the only place they become markup, escaped so
that no text (an article titled "</script><script>…") can close the script element.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe

# Query parameters that select different content; any other parameter (tracking, ordering
# noise) is dropped from the canonical URL.
CANONICAL_PARAMETERS = ("and", "letter", "page")

_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def canonical_url(request):
    kept = []
    for name in CANONICAL_PARAMETERS:
        value = request.GET.get(name)
        if value and not (name == "page" and value == "1"):
            kept.append(f"{name}={value}")
    query = "?" + "&".join(kept) if kept else ""
    return request.build_absolute_uri(request.path) + query


def json_ld_script(data):
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')


def _absolute(request, url):
    return request.build_absolute_uri(url)


def person(author, request):
    data = {
        "@type": "Person",
        "name": author.name,
        "url": _absolute(request, author.get_absolute_url()),
    }
    if author.job_title:
        data["jobTitle"] = author.job_title
    if author.organisation:
        data["worksFor"] = {"@type": "Organization", "name": author.organisation}
    if author.photo:
        data["image"] = _absolute(request, author.photo.url)
    same_as = [url for _, url in author.links]
    if same_as:
        data["sameAs"] = same_as
    return data


def person_page(author, request):
    return {"@context": "https://schema.org", **person(author, request)}


def article(article, tags, request):
    """Article: the article must come with its author and section loaded; `tags` are its tags'
    links (articles/outline.py's Link), as the page lists them."""
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title[:110],
        "description": article.summary,
        "url": _absolute(request, article.get_absolute_url()),
        "mainEntityOfPage": _absolute(request, article.get_absolute_url()),
        "author": person(article.author, request),
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "wordCount": article.word_count,
        "keywords": ", ".join(tag.title for tag in tags),
        "articleSection": article.section.title,
        "isPartOf": {"@type": "Book", "name": settings.KB_SITE_TITLE},
    }


def breadcrumbs(crumbs, request):
    """crumbs: (name, url) pairs from the guide's home to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": index,
                "name": name,
                "item": _absolute(request, url),
            }
            for index, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _glossary_set(request):
    return {
        "@type": "DefinedTermSet",
        "@id": _absolute(request, reverse("glossary:index")),
        "name": f"{settings.KB_SITE_TITLE}: glossary",
    }


def defined_term(term, request, context=True):
    data = {
        "@type": "DefinedTerm",
        "name": term.term,
        "description": term.short_definition,
        "url": _absolute(request, term.get_absolute_url()),
        "inDefinedTermSet": _glossary_set(request)["@id"],
    }
    if term.alias_list:
        data["alternateName"] = term.alias_list
    return {"@context": "https://schema.org", **data} if context else data


def defined_term_set(terms, request):
    return {
        "@context": "https://schema.org",
        **_glossary_set(request),
        "hasDefinedTerm": [defined_term(term, request, context=False) for term in terms],
    }
