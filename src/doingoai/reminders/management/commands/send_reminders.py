"""doingoai send_reminders: open and close the reminders from the records, then email
each user what is new in her scope. Idempotent: safe to run every hour."""

from django.core.management.base import BaseCommand

from doingoai.core.progress import Progress
from doingoai.reminders import services


class Command(BaseCommand):
    help = "Refresh the reminders and email the new ones (digest, immediate or none per user)."

    def add_arguments(self, parser):
        parser.add_argument("--no-email", action="store_true", help="only refresh the reminders")

    def handle(self, *args, no_email=False, **options):
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
