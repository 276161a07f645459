from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.core.commandline import acting_user
from doingoai.core.progress import Progress
from doingoai.core.scope import VIEW
from doingoai.organization.commandline import find_unit
from doingoai.reports.documents import render_unit_report
from doingoai.reports.periods import make_period


class Command(BaseCommand):
    help = (
        "Write the term or year report of a unit (báo cáo tổng kết công tác đối ngoại) "
        "as Word, PDF or Excel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="unit code or name, e.g. 66 or 'Đắk Lắk'")
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--term", help="congress term, e.g. XIII")
        group.add_argument("--year", type=int)
        parser.add_argument("--format", choices=["docx", "pdf", "xlsx"], default="docx")
        parser.add_argument("--output", required=True)
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, **opts):
        user = acting_user(opts["username"])
        unit = find_unit(opts["unit"])
        from doingoai.organization.models import Unit

        if not Unit.objects.restrict(user, VIEW).filter(pk=unit.pk).exists():
            raise CommandError(f"{user.username} may not see {unit.name}.")
        try:
            period = make_period(term=opts["term"], year=opts["year"])
        except ValueError as exc:
            raise CommandError(str(exc))
        with Progress(
            f"Report {unit.name} {period.label_vi}", 3, stream=self.stderr._out, quiet=opts["quiet"]
        ) as progress:
            data = render_unit_report(
                unit=unit, period=period, user=user, fmt=opts["format"], progress=progress
            )
        Path(opts["output"]).write_bytes(data)
        self.stdout.write(f"{opts['output']}: {len(data):,} bytes")
