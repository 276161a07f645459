"""``doingoai rebuild_search [--kind SLUG ...]``: rebuild the search index, with progress.

Needed after records were inserted in bulk (``bulk_create`` sends no signals),
for instance by the benchmark's data generator."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from doingoai.core import searchindex as search
from doingoai.core.progress import Progress


class Command(BaseCommand):
    help = "Rebuild the search index of every searchable record kind (or the given ones)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            help="a kind's slug (partners, activities ...); repeatable",
        )
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--quiet", action="store_true")
        parser.add_argument("--database", default="default")

    def handle(self, *args, kind, batch, quiet, database, **options):
        kinds = search.searchable_kinds()
        if kind:
            unknown = set(kind) - {k.slug for k in kinds}
            if unknown:
                raise CommandError(
                    f"not a searchable kind: {', '.join(sorted(unknown))} "
                    f"(searchable: {', '.join(k.slug for k in kinds)})"
                )
            kinds = [k for k in kinds if k.slug in kind]
        total = 0
        for k in kinds:
            with (
                Progress(f"Indexing {k.slug}", quiet=quiet) as progress,
                transaction.atomic(using=database),
            ):
                n = search.reindex(k, batch=batch, progress=progress, using=database)
            total += n
            if not quiet:
                self.stdout.write(f"{k.slug}: {n} records indexed")
        search.optimize(database)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {total} records."))
