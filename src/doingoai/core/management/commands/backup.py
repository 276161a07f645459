"""``doingoai backup [PATH]``: one file with the database and every uploaded file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.backup import BackupError, make_backup
from doingoai.core.progress import Progress


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite's online backup, or pg_dump) and the uploaded files "
        "into one .tar.gz file, while the site keeps running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="the backup file (default: var/backups/doingoai-YYYYMMDD-HHMMSS.tar.gz)",
        )
        parser.add_argument("--quiet", action="store_true")

    def handle(self, *args, path, quiet, **options):
        if path is None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            path = Path(settings.VAR_DIR) / "backups" / f"doingoai-{stamp}.tar.gz"
        path = Path(path)

        def progress_for(title, total):
            return Progress(title, total, stream=self.stderr._out, quiet=quiet)

        try:
            manifest = make_backup(path, progress_for=progress_for)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        size = path.stat().st_size / 1e6
        self.stdout.write(
            f"Backup written: {path} ({size:.1f} MB, {manifest['engine']} database, "
            f"{manifest['files']} uploaded files)"
        )
