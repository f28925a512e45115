"""The Writers and Editors groups, after redirects moved to kb.redirects (0012), tags to kb.tags
(0013) and missed searches to kb.search (0014): the same grants as 0009, naming the models where they are now, so running
this again (tests do, after a flush) grants what 0009 granted.

Writers write articles and glossary terms (add, change, delete, view) and look up chapters,
topics, tags, authors and missed searches; they have no publish_* permission, so kb/admin.py
keeps status to draft or in review, and published items read-only and undeletable for them.
Editors add, change, delete and view everything in the guide, and publish, schedule and
unpublish. Superusers have every permission anyway.

Safe to run again: groups are matched by name and permissions added, never replaced, so
permissions given by hand (or by load_demo_guide) stay. Reversing removes what this migration
grants and deletes a group left with no permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

ALL = ("add", "change", "delete", "view")
ROLES = {
    "Writers": {
        "articles.article": ALL,
        "glossary.glossaryterm": ALL,
        "articles.section": ("view",),
        "articles.topic": ("view",),
        "tags.tag": ("view",),
        "search.missedsearch": ("view",),
        "authors.author": ("view",),
    },
    "Editors": {
        "articles.article": (*ALL, "publish"),
        "articles.section": (*ALL, "publish"),
        "glossary.glossaryterm": (*ALL, "publish"),
        "articles.topic": ALL,
        "articles.topicmembership": ALL,
        "tags.tag": ALL,
        "search.missedsearch": ALL,
        "authors.author": ALL,
    },
}


def permissions(apps, grants):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q(pk__in=[])
    count = 0
    for label, actions in grants.items():
        app_label, model_name = label.split(".")
        codenames = [f"{action}_{model_name}" for action in actions]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
        count += len(codenames)
    return list(Permission.objects.filter(wanted)), count


def create_roles(apps, schema_editor):
    # Permissions are normally created after `migrate` finishes (post_migrate); create this
    # app's and its neighbours' now, so the groups can be given them in this migration.
    for label in ("articles", "authors", "glossary", "tags", "search"):
        app_config = apps.get_app_config(label)
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    for name, grants in ROLES.items():
        granted, expected = permissions(apps, grants)
        if len(granted) != expected:
            raise RuntimeError(f"{name}: {expected - len(granted)} permission(s) missing.")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*granted)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, grants in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.remove(*permissions(apps, grants)[0])
        if not group.permissions.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_search_models_moved_to_search_app"),
        ("search", "0001_initial"),
        ("tags", "0001_initial"),
        ("glossary", "0004_tag_moves_to_tags_app"),
        ("authors", "0003_bio_length_cap"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
