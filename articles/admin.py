from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from articles.attention import needs_attention
from articles.models import (
    Article,
    Section,
    Topic,
    TopicMembership,
)
from kb.admin import BoundedTabularInline, CheckedInputAdmin, PublishableAdmin, VersionedAdmin
from kb.tags.tagging import TAG_FIELD


@admin.register(Section)
class SectionAdmin(VersionedAdmin, PublishableAdmin):
    list_display = ["position", "title", "status", "published_at", "is_live", "article_count"]
    list_display_links = ["title"]
    list_editable = ["position"]
    list_filter = ["status"]
    search_fields = ["title", "summary", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["position", "title", "slug", "summary", "intro", "status", "published_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("planned", "Planned"), ("none", "No review date")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "planned":
            return queryset.filter(next_review_at__gte=timezone.localdate())
        if self.value() == "none":
            return queryset.filter(next_review_at__isnull=True)
        return queryset


class TopicMembershipInline(CheckedInputAdmin, BoundedTabularInline):
    model = TopicMembership
    extra = 1
    autocomplete_fields = ["article"]
    fields = ["position", "article"]
    ordering = ["position"]


@admin.register(Article)
class ArticleAdmin(VersionedAdmin, PublishableAdmin):
    list_display = [
        "title",
        "section",
        "position",
        "author",
        "status",
        "published_at",
        "is_live",
        "review_overdue",
        "updated_at",
    ]
    list_editable = ["position"]
    list_filter = [
        "status",
        ReviewOverdueFilter,
        "section",
        "author",
        ("tags", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["section", "author"]
    search_fields = ["title", "summary", "body", "tags__name"]
    prepopulated_fields = {"slug": ["title"]}
    # The reviewer is a plain labelled select: an empty Select2 box has no accessible name.
    autocomplete_fields = ["author", "glossary_exclusions"]
    # A review is a trust claim readers see: editors record it.
    editor_only_fields = ["published_at", "reviewer", "last_reviewed_at", "next_review_at"]
    formfield_overrides = TAG_FIELD
    readonly_fields = ["word_count", "reading_time", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["section", "position", "title", "slug", "summary", "body"]}),
        ("Credits and tags", {"fields": ["author", "tags"]}),
        ("Publishing", {"fields": ["status", "published_at"]}),
        ("Glossary links", {"fields": ["link_glossary_terms", "glossary_exclusions"]}),
        ("Review", {"fields": ["reviewer", "last_reviewed_at", "next_review_at"]}),
        (
            "Facts",
            {
                "classes": ["collapse"],
                "fields": ["word_count", "reading_time", "created_at", "updated_at"],
            },
        ),
    ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        author = getattr(request.user, "author_profile", None)
        if author is not None:
            initial.setdefault("author", author.pk)
        return initial

    @admin.display(description="review overdue", boolean=True, ordering="next_review_at")
    def review_overdue(self, obj):
        return obj.is_review_overdue

    def get_urls(self):
        attention = self.admin_site.admin_view(self.attention_view)
        # Before the default URLs, whose "<object_id>/" would take "attention/".
        return [
            path("attention/", attention, name="articles_article_attention"),
            *super().get_urls(),
        ]

    def attention_view(self, request):
        """What needs an editor: items in review, scheduled, stale drafts, reviews due."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "What needs attention",
            "opts": self.opts,
            "groups": needs_attention(self.admin_site, request),
        }
        return TemplateResponse(request, "admin/articles/attention.html", context)


@admin.register(Topic)
class TopicAdmin(VersionedAdmin):
    list_display = ["title", "is_featured", "member_count"]
    list_filter = ["is_featured"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [TopicMembershipInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description="articles", ordering="member_count")
    def member_count(self, obj):
        return obj.member_count
