"""doingoai send_reminders: open and close the reminders from the records, then email
each user what is new in her scope. Idempotent: safe to run every hour."""

import time

from django.core.management.base import BaseCommand

from doingoai.core.progress import Progress
from doingoai.reminders import services


class Command(BaseCommand):
    help = "Refresh the reminders and email the new ones (digest, immediate or none per user)."

    def add_arguments(self, parser):
        parser.add_argument("--no-email", action="store_true", help="only refresh the reminders")
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="run again every SECONDS until stopped (doingoai serve runs it hourly)",
        )

    def handle(self, *args, every=0, **options):
        while True:
            try:
                self.run_once(**options)
            except Exception as exc:  # a failed run is retried at the next one
                if not every:
                    raise
                self.stderr.write(f"send_reminders failed: {exc!r}")
            if not every:
                return
            time.sleep(every)

    def run_once(self, *, no_email=False, **options):
        counts = services.refresh()
        self.stdout.write(
            "reminders: {opened} opened, {closed} closed, {reopened} reopened, {due} open".format(
                **counts
            )
        )
        if no_email:
            return
        with Progress("emails", quiet=options.get("verbosity", 1) == 0) as progress:
            sent = services.send(progress=progress)
        self.stdout.write(
            "emails: {emails} sent to {users} users, {reminders} reminders told".format(**sent)
        )
