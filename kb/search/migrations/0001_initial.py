# The search app takes over two models the articles app made (articles/0003), with their tables
# as they are: the searches that found nothing (articles_missedsearch, kept by name) and the
# unmanaged model of SQLite's full-text table. State only: no table is created or changed. Their
# content types move with them, so the permissions given to groups (articles/0009) and the
# admin's history stay attached.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

MOVED = ('missedsearch', 'articlesearchindex')


def move_content_types(apps, schema_editor, source='articles', target='search'):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if not content_types.filter(app_label=target, model=model).exists():
            content_types.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source='search', target='articles')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0014_search_models_moved_to_search_app'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ArticleSearchIndex',
                    fields=[
                        ('article', models.OneToOneField(db_column='rowid', on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='search_index', serialize=False, to='articles.article')),
                        ('document', models.TextField(db_column='articles_article_search')),
                    ],
                    options={
                        'db_table': 'articles_article_search',
                        'managed': False,
                    },
                ),
                migrations.CreateModel(
                    name='MissedSearch',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('query', models.CharField(help_text='Normalised: lower case, spaces.', max_length=200)),
                        ('count', models.PositiveIntegerField(default=1)),
                        ('first_seen', models.DateTimeField(auto_now_add=True)),
                        ('last_seen', models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={
                        'verbose_name': 'search without results',
                        'verbose_name_plural': 'searches without results',
                        'db_table': 'articles_missedsearch',
                        'ordering': ['-count', '-last_seen'],
                        'indexes': [models.Index(fields=['-count'], name='missed_search_count_idx')],
                        'constraints': [models.UniqueConstraint(fields=('query',), name='missed_search_unique_query')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
