"""Stored HTML rendered again, so the ids in it (and the links to them) carry kb.markdown's
ID_PREFIX, as everything saved from now on does: no id from Markdown can clobber the page's."""

from django.db import migrations

from kb.markdown import render

BATCH = 500


def rerender(model, source, html, toc=None):
    fields = [html] + ([toc] if toc else [])
    rows = model.objects.filter(**{f"{html}__contains": ' id="'}).only("pk", source, *fields)
    changed = []
    for row in rows.iterator(chunk_size=BATCH):
        rendered = render(getattr(row, source))
        setattr(row, html, rendered.html)
        if toc:
            setattr(row, toc, rendered.toc)
        changed.append(row)
        if len(changed) == BATCH:
            model.objects.bulk_update(changed, fields)
            changed = []
    model.objects.bulk_update(changed, fields)


def forwards(apps, schema_editor):
    rerender(apps.get_model("authors", "Author"), "bio", "bio_html")


class Migration(migrations.Migration):
    dependencies = [("authors", "0003_bio_length_cap")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
