"""The CPU one change costs the load mix (the central reader's pages that ``run.py``'s
load runs cycle through): after ``bump(topic)`` every page of the mix is requested
once in this process (page cache on, as the server keeps it), and this process's CPU
plus, on PostgreSQL, its database backend's is counted; also the CPU of a page served
again. Unlike requests/s on a machine shared with other work, this measures what a
change every second takes from the server's cores.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/b_mine \\
        .venv/bin/python bench/change_cost.py activities delegations --repeat 4 --pages
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topics", nargs="*", default=["activities", "delegations"])
    ap.add_argument("--repeat", type=int, default=4, help="changes per topic")
    ap.add_argument("--pages", action="store_true", help="each page's CPU after a change too")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench import run as bench

    bench.setup_django(os.environ["DATABASE_URL"])
    from django.db import connection
    from django.test import Client

    from doingoai.activities.models import Activity
    from doingoai.organization.models import User

    t = bench.targets()
    year, kind = 2024, "workshop"  # run.py's defaults
    matching = Activity.objects.filter(start_date__year=year, kind=kind).count()
    plan = bench.pages(t, year, kind, max(1, (matching + 24) // 25))
    mix = [p["path"] for p in plan if "user" not in p]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=bench.USER))
    tick = os.sysconf("SC_CLK_TCK")

    def backend_cpu() -> float:
        if connection.vendor != "postgresql":
            return 0.0
        with connection.cursor() as cur:
            cur.execute("SELECT pg_backend_pid()")
            pid = cur.fetchone()[0]
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / tick

    def cpu() -> float:
        return time.process_time() + backend_cpu()

    def get(path) -> float:
        c0 = cpu()
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path}: {status}")
        return (cpu() - c0) * 1000

    for _ in range(2):  # warm: imports, templates, the cache
        for path in mix:
            get(path)
    served = statistics.median(get(path) for path in mix)
    print(f"{len(mix)} pages; served again: {served:.1f} ms of CPU a page (median)")
    for topic in args.topics:
        per_page: dict[str, list[float]] = {p: [] for p in mix}
        for _ in range(args.repeat):
            bench.bump(topic)
            for path in mix:
                per_page[path].append(get(path))
        changes = [sum(v[i] for v in per_page.values()) for i in range(args.repeat)]
        print(
            f"after bump({topic!r}): {statistics.median(changes):.0f} ms of CPU a change "
            f"(median of {args.repeat}: {', '.join(f'{c:.0f}' for c in changes)})"
        )
        if args.pages:
            for path, values in per_page.items():
                print(f"  {statistics.median(values):7.1f} ms  {path}")


if __name__ == "__main__":
    main()
