"""Profile one page rendered in-process as after a change (the data versions bumped
before each request, so the page is not served from the page cache, while what such a
change leaves cached, a list's filter form, stays so): its SQL statements with their
times, and where the rest of the time goes (cProfile, ``--sort tottime`` for own time).

    DATABASE_URL=sqlite:///bench/data/doingoai-full.sqlite3 \\
        .venv/bin/python bench/profile_page.py --user daklak /activities/ --repeat 5

``--reindex``: before each request a record of the bumped app in Hà Nội is also indexed
again (``bench/run.py``'s change: its search index entry logged).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--user", default="trunguong")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--topic", default="activities", help="the app whose version is bumped")
    ap.add_argument(
        "--reindex",
        action="store_true",
        help="and a record of that app in Hà Nội indexed again, as the bench's change",
    )
    ap.add_argument(
        "--where",
        choices=("elsewhere", "own"),
        help="move what bench/run.py's bump() moves for a save in this subtree (Hà Nội: "
        "elsewhere; Đắk Lắk: own), the subtree's versions and the search index included",
    )
    ap.add_argument("--sql", action="store_true", help="list the statements and their times")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile: top N")
    ap.add_argument("--sort", default="cumulative", help="cProfile order (tottime: own time)")
    ap.add_argument("--callers", metavar="NAME", help="cProfile: who calls functions matching NAME")
    ap.add_argument("--callees", metavar="NAME", help="cProfile: what functions matching NAME call")
    ap.add_argument("--width", type=int, default=300, help="characters of each statement shown")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from doingoai.organization.models import User

    change = changer(args)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=args.user))
    client.get(args.path)  # warm: imports, templates, connections
    times, sql_ms = [], []
    statements = []

    def wrapper(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append(((time.perf_counter() - t0) * 1000, sql))

    prof = cProfile.Profile() if args.profile else None
    status = None
    for _ in range(args.repeat):
        change()
        statements.clear()
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        with connection.execute_wrapper(wrapper):
            status = client.get(args.path).status_code
        if prof:
            prof.disable()
        times.append((time.perf_counter() - t0) * 1000)
        sql_ms.append(sum(ms for ms, _s in statements))
    print(
        f"{args.path} as {args.user}: {status}, median {statistics.median(times):.1f} ms, "
        f"SQL {statistics.median(sql_ms):.1f} ms in {len(statements)} statements"
    )
    if args.sql:
        for ms, sql in statements:
            print(f"  {ms:8.2f} ms  {' '.join(sql.split())[: args.width]}")
    if prof:
        stats = pstats.Stats(prof).sort_stats(args.sort)
        if args.callers:
            stats.print_callers(args.callers)
        elif args.callees:
            stats.print_callees(args.callees)
        else:
            stats.print_stats(args.profile)


def changer(args):
    """What moves before each request: the app's data version (with ``--reindex`` a
    record of it in Hà Nội indexed again), or with ``--where`` what the bench's
    ``bump()`` moves for a save in that province."""
    from doingoai.core.models import bump_data_version
    from doingoai.organization import services as org

    sys.path.insert(0, str(ROOT))
    from bench import run as bench

    if args.where:
        bench.CHANGED_IN.update(elsewhere=org.province("Hà Nội").pk, own=org.province("Đắk Lắk").pk)
        return lambda: bench.bump(args.topic, args.where)
    hanoi = org.province("Hà Nội").pk if args.reindex else None

    def change():
        if hanoi:
            bench.reindex_one(args.topic, hanoi)
        bump_data_version(args.topic)

    return change


if __name__ == "__main__":
    main()
