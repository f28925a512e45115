from django.views.generic import DetailView, ListView

from authors.models import Author


class AuthorListView(ListView):
    model = Author


class AuthorDetailView(DetailView):
    model = Author
