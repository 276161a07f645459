from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.progress import Progress
from doingoai.resources import services


class Command(BaseCommand):
    help = (
        "Import exchange rates from a CSV file: currency, date, đồng per unit[, source]. "
        "The file lands whole or not at all; existing (currency, date) rows are updated "
        "and the VND/USD equivalents of the resources they reach are recomputed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8), e.g. rates.csv")

    def handle(self, *args, **opts):
        try:
            with open(opts["file"], encoding="utf-8-sig") as fh:
                text = fh.read()
        except OSError as exc:
            raise CommandError(str(exc))
        try:
            with Progress("Exchange rates", quiet=opts["verbosity"] == 0) as p:
                result = services.import_rates(text=text, progress=p)
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages[:50]) + "\nNothing was imported.")
        self.stdout.write(
            f"rates created: {result['created']}, updated: {result['updated']}, "
            f"resources recomputed: {result['refreshed']}"
        )
