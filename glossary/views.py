import string
import unicodedata

from django.db.models import Prefetch
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from articles.models import Article
from glossary.linking import linked_explanation
from glossary.models import GlossaryTerm

OTHER = "#"


def jump_letter(term):
    """The A-Z index entry a term files under: "Épic" under E, "3C model" and "Ωmega" under #."""
    base = unicodedata.normalize("NFKD", term.index_letter)[:1].upper()
    return base if base in string.ascii_uppercase else OTHER


def letter_anchor(letter):
    return "letter-other" if letter == OTHER else f"letter-{letter}"


class GlossaryIndexView(ListView):
    """Every published term, grouped by letter, behind a row of A-Z jump links."""

    template_name = "glossary/glossary_index.html"
    context_object_name = "terms"

    def get_queryset(self):
        return GlossaryTerm.objects.published().only("term", "slug", "short_definition", "aliases")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {}
        for term in sorted(context["terms"], key=lambda t: (t.term.casefold(), t.term)):
            groups.setdefault(jump_letter(term), []).append(term)
        letters = list(string.ascii_uppercase) + ([OTHER] if OTHER in groups else [])
        context["letters"] = [
            {
                "letter": letter,
                "anchor": letter_anchor(letter),
                "terms": groups.get(letter, []),
            }
            for letter in letters
        ]
        return context


class GlossaryTermDetailView(DetailView):
    """A term page. Editors who may change terms can preview a draft; readers get a 404."""

    template_name = "glossary/term_detail.html"
    context_object_name = "term"
    preview_permission = "glossary.change_glossaryterm"

    def get_queryset(self):
        if self.request.user.has_perm(self.preview_permission):
            terms = GlossaryTerm.objects.all()
        else:
            terms = GlossaryTerm.objects.published()
        return terms.prefetch_related(
            Prefetch(
                "related_terms",
                queryset=GlossaryTerm.objects.published().only("term", "slug", "short_definition"),
            ),
            Prefetch(
                "related_articles",
                queryset=Article.objects.published()
                .select_related("section")
                .in_guide_order()
                .without_body(),
            ),
            # "Used in": the published articles whose body links to this term.
            Prefetch(
                "linking_articles",
                queryset=Article.objects.published()
                .select_related("section")
                .in_guide_order()
                .without_body(),
                to_attr="used_in",
            ),
            "tags",
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        context["explanation_html"] = linked_explanation(self.object)
        context["index_anchor"] = letter_anchor(jump_letter(self.object))
        return context
