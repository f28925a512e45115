from datetime import timedelta

import factory
from django.utils import timezone

from glossary.models import GlossaryTerm
from kb.publishing import Status


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm
        skip_postgeneration_save = True

    term = factory.Sequence(lambda n: f"Term {n}")
    short_definition = "A short, plain definition."
    explanation = "A longer *explanation*."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
