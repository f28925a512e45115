# The Redirect model moves here from the articles app. Its table stays where it is
# (articles_redirect, kept through Meta.db_table), so this migration changes only Django's
# state; the content type row is renamed so existing permissions keep applying.

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old="articles", new="redirects"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model="redirect").update(app_label=new)


def restore_content_type(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="redirects", new="articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0011_search_head"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Redirect",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_path", models.CharField(help_text="Where the page was: /guide/a/b/", max_length=500)),
                        ("new_path", models.CharField(help_text="Where it is now.", max_length=500)),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
                    ],
                    options={
                        "db_table": "articles_redirect",
                        "ordering": ["old_path"],
                        "indexes": [models.Index(fields=["new_path"], name="redirect_new_path_idx")],
                        "constraints": [
                            models.UniqueConstraint(fields=("old_path",), name="redirect_unique_old_path"),
                            models.CheckConstraint(condition=models.Q(("old_path", models.F("new_path")), _negated=True), name="redirect_not_to_itself"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
