# PostgreSQL only: ranking reads (detoasts) the stored search vector of every match, and lz4
# decompresses several times faster than the default pglz. Applies to vectors written from now
# on; `manage.py seed_articles` and any save rewrite them.

from django.db import migrations

LZ4_AVAILABLE = (
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
    "AND 'lz4' = ANY(enumvals)"
)


def use_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return
    with connection.cursor() as cursor:
        cursor.execute(LZ4_AVAILABLE)
        if cursor.fetchone():
            cursor.execute(
                "ALTER TABLE articles_article ALTER COLUMN search_vector SET COMPRESSION lz4"
            )


def use_default(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql" and connection.pg_version >= 140000:
        schema_editor.execute(
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET COMPRESSION DEFAULT"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_article_visible_index'),
    ]

    operations = [
        migrations.RunPython(use_lz4, use_default, elidable=True),
    ]
