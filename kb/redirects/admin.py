from django.contrib import admin

from kb.admin import CheckedInputAdmin
from kb.redirects.models import Redirect


@admin.register(Redirect)
class RedirectAdmin(CheckedInputAdmin, admin.ModelAdmin):
    """Old URLs of pages that moved. Recorded by the pages' saves (kb/redirects/moves.py), so
    they are read-only here; deleting one lets its old path 404 again."""

    list_display = ["old_path", "new_path", "content_type", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["old_path", "new_path"]
    date_hierarchy = "created_at"
    readonly_fields = ["old_path", "new_path", "content_type", "object_id", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
