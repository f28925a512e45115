from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from articles.models import Article
from authors.models import Author
from kb.pagecache.blocks import kept_page

ARTICLES_PER_PAGE = 30


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
    """An author's profile and their published articles in guide order, a page at a time."""

    context_object_name = "author"
    queryset = Author.objects.all()

    def get_context_data(self, **kwargs):
        articles = (
            self.object.articles.published()
            .without_body()
            .select_related("section")
            .defer("section__intro", "section__intro_html")
            .in_guide_order()
        )
        number = self.request.GET.get("page")
        page = kept_page(("author", self.object.pk), articles, ARTICLES_PER_PAGE, number)
        return super().get_context_data(page=page, **kwargs)
