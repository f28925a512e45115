import pytest
from django.urls import reverse

from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb.publishing import Status

pytestmark = pytest.mark.django_db


def test_glossary_admin_pages_render(admin_client):
    term = GlossaryTermFactory(term="Product Requirements Document", aliases="PRD", tags=["docs"])
    changelist = reverse("admin:glossary_glossaryterm_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert "Product Requirements" in admin_client.get(changelist, {"q": "PRD"}).content.decode()
    assert admin_client.get(changelist, {"status__exact": "published"}).status_code == 200
    assert admin_client.get(reverse("admin:glossary_glossaryterm_add")).status_code == 200
    change = admin_client.get(reverse("admin:glossary_glossaryterm_change", args=[term.pk]))
    assert change.status_code == 200
    assert "View on site" in change.content.decode()


def test_term_is_created_with_normalised_aliases_and_rendered_explanation(admin_client):
    response = admin_client.post(
        reverse("admin:glossary_glossaryterm_add"),
        {
            "term": "Objectives and Key Results",
            "slug": "",
            "aliases": " OKR,OKRs , OKR",
            "short_definition": "A goal-setting framework.",
            "explanation": "Set *ambitious* goals.",
            "tags": "planning",
            "status": Status.PUBLISHED,
            "published_at_0": "",
            "published_at_1": "",
        },
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get()
    assert term.slug == "objectives-and-key-results"
    assert term.alias_list == ["OKR", "OKRs"]
    assert "<em>ambitious</em>" in term.explanation_html
    assert term.is_published


def test_bulk_unpublish_terms(admin_client):
    term = GlossaryTermFactory()
    admin_client.post(
        reverse("admin:glossary_glossaryterm_changelist"),
        {"action": "unpublish", "_selected_action": [term.pk]},
    )
    assert not GlossaryTerm.objects.published().exists()
