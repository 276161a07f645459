from django.core.management.base import BaseCommand

from doingoai.core.progress import Progress
from doingoai.organization import services


class Command(BaseCommand):
    help = (
        "Load the central union, today's 34 provinces and the 63 provinces before the "
        "2025 merger (historical, merged into their successors), and the congress terms."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-history", action="store_true", help="skip the 63 provinces before 2025"
        )

    def handle(self, *args, **opts):
        with Progress("Units", quiet=opts["verbosity"] == 0) as p:
            result = services.load_units(with_history=not opts["no_history"], progress=p)
        services.load_terms()
        self.stdout.write(f"units created: {result['created']}, total: {result['total']}")
