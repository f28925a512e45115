# MissedSearch and ArticleSearchIndex now belong to the search app (kb/search), which takes them
# over in its migration search/0001 with the same tables: here they leave the articles app's
# state only, and no table changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0013_tag_moves_to_tags_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='MissedSearch'),
                migrations.DeleteModel(name='ArticleSearchIndex'),
            ],
        ),
    ]
