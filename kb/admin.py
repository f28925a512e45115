"""Admin machinery shared by everything that can be published (chapters, articles, terms)."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils import timezone

from kb.publishing import Status


@admin.action(description="Publish selected items now (or at their scheduled date)")
def publish(modeladmin, request, queryset):
    now = timezone.now()
    updated = queryset.filter(published_at__isnull=True).update(
        status=Status.PUBLISHED, published_at=now, updated_at=now
    )
    updated += queryset.filter(published_at__isnull=False).update(
        status=Status.PUBLISHED, updated_at=now
    )
    modeladmin.message_user(request, f"Published {updated} item(s).", messages.SUCCESS)


@admin.action(description="Unpublish selected items (back to draft)")
def unpublish(modeladmin, request, queryset):
    updated = queryset.update(status=Status.DRAFT, updated_at=timezone.now())
    modeladmin.message_user(request, f"Moved {updated} item(s) back to draft.", messages.SUCCESS)


class PublishableAdmin(admin.ModelAdmin):
    actions = [publish, unpublish]
    date_hierarchy = "published_at"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, AdminSplitDateTime):
            # Django's template prints "Date:" and "Time:" as bare text beside the two inputs,
            # which leaves them unlabelled for assistive technology (the legend names the pair).
            date, time = field.widget.widgets
            date.attrs["aria-label"] = "Date"
            time.attrs["aria-label"] = "Time"
        return field

    @admin.display(description="visible to readers", boolean=True)
    def is_live(self, obj):
        return obj.is_published
