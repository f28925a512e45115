import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from articles.tests.factories import ArticleFactory, SectionFactory
from authors.tests.factories import AuthorFactory
from glossary.tests.factories import GlossaryTermFactory
from kb.admin import EDIT_TOKEN, edit_token
from kb.publishing import Status
from kb.redirects.models import Redirect
from kb.redirects.moves import rewrite

pytestmark = pytest.mark.django_db


def rename(item, slug):
    item.slug = slug
    item.save()
    return item


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_changing_an_article_slug_redirects_its_old_url(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    assert_moved(client, "/guide/roles/owners/", "/guide/roles/product-owners/")


def test_moving_an_article_to_another_chapter_redirects_its_old_url(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    article.section = SectionFactory(slug="teams")
    article.save()
    assert_moved(client, "/guide/roles/owners/", "/guide/teams/owners/")


def test_changing_a_chapter_slug_redirects_the_chapter_and_all_its_articles(client):
    chapter = SectionFactory(slug="roles")
    ArticleFactory(section=chapter, slug="owners")
    ArticleFactory(section=chapter, slug="managers")
    rename(chapter, "team-roles")
    assert_moved(client, "/guide/roles/", "/guide/team-roles/")
    assert_moved(client, "/guide/roles/owners/", "/guide/team-roles/owners/")
    assert_moved(client, "/guide/roles/managers/", "/guide/team-roles/managers/")


def test_the_markdown_version_follows_its_article(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    assert_moved(client, "/guide/roles/owners.md", "/guide/roles/product-owners.md")


def test_a_chain_of_renames_redirects_in_one_hop(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="a")
    rename(article, "b")
    rename(article, "c")
    assert_moved(client, "/guide/roles/a/", "/guide/roles/c/")
    assert_moved(client, "/guide/roles/b/", "/guide/roles/c/")


def test_a_chain_through_a_chapter_rename_redirects_in_one_hop(client):
    chapter = SectionFactory(slug="roles")
    article = ArticleFactory(section=chapter, slug="a")
    rename(article, "b")
    rename(chapter, "team-roles")
    assert_moved(client, "/guide/roles/a/", "/guide/team-roles/b/")


def test_renaming_back_serves_the_page_without_a_loop(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    rename(article, "owners")
    assert client.get("/guide/roles/owners/").status_code == 200
    assert_moved(client, "/guide/roles/product-owners/", "/guide/roles/owners/")
    assert not Redirect.objects.filter(old_path="/guide/roles/owners/").exists()


def test_a_live_page_at_an_old_path_wins_over_the_redirect(client):
    chapter = SectionFactory(slug="roles")
    rename(ArticleFactory(section=chapter, slug="owners", title="Old"), "product-owners")
    ArticleFactory(section=chapter, slug="owners", title="A new article")
    response = client.get("/guide/roles/owners/")
    assert response.status_code == 200
    assert "A new article" in response.content.decode()


def test_saving_without_a_new_url_records_nothing():
    article = ArticleFactory()
    article.title = "A better title"
    article.save()
    assert not Redirect.objects.exists()


def test_the_query_string_is_kept(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    response = client.get("/guide/roles/owners/", {"utm_source": "newsletter"})
    assert response.status_code == 301
    assert response["Location"] == "/guide/roles/product-owners/?utm_source=newsletter"


@pytest.mark.parametrize("path", ["/guide/roles/owners%00/", "/%00", "/nothing.png%00"])
def test_a_path_with_a_nul_byte_is_a_bad_request_on_every_database(client, path):
    # Refused before any lookup (kb/middleware.py): PostgreSQL cannot even be asked.
    assert client.get(path).status_code == 400


def test_an_old_url_without_its_trailing_slash_redirects_in_one_hop(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    response = client.get("/guide/roles/owners")
    assert response.status_code == 301
    assert response["Location"] == "/guide/roles/product-owners/"


def test_unicode_slugs_redirect(client):
    article = ArticleFactory(section=SectionFactory(slug="café"), slug="thé")
    rename(article, "chocolat-chaud")
    response = client.get("/guide/caf%C3%A9/th%C3%A9/")
    assert response.status_code == 301
    assert response["Location"] == "/guide/caf%C3%A9/chocolat-chaud/"


def test_redirects_are_cached_for_a_day_not_for_ever(client):
    rename(ArticleFactory(section=SectionFactory(slug="roles"), slug="owners"), "po")
    response = client.get("/guide/roles/owners/")
    assert "max-age=86400" in response["Cache-Control"]


def test_renaming_a_glossary_term_redirects_its_old_url(client):
    term = GlossaryTermFactory(slug="po")
    rename(term, "product-owner")
    assert_moved(client, "/glossary/po/", "/glossary/product-owner/")


def test_renaming_an_author_redirects_their_old_url(client):
    author = AuthorFactory(slug="anna")
    rename(author, "anna-grigoryan")
    assert_moved(client, "/authors/anna/", "/authors/anna-grigoryan/")


def test_renaming_in_the_admin_redirects_the_old_url(admin_client, client):
    term = GlossaryTermFactory(slug="po", term="Product owner")
    url = reverse("admin:glossary_glossaryterm_change", args=[term.pk])
    data = {
        "term": term.term,
        "slug": "product-owner",
        "short_definition": term.short_definition,
        "explanation": term.explanation,
        "aliases": "",
        "tags": "",
        "status": term.status,
        "published_at_0": term.published_at.strftime("%Y-%m-%d"),
        "published_at_1": term.published_at.strftime("%H:%M:%S"),
        EDIT_TOKEN: edit_token(term),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert_moved(client, "/glossary/po/", "/glossary/product-owner/")


# Drafts: every move is recorded, but only someone who may see the page is sent to it.


def test_an_old_url_of_a_draft_is_404_for_readers_and_hides_the_new_slug(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners", draft=True)
    rename(article, "secret-new-name")
    response = client.get("/guide/roles/owners/")
    assert response.status_code == 404
    assert "secret-new-name" not in response.content.decode()
    assert not response.has_header("Location")


def test_an_old_url_of_an_article_in_a_draft_chapter_is_404_for_readers(client):
    chapter = SectionFactory(slug="roles", status=Status.DRAFT, published_at=None)
    rename(ArticleFactory(section=chapter, slug="owners"), "secret-new-name")
    assert client.get("/guide/roles/owners/").status_code == 404


def test_editors_follow_an_old_url_of_a_draft_to_its_preview(editor_client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners", draft=True)
    rename(article, "product-owners")
    response = editor_client.get("/guide/roles/owners/")
    assert response.status_code == 301
    assert response["Location"] == "/guide/roles/product-owners/"
    assert "no-cache" in response["Cache-Control"]


def test_a_draft_renamed_then_published_keeps_its_old_url(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners", draft=True)
    rename(article, "product-owners")
    article.status = Status.PUBLISHED
    article.save()
    assert_moved(client, "/guide/roles/owners/", "/guide/roles/product-owners/")


def test_an_old_url_of_a_deleted_page_is_404(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    rename(article, "product-owners")
    article.delete()
    assert client.get("/guide/roles/owners/").status_code == 404


def test_a_redirect_to_itself_is_refused_by_the_database():
    from django.db import IntegrityError

    article = ArticleFactory()
    with pytest.raises(IntegrityError):
        Redirect.objects.create(old_path="/a/", new_path="/a/", target=article)


# Links in Markdown follow the page.


def test_links_in_other_articles_are_rewritten_and_rendered_again():
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    linking = ArticleFactory(
        body=(
            "See [owners](/guide/roles/owners/) and [its intro](/guide/roles/owners/#intro).\n\n"
            "Or [the reference][po].\n\n[po]: /guide/roles/owners/\n"
        )
    )
    rename(article, "product-owners")
    linking.refresh_from_db()
    assert "/guide/roles/owners/" not in linking.body
    assert linking.body.count("/guide/roles/product-owners/") == 3
    assert '<a href="/guide/roles/product-owners/#intro">' in linking.body_html
    assert linking.body_html.count('href="/guide/roles/product-owners/') == 3


def test_links_in_chapter_intros_terms_and_bios_are_rewritten():
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    chapter = SectionFactory(intro="[Owners](/guide/roles/owners/)")
    term = GlossaryTermFactory(explanation="[Owners](/guide/roles/owners/)")
    author = AuthorFactory(bio="Wrote [Owners](/guide/roles/owners/).")
    rename(article, "po")
    for item, html_field in (
        (chapter, "intro_html"),
        (term, "explanation_html"),
        (author, "bio_html"),
    ):
        item.refresh_from_db()
        assert 'href="/guide/roles/po/"' in getattr(item, html_field)


def test_only_whole_paths_are_rewritten():
    moves = [("/guide/roles/owners/", "/guide/roles/po/")]
    text = (
        "[a](/guide/roles/owners/) [b](/guide/roles/owners/extra/) "
        "[c](/guide/roles/owners-2/) [d](https://other.example/guide/roles/owners/) "
        "[e](/fr/guide/roles/owners/) [f](/guide/roles/owners/?tab=1) "
        '<a href="/guide/roles/owners/">g</a> <https://testserver/guide/roles/owners/>'
    )
    assert rewrite(text, moves) == (
        "[a](/guide/roles/po/) [b](/guide/roles/owners/extra/) "
        "[c](/guide/roles/owners-2/) [d](https://other.example/guide/roles/owners/) "
        "[e](/fr/guide/roles/owners/) [f](/guide/roles/po/?tab=1) "
        '<a href="/guide/roles/po/">g</a> <https://testserver/guide/roles/po/>'
    )


def test_absolute_links_to_the_site_are_rewritten_with_their_host(settings):
    settings.ALLOWED_HOSTS = ["kb.example.com"]
    moves = [("/glossary/po/", "/glossary/product-owner/")]
    text = "[PO](https://kb.example.com/glossary/po/) [x](https://kb.example.com.evil/glossary/po/)"
    assert rewrite(text, moves) == (
        "[PO](https://kb.example.com/glossary/product-owner/) "
        "[x](https://kb.example.com.evil/glossary/po/)"
    )


def test_links_to_a_markdown_version_are_rewritten():
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    linking = ArticleFactory(body="[source](/guide/roles/owners.md)")
    rename(article, "po")
    linking.refresh_from_db()
    assert linking.body == "[source](/guide/roles/po.md)"


def test_a_chapter_rename_rewrites_links_to_everything_in_it():
    chapter = SectionFactory(slug="roles")
    ArticleFactory(section=chapter, slug="owners")
    linking = ArticleFactory(
        body="[c](/guide/roles/) [a](/guide/roles/owners/#x) [md](/guide/roles/owners.md) "
        "[other](/guide/roles-2/)"
    )
    rename(chapter, "team-roles")
    linking.refresh_from_db()
    assert linking.body == (
        "[c](/guide/team-roles/) [a](/guide/team-roles/owners/#x) "
        "[md](/guide/team-roles/owners.md) [other](/guide/roles-2/)"
    )


def test_a_link_an_article_makes_to_itself_is_rewritten_on_the_saved_copy():
    article = ArticleFactory(
        section=SectionFactory(slug="roles"), slug="owners", body="[me](/guide/roles/owners/#x)"
    )
    rename(article, "po")
    assert article.body == "[me](/guide/roles/po/#x)"
    article.refresh_from_db()
    assert article.body == "[me](/guide/roles/po/#x)"
    assert 'href="/guide/roles/po/#x"' in article.body_html


def test_percent_encoded_and_plain_unicode_links_are_both_rewritten():
    article = ArticleFactory(section=SectionFactory(slug="café"), slug="thé")
    linking = ArticleFactory(body="[a](/guide/café/thé/) [b](/guide/caf%C3%A9/th%C3%A9/)")
    rename(article, "cacao")
    linking.refresh_from_db()
    assert linking.body == "[a](/guide/café/cacao/) [b](/guide/caf%C3%A9/cacao/)"


def test_articles_without_links_are_not_saved_again():
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    other = ArticleFactory(body="No links here.")
    before = Article.objects.get(pk=other.pk).updated_at
    rename(article, "po")
    assert Article.objects.get(pk=other.pk).updated_at == before


def test_redirects_are_listed_read_only_in_the_admin(admin_client):
    rename(ArticleFactory(section=SectionFactory(slug="roles"), slug="owners"), "po")
    redirect = Redirect.objects.get()
    changelist = reverse("admin:redirects_redirect_changelist")
    page = admin_client.get(changelist, {"q": "owners"}).content.decode()
    assert "/guide/roles/owners/" in page
    change = admin_client.get(reverse("admin:redirects_redirect_change", args=[redirect.pk]))
    assert change.status_code == 200
    assert 'name="old_path"' not in change.content.decode()
    assert admin_client.get(reverse("admin:redirects_redirect_add")).status_code == 403


# Every path that moves a page records the move (kb/changes.py), not only save() -------------


def test_a_bulk_slug_change_redirects_the_old_url(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    Article.objects.filter(pk=article.pk).update(slug="product-owners")
    assert_moved(client, "/guide/roles/owners/", "/guide/roles/product-owners/")
    assert_moved(client, "/guide/roles/owners.md", "/guide/roles/product-owners.md")


def test_a_bulk_chapter_rename_redirects_its_articles_too(client):
    chapter = SectionFactory(slug="roles")
    ArticleFactory(section=chapter, slug="owners")
    type(chapter).objects.filter(pk=chapter.pk).update(slug="team-roles")
    assert_moved(client, "/guide/roles/owners/", "/guide/team-roles/owners/")


def test_restoring_a_version_with_an_older_slug_redirects_the_current_url(client):
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    with reversion.create_revision():
        article.save()
    rename(article, "product-owners")

    Version.objects.get_for_object(article).last().revision.revert()

    assert_moved(client, "/guide/roles/product-owners/", "/guide/roles/owners/")


def test_a_bulk_update_that_keeps_the_slug_records_nothing():
    article = ArticleFactory(section=SectionFactory(slug="roles"), slug="owners")
    Article.objects.filter(pk=article.pk).update(title="Owners, again")
    assert not Redirect.objects.exists()
