from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from taggit.models import Tag as UnusedTaggitTag

from kb.admin import CheckedInputAdmin
from kb.tags.models import Tag

# kb keeps its tags in kb.tags.Tag; taggit's own table stays empty, so hide it.
admin.site.unregister(UnusedTaggitTag)


@admin.register(Tag)
class TagAdmin(CheckedInputAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count", "term_count", "view_on_site_link"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count("tagged_articles", distinct=True),
                term_count=Count("tagged_terms", distinct=True),
            )
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description="glossary terms", ordering="term_count")
    def term_count(self, obj):
        return obj.term_count

    @admin.display(description="page")
    def view_on_site_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())
