"""Roles and the editorial workflow: who may publish, scheduling, trust signals, attention.

Writers draft and submit for review; Editors publish, schedule, unpublish and delete; each rule
is checked on the server, so the tests post what a crafted request would, not only what the
forms offer.
"""

import importlib
from datetime import date, timedelta

import pytest
import reversion
from django.apps import apps as django_apps
from django.contrib.admin.sites import site as admin_site
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Section
from articles.tests.factories import ArticleFactory, SectionFactory
from articles.tests.test_admin import article_form_data
from authors.tests.factories import AuthorFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb import admin as kb_admin
from kb.publishing import Status

pytestmark = pytest.mark.django_db

ROLES_MIGRATION = "articles.migrations.0015_editorial_roles_after_app_moves"
CHANGELIST = reverse("admin:articles_article_changelist")
ATTENTION = reverse("admin:articles_article_attention")


def roles_migration():
    return importlib.import_module(ROLES_MIGRATION)


@pytest.fixture
def roles():
    """The groups as the data migration leaves them (made again if a test flushed them)."""
    roles_migration().create_roles(django_apps, None)
    return {group.name: group for group in Group.objects.filter(name__in=["Writers", "Editors"])}


@pytest.fixture
def make_client(django_user_model):
    def make(username, group=None, perms=(), **extra):
        user = django_user_model.objects.create_user(
            username, password="pw", is_staff=extra.pop("is_staff", True), **extra
        )
        if group is not None:
            user.groups.add(group)
        user.user_permissions.add(*Permission.objects.filter(codename__in=perms))
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return make


@pytest.fixture
def writer(make_client, roles):
    return make_client("writer", roles["Writers"])


@pytest.fixture
def editor(make_client, roles):
    return make_client("editor", roles["Editors"])


def codenames(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def delete_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk])


def changelist_url(model):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def statuses(model):
    return dict(model.objects.values_list("pk", "status"))


# The groups -----------------------------------------------------------------------------------


def test_writers_write_articles_and_terms_and_look_up_the_rest_but_never_publish(roles):
    crud = {"add", "change", "delete", "view"}
    assert codenames(roles["Writers"]) == {
        *(("articles", f"{action}_article") for action in crud),
        *(("glossary", f"{action}_glossaryterm") for action in crud),
        ("articles", "view_section"),
        ("articles", "view_topic"),
        ("tags", "view_tag"),
        ("search", "view_missedsearch"),
        ("authors", "view_author"),
    }


def test_editors_may_do_everything_in_the_guide_and_publish(roles):
    granted = codenames(roles["Editors"])
    for app_label, model in [
        ("articles", "article"),
        ("articles", "section"),
        ("articles", "topic"),
        ("articles", "topicmembership"),
        ("tags", "tag"),
        ("authors", "author"),
        ("glossary", "glossaryterm"),
    ]:
        for action in ("add", "change", "delete", "view"):
            assert (app_label, f"{action}_{model}") in granted
    assert {
        ("articles", "publish_article"),
        ("articles", "publish_section"),
        ("glossary", "publish_glossaryterm"),
    } <= granted


def test_role_migration_runs_again_without_losing_extra_permissions_and_reverses(roles):
    extra = Permission.objects.get(codename="view_group")
    roles["Editors"].permissions.add(extra)
    before = {name: codenames(group) for name, group in roles.items()}

    roles_migration().create_roles(django_apps, None)

    assert Group.objects.filter(name__in=["Writers", "Editors"]).count() == 2
    assert {name: codenames(group) for name, group in roles.items()} == before

    roles_migration().remove_roles(django_apps, None)

    assert not Group.objects.filter(name="Writers").exists()
    assert codenames(Group.objects.get(name="Editors")) == {("auth", "view_group")}


# Writers --------------------------------------------------------------------------------------


def test_writer_creates_a_draft_and_submits_it_for_review(writer):
    section, author = SectionFactory(), AuthorFactory()
    response = writer.post(
        reverse("admin:articles_article_add"), article_form_data(section, author)
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Status.DRAFT

    data = article_form_data(section, author, status=Status.REVIEW)
    data[kb_admin.EDIT_TOKEN] = kb_admin.edit_token(article)
    assert writer.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.published_at is None


def test_writer_is_offered_only_draft_and_in_review(writer):
    response = writer.get(reverse("admin:articles_article_add"))
    field = response.context["adminform"].form.fields["status"]
    assert [value for value, _ in field.choices] == [Status.DRAFT, Status.REVIEW]


def test_writer_cannot_publish_through_the_form(writer):
    section, author = SectionFactory(), AuthorFactory()
    data = article_form_data(section, author, status=Status.PUBLISHED)
    response = writer.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.exists()


def test_writer_cannot_schedule_or_record_a_review(writer):
    section, author = SectionFactory(), AuthorFactory()
    data = article_form_data(
        section,
        author,
        status=Status.REVIEW,
        published_at_0="2031-01-01",
        published_at_1="09:00",
        reviewer=author.pk,
        last_reviewed_at="2030-01-01",
    )
    assert writer.post(reverse("admin:articles_article_add"), data).status_code == 302
    article = Article.objects.get()
    assert article.published_at is None  # the posted date was ignored: the field is read-only
    assert article.reviewer is None and article.last_reviewed_at is None


@pytest.mark.parametrize("action", ["publish", "unpublish"])
@pytest.mark.parametrize("factory", [ArticleFactory, GlossaryTermFactory], ids=["article", "term"])
def test_writer_cannot_run_publish_or_unpublish_even_by_crafted_post(writer, action, factory):
    items = [factory(draft=True), factory(), factory(status=Status.REVIEW, published_at=None)]
    model = type(items[0])
    before = statuses(model)

    changelist = writer.get(changelist_url(model))
    offered = [name for name, _ in changelist.context["action_form"].fields["action"].choices]
    assert "publish" not in offered and "unpublish" not in offered

    response = writer.post(
        changelist_url(model), {"action": action, "_selected_action": [i.pk for i in items]}
    )
    assert response.status_code == 302
    assert statuses(model) == before


@pytest.mark.parametrize("action", [kb_admin.publish, kb_admin.unpublish])
def test_publish_actions_refuse_a_caller_without_the_permission(rf, writer, action):
    request = rf.post(CHANGELIST)
    request.user = writer.user
    with pytest.raises(PermissionDenied):
        action(admin_site.get_model_admin(Article), request, Article.objects.all())


@pytest.mark.parametrize("traits", [{}, {"scheduled": True}], ids=["published", "scheduled"])
def test_published_and_scheduled_articles_are_read_only_for_a_writer(writer, traits):
    article = ArticleFactory(**traits)
    response = writer.get(change_url(article))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert 'name="_save"' not in response.content.decode()

    data = article_form_data(article.section, article.author, title="Rewritten", status="draft")
    assert writer.post(change_url(article), data).status_code == 403
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.title != "Rewritten"


@pytest.mark.parametrize("factory", [ArticleFactory, GlossaryTermFactory], ids=["article", "term"])
def test_writer_cannot_delete_published_content_but_may_delete_a_draft(writer, factory):
    published, draft = factory(), factory(draft=True)

    assert writer.get(delete_url(published)).status_code == 403
    assert writer.post(delete_url(published), {"post": "yes"}).status_code == 403
    assert writer.post(delete_url(draft), {"post": "yes"}).status_code == 302

    assert list(type(published).objects.all()) == [published]


def test_writer_bulk_delete_of_published_items_is_refused_with_a_reason(writer):
    published, scheduled, draft = (
        ArticleFactory(),
        ArticleFactory(scheduled=True),
        ArticleFactory(draft=True),
    )
    selected = {"action": "delete_selected", "_selected_action": [published.pk, draft.pk]}

    confirm = writer.post(CHANGELIST, selected)
    assert confirm.status_code == 200
    assert "published articles (ask an editor)" in confirm.content.decode()

    assert writer.post(CHANGELIST, {**selected, "post": "yes"}).status_code == 403
    scheduled_too = {**selected, "_selected_action": [scheduled.pk], "post": "yes"}
    assert writer.post(CHANGELIST, scheduled_too).status_code == 403
    assert Article.objects.count() == 3


def test_writer_cannot_reorder_the_guide_from_the_changelist(writer):
    article = ArticleFactory(position=1)
    response = writer.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": article.pk,
            "form-0-position": 9,
            "_save": "Save",
        },
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.position == 1


def test_publish_rules_also_hold_for_chapters(make_client):
    # A staff member who may edit chapters but not publish them.
    client = make_client(
        "chapters", perms=["add_section", "change_section", "delete_section", "view_section"]
    )
    published = SectionFactory()
    response = client.get(reverse("admin:articles_section_add"))
    assert "published" not in dict(response.context["adminform"].form.fields["status"].choices)
    assert client.post(delete_url(published), {"post": "yes"}).status_code == 403
    response = client.post(
        reverse("admin:articles_section_add"),
        {"position": 3, "title": "New", "slug": "", "status": Status.PUBLISHED},
    )
    assert response.status_code == 200
    assert Section.objects.count() == 1


def test_writer_cannot_publish_a_glossary_term_through_the_form(writer):
    term = GlossaryTermFactory(draft=True)
    data = {
        "term": term.term,
        "slug": term.slug,
        "aliases": "",
        "short_definition": "Short.",
        "explanation": "",
        "tags": "",
        "status": Status.PUBLISHED,
    }
    response = writer.post(change_url(term), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert GlossaryTerm.objects.get().status == Status.DRAFT


def test_writer_cannot_republish_by_restoring_or_recovering_a_published_version(writer):
    article = ArticleFactory()
    with reversion.create_revision():
        article.save()
    (published,) = Version.objects.get_for_object(article)
    article.status = Status.DRAFT
    with reversion.create_revision():
        article.save()
    data = article_form_data(article.section, article.author, status=Status.REVIEW)

    restore = reverse("admin:articles_article_revision", args=[article.pk, published.pk])
    assert writer.post(restore, data).status_code == 403
    assert Article.objects.get().status == Status.DRAFT

    Article.objects.all().delete()
    recover = reverse("admin:articles_article_recover", args=[published.pk])
    assert writer.post(recover, data).status_code == 403
    assert not Article.objects.exists()


def restore_url(obj, version):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])


def test_writer_cannot_take_a_live_article_down_by_restoring_their_draft(writer, editor, client):
    section, author = SectionFactory(), AuthorFactory()
    response = writer.post(
        reverse("admin:articles_article_add"), article_form_data(section, author)
    )
    assert response.status_code == 302
    article = Article.objects.get()
    (draft_version,) = Version.objects.get_for_object(article)
    editor.post(CHANGELIST, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert client.get(article.get_absolute_url()).status_code == 200

    data = article_form_data(section, author, body="The writer's own text.")
    data[kb_admin.EDIT_TOKEN] = kb_admin.edit_token(article)
    assert writer.get(restore_url(article, draft_version)).status_code == 403
    assert writer.post(restore_url(article, draft_version), data).status_code == 403

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.body == "## Start here\n\nLearn the backlog."
    assert client.get(article.get_absolute_url()).status_code == 200
    assert writer.post(delete_url(article), {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_writer_cannot_take_a_live_glossary_term_down_through_history(writer, editor, client):
    term = GlossaryTermFactory(draft=True)
    with reversion.create_revision():
        term.save()
    (draft_version,) = Version.objects.get_for_object(term)
    editor.post(changelist_url(GlossaryTerm), {"action": "publish", "_selected_action": [term.pk]})
    term.refresh_from_db()
    assert term.is_published
    data = {
        "term": term.term,
        "slug": term.slug,
        "aliases": "",
        "short_definition": "Rewritten by the writer.",
        "explanation": "",
        "tags": "",
        "status": Status.DRAFT,
        kb_admin.EDIT_TOKEN: kb_admin.edit_token(term),
    }
    assert writer.post(restore_url(term, draft_version), data).status_code == 403
    term.refresh_from_db()
    assert term.is_published and term.short_definition != "Rewritten by the writer."
    assert client.get(term.get_absolute_url()).status_code == 200


def test_writer_cannot_recover_over_a_live_article(writer):
    article = ArticleFactory(status=Status.DRAFT)
    with reversion.create_revision():
        article.save()
    (draft_version,) = Version.objects.get_for_object(article)
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    data = article_form_data(article.section, article.author)
    recover = reverse("admin:articles_article_recover", args=[draft_version.pk])
    assert writer.post(recover, data).status_code == 403
    assert Article.objects.get().status == Status.PUBLISHED


def test_writer_may_still_restore_an_old_version_of_their_own_draft(writer):
    article = ArticleFactory(status=Status.DRAFT, body="First text.")
    with reversion.create_revision():
        article.save()
    (first,) = Version.objects.get_for_object(article)
    article.body = "Second text."
    with reversion.create_revision():
        article.save()
    page = writer.get(restore_url(article, first))
    assert page.status_code == 200
    data = article_form_data(article.section, article.author, body="First text.")
    data[kb_admin.EDIT_TOKEN] = page.context["adminform"].form[kb_admin.EDIT_TOKEN].value()
    response = writer.post(restore_url(article, first), data)
    assert response.status_code == 302
    assert Article.objects.get().body == "First text."


# Editors and superusers ----------------------------------------------------------------------


def test_editor_publishes_schedules_and_unpublishes(editor):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    tomorrow = timezone.localtime() + timedelta(days=1)
    data = article_form_data(
        article.section,
        article.author,
        status=Status.PUBLISHED,
        published_at_0=tomorrow.strftime("%Y-%m-%d"),
        published_at_1="09:00",
    )
    data[kb_admin.EDIT_TOKEN] = kb_admin.edit_token(article)
    assert editor.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled

    editor.post(CHANGELIST, {"action": "unpublish", "_selected_action": [article.pk]})
    assert Article.objects.get().status == Status.DRAFT
    editor.post(CHANGELIST, {"action": "publish", "_selected_action": [article.pk]})
    assert Article.objects.get().status == Status.PUBLISHED


@pytest.mark.parametrize("client_fixture", ["editor", "admin_client"])
def test_editors_and_superusers_delete_published_content_alone_and_in_bulk(request, client_fixture):
    client = request.getfixturevalue(client_fixture)
    single, *bulk = ArticleFactory.create_batch(3)
    assert client.post(delete_url(single), {"post": "yes"}).status_code == 302
    response = client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [a.pk for a in bulk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.exists()


def test_editor_changes_a_published_article_and_reorders_the_list(editor):
    article = ArticleFactory(position=1)
    response = editor.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": article.pk,
            "form-0-position": 9,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert Article.objects.get().position == 9
    assert 'name="_save"' in editor.get(change_url(article)).content.decode()


def test_staff_without_a_role_gets_nothing(make_client):
    client = make_client("nobody")
    article = ArticleFactory()
    for url in (CHANGELIST, change_url(article), reverse("admin:articles_article_add"), ATTENTION):
        assert client.get(url).status_code == 403, url
    response = client.post(CHANGELIST, {"action": "publish", "_selected_action": [article.pk]})
    assert response.status_code == 403


# Scheduled items appear by themselves ----------------------------------------------------------


def visible_when_due(client, url, text, item):
    """`text` is absent from `url` while `item` is scheduled and present once its time passes."""
    assert text not in client.get(url).content.decode()
    type(item).objects.filter(pk=item.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    return text in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        lambda article: "/",
        lambda article: article.section.get_absolute_url(),
        lambda article: "/feeds/articles.rss",
        lambda article: "/sitemap-articles.xml",
        lambda article: "/search/?q=Zeppelin",
    ],
    ids=["home", "chapter", "feed", "sitemap", "search"],
)
def test_scheduled_article_appears_by_itself_when_its_time_comes(client, url):
    ArticleFactory(title="Other")  # so lists and feeds are never empty
    article = ArticleFactory(title="Zeppelin roadmaps", scheduled=True)
    assert visible_when_due(client, url(article), article.get_absolute_url(), article)


def test_article_in_a_scheduled_chapter_appears_with_the_chapter(client):
    chapter = SectionFactory(published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Other")
    ArticleFactory(section=chapter, title="Zeppelin roadmaps")
    assert visible_when_due(client, "/", "Zeppelin roadmaps", chapter)


def test_scheduled_glossary_term_appears_by_itself(client):
    term = GlossaryTermFactory(term="Zeppelin", published_at=timezone.now() + timedelta(days=1))
    assert visible_when_due(client, reverse("glossary:index"), "Zeppelin", term)


# Trust signals ---------------------------------------------------------------------------------


def test_reader_sees_who_reviewed_the_article_and_when(client):
    reviewer = AuthorFactory(name="Anna Grigoryan")
    article = ArticleFactory(reviewer=reviewer, last_reviewed_at=date(2025, 3, 4))
    html = client.get(article.get_absolute_url()).content.decode()
    assert (
        f'Reviewed by <a href="{reviewer.get_absolute_url()}">Anna Grigoryan</a> on '
        '<time datetime="2025-03-04">4 March 2025</time>'
    ) in html


def test_review_without_a_named_reviewer_shows_the_date_only(client):
    article = ArticleFactory(last_reviewed_at=date(2025, 3, 4))
    assert "Reviewed on <time" in client.get(article.get_absolute_url()).content.decode()


def test_never_reviewed_article_makes_no_trust_claim(client):
    article = ArticleFactory(reviewer=AuthorFactory())
    assert "Reviewed" not in client.get(article.get_absolute_url()).content.decode()


def test_reviewer_costs_no_extra_query(client, django_assert_max_num_queries):
    article = ArticleFactory(reviewer=AuthorFactory(), last_reviewed_at=date(2025, 3, 4))
    with django_assert_max_num_queries(9):
        client.get(article.get_absolute_url())


def test_next_review_must_come_after_the_last_one(editor):
    with pytest.raises(IntegrityError):
        ArticleFactory(last_reviewed_at=date(2025, 3, 4), next_review_at=date(2025, 3, 4))


def test_review_dates_in_the_wrong_order_are_a_form_error(editor):
    article = ArticleFactory()
    data = article_form_data(
        article.section,
        article.author,
        status=Status.PUBLISHED,
        last_reviewed_at="2025-03-04",
        next_review_at="2025-01-01",
    )
    response = editor.post(change_url(article), data)
    assert response.status_code == 200
    assert "The next review must come after the last review." in response.content.decode()


def test_overdue_reviews_are_flagged_and_filtered_in_the_article_list(editor):
    today = timezone.localdate()
    overdue = ArticleFactory(title="Overdue", next_review_at=today - timedelta(days=1))
    ArticleFactory(title="Due today", next_review_at=today)
    ArticleFactory(title="Never")
    assert list(Article.objects.review_overdue()) == [overdue]
    assert overdue.is_review_overdue

    response = editor.get(CHANGELIST, {"review": "overdue"})
    assert [a.title for a in response.context["cl"].result_list] == ["Overdue"]
    html = editor.get(CHANGELIST).content.decode()
    assert "review overdue" in html.lower()


# What needs attention --------------------------------------------------------------------------


@pytest.fixture
def attention_items():
    long_ago = timezone.now() - timedelta(days=31)
    items = {
        "review": [
            ArticleFactory(title="Article in review", in_review=True),
            SectionFactory(title="Chapter in review", status=Status.REVIEW, published_at=None),
            GlossaryTermFactory(term="Term in review", status=Status.REVIEW, published_at=None),
        ],
        "scheduled": [
            ArticleFactory(title="Scheduled article", scheduled=True),
            GlossaryTermFactory(
                term="Scheduled term", published_at=timezone.now() + timedelta(days=3)
            ),
        ],
        "stale": [
            ArticleFactory(title="Stale article", draft=True),
            GlossaryTermFactory(term="Stale term", draft=True),
        ],
        "review-overdue": [
            ArticleFactory(
                title="Overdue article", next_review_at=timezone.localdate() - timedelta(days=1)
            )
        ],
    }
    for item in items["stale"]:
        type(item).objects.filter(pk=item.pk).update(updated_at=long_ago)
    ArticleFactory(title="Fresh draft", draft=True)
    ArticleFactory(title="Live article")
    return items


def group_titles(response, slug):
    (group,) = [g for g in response.context["groups"] if g.slug == slug]
    return [str(item.obj) for item in group.items]


def test_attention_page_lists_each_kind_of_work_with_change_links(editor, attention_items):
    response = editor.get(ATTENTION)
    assert response.status_code == 200
    html = response.content.decode()
    for slug, items in attention_items.items():
        assert sorted(group_titles(response, slug)) == sorted(str(i) for i in items), slug
        for item in items:
            assert f'href="{change_url(item)}"' in html
    assert "Fresh draft" not in html and "Live article" not in html


def test_attention_page_query_count_is_fixed(editor, attention_items, django_assert_num_queries):
    editor.get(ATTENTION)  # warm the session and permission caches
    with django_assert_num_queries(14) as captured:
        editor.get(ATTENTION)
    ArticleFactory.create_batch(5, in_review=True)
    GlossaryTermFactory.create_batch(5, status=Status.REVIEW, published_at=None)
    with django_assert_num_queries(len(captured)):
        editor.get(ATTENTION)


def test_attention_page_is_linked_from_the_admin_index_and_the_article_list(editor):
    assert f'href="{ATTENTION}"' in editor.get(reverse("admin:index")).content.decode()
    assert f'href="{ATTENTION}"' in editor.get(CHANGELIST).content.decode()


def test_attention_page_is_for_staff_only(client, make_client):
    response = client.get(ATTENTION)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    reader = make_client("reader", is_staff=False)
    assert reader.get(ATTENTION).status_code == 302


def test_writer_sees_the_attention_page_too(writer, attention_items):
    response = writer.get(ATTENTION)
    assert response.status_code == 200
    assert "Chapter in review" in response.content.decode()
