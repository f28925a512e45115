# Tags now live in kb.tags (same table, articles_tag): the foreign keys and the tags manager
# point there, and the model leaves this app's state. Nothing changes in the database.

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_redirect_moves_to_redirects_app"),
        ("glossary", "0004_tag_moves_to_tags_app"),
        ("tags", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="taggedarticle",
                    name="tag",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="tagged_articles", to="tags.tag"),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="tags",
                    field=taggit.managers.TaggableManager(blank=True, help_text="A comma-separated list of tags.", through="articles.TaggedArticle", to="tags.Tag", verbose_name="Tags"),
                ),
                migrations.DeleteModel(name="Tag"),
            ],
            database_operations=[],
        ),
    ]
