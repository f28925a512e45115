"""What needs an editor's attention, for the admin page of that name.

Four lists over articles, chapters and glossary terms: items waiting in review, items scheduled
to appear, drafts nobody has touched for `STALE_AFTER`, and articles whose next review date has
passed. One query per list and model, whatever the number of rows; a user sees only the models
they may view in the admin.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from articles.models import UNLOADED_IN_LISTS, Article, Section
from glossary.models import GlossaryTerm
from kb.publishing import Status

STALE_AFTER = timedelta(days=30)

# Each model's long text, left unloaded: the page shows titles and dates only.
PUBLISHABLE = {
    Article: UNLOADED_IN_LISTS,
    Section: ("intro", "intro_html"),
    GlossaryTerm: ("explanation", "explanation_html"),
}


@dataclass
class Item:
    obj: object
    kind: str
    url: str
    when: object  # the date that puts the item on the list


@dataclass
class Group:
    slug: str
    title: str
    description: str
    date_label: str
    items: list = field(default_factory=list)


def needs_attention(admin_site, request):
    now = timezone.now()
    visible = [
        model
        for model in PUBLISHABLE
        if admin_site.is_registered(model)
        and admin_site.get_model_admin(model).has_view_permission(request)
    ]

    def rows(model, queryset, date_field):
        opts = model._meta
        name = f"{admin_site.name}:{opts.app_label}_{opts.model_name}_change"
        return [
            Item(obj, opts.verbose_name, reverse(name, args=[obj.pk]), getattr(obj, date_field))
            for obj in queryset.defer(*PUBLISHABLE[model]).order_by(date_field, "pk")
        ]

    def across_models(filter_for, date_field):
        items = []
        for model in visible:
            items += rows(model, filter_for(model.objects.all()), date_field)
        return sorted(items, key=lambda item: item.when)

    groups = [
        Group(
            "review",
            "In review",
            "Waiting for an editor to publish them or send them back, longest waiting first.",
            "Submitted",
            across_models(lambda qs: qs.filter(status=Status.REVIEW), "updated_at"),
        ),
        Group(
            "scheduled",
            "Scheduled",
            "Published with a future date: they appear by themselves at that time.",
            "Appears",
            across_models(lambda qs: qs.scheduled(), "published_at"),
        ),
        Group(
            "stale",
            "Drafts untouched for 30 days",
            "Finish them, or delete what will not be finished.",
            "Last changed",
            across_models(
                lambda qs: qs.filter(status=Status.DRAFT, updated_at__lt=now - STALE_AFTER),
                "updated_at",
            ),
        ),
    ]
    if Article in visible:
        groups.append(
            Group(
                "review-overdue",
                "Reviews overdue",
                "Articles past their next review date: check them and record the review.",
                "Review was due",
                rows(Article, Article.objects.review_overdue(), "next_review_at"),
            )
        )
    return groups
