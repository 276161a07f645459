"""Where the first view of a figures page after a change spends its time, in-process.

    DATABASE_URL=sqlite:///bench/data/doingoai-full.sqlite3 \
        .venv/bin/python bench/profile_figures.py [--change activities|resources|own|all]
        [--only NAME] [--repeat 3] [--cprofile 25] [--sql 15]

For each figures page (the central and Đắk Lắk dashboards, ``/targets/`` for both, the
national term report in xlsx; each as the bench's reader): the change is made
(``activities``/``resources``: the versions a save in a commune of Hà Nội moves, as
the bench's "after a change"; ``own``: in Đắk Lắk; ``all``: every version), then the
page is rendered through the test client with the page cache on, timed; the
statements are captured with their times (``execute_wrapper``; SQLite computes part
of a result while it is fetched), and one render is profiled (cProfile). Prints the
median time, the SQL time and count, the slowest statements and the functions with
the most time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
os.environ.setdefault("DOINGOAI_FAST_HASHER", "1")
os.environ.setdefault("AXES_ENABLED", "0")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--change", default="activities")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cprofile", type=int, default=25)
    ap.add_argument("--sql", type=int, default=12)
    args = ap.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from bench import run as bench

    t = bench.targets()
    bench.set_targets(t)
    pages = [p for p in bench.pages(t, 2024, "meeting", 1) if p.get("slow")]
    if args.only:
        pages = [p for p in pages if any(o.lower() in p["name"].lower() for o in args.only)]
    clients = {}
    for name, user in bench.scoped_users(t).items():
        c = Client(HTTP_HOST="127.0.0.1")
        c.force_login(user)
        clients[name] = c
    change = make_change(args.change)
    for page in pages:
        client = clients[page.get("user", bench.USER)]
        client.get(page["path"])  # warm: everything cached once
        times, sql_ms, nq = [], [], []
        for _ in range(args.repeat):
            change()
            stmts = []

            def wrapper(execute, sql, params, many, context, stmts=stmts):
                t0 = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    stmts.append(((time.perf_counter() - t0) * 1000, sql))

            t0 = time.perf_counter()
            with connection.execute_wrapper(wrapper):
                r = client.get(page["path"])
            times.append((time.perf_counter() - t0) * 1000)
            sql_ms.append(sum(s[0] for s in stmts))
            nq.append(len(stmts))
        print(
            f"\n== {page['name']} [{r.status_code}] after '{args.change}': "
            f"{statistics.median(times):.0f} ms (runs {', '.join(f'{x:.0f}' for x in times)}), "
            f"SQL {statistics.median(sql_ms):.0f} ms in {statistics.median(nq):.0f} statements"
        )
        for ms, sql in sorted(stmts, reverse=True)[: args.sql]:
            print(f"   {ms:8.1f} ms  {' '.join(sql.split())[:220]}")
        if args.cprofile:
            change()
            prof = cProfile.Profile()
            prof.enable()
            client.get(page["path"])
            prof.disable()
            out = io.StringIO()
            stats = pstats.Stats(prof, stream=out)
            stats.sort_stats("cumulative").print_stats(args.cprofile)
            stats.sort_stats("tottime").print_stats(args.cprofile)
            print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:12000])


def make_change(kind: str):
    """A callable making the change before each render: ``activities`` or
    ``resources`` (saved in a commune of Hà Nội, as the bench's "after a change"),
    ``own`` (an activity saved in a commune of Đắk Lắk), ``all`` (everything)."""
    from bench.run import bump

    return {
        "activities": lambda: bump("activities", "elsewhere"),
        "resources": lambda: bump("resources", "elsewhere"),
        "own": lambda: bump("activities", "own"),
        "all": lambda: bump(None),
    }[kind]


if __name__ == "__main__":
    main()
