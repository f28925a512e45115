import string
import unicodedata

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, TemplateView

from glossary.linking import linked_explanation, live_glossary
from glossary.models import GlossaryTerm
from kb.editor import PLAIN_TEXT, editors_only
from kb.markdown import markdownify
from kb.pagecache.blocks import kept, kept_page, list_page

OTHER = "#"
# A term used across the guide lists its first articles on its page, and all of them on its
# "used in" pages.
USED_IN_SHOWN = 10
# Up to this many terms, the index lists them all; beyond, one letter at a time.
GLOSSARY_ALL_TERMS = 300
# Beyond GLOSSARY_ALL_TERMS, the terms of one letter shown on a page.
LETTER_TERMS_PER_PAGE = 100
USED_IN_PER_PAGE = 30


def jump_letter(term):
    """The A-Z index entry a term files under: "Épic" under E, "3C model" and "Ωmega" under #."""
    base = unicodedata.normalize("NFKD", term.index_letter)[:1].upper()
    return base if base in string.ascii_uppercase else OTHER


def letter_anchor(letter):
    return "letter-other" if letter == OTHER else f"letter-{letter}"


def glossary_letters():
    """A-Z (and # when used), each with the published terms filed under it, in order: kept
    per content version, so the index sorts and files its terms once per change."""

    def compute():
        terms = GlossaryTerm.objects.published().only("term", "slug", "short_definition", "aliases")
        groups = {}
        for term in sorted(terms, key=lambda t: (t.term.casefold(), t.term)):
            groups.setdefault(jump_letter(term), []).append(term)
        letters = list(string.ascii_uppercase) + ([OTHER] if OTHER in groups else [])
        return [
            {"letter": letter, "anchor": letter_anchor(letter), "terms": groups.get(letter, [])}
            for letter in letters
        ]

    return kept(("glossary-letters",), compute)


class GlossaryIndexView(TemplateView):
    """Every published term, grouped by letter, behind a row of A-Z jump links. A glossary of
    more than GLOSSARY_ALL_TERMS terms shows one letter at a time (?letter=B), a hundred terms
    a page (&page=2), so the page stays small however many terms there are."""

    template_name = "glossary/glossary_index.html"

    def get_context_data(self, **kwargs):
        letters = glossary_letters()
        count = sum(len(group["terms"]) for group in letters)
        by_letter = count > GLOSSARY_ALL_TERMS
        shown, current, page = letters, None, None
        if by_letter:
            used = [group for group in letters if group["terms"]]
            asked = self.request.GET.get("letter")
            current = next((g for g in used if g["letter"] == asked), None) if asked else used[0]
            if current is None:
                raise Http404("No terms under that letter.")
            # A letter can hold thousands of terms: it is paginated too.
            page = list_page(current["terms"], LETTER_TERMS_PER_PAGE, self.request.GET.get("page"))
            shown = [{**current, "terms": page.object_list}]
        return super().get_context_data(
            page=page,
            letters=letters,
            shown=shown,
            current=current,
            by_letter=by_letter,
            terms=[term for group in shown for term in group["terms"]],
            **kwargs,
        )


def listed_articles():
    """Published articles as lists show them (title, chapter), in guide order."""
    # The articles a term names: the model its related_articles field points at.
    articles = GlossaryTerm._meta.get_field("related_articles").related_model.objects
    return (
        articles.published()
        .without_body()
        .select_related("section")
        .defer("section__intro", "section__intro_html")
        .in_guide_order()
    )


def articles_using(term):
    """The published articles whose body links to `term`, in guide order."""
    return listed_articles().filter(pk__in=term.linking_articles.all())


class TermMixin:
    """Editors who may change terms can open a draft's pages (a preview); readers get a 404."""

    context_object_name = "term"
    preview_permission = "glossary.change_glossaryterm"

    def get_queryset(self):
        if self.request.user.has_perm(self.preview_permission):
            terms = GlossaryTerm.objects.all()
        else:
            terms = GlossaryTerm.objects.published()
        return terms

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response


class GlossaryTermDetailView(TermMixin, DetailView):
    """A term page: its definition, explanation and what it links to."""

    template_name = "glossary/term_detail.html"

    @staticmethod
    def links(term):
        """What the term page lists around the definition: related terms, related articles,
        the first USED_IN_SHOWN published articles whose body links to the term ("Used in",
        in guide order; the rest are on the term's "used in" pages), and its tags."""
        used_in = articles_using(term)
        return {
            "related_terms": list(
                term.related_terms.filter(pk__in=GlossaryTerm.objects.published()).only(
                    "term", "slug", "short_definition"
                )
            ),
            "related_articles": list(listed_articles().filter(pk__in=term.related_articles.all())),
            "used_in": list(used_in[:USED_IN_SHOWN]),
            "used_in_count": used_in.count(),
            "tags": list(term.tags.all()),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        # They change only with the content: kept per content version.
        context.update(kept(("term-links", self.object.pk), lambda: self.links(self.object)))
        context["explanation_html"] = linked_explanation(self.object)
        context["index_anchor"] = letter_anchor(jump_letter(self.object))
        return context


class GlossaryTermUsedInView(TermMixin, DetailView):
    """Every published article that links to a term, a page at a time."""

    template_name = "glossary/term_used_in.html"

    def get_context_data(self, **kwargs):
        number = self.request.GET.get("page")
        if self.object.is_published:
            parts = ("used-in", self.object.pk)
            page = kept_page(parts, articles_using(self.object), USED_IN_PER_PAGE, number)
        else:  # a preview: nothing kept for readers
            page = list_page(articles_using(self.object), USED_IN_PER_PAGE, number)
        return super().get_context_data(
            page=page, is_preview=not self.object.is_published, **kwargs
        )


@require_POST
@editors_only
def markdown_preview(request):
    """The Markdown widget's live preview (markdownx posts here, see kb/urls.py): the same HTML
    readers will get, byte for byte."""
    content = request.POST.get("content")
    if content is None:
        return HttpResponseBadRequest("Nothing to preview.", content_type=PLAIN_TEXT)
    limit = settings.KB_MARKDOWN_PREVIEW_MAX_CHARS
    if len(content) > limit:
        # The widget shows whatever comes back in the preview pane, so say why.
        message = f"Preview is limited to {limit:,} characters; this text has {len(content):,}."
        return HttpResponse(message, status=413, content_type=PLAIN_TEXT)
    # Readers get the stored HTML with the live glossary terms linked as the page is shown
    # (linking.py), so the preview links them the same way.
    return HttpResponse(live_glossary().link(markdownify(content), skip=set()).html)
