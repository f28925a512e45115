"""Nothing is lost: versions, comparison, restore, recovery, edit conflicts and browser drafts.

Forms are submitted the way a browser would: every field as the page shows it (the helper reads
the rendered form), with only what the test types changed.
"""

import ast
from html.parser import HTMLParser

import pytest
import reversion
from django.conf import settings
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Section, Topic, TopicMembership
from articles.tests.factories import (
    ArticleFactory,
    SectionFactory,
    TopicFactory,
    TopicMembershipFactory,
)
from authors.tests.factories import AuthorFactory
from glossary.models import GlossaryTerm
from glossary.tests.factories import GlossaryTermFactory
from kb import history
from kb.history import line_diff
from kb.publishing import Status
from kb.search.models import MissedSearch

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """The fields of one form as a browser would submit them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, {}
        self.textarea = self.select = None
        self.text = []

    def add(self, name, value):
        if name in self.data:
            existing = self.data[name]
            self.data[name] = (
                [*existing, value] if isinstance(existing, list) else [existing, value]
            )
        else:
            self.data[name] = value

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.add(name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []
        elif tag == "select" and name:
            self.select = name
            if "multiple" in attrs:
                self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            text = "".join(self.text)
            # Django writes a newline after <textarea>, which browsers drop.
            self.add(self.textarea, text[1:] if text.startswith("\n") else text)
            self.textarea = None
        elif tag == "select":
            self.select = None


def shown_form(response, form_id):
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    assert reader.data, f"no form #{form_id} on the page"
    return reader.data


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def admin_url(obj, name, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)


def open_form(client, obj):
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return shown_form(response, f"{obj._meta.model_name}_form")


def save(client, obj, **typed):
    data = open_form(client, obj)
    data.update(typed)
    return client.post(change_url(obj), data)


def versions(obj):
    return Version.objects.get_for_object(obj).order_by("pk")


@pytest.fixture
def other_editor(django_user_model):
    """A second person editing at the same time, in their own browser."""
    user = django_user_model.objects.create_superuser("grace", "grace@example.com", "pw")
    user.first_name, user.last_name = "Grace", "Hopper"
    user.save()
    client = Client()
    client.force_login(user)
    return client


# --- Every save keeps a version ---------------------------------------------------------------

TITLE_FIELDS = {
    "section": "title",
    "article": "title",
    "topic": "title",
    "author": "name",
    "glossaryterm": "term",
}


def make(kind):
    if kind == "topic":
        return TopicMembershipFactory().topic
    if kind == "section":
        return SectionFactory()
    if kind == "article":
        return ArticleFactory(tags=["roles"])
    if kind == "author":
        return AuthorFactory()
    return GlossaryTermFactory(tags=["roles"])


@pytest.mark.parametrize("kind", TITLE_FIELDS)
def test_every_admin_save_of_each_kind_keeps_a_version(admin_client, kind):
    obj = make(kind)
    field = TITLE_FIELDS[kind]
    for title in ("First title", "Second title"):
        response = save(admin_client, obj, **{field: title})
        assert response.status_code == 302, response.context["adminform"].form.errors
    kept = versions(obj)
    assert [version.field_dict[field] for version in kept] == ["First title", "Second title"]
    assert all(version.revision.user.username == "admin" for version in kept)


def test_a_bulk_publish_keeps_a_version_of_each_item_it_changed(admin_client):
    drafts = [ArticleFactory(draft=True), ArticleFactory(draft=True)]
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk for article in drafts]},
    )
    assert response.status_code == 302
    kept = [versions(article).get() for article in drafts]
    assert all(version.field_dict["status"] == Status.PUBLISHED for version in kept)
    assert all(
        version.revision.get_comment().startswith("Bulk action: Publish") for version in kept
    )
    # One revision each: restoring one article never puts back the others.
    assert kept[0].revision != kept[1].revision
    assert all(version.revision.version_set.count() == 1 for version in kept)


def test_reordering_in_the_list_keeps_a_version_of_each_row_on_its_own(admin_client):
    section = SectionFactory()
    first, second = ArticleFactory(section=section), ArticleFactory(section=section)
    changelist = reverse("admin:articles_article_changelist")
    data = shown_form(admin_client.get(changelist), "changelist-form")
    rows = {data[f"form-{i}-id"]: i for i in range(int(data["form-TOTAL_FORMS"]))}
    data[f"form-{rows[str(first.pk)]}-position"] = "20"
    data[f"form-{rows[str(second.pk)]}-position"] = "10"
    data["_save"] = "Save"

    assert admin_client.post(changelist, data).status_code == 302

    kept = [versions(article).get() for article in (first, second)]
    assert [version.field_dict["position"] for version in kept] == [20, 10]
    assert kept[0].revision != kept[1].revision
    assert kept[0].revision.get_comment() == "Changed position in the list."


# --- A version is the item with its tags and topics as they were ------------------------------


def test_restoring_an_article_brings_back_its_tags_topics_and_text_exactly(admin_client):
    article = ArticleFactory(tags=["roles", "strategy"], body="The first body.")
    topic = TopicMembershipFactory(article=article).topic
    assert save(admin_client, article).status_code == 302
    first = versions(article).last()

    TopicMembership.objects.filter(article=article).delete()
    TopicMembershipFactory(article=article, topic=TopicFactory(title="Hiring"))
    assert save(admin_client, article, tags="hiring", body="A rewritten body.").status_code == 302
    assert set(article.tags.names()) == {"hiring"}

    restore_url = admin_url(article, "revision", article.pk, first.pk)
    form = shown_form(admin_client.get(restore_url), "article_form")
    assert form["body"] == "The first body."
    response = admin_client.post(restore_url, form)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "The first body."
    assert sorted(article.tags.names()) == ["roles", "strategy"]
    assert list(Topic.objects.filter(memberships__article=article)) == [topic]
    assert versions(article).count() == 3  # the restore is itself a version


def test_restoring_a_glossary_term_brings_back_its_tags(admin_client):
    term = GlossaryTermFactory(tags=["metrics"])
    assert save(admin_client, term).status_code == 302
    first = versions(term).last()
    assert save(admin_client, term, tags="roles, hiring").status_code == 302

    restore_url = admin_url(term, "revision", term.pk, first.pk)
    response = admin_client.post(
        restore_url, shown_form(admin_client.get(restore_url), "glossaryterm_form")
    )

    assert response.status_code == 302
    assert list(GlossaryTerm.objects.get().tags.names()) == ["metrics"]


def test_restoring_a_topic_brings_back_its_articles_in_their_order(admin_client):
    first_article, second_article = ArticleFactory(title="Alpha"), ArticleFactory(title="Beta")
    topic = TopicFactory()
    TopicMembershipFactory(topic=topic, article=first_article, position=1)
    TopicMembershipFactory(topic=topic, article=second_article, position=2)
    assert save(admin_client, topic).status_code == 302
    first = versions(topic).last()
    topic.memberships.filter(article=first_article).delete()
    topic.memberships.update(position=0)
    assert save(admin_client, topic, title="Renamed").status_code == 302

    restore_url = admin_url(topic, "revision", topic.pk, first.pk)
    response = admin_client.post(
        restore_url, shown_form(admin_client.get(restore_url), "topic_form")
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    assert [(m.position, m.article.title) for m in topic.memberships.all()] == [
        (1, "Alpha"),
        (2, "Beta"),
    ]


# --- Comparing two versions -----------------------------------------------------------------


@pytest.fixture
def edited_article(admin_client):
    article = ArticleFactory(
        tags=["roles"],
        body="# Title\n\nKeep this line.\n\nThe old wording here.\n\nAnd <b>this</b> stays.",
    )
    assert save(admin_client, article).status_code == 302
    body = "# Title\n\nKeep this line.\n\nThe new wording here.\n\nAnd <b>this</b> stays."
    assert save(admin_client, article, body=body, tags="roles, hiring").status_code == 302
    return article


def test_compare_shows_the_changed_markdown_lines_and_words_and_the_tags(
    admin_client, edited_article
):
    first, second = versions(edited_article)
    response = admin_client.get(
        admin_url(edited_article, "compare", edited_article.pk),
        {"from": first.pk, "to": second.pk},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The <del>old</del> wording here." in page
    assert "The <ins>new</ins> wording here." in page
    assert "<dt>Tags</dt>" in page and "<ins>hiring, roles</ins>" in page
    assert "<dt>Title</dt>" not in page  # unchanged fields are not listed


def test_compare_escapes_the_markdown_it_shows(admin_client):
    article = ArticleFactory(body="Plain.")
    assert save(admin_client, article).status_code == 302
    assert save(admin_client, article, body='<script>alert("x")</script>').status_code == 302

    page = admin_client.get(admin_url(article, "compare", article.pk)).content.decode()

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page


def test_compare_defaults_to_the_latest_change_and_can_compare_with_what_is_saved_now(
    admin_client, edited_article
):
    url = admin_url(edited_article, "compare", edited_article.pk)
    assert "<ins>new</ins>" in admin_client.get(url).content.decode()
    first = versions(edited_article).first()
    Article.objects.filter(pk=edited_article.pk).update(title="Changed in the shell")
    page = admin_client.get(url, {"from": first.pk, "to": "now"}).content.decode()
    assert "What is saved now" in page
    assert "<ins>Changed in the shell</ins>" in page


def test_compare_refuses_a_version_of_another_item(admin_client, edited_article):
    other = ArticleFactory()
    assert save(admin_client, other).status_code == 302
    foreign = versions(other).first()
    url = admin_url(edited_article, "compare", edited_article.pk)
    assert admin_client.get(url, {"from": foreign.pk}).status_code == 404


def test_history_page_offers_versions_to_compare_and_restore(admin_client, edited_article):
    first, second = versions(edited_article)
    page = admin_client.get(admin_url(edited_article, "history", edited_article.pk)).content
    page = page.decode()
    compare = admin_url(edited_article, "compare", edited_article.pk)
    assert f'action="{compare}"' in page
    assert f'name="from" value="{first.pk}"' in page and f'name="to" value="{second.pk}"' in page
    assert f'href="{compare}?from={first.pk}&amp;to={second.pk}"' in page
    assert admin_url(edited_article, "revision", edited_article.pk, first.pk) in page
    assert page.index(f'value="{second.pk}"') < page.index(f'value="{first.pk}"')  # newest first


def test_line_diff_marks_changed_words_and_escapes_everything():
    html = line_diff("same\n<i>old</i> text\n", "same\n<i>new</i> text\nadded & more\n")
    assert "&lt;i&gt;<del>old</del>&lt;/i&gt; text" in html
    assert "&lt;i&gt;<ins>new</ins>&lt;/i&gt; text" in html
    assert "<ins>added &amp; more</ins>" in html
    assert line_diff("same", "same") == ""


# --- Deleted items can be recovered -----------------------------------------------------------


def recover(client, obj_model_name, version):
    url = reverse(f"admin:articles_{obj_model_name}_recover", args=[version.pk])
    response = client.get(url)
    assert response.status_code == 200
    return client.post(url, shown_form(response, f"{obj_model_name}_form"))


def test_a_deleted_article_comes_back_with_its_tags_and_topic(admin_client):
    article = ArticleFactory(title="Gone for a while", tags=["roles", "strategy"])
    topic = TopicMembershipFactory(article=article, position=4).topic
    pk = article.pk

    response = admin_client.post(admin_url(article, "delete", pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()

    listing = admin_client.get(reverse("admin:articles_article_recoverlist"))
    assert "Gone for a while" in listing.content.decode()
    (deleted,) = Version.objects.get_deleted(Article)
    assert recover(admin_client, "article", deleted).status_code == 302

    article = Article.objects.get(pk=pk)
    assert sorted(article.tags.names()) == ["roles", "strategy"]
    assert [(m.topic, m.position) for m in article.memberships.all()] == [(topic, 4)]


def test_articles_deleted_in_bulk_can_be_recovered(admin_client):
    articles = [ArticleFactory(tags=["roles"]), ArticleFactory(tags=["hiring"])]
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [article.pk for article in articles],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    deleted = Version.objects.get_deleted(Article)
    assert deleted.count() == 2
    assert recover(admin_client, "article", deleted.first()).status_code == 302
    assert Article.objects.get().tags.count() == 1  # the other one stays deleted


def test_the_list_page_links_to_deleted_items(admin_client):
    page = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert reverse("admin:articles_article_recoverlist") in page


# --- Edit conflicts ---------------------------------------------------------------------------

CONFLICT = "saved this article at"


def test_a_save_over_someone_elses_later_save_is_refused_and_keeps_the_typed_text(
    admin_client, other_editor
):
    article = ArticleFactory(body="Line one.\n\nThe shared paragraph.")
    assert save(admin_client, article).status_code == 302  # a first version to start from
    mine = open_form(admin_client, article)
    theirs = open_form(other_editor, article)

    theirs["body"] = "Line one.\n\nThe shared paragraph, improved by Grace."
    assert other_editor.post(change_url(article), theirs).status_code == 302

    mine["body"] = "Line one.\n\nMy own rewrite, typed for an hour."
    mine["title"] = "My new title"
    response = admin_client.post(change_url(article), mine)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Grace Hopper saved this article at" in page
    assert "Your text is still below" in page
    assert "improved by Grace" in page  # what they changed is shown
    assert "My own rewrite, typed for an hour." in page  # what I typed is still in the form
    assert 'value="My new title"' in page
    article.refresh_from_db()
    assert article.body.endswith("improved by Grace.")
    assert article.title != "My new title"

    again = shown_form(response, "article_form")
    assert again["kb_edit_token"] != mine["kb_edit_token"]
    assert admin_client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body.endswith("typed for an hour.")


def test_a_save_without_the_edit_token_is_refused_like_a_conflict(admin_client, other_editor):
    article = make("article")
    data = open_form(admin_client, article)
    save(other_editor, article, body="Their careful edit.")
    del data["kb_edit_token"]
    data["body"] = "A hand-made POST."

    response = admin_client.post(change_url(article), data)

    assert response.status_code == 200
    assert "sent without the mark" in response.content.decode()
    article.refresh_from_db()
    assert article.body == "Their careful edit."
    again = shown_form(response, "article_form")
    assert again["body"] == "A hand-made POST."  # what was typed comes back to be saved again
    assert admin_client.post(change_url(article), again).status_code == 302


def test_no_conflict_when_nobody_else_saved(admin_client):
    article = ArticleFactory()
    form = open_form(admin_client, article)
    assert admin_client.post(change_url(article), {**form, "title": "One"}).status_code == 302
    assert save(admin_client, article, title="Two").status_code == 302
    article.refresh_from_db()
    assert article.title == "Two"


def test_a_bulk_action_since_the_form_opened_is_a_conflict_too(admin_client, other_editor):
    article = ArticleFactory(draft=True)
    assert save(admin_client, article).status_code == 302
    mine = open_form(admin_client, article)
    other_editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    response = admin_client.post(change_url(article), {**mine, "title": "Mine"})
    assert response.status_code == 200
    page = response.content.decode()
    assert CONFLICT in page
    assert "<del>Draft</del>" in page and "<ins>Published</ins>" in page


def test_a_conflict_without_an_earlier_version_shows_what_saving_would_change(
    admin_client, other_editor
):
    article = ArticleFactory(title="Original")  # made outside the admin: no version yet
    mine = open_form(admin_client, article)
    assert save(other_editor, article, title="Theirs").status_code == 302
    page = admin_client.post(change_url(article), {**mine, "title": "Mine"}).content.decode()
    assert "Grace Hopper saved this article at" in page
    assert "compared with your text" in page
    assert "<del>Theirs</del>" in page and "<ins>Mine</ins>" in page


@pytest.mark.parametrize("kind", TITLE_FIELDS)
def test_every_kind_refuses_a_save_over_a_later_one(admin_client, other_editor, kind):
    obj = make(kind)
    field = TITLE_FIELDS[kind]
    mine = open_form(admin_client, obj)
    assert save(other_editor, obj, **{field: "Theirs"}).status_code == 302
    response = admin_client.post(change_url(obj), {**mine, field: "Mine"})
    assert response.status_code == 200
    assert f"saved this {obj._meta.verbose_name} at" in response.content.decode()


# --- Drafts in the browser --------------------------------------------------------------------


def test_change_forms_load_the_draft_script_deferred(admin_client):
    article = ArticleFactory()
    page = admin_client.get(change_url(article)).content.decode()
    assert '<script src="/static/kb/js/editor_autosave.js" defer>' in page


@pytest.mark.parametrize(
    "kind, field",
    [("section", "intro"), ("article", "body"), ("author", "bio"), ("glossaryterm", "explanation")],
)
def test_markdown_fields_carry_their_draft_key_and_saved_time(admin_client, kind, field):
    obj = make(kind)
    page = admin_client.get(change_url(obj)).content.decode()
    label = obj._meta.label_lower
    assert f'data-kb-draft-key="kb-draft:{label}:{obj.pk}:{field}"' in page
    assert f'data-kb-draft-saved-at="{obj.updated_at.isoformat()}"' in page


def test_an_add_form_keeps_drafts_under_new(admin_client):
    page = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'data-kb-draft-key="kb-draft:articles.article:new:body"' in page
    assert 'data-kb-draft-saved-at=""' in page


# --- Smoke: the new pages open for each kind --------------------------------------------------


@pytest.mark.parametrize("kind", TITLE_FIELDS)
def test_history_compare_and_recover_pages_open(admin_client, kind):
    obj = make(kind)
    assert save(admin_client, obj).status_code == 302
    assert save(admin_client, obj, **{TITLE_FIELDS[kind]: "Changed"}).status_code == 302
    assert admin_client.get(admin_url(obj, "history", obj.pk)).status_code == 200
    assert admin_client.get(admin_url(obj, "compare", obj.pk)).status_code == 200
    version = versions(obj).first()
    assert admin_client.get(admin_url(obj, "revision", obj.pk, version.pk)).status_code == 200
    opts = obj._meta
    recover_list = reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist")
    assert admin_client.get(recover_list).status_code == 200


def test_content_from_before_versions_gets_a_first_version_with_its_tags():
    from django.core.management import call_command

    article = ArticleFactory(tags=["roles"])
    call_command("createinitialrevisions", "articles.Article", comment="First.", verbosity=0)
    version = versions(article).get()
    assert version.revision.get_comment() == "First."
    assert version.revision.version_set.count() == 2  # the article and its tag row


def test_history_compares_the_relations_each_model_is_registered_to_follow():
    assert history.followed(Article) == ("taggedarticle_set", "memberships")
    assert history.followed(Topic) == ("memberships",)
    assert history.followed(GlossaryTerm) == ("taggedterm_set",)
    assert history.followed(Section) == ()  # registered with plain reversion.register()
    assert [relation.label for relation in history.relations(Article)] == ["tags", "topics"]


def test_history_refuses_a_model_reversion_does_not_version():
    with pytest.raises(reversion.RegistrationError):
        history.followed(MissedSearch)


def test_project_code_imports_no_private_name_from_reversion():
    private = []
    packages = ("kb", "articles", "authors", "glossary", "bench")
    for path in (p for name in packages for p in (settings.BASE_DIR / name).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reversion"):
                private += [f"{path}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert not private
