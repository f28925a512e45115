from django.contrib import admin
from django.db import models
from django.db.models import Count

from authors.models import Author
from kb.admin import VersionedAdmin


@admin.register(Author)
class AuthorAdmin(VersionedAdmin):
    list_display = ["name", "job_title", "organisation", "user", "article_count"]
    list_select_related = ["user"]
    search_fields = ["name", "job_title", "organisation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    # "example.com" typed without a scheme means https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "organisation", "career_started"]}),
        ("Profile", {"fields": ["bio", "photo", "website", "linkedin"]}),
        ("Account", {"fields": ["user"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
