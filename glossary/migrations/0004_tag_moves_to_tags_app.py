# Tags now live in kb.tags (same table): only the state of the foreign key changes.

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0003_publish_permission"),
        ("tags", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="taggedterm",
                    name="tag",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="tagged_terms", to="tags.tag"),
                ),
                migrations.AlterField(
                    model_name="glossaryterm",
                    name="tags",
                    field=taggit.managers.TaggableManager(blank=True, help_text="A comma-separated list of tags.", through="glossary.TaggedTerm", to="tags.Tag", verbose_name="Tags"),
                ),
            ],
            database_operations=[],
        ),
    ]
