from django.contrib import admin

from glossary.models import GlossaryTerm
from kb.admin import PublishableAdmin, VersionedAdmin
from kb.tags.tagging import TAG_FIELD


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(VersionedAdmin, PublishableAdmin):
    list_display = ["term", "aliases", "short_definition", "status", "is_live"]
    list_filter = ["status", ("tags", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["term", "aliases", "short_definition"]
    prepopulated_fields = {"slug": ["term"]}
    autocomplete_fields = ["related_terms", "related_articles"]
    formfield_overrides = TAG_FIELD
    fieldsets = [
        (None, {"fields": ["term", "slug", "aliases", "short_definition", "explanation"]}),
        ("Connections", {"fields": ["related_terms", "related_articles", "tags"]}),
        ("Publishing", {"fields": ["status", "published_at"]}),
    ]
