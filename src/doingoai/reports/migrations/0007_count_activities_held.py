from django.db import migrations

#: the states of an activity that did not take place (``activities.delegation.NOT_HELD``
#: as of this migration): plans, refused, cancelled
NOT_HELD = ("draft", "submitted", "returned", "approved", "refused", "cancelled")


def invalidate(apps, schema_editor):
    """The activity summaries now count only the activities that took place: where some
    did not, the rows already there are counted again (``doingoai rebuild_summaries``);
    until then the figures count the records."""
    Activity = apps.get_model("activities", "Activity")
    if Activity.objects.filter(state__in=NOT_HELD).exists():
        apps.get_model("reports", "SummaryState").objects.filter(pk=1).update(valid=False)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0005_delegation_plan_gifts_report_parts"),
        ("reports", "0006_activity_held"),
    ]

    operations = [migrations.RunPython(invalidate, migrations.RunPython.noop)]
