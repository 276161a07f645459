"""``doingoai import_iati FILE --unit CODE [--as USERNAME] [--dry-run]``"""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.commandline import acting_user
from doingoai.core.progress import Progress
from doingoai.iati.importing import import_iati
from doingoai.organization.commandline import find_unit


class Command(BaseCommand):
    help = (
        "Import an IATI 2.03 activities file: its funding and reporting organizations "
        "become partners, its incoming funds, commitments and disbursements resources "
        "received by the unit. Importing the same file again changes nothing; a file "
        "with any problem imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--unit", required=True, help="administrative code or name of the receiving unit"
        )
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, file, unit, username=None, dry_run=False, quiet=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        target = find_unit(unit)
        user = acting_user(username)
        progress = Progress("Import IATI", stream=self.stderr._out, quiet=quiet)
        try:
            report = import_iati(
                path, unit=target, user=user, commit=not dry_run, progress=progress
            )
        except PermissionDenied:
            raise CommandError(f"{user.username} may not add resources")
        finally:
            progress.finish()
        for problem in report.all_problems():
            self.stderr.write(str(problem))
        for activity in report.activities:
            self.stdout.write(
                f"{activity.identifier}: {activity.created} new, {activity.updated} updated, "
                f"{activity.unchanged} unchanged, {activity.skipped} skipped"
            )
        for line in report.totals_lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(report.summary())
        if not report.ok:
            raise CommandError(f"{len(report.all_problems())} problems; nothing imported")
