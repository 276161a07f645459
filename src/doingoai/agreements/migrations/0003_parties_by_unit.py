from django.db import migrations

#: the agreements a set of units is party to, read from the index alone (as
#: ``activities`` 0010 for the units taking part in activities)
INDEX = "agreements_agreement_units_unit_agreement"


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_initial")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON agreements_agreement_units (unit_id, agreement_id)",
            f"DROP INDEX {INDEX}",
        )
    ]
