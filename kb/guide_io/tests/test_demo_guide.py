import re
import shutil
from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import resolve
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Section, Topic, TopicMembership
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.guide_io.folder import format_date
from kb.guide_io.management.commands import load_demo_guide as load_demo_guide_command
from kb.guide_io.management.commands.load_demo_guide import DEMO_GUIDE
from kb.guide_io.reader import read_guide
from kb.publishing import Status
from kb.tags.models import Tag

pytestmark = pytest.mark.django_db

CHAPTER_TITLES = [
    "What Is Product Management?",
    "What Is a Software Product?",
    "Software Product Manager",
    "Product Owner",
    "Product Management Life Cycle",
    "Product Management Roadmap",
    "Product Management Software and Tools",
    "Product Backlog",
    "Product Management OKRs",
    "Product Requirements Documents",
    "Product Management Metrics and KPIs Explained",
    "Product Analytics",
    "Comprehensive Guide to Lean Product Management",
    "Best Product Management Resources for Product Managers",
    "Practical Product Management Templates",
    "FAQ",
    "Glossary of Product Management Terms",
]
TEAM_AND_ROLES = [
    "Product Management Hierarchy",
    "Product Management Team and Roles",
    "Role of a Product Management Lead",
    "Role of a Product Management Specialist",
    "Product Manager vs Software Engineer",
    "Technical Product Manager vs Product Manager",
    "How to Become a Product Owner",
    "Project Manager vs Project Owner",
    "Importance of the Product Owner",
]
HREF = re.compile(r'href="(/(?:guide|glossary)/[^"#]*)"')


def load_demo_guide():
    """Run the command; returns what it printed."""
    out = StringIO()
    call_command("load_demo_guide", stdout=out)
    return out.getvalue()


def printed_password(output):
    return re.search(r"Password: (\S+)", output).group(1)


def row_counts():
    return {
        "chapters": Section.objects.count(),
        "articles": Article.objects.count(),
        "authors": Author.objects.count(),
        "terms": GlossaryTerm.objects.count(),
        "tags": Tag.objects.count(),
        "topics": Topic.objects.count(),
        "memberships": TopicMembership.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.fixture
def demo_output():
    return load_demo_guide()


@pytest.mark.usefixtures("demo_output")
class TestContent:
    def test_loads_seventeen_published_chapters_in_order(self):
        chapters = Section.objects.published().order_by("position")

        assert [c.title for c in chapters] == CHAPTER_TITLES
        assert [c.position for c in chapters] == list(range(1, 18))

    def test_every_chapter_has_a_summary_an_introduction_and_a_published_article(self):
        for chapter in Section.objects.all():
            assert chapter.summary, chapter
            assert chapter.intro_html.startswith("<p>"), chapter
            assert Article.objects.published().in_section(chapter).exists(), chapter

    def test_product_management_vs_development_is_published_by_anna(self):
        article = Article.objects.published().get(
            title="Product Management vs. Product Development"
        )

        assert article.section.title == "What Is Product Management?"
        assert article.author.name == "Anna Grigoryan"
        assert '"what"' in article.body_text and '"how"' in article.body_text
        assert [entry["title"] for entry in article.toc][:2] == [
            "What product management covers",
            "How product management teams vary",
        ]

    def test_anna_grigoryan_is_a_director_at_wrike_with_over_fifteen_years(self):
        anna = Author.objects.get(name="Anna Grigoryan")

        assert anna.job_title == "Director of Product Management"
        assert anna.organisation == "Wrike"
        assert anna.years_of_experience > 15
        assert "white-labelled" in anna.bio_html
        assert not anna.photo

    def test_there_are_several_authors_with_published_articles(self):
        authors = Author.objects.filter(articles__in=Article.objects.published()).distinct()

        assert authors.count() >= 3

    def test_team_and_roles_topic_is_featured_with_nine_articles_in_order(self):
        topic = Topic.objects.get(title="Product Management Team and Roles")
        members = topic.memberships.published().select_related("article")

        assert topic.is_featured
        assert [m.article.title for m in members] == TEAM_AND_ROLES
        for member in members:
            assert 300 <= member.article.word_count <= 700, member.article
            assert member.article.toc, member.article

    def test_another_featured_topic_exists(self):
        featured = Topic.objects.filter(is_featured=True)

        assert featured.exclude(title="Product Management Team and Roles").exists()

    def test_glossary_has_thirty_published_terms_findable_by_abbreviation(self):
        terms = GlossaryTerm.objects.published()

        assert terms.count() >= 30
        assert "PRD" in terms.get(slug="prd").alias_list
        assert {"OKR", "OKRs"} <= set(terms.get(slug="okr").alias_list)
        for term in terms:
            assert term.short_definition and term.explanation_html, term
            assert term.tags.exists(), term

    def test_related_glossary_terms_point_both_ways(self):
        prd = GlossaryTerm.objects.get(slug="prd")

        assert prd.related_terms.filter(slug="moscow").exists()
        assert GlossaryTerm.objects.get(slug="moscow").related_terms.filter(slug="prd").exists()

    def test_every_published_article_has_two_to_five_tags(self):
        for article in Article.objects.published().prefetch_related("tags"):
            assert 2 <= len(article.tags.all()) <= 5, article

    def test_one_draft_and_one_scheduled_article_stay_out_of_readers_view(self, client):
        draft = Article.objects.get(status=Status.DRAFT)
        scheduled = Article.objects.scheduled().get()

        for article in (draft, scheduled):
            assert not TopicMembership.objects.filter(article=article).exists()
            assert client.get(article.get_absolute_url()).status_code == 404

    def test_every_link_in_the_guide_leads_to_something_published(self):
        sources = [
            *Article.objects.published().values_list("body_html", flat=True),
            *Section.objects.values_list("intro_html", flat=True),
            *GlossaryTerm.objects.values_list("explanation_html", flat=True),
        ]
        links = {href for html in sources for href in HREF.findall(html)}

        assert len(links) > 50
        for href in sorted(links):
            match = resolve(href)
            if match.view_name == "articles:detail":
                target = Article.objects.published().filter(
                    section__slug=match.kwargs["section"], slug=match.kwargs["slug"]
                )
            elif match.view_name == "articles:section":
                target = Section.objects.published().filter(slug=match.kwargs["section"])
            elif match.view_name == "glossary:detail":
                target = GlossaryTerm.objects.published().filter(slug=match.kwargs["slug"])
            else:
                assert match.view_name == "glossary:index", href
                continue
            assert target.exists(), href


class TestEditorAccount:
    def test_editor_can_sign_in_to_the_admin_with_the_printed_password(self, client, demo_output):
        assert "http://127.0.0.1:8000/admin/" in demo_output
        assert "Username: editor" in demo_output

        assert client.login(
            request=HttpRequest(), username="editor", password=printed_password(demo_output)
        )
        assert client.get("/admin/").status_code == 200

    def test_editor_is_staff_in_editors_group_and_writes_as_anna(self, demo_output):
        editor = get_user_model().objects.get(username="editor")

        assert editor.is_staff and not editor.is_superuser
        assert editor.groups.filter(name="Editors").exists()
        assert editor.author_profile.name == "Anna Grigoryan"

    def test_editor_may_add_change_delete_and_view_everything_in_the_guide(self, demo_output):
        editor = get_user_model().objects.get(username="editor")
        models = [
            "articles.article",
            "articles.section",
            "articles.topic",
            "articles.topicmembership",
            "tags.tag",
            "authors.author",
            "glossary.glossaryterm",
        ]

        for model in models:
            app_label, model_name = model.split(".")
            for action in ("add", "change", "delete", "view"):
                assert editor.has_perm(f"{app_label}.{action}_{model_name}"), (action, model)
        for model in ["articles.article", "articles.section", "glossary.glossaryterm"]:
            app_label, model_name = model.split(".")
            assert editor.has_perm(f"{app_label}.publish_{model_name}"), model

    def test_each_run_sets_a_new_password_and_retires_the_old_one(self, client, demo_output):
        old_password = printed_password(demo_output)
        new_password = printed_password(load_demo_guide())

        assert new_password != old_password
        assert not client.login(request=HttpRequest(), username="editor", password=old_password)
        assert client.login(request=HttpRequest(), username="editor", password=new_password)

    def test_an_existing_editors_group_keeps_the_permissions_it_had(self):
        # The roles migration may have made it already.
        group, _ = Group.objects.get_or_create(name="Editors")
        extra = Permission.objects.get(codename="view_group")
        group.permissions.add(extra)

        load_demo_guide()

        assert Group.objects.filter(name="Editors").count() == 1
        assert group.permissions.filter(pk=extra.pk).exists()
        assert group.permissions.filter(codename="change_article").exists()


class TestRunningAgain:
    def test_running_twice_adds_no_rows_and_does_not_fail(self, demo_output):
        before = row_counts()

        load_demo_guide()

        assert row_counts() == before

    def test_running_again_restores_the_demo_content_editors_changed(self, demo_output):
        article = Article.objects.get(slug="product-management-hierarchy")
        article.title = "Edited"
        article.save()
        article.tags.set(["edited"])
        topic = Topic.objects.get(slug="product-management-team-and-roles")
        topic.memberships.filter(article=article).delete()
        TopicMembership.objects.create(
            topic=topic, article=Article.objects.get(slug="product-management-faq"), position=0
        )

        load_demo_guide()

        article.refresh_from_db()
        assert article.title == "Product Management Hierarchy"
        assert sorted(article.tags.names()) == ["career", "leadership", "roles"]
        members = topic.memberships.select_related("article")
        assert [m.article.title for m in members] == TEAM_AND_ROLES


class TestHistory:
    def test_every_item_has_one_version_noting_the_demo_load(self, demo_output):
        for model in (Section, Article, Topic, Author, GlossaryTerm):
            for item in model.objects.all():
                version = Version.objects.get_for_object(item).get()
                assert version.revision.get_comment() == "Demo guide loaded.", item

    def test_running_again_adds_no_versions(self, demo_output):
        before = Version.objects.count()

        load_demo_guide()

        assert Version.objects.count() == before


def test_the_demo_lives_in_markdown_files_not_in_python():
    files = {path.suffix for path in DEMO_GUIDE.rglob("*") if path.is_file()}

    assert files == {".md", ".yaml"}
    assert len(list(DEMO_GUIDE.glob("chapters/*/*.md"))) == 17 + 46


class TestDates:
    def test_dates_keep_their_distance_from_the_folders_reference_day(self, demo_output):
        guide = read_guide(DEMO_GUIDE)
        today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
        in_folder = {
            source.values["slug"]: source.values["published_at"] - guide.dates_relative_to
            for source in guide.articles
            if source.values["published_at"]
        }

        loaded = {
            article.slug: article.published_at - today
            for article in Article.objects.exclude(published_at=None)
        }

        assert loaded == in_folder
        assert Article.objects.scheduled().get().published_at > today + timedelta(days=1)

    def test_loading_later_moves_every_date_by_the_days_since_the_reference(
        self, tmp_path, monkeypatch
    ):
        folder = tmp_path / "demo"
        shutil.copytree(DEMO_GUIDE, folder)
        manifest = folder / "kb-guide.yaml"
        reference = read_guide(DEMO_GUIDE).dates_relative_to
        earlier = reference - timedelta(days=100)
        manifest.write_text(
            manifest.read_text().replace(format_date(reference), format_date(earlier))
        )
        article = next(folder.glob("chapters/01-*/01-*.md"))
        article.write_text(
            article.read_text()
            .replace("reviewer: ''", "reviewer: priya-raman")
            .replace("last_reviewed_at: null", "last_reviewed_at: '2026-01-10'")
            .replace("next_review_at: null", "next_review_at: '2026-07-10'")
        )
        monkeypatch.setattr(load_demo_guide_command, "DEMO_GUIDE", folder)
        today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
        days = timedelta(days=(today.date() - reference.date()).days + 100)

        load_demo_guide()

        first = Article.objects.get(slug="product-management-explained")
        expected = read_guide(DEMO_GUIDE).articles[0].values["published_at"] + days
        assert first.published_at == expected
        assert first.reviewer.slug == "priya-raman"
        assert first.last_reviewed_at == date(2026, 1, 10) + days
        assert first.next_review_at == date(2026, 7, 10) + days
        assert Article.objects.get(status=Status.DRAFT).published_at is None
