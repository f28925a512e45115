# The Tag model moves here from the articles app so that articles and glossary both build on
# it without knowing each other. Its table stays where it is (articles_tag, kept through
# Meta.db_table): this changes only Django's state, and the content type row is renamed so
# existing permissions (the roles' view_tag, change_tag...) keep applying.

import django.db.models.functions.text
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old="articles", new="tags"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model="tag").update(app_label=new)


def restore_content_type(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="tags", new="articles")


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
                    name="Tag",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name="slug")),
                    ],
                    options={
                        "db_table": "articles_tag",
                        "ordering": ["name"],
                        "constraints": [models.UniqueConstraint(django.db.models.functions.text.Lower("name"), name="tag_unique_name_ignoring_case")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
