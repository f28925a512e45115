"""Admin machinery shared by everything that can be published (chapters, articles, terms).

Who may publish is a permission per model (`publish_article`, `publish_section`,
`publish_glossaryterm`; the Editors group has them, the Writers group does not), checked here on
the server, not only by hiding buttons: without it the status field offers only draft and in
review, the publication date is read-only (no scheduling), the publish and unpublish actions are
refused even when a crafted POST names them, and anything already published or scheduled is
read-only and cannot be deleted, alone or in bulk. A writer's edit to a live page would reach
readers unreviewed, so published items change only through an editor.

`CheckedInputAdmin` is the base of every admin class in kb: bad values in a list's filters or a
form's related fields are the user's error (a redirect with `?e=1`, a form error), not a 500.
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import (
    AdminSplitDateTime,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Script
from django.http import Http404
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from markdownx.models import MarkdownxField
from reversion.admin import VersionAdmin
from reversion.models import Version

from kb import history
from kb.publishing import Status


@admin.action(
    permissions=["publish"], description="Publish selected items now (or at their scheduled date)"
)
def publish(modeladmin, request, queryset):
    # Django offers the action only with the permission; this also refuses a crafted POST.
    if not modeladmin.has_publish_permission(request):
        raise PermissionDenied
    now = timezone.now()
    updated = queryset.filter(published_at__isnull=True).update(
        status=Status.PUBLISHED, published_at=now, updated_at=now
    )
    updated += queryset.filter(published_at__isnull=False).update(
        status=Status.PUBLISHED, updated_at=now
    )
    modeladmin.message_user(request, f"Published {updated} item(s).", messages.SUCCESS)


@admin.action(permissions=["publish"], description="Unpublish selected items (back to draft)")
def unpublish(modeladmin, request, queryset):
    if not modeladmin.has_publish_permission(request):
        raise PermissionDenied
    updated = queryset.update(status=Status.DRAFT, updated_at=timezone.now())
    modeladmin.message_user(request, f"Moved {updated} item(s) back to draft.", messages.SUCCESS)


class CheckedChangeList(ChangeList):
    """A date hierarchy's year, month and day outside the calendar are refused as Django refuses
    other bad filters. Django checks only that they make a date, and then a year of 20 digits
    (OverflowError) or the year after 9999 (ValueError) is a server error."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


def _can_hold(field, value):
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _ShowsOnlyValidSelections:
    """Django's autocomplete widget looks up the submitted ids to show them again on an invalid
    form, unchecked: "abc" for a numeric id is then a server error, not the form's "Select a
    valid choice". Only values the related field can hold are looked up."""

    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        to_field_name = getattr(self.field.remote_field, "field_name", None)
        to_field = opts.get_field(to_field_name) if to_field_name else opts.pk
        return super().optgroups(name, [v for v in value if _can_hold(to_field, v)], attr)


class CheckedAutocompleteSelect(_ShowsOnlyValidSelections, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_ShowsOnlyValidSelections, AutocompleteSelectMultiple):
    pass


class CheckedInputAdmin:
    """Mixed into every ModelAdmin and inline of kb, before Django's class."""

    def get_changelist(self, request, **kwargs):
        return CheckedChangeList

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class PublishableAdmin(CheckedInputAdmin, admin.ModelAdmin):
    actions = [publish, unpublish]
    date_hierarchy = "published_at"
    # Read-only for anyone who may not publish: setting a date is scheduling.
    editor_only_fields = ["published_at"]

    def has_publish_permission(self, request):
        codename = get_permission_codename("publish", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def is_locked(self, request, obj):
        """Published and scheduled items are the editors' alone."""
        return (
            obj is not None
            and obj.status == Status.PUBLISHED
            and not self.has_publish_permission(request)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self.is_locked(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self.is_locked(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [name for name in self.editor_only_fields if name not in readonly]
        return readonly

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            # A posted "published" is then an invalid choice, not a quiet publish.
            kwargs["choices"] = [
                (value, label) for value, label in Status.choices if value != Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if any(self.is_locked(request, obj) for obj in objs):
            # Named plainly on the "Cannot delete" page (each such item also fails on its own).
            perms_needed.add(f"published {self.opts.verbose_name_plural} (ask an editor)")
        return deleted, model_count, perms_needed, protected

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.has_publish_permission(request):
            # Reordering from the list (chapter and article positions) rearranges the live
            # guide: editors' work. Writers change a draft's position on its own page.
            changelist.list_editable = ()
        return changelist

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


# --- Versions, restores and edit conflicts ----------------------------------------------------

# The most rows an inline offers and accepts. A formset builds as many forms as the POST's
# TOTAL_FORMS asks for, up to `absolute_max`, which Django sets to max_num + 1,000 (2,000 by
# default): a topic form claiming 5,000 memberships took 16 s. With absolute_max = max_num a
# larger count is a form error ("Please submit at most 100 forms") after building 100 forms.
# 100 rows of an inline is some 500 fields, within DATA_UPLOAD_MAX_NUMBER_FIELDS (settings).
MAX_INLINE_FORMS = 100


class BoundedTabularInline(admin.TabularInline):
    """A tabular inline that never builds more than `max_num` forms, whatever a POST claims."""

    max_num = MAX_INLINE_FORMS

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.get_max_num(request, obj, **kwargs))
        return super().get_formset(request, obj, **kwargs)


EDIT_TOKEN = "kb_edit_token"


def edit_token(obj):
    """Where an editor's form starts from: the object's save time and its latest version."""
    latest = history.versions_of(obj).values_list("pk", flat=True).first()
    return f"{obj.updated_at.isoformat()}|{latest or ''}"


def draft_key(obj, field_name):
    """The browser's localStorage key for the unsaved draft of one Markdown field."""
    return f"kb-draft:{obj._meta.label_lower}:{obj.pk or 'new'}:{field_name}"


class EditConflict:
    """Someone saved the object after the editor opened it: who, when, and what changed.

    `theirs`: the changes are the other save's, from the version the editor started from to
    what is saved now. Without that version (an item older than its history) they are what
    saving the editor's text would change in what is saved now.
    """

    def __init__(self, form, saved, started_version):
        now = history.snapshot_of_object(saved)
        versions = history.versions_of(saved)
        base = versions.filter(pk=started_version).first() if started_version.isdigit() else None
        latest = versions.first()
        self.who = "Someone else"
        if latest is not None and latest != base and latest.revision.user is not None:
            user = latest.revision.user
            self.who = user.get_full_name() or user.get_username()
        saved_at = timezone.localtime(saved.updated_at)
        today = saved_at.date() == timezone.localdate()
        self.time = date_format(saved_at, "H:i" if today else "j M Y, H:i")
        self.theirs = base is not None
        if self.theirs:
            self.changes = history.compare(history.snapshot_of_version(base), now)
        else:
            self.changes = history.compare(now, history.snapshot_of_form(form, now))
        self.message = (
            f"{self.who} saved this {saved._meta.verbose_name} at {self.time} while you were "
            "editing. Your text is still below; review their changes and save again to "
            "overwrite, or copy what you need."
        )


class VersionedForm(forms.ModelForm):
    """A change form that will not silently overwrite someone else's save.

    It carries the token of what it was opened on (EDIT_TOKEN, hidden). If the object was saved
    since, by anyone and by any path that sets `updated_at` (another form, a bulk action), the
    save is refused with an EditConflict and the form comes back with everything the editor
    submitted and a fresh token, so saving again overwrites knowingly.
    """

    kb_edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    edit_conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[EDIT_TOKEN].initial = edit_token(self.instance)
        # What static/kb/js/editor_autosave.js needs to keep a draft of each Markdown field.
        saved_at = self.instance.updated_at.isoformat() if self.instance.pk is not None else ""
        for name, field in self.fields.items():
            model_field = next(
                (f for f in self._meta.model._meta.concrete_fields if f.name == name), None
            )
            if isinstance(model_field, MarkdownxField):
                field.widget.attrs.update(
                    {
                        "data-kb-draft-key": draft_key(self.instance, name),
                        "data-kb-draft-saved-at": saved_at,
                        "data-kb-draft-label": str(field.label or name),
                    }
                )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        # No token at all (a hand-made POST, a form from before tokens) is refused like a stale
        # one: without it nobody can tell whether the editor saw the latest save.
        started = self.data.get(self.add_prefix(EDIT_TOKEN), "")
        started_at, _, started_version = started.partition("|")
        saved = self._saved_now()
        if saved is None or (started and saved.updated_at.isoformat() == started_at):
            return cleaned_data
        self.edit_conflict = EditConflict(self, saved, started_version)
        if not started:
            self.edit_conflict.message = (
                f"This form was sent without the mark of the {saved._meta.verbose_name} it was "
                "opened on, so it could overwrite a later save. Your text is still below; "
                "review what saving it would change and save again."
            )
        self.add_error(None, self.edit_conflict.message)
        self.data = self.data.copy()
        self.data[self.add_prefix(EDIT_TOKEN)] = edit_token(saved)
        return cleaned_data

    def _saved_now(self):
        queryset = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(queryset.db).in_atomic_block:
            # Two saves at once: the second waits here for the first, then sees it (PostgreSQL;
            # SQLite runs one write at a time anyway).
            queryset = queryset.select_for_update()
        try:
            return queryset.get()
        except queryset.model.DoesNotExist:
            return None


class VersionedAdmin(CheckedInputAdmin, VersionAdmin):
    """History, comparison, restore and recovery, and edits that are never silently lost.

    - Every save through the admin is a version (django-reversion's VersionAdmin), and so is
      every change a bulk action makes and the last state of anything deleted; an article's or
      term's version includes its tags and topic memberships as they were (see the
      `history.register` calls in the models).
    - The history page lists the versions newest first; any two compare as a readable diff
      (compare_view), and any one can be restored (reversion's revision view). "Recover
      deleted" on the list brings back deleted items (reversion's recover views).
    - The change form refuses a save over someone else's later save (VersionedForm).
    - Markdown fields keep an unsaved draft in the browser (static/kb/js/editor_autosave.js).
    """

    form = VersionedForm
    history_latest_first = True
    object_history_template = "admin/kb/object_history.html"
    # These extend whatever the model's own admin templates are (see _base_template).
    change_form_template = "admin/kb/change_form.html"
    change_list_template = "admin/kb/change_list.html"

    class Media:
        css = {"all": ["kb/css/admin_history.css"]}
        js = [Script("kb/js/editor_autosave.js", defer=True)]

    def _base_template(self, name):
        opts = self.opts
        return select_template(
            [
                f"admin/{opts.app_label}/{opts.model_name}/{name}",
                f"admin/{opts.app_label}/{name}",
                f"admin/{name}",
            ]
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != EDIT_TOKEN]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None and self.has_change_permission(request, obj):
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], EDIT_TOKEN]})
        return fieldsets

    def render_change_form(self, request, context, *args, **kwargs):
        context["kb_change_form_base"] = self._base_template("change_form.html")
        return super().render_change_form(request, context, *args, **kwargs)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # reversion reverts first and then asks the change form for permission, i.e. about the
        # item as the old version would make it. The item as it is now must allow the change
        # too: otherwise a writer could restore a draft version over a published article.
        self._check_current_state(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.get_for_model(self.model).filter(pk=version_id).first()
        if version is not None:  # a crafted "recover" of an item that still exists
            self._check_current_state(request, version.object_id)
        return super().recover_view(request, version_id, extra_context)

    def _check_current_state(self, request, object_id):
        current = self.get_object(request, unquote(object_id))
        if current is not None and not self.has_change_permission(request, current):
            raise PermissionDenied

    def get_urls(self):
        opts = self.opts
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path(
                "<path:object_id>/history/compare/",
                compare,
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def _url(self, name, *args):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        rows = []
        if obj is not None and self.has_view_or_change_permission(request, obj):
            versions = list(history.versions_of(obj))
            for index, version in enumerate(versions):
                older = versions[index + 1] if index + 1 < len(versions) else None
                changes_url = ""
                if older is not None:
                    changes_url = (
                        f"{self._url('compare', quote(obj.pk))}?from={older.pk}&to={version.pk}"
                    )
                rows.append(
                    {
                        "version": version,
                        "revision": version.revision,
                        "restore_url": self._url("revision", quote(obj.pk), version.pk),
                        "changes_url": changes_url,
                    }
                )
        context = {
            "version_rows": rows,
            "compare_url": self._url("compare", quote(object_id)),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """Two versions side by side as changes: ?from=<version>&to=<version or "now">.

        Without `to`, the latest version; without `from`, the version before `to`.
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this id.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(history.versions_of(obj))
        by_pk = {str(version.pk): version for version in versions}

        def chosen(name, default):
            value = request.GET.get(name, "")
            if not value:
                return default
            if value == "now":
                return None
            if value not in by_pk:
                raise Http404("No such version of this item.")
            return by_pk[value]

        new = chosen("to", versions[0] if versions else None)
        older = versions[versions.index(new) + 1 :] if new in versions else versions
        old = chosen("from", older[0] if older else None)
        if old is None:
            raise Http404("Nothing to compare with.")

        def side(version):
            if version is None:
                return {"label": "What is saved now", "snapshot": history.snapshot_of_object(obj)}
            revision = version.revision
            who = revision.user.get_username() if revision.user else "unknown"
            when = date_format(timezone.localtime(revision.date_created), "j M Y, H:i:s")
            return {
                "label": f"Version of {when} by {who}",
                "version": version,
                "comment": revision.get_comment(),
                "restore_url": self._url("revision", quote(obj.pk), version.pk),
                "snapshot": history.snapshot_of_version(version),
            }

        before, after = side(old), side(new)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Changes to {obj}",
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "before": before,
            "after": after,
            "changes": history.compare(before["snapshot"], after["snapshot"]),
            "history_url": self._url("history", quote(obj.pk)),
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/kb/compare.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "kb_change_list_base": self._base_template("change_list.html"),
            **(extra_context or {}),
        }
        if request.method == "POST":
            # reversion would record the list page's POST as one revision of every row it
            # touched, and restoring any one of them would then put back all of them. Each row
            # gets a revision of its own instead: save_model (list edits), response_action
            # (bulk actions), delete_queryset (deletions, before the rows go).
            extra_context.setdefault("has_change_permission", self.has_change_permission(request))
            return super(VersionAdmin, self).changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        if reversion.is_active():  # the change form: reversion's revision covers the request
            return super().save_model(request, obj, form, change)
        with reversion.create_revision():  # a row edited in the list
            reversion.set_user(request.user)
            changed = ", ".join(
                str(self.opts.get_field(name).verbose_name) for name in form.changed_data
            )
            reversion.set_comment(f"Changed {changed} in the list." if changed else "")
            super().save_model(request, obj, form, change)

    def response_action(self, request, queryset):
        """Bulk actions (publish, unpublish) update rows without save(): version what changed."""
        selected = queryset
        if request.POST.get("select_across") != "1":
            selected = queryset.filter(pk__in=request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        before = dict(selected.order_by().values_list("pk", "updated_at"))
        response = super().response_action(request, queryset)
        action = self.get_actions(request).get(request.POST.get("action", ""))
        comment = f"Bulk action: {action[2] if action else 'changed'}."
        for obj in self.model._default_manager.filter(pk__in=before):
            if obj.updated_at != before[obj.pk]:
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    reversion.set_comment(comment)
                    reversion.add_to_revision(obj)
        return response

    def delete_model(self, request, obj):
        self._keep_last_versions(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._keep_last_versions(request, queryset)
        super().delete_queryset(request, queryset)

    def _keep_last_versions(self, request, objs):
        """A version of each object as it is before it goes: what "Recover deleted" restores,
        with its tags and memberships as they were at that moment. One revision each, so that
        recovering one item of a bulk delete brings back that item alone."""
        for obj in objs:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment("Deleted.")
                reversion.add_to_revision(obj)
