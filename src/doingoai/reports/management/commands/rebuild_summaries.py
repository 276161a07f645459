"""``doingoai rebuild_summaries``: count the dashboards' summary tables again from the
records (after records were written around the models, e.g. with SQL)."""

from django.core.management.base import BaseCommand

from doingoai.core.progress import Progress


class Command(BaseCommand):
    help = "Count the summary tables of the dashboards and reports again from the records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="only when they are not valid (e.g. after an upgrade)",
        )

    def handle(self, *args, **options):
        from doingoai.reports import summaries

        if options["if_needed"] and summaries.is_valid():
            self.stdout.write("Summaries are up to date.")
            return
        with Progress("Summaries", quiet=options["verbosity"] == 0) as progress:
            summaries.rebuild(progress=progress)
        summaries.analyze()
        self.stdout.write("Summaries rebuilt.")
