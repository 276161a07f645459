"""The first view of a list after a save of a record on its own first page (through the
write path), in-process: what a list kept under what it shows costs when what it shows
did change (the page is rendered again).

    DATABASE_URL=sqlite:///bench/data/doingoai-full.sqlite3 ALLOWED_HOSTS=127.0.0.1 \\
        .venv/bin/python bench/list_change_on_page.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/activities/?unit=1&year=2024&kind=workshop"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()
    from bench.run import form_data
    from django.test import Client

    from doingoai.activities.models import Activity
    from doingoai.core.registry import REGISTRY
    from doingoai.core.writing import record_save
    from doingoai.organization.models import User

    admin = User.objects.get(username="admin")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username="trunguong"))
    kind = REGISTRY["activities"]
    # the list's first row: the newest workshop of 2024
    newest = Activity.objects.filter(kind="workshop", start_date__year=2024)
    target = newest.order_by("-start_date", "-pk").first()
    client.get(PATH)
    times = []
    for i in range(args.repeat):
        target.refresh_from_db()
        data = form_data(kind, target, admin)
        data["participants_total"] = 1000 + i
        record_save(kind=kind, acting_user=admin, data=data, instance=target)
        t0 = time.perf_counter()
        response = client.get(PATH)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200 and response.get("X-Page-Cache") != "hit"
    print(f"{PATH} after a save on its page: median {statistics.median(times[2:]):.1f} ms")


if __name__ == "__main__":
    main()
