from django.views.generic import DetailView, ListView

from glossary.models import GlossaryTerm


class GlossaryIndexView(ListView):
    queryset = GlossaryTerm.objects.published()


class GlossaryTermDetailView(DetailView):
    queryset = GlossaryTerm.objects.published()
