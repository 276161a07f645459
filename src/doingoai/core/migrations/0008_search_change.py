"""The search index's change log (``core.models.SearchChange``) and the data version a
rebuild of the index moves (``SEARCH_INDEX_TOPIC``), made here so a restore moves it
like every version (``core.backup.rekey_caches``)."""

from django.db import migrations, models

TOPIC = "search-index"


def create_topic(apps, schema_editor):
    DataVersion = apps.get_model("core", "DataVersion")
    db = schema_editor.connection.alias
    if DataVersion.objects.using(db).filter(topic=TOPIC).exists():
        return
    # ids given, as core.models._bump_topic gives them (no sequence counts them)
    last = DataVersion.objects.using(db).aggregate(m=models.Max("pk"))["m"] or 1
    DataVersion.objects.using(db).create(pk=last + 1, topic=TOPIC, value=0)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_search_index_per_kind"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchChange",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("entry", models.BigIntegerField()),
            ],
            options={
                "verbose_name": "search index change",
            },
        ),
        migrations.RunPython(create_topic, migrations.RunPython.noop, elidable=False),
    ]
