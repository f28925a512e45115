# A renamed tag's articles are re-indexed by a background job after the rename commits
# (kb/search/tasks.py), no longer by a trigger inside the editor's request: a tag on thousands of
# articles made the rename re-index all of them there. The reverse puts the triggers back, as
# search/0002 (PostgreSQL) and articles/0003 (SQLite) wrote them.

from django.db import migrations

POSTGRES_DROP = """
DROP TRIGGER IF EXISTS articles_article_search_tag_renamed ON articles_tag;
DROP FUNCTION IF EXISTS articles_article_search_tag_renamed();
"""
POSTGRES_CREATE = """
CREATE OR REPLACE FUNCTION articles_article_search_tag_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_article SET search_vector = NULL WHERE id IN (
        SELECT ta.content_object_id FROM articles_taggedarticle ta
        JOIN renamed_from ON renamed_from.id = ta.tag_id
        JOIN renamed_to ON renamed_to.id = renamed_from.id
        WHERE renamed_to.name IS DISTINCT FROM renamed_from.name);
    RETURN NULL;
END
$$;
CREATE TRIGGER articles_article_search_tag_renamed AFTER UPDATE ON articles_tag
    REFERENCING OLD TABLE AS renamed_from NEW TABLE AS renamed_to
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tag_renamed();
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS articles_article_search_tag_renamed"
SQLITE_CREATE = """
CREATE TRIGGER articles_article_search_tag_renamed AFTER UPDATE OF name ON articles_tag
    WHEN old.name IS NOT new.name
BEGIN
    UPDATE articles_article_search
    SET tags = (SELECT coalesce(group_concat(t.name, ' '), '') FROM articles_taggedarticle ta
        JOIN articles_tag t ON t.id = ta.tag_id
        WHERE ta.content_object_id = articles_article_search.rowid)
    WHERE rowid IN (SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = new.id);
END
"""


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif vendor == "sqlite" and _has_index(schema_editor):
        schema_editor.execute(SQLITE_CREATE)


def _has_index(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'articles_article_search'"
        )
        return cursor.fetchone() is not None


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_postgres_vector_triggers"),
        ("articles", "0017_merge_20261202_0840"),
    ]

    operations = [
        migrations.RunPython(drop_trigger, create_trigger),
    ]
