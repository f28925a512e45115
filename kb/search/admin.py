from django.contrib import admin

from kb.admin import CheckedInputAdmin
from kb.search.models import MissedSearch


@admin.register(MissedSearch)
class MissedSearchAdmin(CheckedInputAdmin, admin.ModelAdmin):
    """What readers looked for and did not find, most asked first: material for new articles,
    glossary aliases and tags. Rows are written by the search page only."""

    list_display = ["query", "count", "last_seen", "first_seen"]
    search_fields = ["query"]
    date_hierarchy = "last_seen"
    ordering = ["-count", "-last_seen"]
    readonly_fields = ["query", "count", "first_seen", "last_seen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
