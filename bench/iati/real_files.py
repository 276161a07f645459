"""Import every real IATI file (tests/iati_real and ../shared/iati/samples) whole, twice,
on a scratch SQLite database, and print each summary and the time taken.

    .venv/bin/python bench/iati/real_files.py [--country VN]

The tests import large files cut to their first activities (to stay fast); this imports
them whole. Nothing touches the project's own database (DOINGOAI_VAR is a temp folder).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--country", default="VN")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="iati-bench-")
    os.environ["DOINGOAI_VAR"] = scratch
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from doingoai.organization.models import User

    call_command("migrate", verbosity=0)
    call_command("load_units", verbosity=0)
    User.objects.create_superuser("bench", "bench@example.org", "x")
    files = sorted((ROOT / "tests" / "iati_real").glob("*.xml"))
    files += sorted((Path(settings.IATI_DIR) / "samples").glob("*.xml"))
    for path in files:
        for run in (1, 2):
            out = io.StringIO()
            started = time.perf_counter()
            try:
                call_command(
                    "import_iati",
                    str(path),
                    "--unit",
                    "VN",
                    "--as",
                    "bench",
                    "--country",
                    args.country,
                    "--quiet",
                    stdout=out,
                    stderr=io.StringIO(),
                )
                summary = out.getvalue().strip().splitlines()[-1]
            except Exception as exc:  # noqa: BLE001 - reported per file
                summary = f"REFUSED: {exc}"
            print(f"{path.name} run {run}: {time.perf_counter() - started:.1f} s: {summary}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
