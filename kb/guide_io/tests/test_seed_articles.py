import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from articles.models import Article
from glossary import linking
from glossary.models import GlossaryTerm
from kb.guide_io.management.commands.seed_articles import GLOSSARY
from kb.tags.models import Tag


def seed(**options):
    call_command("seed_articles", batch_size=10, templates=4, stdout=io.StringIO(), **options)


def relation():
    return set(Article.linked_terms.through.objects.values_list("article_id", "glossaryterm_id"))


@pytest.mark.django_db
def test_seeding_makes_as_many_articles_terms_and_tags_as_asked(committed):
    committed(seed, articles=40, terms=300, tags=120)

    assert Article.objects.count() == 40
    assert GlossaryTerm.objects.count() == 300
    assert GlossaryTerm.objects.values("slug").distinct().count() == 300
    assert Tag.objects.count() == 120
    assert all(term.get_absolute_url() for term in GlossaryTerm.objects.all()[:5])


@pytest.mark.django_db
def test_seeded_articles_have_the_used_in_links_a_full_relink_gives(committed):
    committed(seed, articles=60, terms=300, tags=40)
    seeded = relation()

    Article.linked_terms.through.objects.all().delete()
    linking.update_links(Article.objects.all())

    assert seeded == relation()
    made_up = GlossaryTerm.objects.exclude(term__in=[term for term, _, _ in GLOSSARY])
    assert made_up.filter(linking_articles__isnull=False).exists()


@pytest.mark.django_db
def test_a_few_seeded_tags_are_on_many_articles_and_most_on_few(committed):
    committed(seed, articles=200, tags=100)

    sizes = sorted(
        Tag.objects.annotate(n=Count("tagged_articles")).values_list("n", flat=True),
        reverse=True,
    )
    assert sizes[0] >= 5 * sizes[len(sizes) // 2]


@pytest.mark.django_db
def test_a_seeded_articles_markdown_renders_to_its_stored_body(committed):
    from kb.markdown import render

    committed(seed, articles=5)

    for article in Article.objects.all():
        assert render(article.body).html == article.body_html
