from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Section, Topic, TopicMembership
from authors.tests.factories import AuthorFactory
from kb.publishing import Status


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Chapter {n}")
    summary = "What this chapter covers."
    intro = "An *introduction* to the chapter."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    section = factory.SubFactory(SectionFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "A short lede for the article."
    body = "## First heading\n\nSome text about product management.\n\n## Second heading\n\nMore."
    author = factory.SubFactory(AuthorFactory)
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
        in_review = factory.Trait(status=Status.REVIEW, published_at=None)
        scheduled = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=2)),
        )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    title = factory.Sequence(lambda n: f"Topic {n}")
    description = "Articles on one theme."


class TopicMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicMembership

    topic = factory.SubFactory(TopicFactory)
    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n)
