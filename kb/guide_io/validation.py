"""What the reader checks: each front matter key's value, and what the files refer to.

Every check reports into a Problems list (see reader.py) instead of stopping, so that one
import attempt lists every problem in the folder.
"""

from django.conf import settings
from django.core.files.storage import default_storage

from articles.models import Article
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.guide_io.folder import AUTHORS, MEDIA, media_links, parse_date, parse_day, safe_media_name
from kb.publishing import Status

# Front matter keys: (name, check, required). A check turns the YAML value into the model value
# or raises ValueError with the message to report.


def _text(value):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("must be text (put it in quotes)")
    return value


def _required_text(value):
    if not _text(value).strip():
        raise ValueError("must not be empty")
    return value


def _count(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number, 0 or more")
    return value


def _year(value):
    return None if value is None else _count(value)


def _flag(value):
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _status(value):
    if value not in Status.values:
        raise ValueError(f"must be one of {', '.join(Status.values)}, not {value!r}")
    return value


def _texts(value):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("must be a list of texts")
    if any(not item.strip() for item in value):
        raise ValueError("must not contain empty entries")
    return value


def _aliases(value):
    value = _texts(value)
    if any("," in alias for alias in value):
        raise ValueError("an alias cannot contain a comma (give each alias as its own entry)")
    return value


TIMESTAMP_KEYS = (("created_at", parse_date, False), ("updated_at", parse_date, False))
PUBLISHING_KEYS = (
    ("status", _status, False),
    ("published_at", parse_date, False),
    *TIMESTAMP_KEYS,
)
AUTHOR_KEYS = (
    ("name", _required_text, True),
    ("slug", _required_text, True),
    ("job_title", _text, False),
    ("organisation", _text, False),
    ("career_started", _year, False),
    ("website", _text, False),
    ("linkedin", _text, False),
    ("photo", _text, False),
    *TIMESTAMP_KEYS,
)
CHAPTER_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("position", _count, False),
    ("summary", _text, False),
    *PUBLISHING_KEYS,
)
ARTICLE_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("position", _count, False),
    ("summary", _text, False),
    ("author", _required_text, True),
    ("tags", _texts, False),
    ("reviewer", _text, False),
    ("last_reviewed_at", parse_day, False),
    ("next_review_at", parse_day, False),
    ("link_glossary_terms", _flag, False),
    ("glossary_exclusions", _texts, False),
    *PUBLISHING_KEYS,
)
TOPIC_KEYS = (
    ("title", _required_text, True),
    ("slug", _required_text, True),
    ("is_featured", _flag, False),
    ("updated_at", parse_date, False),
    ("articles", _texts, False),
)
TERM_KEYS = (
    ("term", _required_text, True),
    ("slug", _required_text, True),
    ("short_definition", _required_text, True),
    ("aliases", _aliases, False),
    ("related_terms", _texts, False),
    ("related_articles", _texts, False),
    ("tags", _texts, False),
    *PUBLISHING_KEYS,
)
TAG_KEYS = (("name", _required_text, True), ("slug", _required_text, True))
DEFAULTS = {
    "status": Status.DRAFT,
    "position": 0,
    "is_featured": False,
    "link_glossary_terms": True,
}
# The keys holding times and days: what moving a guide's dates moves (reader.Guide.move_dates).
TIME_KEYS = frozenset({"published_at", "created_at", "updated_at"})
DAY_KEYS = frozenset({"last_reviewed_at", "next_review_at"})


def check_values(source, keys, problems, at=()):
    """The checked values of the mapping at `at` in `source`.

    A missing or wrong value is reported and replaced by its default (empty for a required
    one), so that the rest of the file can still be checked: the import stops before it writes
    anything anyway.
    """
    data = source.data
    for step in at:
        data = data[step]
    values = {name: "" if required else check(DEFAULTS.get(name)) for name, check, required in keys}
    if not isinstance(data, dict):
        problems.add(source.path, source.line(*at), "must be a mapping of keys to values")
        return values
    for key in data:
        if key not in values:
            problems.add(source.path, source.line(*at, key), f"unknown key {key}")
    for name, check, required in keys:
        if name not in data:
            if required:
                problems.add(source.path, source.line(*at), f"missing key {name}")
            continue
        try:
            values[name] = check(data[name])
        except ValueError as error:
            problems.add(source.path, source.line(*at, name), f"{name} {error}")
    return values


# References between files ---------------------------------------------------------------------


def _duplicates(sources, key, problems, label):
    seen = {}
    for source in sources:
        value = key(source)
        if not value:  # missing or wrong: reported already
            continue
        if value in seen:
            problems.add(
                source.path,
                source.line("slug"),
                f"{label} {value} is also used by {seen[value].path}",
            )
        else:
            seen[value] = source


def check_references(guide, problems):
    """Report repeated slugs and references to what neither the folder nor the site has; fill
    in guide.related_terms (both sides of each pair)."""
    chapters = [chapter for chapter, _articles in guide.chapters]
    _duplicates(guide.authors, lambda s: s.values["slug"], problems, "slug")
    _duplicates(chapters, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.topics, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.terms, lambda s: s.values["slug"], problems, "slug")
    _duplicates(guide.tags, lambda s: s.values["name"].casefold(), problems, "tag")
    _duplicates(guide.tags, lambda s: s.values["slug"], problems, "tag slug")
    for _chapter, articles in guide.chapters:
        _duplicates(articles, lambda s: s.values["slug"], problems, "slug")

    # What references may point at: the folder's own items, then what the site already has.
    authors = {s.values["slug"] for s in guide.authors}
    article_refs = {
        f"{chapter.values['slug']}/{article.values['slug']}"
        for chapter, articles in guide.chapters
        for article in articles
        if chapter.values["slug"]
    }
    terms = {s.values["slug"] for s in guide.terms}

    def known(wanted, have, lookup):
        missing = set(wanted) - have
        return have | (lookup(missing) if missing else set())

    all_articles = guide.articles
    authors = known(
        {s.values[key] for s in all_articles for key in ("author", "reviewer")} - {""},
        authors,
        lambda slugs: set(Author.objects.filter(slug__in=slugs).values_list("slug", flat=True)),
    )
    wanted_refs = {
        ref for s in guide.topics + guide.terms for ref in s.values.get("articles", [])
    } | {ref for s in guide.terms for ref in s.values["related_articles"]}
    article_refs = known(wanted_refs, article_refs, _existing_article_refs)
    terms = known(
        {slug for s in guide.terms for slug in s.values["related_terms"]}
        | {slug for s in all_articles for slug in s.values["glossary_exclusions"]},
        terms,
        lambda slugs: set(
            GlossaryTerm.objects.filter(slug__in=slugs).values_list("slug", flat=True)
        ),
    )

    for article in all_articles:
        for key in ("author", "reviewer"):
            slug = article.values[key]
            if slug and slug not in authors:
                problems.add(
                    article.path,
                    article.line(key),
                    f"unknown {key} {slug} (no {AUTHORS}/<slug>.md has it, nor does the site)",
                )
        _check_list(article, "glossary_exclusions", terms, "glossary term", problems)
    for topic in guide.topics:
        _check_list(topic, "articles", article_refs, "article", problems)
    for term in guide.terms:
        _check_list(term, "related_articles", article_refs, "article", problems)
        _check_list(term, "related_terms", terms, "glossary term", problems)
        slug = term.values["slug"]
        if slug in term.values["related_terms"]:
            index = term.values["related_terms"].index(slug)
            problems.add(
                term.path, term.line("related_terms", index), "a term cannot relate to itself"
            )
    # Related terms go both ways: listing one side is enough.
    in_folder = {term.values["slug"] for term in guide.terms}
    for term in guide.terms:
        slug = term.values["slug"]
        guide.related_terms.setdefault(slug, set()).update(term.values["related_terms"])
        for other in set(term.values["related_terms"]) & in_folder:
            guide.related_terms.setdefault(other, set()).add(slug)
    for source in all_articles + guide.terms:
        _check_list(source, "tags", None, "tag", problems)

    _check_media(guide, problems)


def _existing_article_refs(refs):
    pairs = [ref.split("/") for ref in refs if ref.count("/") == 1]
    chapter_slugs = {chapter for chapter, _slug in pairs}
    return {
        f"{chapter}/{slug}"
        for chapter, slug in Article.objects.filter(section__slug__in=chapter_slugs).values_list(
            "section__slug", "slug"
        )
    } & set(refs)


def _check_list(source, key, known, label, problems):
    """Report repeated entries in the list under `key`, and (unless known is None) unknown ones."""
    seen = set()
    for index, value in enumerate(source.values[key]):
        line = source.line(key, index)
        folded = value.casefold() if label == "tag" else value
        if folded in seen:
            problems.add(source.path, line, f"{label} {value} is listed twice")
        seen.add(folded)
        if known is None or value in known:
            continue
        if label == "article" and value.count("/") != 1:
            problems.add(source.path, line, f"{value}: write articles as <chapter-slug>/<slug>")
        else:
            problems.add(source.path, line, f"unknown {label} {value}")


def _check_media(guide, problems):
    for author in guide.authors:
        photo = author.values["photo"]
        if not photo:
            continue
        if not safe_media_name(photo):
            problems.add(author.path, author.line("photo"), "photo must be a name under media/")
        elif photo not in guide.media:
            problems.add(
                author.path, author.line("photo"), f"photo file {MEDIA}/{photo} is missing"
            )
    sources = guide.authors + guide.chapter_sources + guide.articles + guide.topics + guide.terms
    for source in sources:
        for name, line in media_links(source.body):
            if name not in guide.media and not default_storage.exists(name):
                problems.add(
                    source.path,
                    source.body_line + line - 1,
                    f"links to {settings.MEDIA_URL}{name}, but {MEDIA}/{name} is missing",
                )
