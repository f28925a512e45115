from django.http import Http404


def home(request):
    raise Http404


def section_detail(request, section):
    raise Http404


class ArticleDetailView:
    @classmethod
    def as_view(cls):
        return section_detail


tag_list = home
tag_detail = section_detail
