from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, Section
from articles.tests.factories import ArticleFactory, SectionFactory
from kb.publishing import Status
from kb.tags.models import Tag
from kb.tags.tagging import parse_tags

pytestmark = pytest.mark.django_db


def test_published_article_is_in_published_queryset():
    article = ArticleFactory()
    assert list(Article.objects.published()) == [article]


@pytest.mark.parametrize("trait", ["draft", "in_review", "scheduled"])
def test_unready_articles_are_not_published(trait):
    ArticleFactory(**{trait: True})
    assert not Article.objects.published().exists()


def test_scheduled_article_appears_by_itself_when_its_time_comes():
    article = ArticleFactory(scheduled=True)
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().get() == article


def test_article_in_draft_chapter_is_not_published():
    section = SectionFactory(status=Status.DRAFT, published_at=None)
    ArticleFactory(section=section)
    assert not Article.objects.published().exists()


def test_publishing_without_a_date_stamps_now():
    article = ArticleFactory(draft=True)
    before = timezone.now()
    article.status = Status.PUBLISHED
    article.save()
    assert article.published_at >= before
    assert article.is_published


def test_saving_renders_body_toc_text_and_reading_time():
    article = ArticleFactory(body="## Why it matters\n\n" + "word " * 460)
    assert '<h2 id="user-content-why-it-matters">Why it matters</h2>' in article.body_html
    assert article.toc == [
        {"level": 2, "id": "user-content-why-it-matters", "title": "Why it matters"}
    ]
    assert article.body_text.startswith("Why it matters")
    assert article.word_count == 463
    assert article.reading_time == 3


def test_slug_is_generated_from_title_including_unicode():
    article = ArticleFactory(title="Café Roadmaps für Teams")
    assert article.slug == "café-roadmaps-für-teams"


def test_slug_of_title_without_letters_falls_back():
    assert ArticleFactory(title="🚀🚀").slug == "article"


def test_generated_slugs_are_unique_within_a_chapter():
    section = SectionFactory()
    first = ArticleFactory(section=section, title="Roadmaps")
    second = ArticleFactory(section=section, title="Roadmaps")
    other_chapter = ArticleFactory(title="Roadmaps")
    assert (first.slug, second.slug, other_chapter.slug) == ("roadmaps", "roadmaps-2", "roadmaps")


def test_duplicate_explicit_slug_in_a_chapter_is_refused_by_the_database():
    section = SectionFactory()
    ArticleFactory(section=section, slug="same")
    with pytest.raises(IntegrityError):
        ArticleFactory(section=section, slug="same")


def test_section_slugs_are_unique():
    SectionFactory(slug="intro")
    with pytest.raises(IntegrityError):
        Section.objects.create(title="Other", slug="intro")


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("Café", "Café"),
        ("Cafe\u0301", "Café"),
        ("  product   management ", "product management"),
    ],
)
def test_tag_names_are_normalised(typed, stored):
    article = ArticleFactory()
    article.tags.set(parse_tags(typed))
    assert list(article.tags.names()) == [stored]


def test_tags_differing_only_in_case_are_one_tag():
    first = ArticleFactory(tags=["Python"])
    second = ArticleFactory(tags=["python"])
    assert Tag.objects.count() == 1
    assert first.tags.get() == second.tags.get()


@pytest.mark.parametrize("name", ["🚀", "+++", "¿¡", "C++", "Café", "x" * 100])
def test_every_tag_gets_a_non_empty_unique_slug(name):
    ArticleFactory(tags=[name, "🚀🚀"])
    slugs = list(Tag.objects.values_list("slug", flat=True))
    assert all(slugs) and len(set(slugs)) == len(slugs)
    assert all(len(slug) <= 100 for slug in slugs)
