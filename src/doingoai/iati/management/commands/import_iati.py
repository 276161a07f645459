"""``doingoai import_iati FILE --unit CODE [--country VN,LA] [--as USERNAME] [--dry-run]``"""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.commandline import acting_user
from doingoai.core.progress import Progress
from doingoai.iati.importing import import_iati
from doingoai.organization.commandline import find_unit


class Command(BaseCommand):
    help = (
        "Import an IATI 2.0x activities file: the activities for Việt Nam (or --country), "
        "or with the union's IATI identifier among their organizations, become partners "
        "and resources received by the unit; the others are listed as skipped. Importing "
        "the same file again changes nothing; a file with a real error imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--unit", required=True, help="administrative code or name of the receiving unit"
        )
        parser.add_argument(
            "--country",
            action="append",
            help="recipient country to import (IATI Country code; repeat or comma-separate; "
            "default: settings.IATI_COUNTRIES, VN)",
        )
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")
        parser.add_argument("--dry-run", action="store_true", help="check only; save nothing")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, file, unit, username=None, dry_run=False, quiet=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        countries = [c for arg in options.get("country") or [] for c in arg.split(",") if c]
        target = find_unit(unit)
        user = acting_user(username)
        progress = Progress("Import IATI", stream=self.stderr._out, quiet=quiet)
        try:
            report = import_iati(
                path,
                unit=target,
                user=user,
                commit=not dry_run,
                progress=progress,
                countries=countries or None,
            )
        except PermissionDenied:
            raise CommandError(f"{user.username} may not add resources")
        finally:
            progress.finish()
        for problem in report.all_problems():
            self.stderr.write(str(problem))
        self.write_report(report)
        if not report.ok:
            raise CommandError(f"{len(report.all_problems())} problems; nothing imported")

    def write_report(self, report):
        for activity in report.imported:
            self.stdout.write(
                f"{activity.identifier}: {activity.created} new, {activity.updated} updated, "
                f"{activity.unchanged} unchanged, {activity.skipped} skipped"
            )
            for line in activity.reversals:
                self.stdout.write(f"  reversal {line}")
        skipped = report.skipped
        if skipped:
            self.stdout.write(f"Skipped ({len(skipped)} activities):")
            for activity in skipped:
                self.stdout.write(f"  {activity.identifier}: {activity.skipped_reason}")
        warnings = report.all_warnings()
        if warnings:
            self.stdout.write(f"Warnings ({len(warnings)}):")
            for warning in warnings:
                self.stdout.write(f"  {warning}")
        if report.partners_to_complete:
            self.stdout.write(
                "Partners created from an identifier alone (complete their name): "
                + ", ".join(report.partners_to_complete)
            )
        for line in report.totals_lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(report.summary())
