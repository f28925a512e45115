# PostgreSQL: the stored search vectors are kept by the database. A trigger on articles_article
# writes search_head (title A, tags and summary B) and search_vector (the same and the body text,
# C) on every insert and on any update of the searched text; statement triggers on the tag tables
# refresh the articles whose tags were added, removed or renamed. This replaces the vectors that
# Python used to write after save(), update() and tag changes, so bulk_create, update() and raw
# SQL are followed too. Then every existing row is refilled. SQLite needs nothing: its FTS5 table
# has had triggers since articles/0003.
#
# A frozen copy of kb/search/backends/postgres.py's TRIGGERS_SQL, as it was when written.

from django.db import migrations

CREATE_SQL = """
CREATE OR REPLACE FUNCTION articles_article_search_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_head :=
        setweight(to_tsvector('english', translate(coalesce(NEW.title, ''), '<>', '  ')), 'A')
        || setweight(to_tsvector('english', translate(coalesce((
            SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM articles_taggedarticle ta
            JOIN articles_tag t ON t.id = ta.tag_id WHERE ta.content_object_id = NEW.id), '')
            || ' ' || coalesce(NEW.summary, ''), '<>', '  ')), 'B');
    NEW.search_vector := NEW.search_head || setweight(
        to_tsvector('english', translate(coalesce(NEW.body_text, ''), '<>', '  ')), 'C');
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION articles_article_search_tags_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE articles_article SET search_vector = NULL
        WHERE id IN (SELECT content_object_id FROM added);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE articles_article SET search_vector = NULL
        WHERE id IN (SELECT content_object_id FROM removed);
    ELSE
        UPDATE articles_article SET search_vector = NULL WHERE id IN (
            SELECT content_object_id FROM added UNION SELECT content_object_id FROM removed);
    END IF;
    RETURN NULL;
END
$$;

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

CREATE TRIGGER articles_article_search_insert BEFORE INSERT ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_write();
-- A save() writes every column: the vectors are remade only when the searched text changed,
-- or when a stale or empty vector is written (a tag change, an instance loaded before one).
CREATE TRIGGER articles_article_search_update
    BEFORE UPDATE OF title, summary, body_text, search_vector, search_head ON articles_article
    FOR EACH ROW WHEN (
        NEW.search_vector IS NULL OR NEW.search_head IS NULL
        OR OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
        OR OLD.body_text IS DISTINCT FROM NEW.body_text
        OR OLD.search_vector IS DISTINCT FROM NEW.search_vector
        OR OLD.search_head IS DISTINCT FROM NEW.search_head)
    EXECUTE FUNCTION articles_article_search_write();
CREATE TRIGGER articles_article_search_tag_added AFTER INSERT ON articles_taggedarticle
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
CREATE TRIGGER articles_article_search_tag_removed AFTER DELETE ON articles_taggedarticle
    REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
CREATE TRIGGER articles_article_search_tag_moved AFTER UPDATE ON articles_taggedarticle
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tags_changed();
CREATE TRIGGER articles_article_search_tag_renamed AFTER UPDATE ON articles_tag
    REFERENCING OLD TABLE AS renamed_from NEW TABLE AS renamed_to
    FOR EACH STATEMENT EXECUTE FUNCTION articles_article_search_tag_renamed();
"""

DROP_SQL = """
DROP TRIGGER IF EXISTS articles_article_search_insert ON articles_article;
DROP TRIGGER IF EXISTS articles_article_search_update ON articles_article;
DROP TRIGGER IF EXISTS articles_article_search_tag_added ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_article_search_tag_removed ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_article_search_tag_moved ON articles_taggedarticle;
DROP TRIGGER IF EXISTS articles_article_search_tag_renamed ON articles_tag;
DROP FUNCTION IF EXISTS articles_article_search_write();
DROP FUNCTION IF EXISTS articles_article_search_tags_changed();
DROP FUNCTION IF EXISTS articles_article_search_tag_renamed();
"""

# An empty vector has the article trigger write it.
FILL_SQL = "UPDATE articles_article SET search_vector = NULL"


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)
        schema_editor.execute(FILL_SQL)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
        ('articles', '0014_search_models_moved_to_search_app'),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers),
    ]
