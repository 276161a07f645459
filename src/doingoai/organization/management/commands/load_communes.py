from django.core.management.base import BaseCommand, CommandError

from doingoai.core.progress import Progress
from doingoai.organization import services
from doingoai.organization.models import Unit


class Command(BaseCommand):
    help = "Load today's communes (xã, phường, đặc khu) of provinces, by code or name."

    def add_arguments(self, parser):
        parser.add_argument("provinces", nargs="+", help="province codes or names, or 'all'")

    def handle(self, *args, provinces, **opts):
        if provinces == ["all"]:
            units = list(Unit.objects.filter(level=Unit.Level.PROVINCE, valid_to__isnull=True))
        else:
            units = []
            for name in provinces:
                try:
                    units.append(services.province(name))
                except Unit.DoesNotExist:
                    raise CommandError(
                        f"No province '{name}'. Run 'doingoai load_units' first, and give a "
                        "code (e.g. 66) or a name (e.g. 'Đắk Lắk')."
                    )
        total = 0
        for unit in units:
            with Progress(unit.area_name, quiet=opts["verbosity"] == 0) as p:
                result = services.load_communes(province_code=unit.code, progress=p)
            total += result["created"]
        self.stdout.write(f"communes created: {total}")
