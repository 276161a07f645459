import zipfile
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from doingoai.core.progress import Progress
from doingoai.news.documents import MAX_ARTICLE_BYTES, SUFFIXES, archive_members
from doingoai.news.services import import_file


def _file_reader(path: Path):
    """Reads a file of at most MAX_ARTICLE_BYTES, else says so."""

    def read():
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ValidationError(
                f"{path.name} is {size / 2**20:.1f} MB; the limit for one article is "
                f"{MAX_ARTICLE_BYTES / 2**20:.0f} MB."
            )
        return path.read_bytes()

    return read


def _articles(paths, archives: list):
    """(name, read) of every article in the files, folders and ZIPs given, or
    (name, exception) for what cannot be opened. Nothing is read yet: ``read()`` reads
    one article (a ZIP member by member); the ZIPs opened are added to ``archives``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for item in sorted(path.rglob("*")):
                if item.is_file() and item.suffix.lower() in SUFFIXES:
                    yield str(item), _file_reader(item)
        elif path.suffix.lower() == ".zip":
            try:
                archive = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile) as exc:
                yield str(path), exc
                continue
            archives.append(archive)
            try:
                members = archive_members(archive, path.name)
            except ValidationError as exc:  # the whole archive is beyond the limits
                yield str(path), exc
                continue
            for name, read in members:
                yield f"{path}:{name}", read
        elif path.is_file():
            yield str(path), _file_reader(path)
        else:
            yield str(path), FileNotFoundError("no such file or folder")


class Command(BaseCommand):
    help = (
        "Read news articles (.txt, .html, .docx; files, folders or ZIP archives) into "
        "draft news items with the facts found in them, for officers to review and "
        "confirm. The same article imported twice is recognized."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--unit",
            help="code of the unit the news items belong to "
            "(default: the unit of --as, or the central union)",
        )
        parser.add_argument(
            "--as", dest="username", help="the acting user (her scope and role apply)"
        )

    def handle(self, *args, **opts):
        from doingoai.organization import services as org
        from doingoai.organization.models import Unit, User

        user = None
        if opts["username"]:
            user = User.objects.filter(username=opts["username"]).select_related("unit").first()
            if user is None:
                raise CommandError(f"no user {opts['username']!r}")
        if opts["unit"]:
            unit = (
                Unit.objects.filter(code=opts["unit"], valid_to__isnull=True).first()
                or Unit.objects.filter(code=opts["unit"]).first()
            )
            if unit is None:
                raise CommandError(f"no unit with code {opts['unit']!r}")
        elif user is not None and user.unit_id:
            unit = user.unit
        else:
            unit = org.central_unit()

        archives: list = []
        try:
            self._import(list(_articles(opts["paths"], archives)), unit, user, opts)
        finally:
            for archive in archives:
                archive.close()

    def _import(self, items, unit, user, opts):
        counts = {"read": 0, "new": 0, "duplicates": 0, "failed": 0}
        failures = []
        quiet = opts["verbosity"] == 0
        with Progress("Articles", len(items), stream=self.stderr._out, quiet=quiet) as bar:
            for name, source in items:
                bar.advance(1, Path(name).name)
                if isinstance(source, Exception):
                    counts["failed"] += 1
                    reason = (
                        "; ".join(source.messages)
                        if isinstance(source, ValidationError)
                        else str(source)
                    )
                    failures.append((name, reason))
                    continue
                try:
                    data = source()
                    result = import_file(
                        data=data,
                        filename=Path(name.split(":")[-1]).name,
                        unit=unit,
                        acting_user=user,
                    )
                except PermissionDenied:
                    counts["failed"] += 1
                    failures.append((name, f"{user} may not add news items for {unit}"))
                    continue
                except ValidationError as exc:
                    counts["failed"] += 1
                    failures.append((name, "; ".join(exc.messages)))
                    continue
                except Exception as exc:  # noqa: BLE001 - one broken file stops nothing
                    counts["failed"] += 1
                    failures.append((name, f"{type(exc).__name__}: {exc}"))
                    continue
                counts["read"] += 1
                counts["new" if result.created else "duplicates"] += 1
        self.stdout.write(
            f"articles read: {counts['read']}, new: {counts['new']}, "
            f"duplicates: {counts['duplicates']}, failed: {counts['failed']} "
            f"(unit: {unit.name})"
        )
        for name, reason in failures:
            self.stdout.write(f"  failed: {name}: {reason}")
        if counts["new"]:
            self.stdout.write("The new articles are drafts: review and confirm them at /news/.")
