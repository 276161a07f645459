"""The list's order index carries the owner unit on SQLite too (a third key column:
SQLite has no INCLUDE), so a province reader's first pages are read walking it with her
scope checked in the index alone. PostgreSQL's index is unchanged (already INCLUDE)."""

from django.db import migrations

import doingoai.core.models

INDEX = "activity_start_id"


def rebuild_on_sqlite(apps, schema_editor):
    if schema_editor.connection.features.supports_covering_indexes:
        return  # PostgreSQL: the same index as before
    model = apps.get_model("activities", "Activity")
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')
    schema_editor.add_index(
        model,
        doingoai.core.models.CoveringIndex(
            fields=["start_date", "id"], include=["unit"], name=INDEX
        ),
    )


def narrow_on_sqlite(apps, schema_editor):
    if schema_editor.connection.features.supports_covering_indexes:
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')
    schema_editor.execute(
        f'CREATE INDEX "{INDEX}" ON "activities_activity" ("start_date", "id")'
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0010_taking_part_by_unit"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="activity", name=INDEX),
                migrations.AddIndex(
                    model_name="activity",
                    index=doingoai.core.models.CoveringIndex(
                        fields=["start_date", "id"], include=("unit",), name=INDEX
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(rebuild_on_sqlite, narrow_on_sqlite)],
        ),
    ]
