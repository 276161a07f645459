"""The list's order index carries every column of a reader's scope (the owner unit,
the activity, the agreement): INCLUDE on PostgreSQL, trailing key columns on SQLite."""

from django.db import migrations

import doingoai.core.models


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0006_list_order_index_carries_unit"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="resource", name="resource_date_id"),
        migrations.AddIndex(
            model_name="resource",
            index=doingoai.core.models.CoveringIndex(
                fields=["date", "id"],
                include=("unit", "activity", "agreement"),
                name="resource_date_id",
            ),
        ),
    ]
