"""Backups that restore: ``doingoai backup`` and ``doingoai restore``.

A backup is one ``.tar.gz`` file holding

- ``manifest.json``: the format, the database engine, when it was made and the
  migrations applied to the database (the schema it belongs to);
- the database: a copy made with SQLite's online backup API (``database.sqlite3``: a
  consistent copy while the server keeps writing), or ``pg_dump``'s custom format for
  PostgreSQL (``database.pgdump``: one snapshot transaction);
- ``media/``: every uploaded file (documents, photos, thumbnails).

Restoring refuses a file that is not a doingoai backup, one of another database engine
and one from a newer schema (a migration this code does not know). After a restore the
data-version counters move past every value the discarded timeline used, and the local
cache is emptied, so no page or figure cached from the discarded data is ever served.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = "doingoai-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


def engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    return vendor


def applied_migrations() -> list[list[str]]:
    with connection.cursor() as cur:
        cur.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in cur.fetchall()]


def media_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


# -- database copies ----------------------------------------------------------------


def _raw_sqlite():
    connection.ensure_connection()
    return connection.connection


def _pg_env() -> dict:
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args() -> list[str]:
    db = connection.settings_dict
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    return [*args, "--dbname", str(db["NAME"])]


def _run(command: list[str]) -> None:
    try:
        done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)"
        ) from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def dump_database(target: Path, progress) -> str:
    """Copy the live database to ``target``; returns the file's name in the backup."""
    if engine() == "sqlite":
        dest = sqlite3.connect(target)
        try:
            _raw_sqlite().backup(
                dest, pages=256, progress=lambda _s, left, total: progress(total - left, total)
            )
        finally:
            dest.close()
        return "database.sqlite3"
    progress(0, 1, "pg_dump")
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *_pg_args()])
    progress(1, 1)
    return "database.pgdump"


def load_database(source: Path, progress) -> None:
    """Replace the live database's content with the copy at ``source``."""
    if engine() == "sqlite":
        src = sqlite3.connect(source)
        try:
            src.backup(
                _raw_sqlite(),
                pages=256,
                progress=lambda _s, left, total: progress(total - left, total),
            )
        finally:
            src.close()
        return
    progress(0, 1, "pg_restore")
    connection.close()  # no session of ours holds a lock on what is dropped
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *_pg_args(),
            str(source),
        ]
    )
    progress(1, 1)


# -- backup ---------------------------------------------------------------------------


def make_backup(path: Path, *, progress_for) -> dict:
    """Write a backup of the database and the uploaded files to ``path``.

    ``progress_for(title, total)`` returns a :class:`core.progress.Progress`."""
    media_root = Path(settings.MEDIA_ROOT)
    files = media_files(media_root)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "engine": engine(),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "doingoai": _release(),
        "migrations": applied_migrations(),
        "files": len(files),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    with tempfile.TemporaryDirectory(prefix="doingoai-backup-") as tmp:
        db_copy = Path(tmp) / "database"
        with progress_for("Database", None) as progress:
            manifest["database"] = dump_database(db_copy, progress)
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            tar.addfile(info, _bytes_io(data))
            tar.add(db_copy, arcname=manifest["database"])
            with progress_for("Uploaded files", len(files)) as progress:
                for n, file in enumerate(files, 1):
                    tar.add(file, arcname=f"{MEDIA}/{file.relative_to(media_root).as_posix()}")
                    progress(n, len(files), file.name)
    partial.replace(path)  # a half-written backup never carries the final name
    return manifest


def _release() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("doingoai")
    except PackageNotFoundError:
        return "unknown"


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)


# -- restore --------------------------------------------------------------------------


def read_manifest(path: Path) -> dict:
    """The backup's manifest; :class:`BackupError` when ``path`` is no doingoai backup."""
    not_ours = BackupError(f"{path} is not a doingoai backup")
    try:
        with tarfile.open(path, "r:*") as tar:
            member = tar.getmember(MANIFEST)
            manifest = json.loads(tar.extractfile(member).read())
    except (tarfile.TarError, KeyError, OSError, ValueError, AttributeError):
        raise not_ours from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_ours
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"{path} was written by a newer doingoai (backup format)")
    return manifest


def check_restorable(manifest: dict) -> None:
    """Refuse a backup of another engine or of a newer schema than this code's."""
    from django.db.migrations.loader import MigrationLoader

    if manifest.get("engine") != engine():
        raise BackupError(
            f"the backup is of a {manifest.get('engine')} database; this site uses {engine()}"
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{a}.{n}" for a, n in manifest.get("migrations", []) if (a, n) not in known]
    if unknown:
        raise BackupError(
            "the backup comes from a newer version of doingoai (migrations this version "
            f"does not have: {', '.join(unknown[:5])}); install that version first"
        )


def _versions() -> dict[str, int]:
    from .models import DataVersion

    try:
        return dict(DataVersion.objects.values_list("topic", "value"))
    except Exception:  # noqa: BLE001 - a database not migrated yet has none
        return {}


def rekey_caches(before: dict[str, int]) -> None:
    """Move every data version past the values the discarded timeline used, and empty
    the local cache: a key computed before the restore can never be asked for again."""
    from django.core.cache import cache
    from django.db.models import Max

    from .models import DataVersion

    after = _versions()
    for topic in set(before) | set(after):
        value = max(before.get(topic, 0), after.get(topic, 0)) + 1
        if not DataVersion.objects.filter(topic=topic).update(value=value):
            pk = 1 if topic == "" else (DataVersion.objects.aggregate(m=Max("pk"))["m"] or 1) + 1
            DataVersion.objects.create(pk=pk, topic=topic, value=value)
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()  # a shared Redis is not flushed: the new versions suffice there


def restore_backup(path: Path, *, progress_for) -> dict:
    """Replace the database and the uploaded files with the backup at ``path``."""
    manifest = read_manifest(path)
    check_restorable(manifest)
    before = _versions()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="doingoai-restore-", dir=media_root.parent) as tmp:
        tmp = Path(tmp)
        with tarfile.open(path, "r:*") as tar:
            members = tar.getmembers()
            with progress_for("Unpacking", len(members)) as progress:
                for n, member in enumerate(members, 1):
                    tar.extract(member, tmp, filter="data")
                    progress(n, len(members), member.name)
        database = tmp / manifest["database"]
        if not database.is_file():
            raise BackupError(f"{path} holds no database copy")
        with progress_for("Database", None) as progress:
            load_database(database, progress)
        new_media = tmp / MEDIA
        new_media.mkdir(exist_ok=True)
        old_media = tmp / "media-before-restore"
        if media_root.exists():
            media_root.rename(old_media)
        new_media.rename(media_root)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # an older backup is brought up to this schema
    rekey_caches(before)
    return manifest
