import datetime as dt

from django.db import migrations, models


def expire_in_a_year(apps, schema_editor):
    """Tokens made before expiry existed last a year from their creation."""
    ApiToken = apps.get_model("api", "ApiToken")
    for token in ApiToken.objects.filter(expires__isnull=True).only("pk", "created"):
        ApiToken.objects.filter(pk=token.pk).update(expires=token.created + dt.timedelta(days=365))


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(expire_in_a_year, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires",
            field=models.DateTimeField(verbose_name="expires"),
        ),
    ]
