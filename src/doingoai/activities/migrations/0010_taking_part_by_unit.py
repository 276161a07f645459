from django.db import migrations

#: the activities a set of units takes part in, read from the index alone (a province's
#: scope and the count of the others' records she sees: her units' 9,670 links, each
#: read from the table for its activity on SQLite without it). Django makes the link
#: table of ``Activity.units`` itself, with one index per column: this one is SQL.
INDEX = "activities_activity_units_unit_activity"


class Migration(migrations.Migration):
    dependencies = [("activities", "0009_list_order_index_carries_unit")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON activities_activity_units (unit_id, activity_id)",
            f"DROP INDEX {INDEX}",
        )
    ]
