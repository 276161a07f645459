"""``doingoai import_xlsx KIND FILE [--as USERNAME] [--dry-run]``"""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.commandline import acting_user
from doingoai.core.progress import Progress
from doingoai.imports.spreadsheet import IMPORTERS, get_importer, import_workbook


class Command(BaseCommand):
    help = (
        "Import an Excel file (the template of the kind) into records. A file with any "
        "problem imports nothing; rows already imported (same reference) are updated or "
        "left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", help="record kind: " + ", ".join(sorted(IMPORTERS)))
        parser.add_argument("file")
        parser.add_argument("--as", dest="username", help="act as this user (her scope)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and show what would change; save nothing",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, kind, file, username=None, dry_run=False, quiet=False, **options):
        if get_importer(kind) is None:
            raise CommandError(f"unknown kind {kind!r}; one of: {', '.join(sorted(IMPORTERS))}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"no such file: {file}")
        user = acting_user(username)
        progress = Progress(f"Import {kind}", stream=self.stderr._out, quiet=quiet)
        try:
            report = import_workbook(
                kind, path, user=user, commit=not dry_run, filename=path.name, progress=progress
            )
        except PermissionDenied:
            raise CommandError(f"{user.username} may not add {kind}")
        finally:
            progress.finish()
        for problem in report.all_problems():
            self.stderr.write(str(problem))
        self.stdout.write(report.summary())
        if not report.ok:
            raise CommandError(f"{len(report.all_problems())} problems; nothing imported")
