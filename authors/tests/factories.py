import factory

from authors.models import Author


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    job_title = "Director of Product Management"
    organisation = "Wrike"
    career_started = 2010
    bio = "Has led **several** engineering teams."
