import pytest
from django.contrib import admin
from django.forms.formsets import BaseFormSet
from django.urls import reverse

from articles.models import Article, Section, Topic, TopicMembership
from articles.tests.factories import ArticleFactory, SectionFactory, TopicMembershipFactory
from authors.tests.factories import AuthorFactory
from kb.admin import MAX_INLINE_FORMS
from kb.publishing import Status
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    ("articles", "section"),
    ("articles", "article"),
    ("articles", "topic"),
    ("tags", "tag"),
]


@pytest.fixture
def content():
    article = ArticleFactory(tags=["roles", "strategy"])
    TopicMembershipFactory(article=article)
    return article


@pytest.mark.parametrize("app, model", ADMIN_PAGES)
def test_admin_changelist_search_and_add_pages_render(admin_client, content, app, model):
    changelist = reverse(f"admin:{app}_{model}_changelist")
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "roles"}).status_code == 200
    assert admin_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


@pytest.mark.parametrize(
    "instance",
    [
        lambda article: article.section,
        lambda article: article,
        lambda article: Topic.objects.get(),
        lambda article: Tag.objects.get(name="roles"),
    ],
    ids=["section", "article", "topic", "tag"],
)
def test_admin_change_page_renders_with_view_on_site(admin_client, content, instance):
    obj = instance(content)
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    if hasattr(obj, "get_absolute_url") and obj._meta.model_name != "topic":
        assert "View on site" in response.content.decode()


def test_article_changelist_filters_by_status_section_author_and_tag(admin_client, content):
    changelist = reverse("admin:articles_article_changelist")
    tag = Tag.objects.get(name="roles")
    for params in (
        {"status__exact": "published"},
        {"section__id__exact": content.section_id},
        {"author__id__exact": content.author_id},
        {"tags__id__exact": tag.pk},
    ):
        response = admin_client.get(changelist, params)
        assert response.status_code == 200
        assert content.title in response.content.decode()


def article_form_data(section, author, **overrides):
    data = {
        "section": section.pk,
        "position": 1,
        "title": "How to Become a Product Owner",
        "slug": "",
        "summary": "The path into the role.",
        "body": "## Start here\n\nLearn the backlog.",
        "author": author.pk,
        "tags": "Roles, career",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
    }
    data.update(overrides)
    return data


def test_editor_creates_article_in_admin_with_generated_slug_and_tags(admin_client):
    section, author = SectionFactory(), AuthorFactory()
    response = admin_client.post(
        reverse("admin:articles_article_add"), article_form_data(section, author)
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == "how-to-become-a-product-owner"
    assert sorted(article.tags.names(), key=str.casefold) == ["career", "Roles"]
    assert '<h2 id="user-content-start-here">Start here</h2>' in article.body_html


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, "This field is required."),
        ({"body": "x" * 40_001}, "Ensure this value has at most 40000 characters"),
        ({"tags": "ok, " + "x" * 101}, "Tags can be at most 100 characters long"),
        ({"slug": "bad slug!"}, "Enter a valid"),
    ],
    ids=["empty-title", "huge-body", "long-tag", "bad-slug"],
)
def test_bad_article_input_is_a_form_error_that_keeps_what_was_typed(
    admin_client, overrides, message
):
    section, author = SectionFactory(), AuthorFactory()
    data = article_form_data(section, author, **overrides)
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert data["body"][-40:] in page  # the editor's text is still in the form
    assert not Article.objects.exists()


def test_duplicate_slug_in_a_chapter_is_a_form_error(admin_client):
    existing = ArticleFactory(slug="taken")
    data = article_form_data(existing.section, existing.author, slug="taken")
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Article.objects.count() == 1


def test_duplicate_chapter_slug_is_a_form_error(admin_client):
    SectionFactory(slug="intro")
    response = admin_client.post(
        reverse("admin:articles_section_add"),
        {"position": 2, "title": "Intro", "slug": "intro", "status": Status.DRAFT},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_new_article_defaults_to_the_editors_own_author_profile(admin_client, admin_user):
    author = AuthorFactory(user=admin_user)
    response = admin_client.get(reverse("admin:articles_article_add"))
    assert response.context["adminform"].form.initial["author"] == author.pk


@pytest.mark.parametrize("action, status", [("publish", "published"), ("unpublish", "draft")])
def test_bulk_publish_and_unpublish(admin_client, action, status):
    articles = [ArticleFactory(draft=True), ArticleFactory()]
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles]},
    )
    assert response.status_code == 302
    assert set(Article.objects.values_list("status", flat=True)) == {status}
    if status == "published":
        assert Article.objects.published().count() == 2


def test_bulk_publish_keeps_a_scheduled_date(admin_client):
    article = ArticleFactory(scheduled=True, status=Status.DRAFT)
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.is_scheduled


def test_topic_members_are_ordered_in_an_inline(admin_client):
    first, second = ArticleFactory(title="Hierarchy"), ArticleFactory(title="Team and Roles")
    response = admin_client.post(
        reverse("admin:articles_topic_add"),
        {
            "title": "Product Management Team and Roles",
            "slug": "",
            "description": "",
            "memberships-TOTAL_FORMS": 2,
            "memberships-INITIAL_FORMS": 0,
            "memberships-0-position": 2,
            "memberships-0-article": first.pk,
            "memberships-1-position": 1,
            "memberships-1-article": second.pk,
        },
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert [m.article.title for m in topic.memberships.all()] == ["Team and Roles", "Hierarchy"]
    assert TopicMembership.objects.count() == 2


def test_chapters_are_reordered_from_the_changelist(admin_client):
    first, second = SectionFactory(position=1), SectionFactory(position=2)
    response = admin_client.post(
        reverse("admin:articles_section_changelist"),
        {
            "form-TOTAL_FORMS": 2,
            "form-INITIAL_FORMS": 2,
            "form-0-id": first.pk,
            "form-0-position": 2,
            "form-1-id": second.pk,
            "form-1-position": 1,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert list(Section.objects.all()) == [second, first]


def test_topic_form_asking_for_5000_memberships_is_a_form_error_without_building_them(
    admin_client, monkeypatch
):
    topic = TopicMembershipFactory().topic
    built = []
    construct = BaseFormSet._construct_form
    monkeypatch.setattr(
        BaseFormSet,
        "_construct_form",
        lambda self, i, **kw: built.append(i) or construct(self, i, **kw),
    )
    response = admin_client.post(
        reverse("admin:articles_topic_change", args=[topic.pk]),
        {
            "title": topic.title,
            "slug": topic.slug,
            "description": topic.description,
            "memberships-TOTAL_FORMS": 5000,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "Please submit at most" in str(formset.non_form_errors())
    assert len(built) <= 2 * MAX_INLINE_FORMS  # the POST's forms, then the page's
    assert topic.memberships.count() == 1


def test_every_admin_inline_caps_the_forms_a_post_can_ask_for(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    inlines = [
        inline
        for model_admin in admin.site._registry.values()
        for inline in model_admin.get_inline_instances(request)
    ]
    assert inlines
    for inline in inlines:
        formset = inline.get_formset(request)
        assert formset.absolute_max == formset.max_num <= MAX_INLINE_FORMS, inline
