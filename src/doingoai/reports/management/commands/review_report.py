import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.agreements.models import Agreement
from doingoai.core.commandline import acting_user
from doingoai.core.scope import VIEW
from doingoai.reports.documents import render_review_report


class Command(BaseCommand):
    help = "Write the review report of one agreement for a period as Word or PDF."

    def add_arguments(self, parser):
        parser.add_argument("agreement_id", type=int)
        parser.add_argument("--format", choices=["docx", "pdf"], default="docx")
        parser.add_argument("--output", required=True)
        parser.add_argument("--from", dest="start", type=dt.date.fromisoformat)
        parser.add_argument("--to", dest="end", type=dt.date.fromisoformat)
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")

    def handle(self, *args, **opts):
        user = acting_user(opts["username"])
        agreement = Agreement.objects.restrict(user, VIEW).filter(pk=opts["agreement_id"]).first()
        if agreement is None:
            raise CommandError(f"No agreement {opts['agreement_id']} in {user.username}'s scope.")
        self.stderr.write(f"Review report: {agreement.title}")
        data = render_review_report(
            agreement=agreement, user=user, fmt=opts["format"], start=opts["start"], end=opts["end"]
        )
        Path(opts["output"]).write_bytes(data)
        self.stdout.write(f"{opts['output']}: {len(data):,} bytes")
