from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from taggit.managers import TaggableManager
from taggit.models import Tag as UnusedTaggitTag

from articles.models import (
    Article,
    MissedSearch,
    Redirect,
    Section,
    Tag,
    Topic,
    TopicMembership,
)
from articles.tagging import TagNamesField
from kb.admin import PublishableAdmin, VersionedAdmin

# kb keeps its tags in articles.Tag; taggit's own table stays empty, so hide it.
admin.site.unregister(UnusedTaggitTag)

TAG_FIELD = {TaggableManager: {"form_class": TagNamesField}}


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


class TopicMembershipInline(admin.TabularInline):
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
        "updated_at",
    ]
    list_editable = ["position"]
    list_filter = ["status", "section", "author", ("tags", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["section", "author"]
    search_fields = ["title", "summary", "body", "tags__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["author", "glossary_exclusions"]
    formfield_overrides = TAG_FIELD
    readonly_fields = ["word_count", "reading_time", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["section", "position", "title", "slug", "summary", "body"]}),
        ("Credits and tags", {"fields": ["author", "tags"]}),
        ("Publishing", {"fields": ["status", "published_at"]}),
        ("Glossary links", {"fields": ["link_glossary_terms", "glossary_exclusions"]}),
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


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
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


@admin.register(MissedSearch)
class MissedSearchAdmin(admin.ModelAdmin):
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


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old URLs of pages that moved. Recorded by the pages' saves (articles/redirects.py), so
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
