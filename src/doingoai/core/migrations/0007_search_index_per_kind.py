"""PostgreSQL: trigram indexes of their own for the kinds every reader reads whole
(units, partners; ``doingoai.core.searchindex.OWN_INDEX``).

The one index over every kind answers "dak lak" with the 17,600 matches of every
kind, each read on its heap page to see its kind: a commune reader's search of the
partners (11 of them match) paid 80 ms for it; a partial index per kind reads the
kind's own matches alone (0.2 ms). The predicate names the kind's content type, made
here if ``migrate`` has not made it yet. SQLite's FTS5 lookups are per kind already.
"""

from django.db import migrations

OWN_INDEX = [("organization", "unit"), ("partners", "partner")]


def create(apps, schema_editor):
    conn = schema_editor.connection
    if conn.vendor != "postgresql":
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    with conn.cursor() as cur:
        for app_label, model in OWN_INDEX:
            ct, _new = ContentType.objects.using(schema_editor.connection.alias).get_or_create(
                app_label=app_label, model=model
            )
            for column in ("key", "name"):
                cur.execute(
                    f"CREATE INDEX IF NOT EXISTS core_search_{column}_trgm_{model} "
                    f"ON core_search USING gin ({column} gin_trgm_ops) "
                    f"WHERE (id >> 40) = {int(ct.pk)}"
                )
        cur.execute("ANALYZE core_search")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cur:
        for _app_label, model in OWN_INDEX:
            for column in ("key", "name"):
                cur.execute(f"DROP INDEX IF EXISTS core_search_{column}_trgm_{model}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_data_version_topics"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
