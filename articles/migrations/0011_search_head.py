# PostgreSQL only (the column stays empty on SQLite, where the FTS5 table's column filter does
# the same job): a second, small search vector of title (A), tags and summary (B), with its own
# GIN index. Search ranks the matches found there first and on it alone, so a common word no
# longer means reading and ranking the whole stored vector of nearly every article.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# The same weighting as articles.search.search_head(), for existing rows.
POSTGRES_FILL = """
UPDATE articles_article a SET search_head =
    setweight(to_tsvector('english', translate(coalesce(a.title, ''), '<>', '  ')), 'A')
    || setweight(to_tsvector('english', translate(coalesce((
        SELECT string_agg(t.name, ' ') FROM articles_taggedarticle ta
        JOIN articles_tag t ON t.id = ta.tag_id WHERE ta.content_object_id = a.id), '')
        || ' ' || coalesce(a.summary, ''), '<>', '  ')), 'B')
"""
GIN_INDEX = django.contrib.postgres.indexes.GinIndex(
    fields=['search_head'], name='article_search_head_idx'
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), GIN_INDEX)
        schema_editor.execute(POSTGRES_FILL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), GIN_INDEX)
    elif schema_editor.connection.vendor == "sqlite":
        # A table rebuild on SQLite recreates the model's indexes, this one as a plain index.
        schema_editor.execute(f'DROP INDEX IF EXISTS "{GIN_INDEX.name}"')


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0010_merge_0005_search_vector_lz4_0009_editorial_roles'),
        ('authors', '0003_bio_length_cap'),
        ('glossary', '0003_publish_permission'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_head',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name='article', index=GIN_INDEX)],
            database_operations=[migrations.RunPython(create_index, drop_index)],
        ),
    ]
