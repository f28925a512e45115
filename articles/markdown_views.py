"""The guide as plain Markdown, for tools that read guides on a reader's behalf.

`/guide/<chapter>/<article>.md` is an article's own Markdown source with a short header, less
the HTML comments its page leaves out (editors' notes are not published);
`/llms.txt` indexes the guide in the llms.txt format (llmstxt.org), linking those files.
"""

from django.conf import settings
from django.db.models import Count, Q, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from kb.markdown import without_html_comments
from kb.pagecache.blocks import kept

MARKDOWN_CONTENT_TYPE = "text/markdown; charset=utf-8"
# Articles llms.txt lists per chapter: above the demo guide's largest chapter (5).
LLMS_ARTICLES = 25


def markdown_url(article):
    return reverse(
        "articles:markdown", kwargs={"section": article.section.slug, "slug": article.slug}
    )


def article_markdown(request, section, slug):
    article = get_object_or_404(
        Article.objects.published().select_related("section", "author"),
        section__slug=section,
        slug=slug,
    )
    byline = ", ".join(filter(None, [article.author.name, article.author.job_title]))
    lines = [f"# {article.title}", ""]
    if article.summary:
        lines += [f"> {article.summary}", ""]
    lines += [
        # Dates in the site's time zone, as the article page shows them.
        f"By {byline}. Published {timezone.localdate(article.published_at):%Y-%m-%d}, "
        f"updated {timezone.localdate(article.updated_at):%Y-%m-%d}. "
        f"Chapter {article.section.position}: {article.section.title}.",
        f"Source: {request.build_absolute_uri(article.get_absolute_url())}",
        "",
        without_html_comments(article.body).strip(),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type=MARKDOWN_CONTENT_TYPE)


def llms_txt(request):
    """The guide's index: each chapter with its first LLMS_ARTICLES articles (a link to its
    Markdown and its summary) and, for a longer chapter, a link to the rest, so the index
    stays small at any size of the guide, as the llms.txt proposal intends. Written once per
    content version and per host and scheme (its links are absolute)."""
    text = kept(("llms.txt", request.get_host(), request.scheme), lambda: _llms_txt(request))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _llms_txt(request):
    # Titles and links only: no article body, no chapter introduction.
    published = Article.objects.published()
    chapters = (
        Section.objects.published()
        .only("position", "title", "slug", "summary")
        .annotate(article_count=Count("articles", filter=Q(articles__in=published)))
        .filter(article_count__gt=0)
    )
    listed = (
        published.select_related("section")
        .only("title", "slug", "summary", "section__slug")
        .annotate(rank=Window(RowNumber(), partition_by="section", order_by=["position", "title"]))
        .filter(rank__lte=LLMS_ARTICLES)
        .order_by("section", "rank")
    )
    articles = {}
    for article in listed:
        articles.setdefault(article.section_id, []).append(article)
    lines = [
        f"# {settings.KB_SITE_TITLE}",
        "",
        "> A guide in numbered chapters. Each article below links to its Markdown source.",
        "",
    ]
    for chapter in chapters:
        lines += [f"## {chapter.position}. {chapter.title}", ""]
        if chapter.summary:
            lines += [chapter.summary, ""]
        for article in articles.get(chapter.pk, ()):
            url = request.build_absolute_uri(markdown_url(article))
            entry = f"- [{article.title}]({url})"
            lines.append(f"{entry}: {article.summary}" if article.summary else entry)
        if chapter.article_count > LLMS_ARTICLES:
            rest = chapter.article_count - LLMS_ARTICLES
            url = request.build_absolute_uri(chapter.get_absolute_url())
            lines.append(f"- [{rest} more articles in this chapter]({url})")
        lines.append("")
    lines += [
        "## Optional",
        "",
        f"- [Glossary]({request.build_absolute_uri(reverse('glossary:index'))}): "
        "definitions of the guide's terms",
        "",
    ]
    return "\n".join(lines)
