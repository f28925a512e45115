"""Every admin page kb registers opens for a superuser: admin misconfigurations fail silently."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from articles.tests.factories import ArticleFactory, TopicMembershipFactory
from glossary.tests.factories import GlossaryTermFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model for model in apps.get_models() if admin.site.is_registered(model)),
    key=lambda model: model._meta.label,
)


@pytest.fixture
def content(admin_user):
    article = ArticleFactory(tags=["roles"])
    TopicMembershipFactory(article=article)
    term = GlossaryTermFactory(tags=["roles"])
    term.related_articles.add(article)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_admin_pages_open(admin_client, content, model):
    opts = model._meta
    model_admin = admin.site.get_model_admin(model)
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(changelist).status_code == 200
    if model_admin.search_fields:
        assert admin_client.get(changelist, {"q": "roles"}).status_code == 200
    add_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    add_status = admin_client.get(add_url).status_code
    assert add_status in (200, 403)
    instance = model._default_manager.first()
    if instance is not None:
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])
        assert admin_client.get(change_url).status_code == 200
        history_url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[instance.pk]
        )
        assert admin_client.get(history_url).status_code == 200


def test_admin_index_lists_every_kb_model(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    for model in REGISTERED:
        if model._meta.app_label in ("articles", "authors", "glossary", "search"):
            assert str(model._meta.verbose_name_plural).capitalize() in page
