"""``doingoai restore PATH``: put back the database and the uploaded files of a backup."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doingoai.core.backup import BackupError, check_restorable, read_manifest, restore_backup
from doingoai.core.progress import Progress


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of a backup made by "
        "'doingoai backup'. Stop the server first; everything saved since the backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by 'doingoai backup'")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask for confirmation (scripts, tests)"
        )
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, path, yes, quiet, **options):
        path = Path(path)
        try:
            manifest = read_manifest(path)
            check_restorable(manifest)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Backup of {manifest['created']} ({manifest['engine']}, "
            f"{manifest['files']} uploaded files)."
        )
        if not yes:
            answer = input("Replace the current database and files with it? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was changed.")

        def progress_for(title, total):
            return Progress(title, total, stream=self.stderr._out, quiet=quiet)

        try:
            restore_backup(path, progress_for=progress_for)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write("Restored. Start the server again.")
