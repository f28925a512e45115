# The one cap on Markdown sources (kb.markdown.MAX_SOURCE_CHARS).

import markdownx.models
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='article',
            name='body',
            field=markdownx.models.MarkdownxField(max_length=200000),
        ),
        migrations.AlterField(
            model_name='section',
            name='intro',
            field=markdownx.models.MarkdownxField(blank=True, max_length=200000, verbose_name='introduction'),
        ),
    ]
