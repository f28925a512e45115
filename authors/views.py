from django.db.models import Count, Prefetch
from django.views.generic import DetailView, ListView

from articles.models import Article
from authors.models import Author
from kb.publishing import published_q


class AuthorListView(ListView):
    context_object_name = "authors"

    def get_queryset(self):
        published_articles = published_q("articles__") & published_q("articles__section__")
        return (
            Author.objects.defer("bio", "bio_html")
            .annotate(article_count=Count("articles", filter=published_articles))
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
