from django.db.models import Count, Prefetch, Q
from django.views.generic import DetailView, ListView

from articles.models import Article
from authors.models import Author


class AuthorListView(ListView):
    context_object_name = "authors"

    def get_queryset(self):
        # Authors of published articles only: one whose articles are all drafts is not listed.
        published = Q(articles__in=Article.objects.published())
        return (
            Author.objects.defer("bio", "bio_html")
            .annotate(article_count=Count("articles", filter=published))
            .filter(article_count__gt=0)
            .order_by("name")
        )


class AuthorDetailView(DetailView):
    context_object_name = "author"

    def get_queryset(self):
        articles = (
            Article.objects.published().without_body().select_related("section").in_guide_order()
        )
        return Author.objects.prefetch_related(
            Prefetch("articles", queryset=articles, to_attr="published_articles")
        )
