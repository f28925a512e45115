from django.db import migrations, models
from django.utils import timezone


def first_stamp(apps, schema_editor):
    apps.get_model("pagecache", "ContentStamp").objects.get_or_create(
        pk=1, defaults={"changed_at": timezone.now()}
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentStamp",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.PositiveBigIntegerField(default=1)),
                ("changed_at", models.DateTimeField()),
                ("valid_until", models.DateTimeField(blank=True, null=True)),
            ],
            options={"verbose_name": "content stamp"},
        ),
        migrations.RunPython(first_stamp, migrations.RunPython.noop),
    ]
