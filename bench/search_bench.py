"""Search benchmark: the engine's time for a query versus the raw SQL it issues.

Run against a populated database (the bench data generator's, or ``--populate``)::

    DATABASE_URL=... .venv/bin/python bench/search_bench.py [--user trunguong] [QUERY ...]
    DATABASE_URL=sqlite:////tmp/s.sqlite3 .venv/bin/python bench/search_bench.py --populate 100000

``measure(queries)`` returns one dict per query: the engine's wall time (median of
``repeat`` runs, scope and ranking included), the time of the same SQL statements
executed raw on a cursor, the overhead, the number of statements and results.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

DEFAULT_QUERIES = ["champasak", "dak lak", "Chăm-pa-sắc", "Sê Kông", "UN Women"]


def setup_django():
    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root / "src"), str(root)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()


def _user(username):
    from doingoai.organization.models import User

    return User.objects.select_related("unit").get(username=username)


def measure(queries=None, *, username: str = "trunguong", repeat: int = 5) -> list[dict]:
    """Time the search (``doingoai.search.ranking.search``) for each query against the
    raw SQL it issues."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.search import ranking as search

    user = _user(username)
    out = []
    for q in queries or DEFAULT_QUERIES:
        search.search(user, q)  # warm caches (content types, statements)
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as ctx:
                t = time.perf_counter()
                groups = search.search(user, q)
                times.append(time.perf_counter() - t)
        statements = [c["sql"] for c in ctx.captured_queries]
        raw = []
        for _ in range(repeat):
            t = time.perf_counter()
            with connection.cursor() as cur:
                for sql in statements:
                    cur.execute(sql)  # the logged statements carry their parameters
                    cur.fetchall()
            raw.append(time.perf_counter() - t)
        engine_ms = statistics.median(times) * 1000
        raw_ms = statistics.median(raw) * 1000
        out.append(
            {
                "query": q,
                "engine_ms": round(engine_ms, 2),
                "raw_sql_ms": round(raw_ms, 2),
                "overhead_ms": round(engine_ms - raw_ms, 2),
                "statements": len(statements),
                "groups": {g.kind.slug: g.count for g in groups},
            }
        )
    return out


def populate(partners: int, agreements: int, *, stdout=sys.stdout):
    """Bulk data for a quick measurement (the real generator is the bench harness's)."""
    import datetime as dt
    import random

    from django.core.management import call_command

    from doingoai.agreements.models import Agreement
    from doingoai.core.countries import SUBDIVISION_ALIASES
    from doingoai.core.text import fold
    from doingoai.organization.models import Unit
    from doingoai.partners.models import Partner

    call_command("migrate", verbosity=0)
    from tests.conftest import ensure_world

    ensure_world()
    rnd = random.Random(5)
    units = list(Unit.objects.filter(level="province", valid_to__isnull=True))
    subs = list(SUBDIVISION_ALIASES)
    words = (
        "hợp tác phát triển bình đẳng giới phụ nữ doanh nghiệp hòa bình hữu nghị "
        "giáo dục y tế sinh kế trẻ em nông thôn biên giới"
    ).split()
    batch = []
    for i in range(partners):
        sub = rnd.choice(subs)
        name = f"Tổ chức {' '.join(rnd.sample(words, 3))} {i}"
        p = Partner(
            name_vi=name,
            name_en=f"Organization {i}",
            kind="other",
            country=sub[:2],
            subdivision=sub,
            unit=rnd.choice(units),
        )
        p.search_text = fold(" ".join(p.all_names()))
        batch.append(p)
        if len(batch) == 5000:
            Partner.objects.bulk_create(batch)
            batch = []
    Partner.objects.bulk_create(batch)
    batch = []
    for i in range(agreements):
        u = rnd.choice(units)
        sub = rnd.choice(subs)
        title = (
            f"Thỏa thuận {' '.join(rnd.sample(words, 4))} giữa {u.name} và "
            f"{SUBDIVISION_ALIASES[sub][0]} số {i}"
        )
        a = Agreement(title=title, unit=u, signed_date=dt.date(2005 + i % 20, 1 + i % 12, 1))
        a.search_text = fold(title)
        batch.append(a)
        if len(batch) == 5000:
            Agreement.objects.bulk_create(batch)
            batch = []
    Agreement.objects.bulk_create(batch)
    call_command("rebuild_search", stdout=stdout)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="*")
    parser.add_argument("--user", default="trunguong")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--populate",
        type=int,
        metavar="PARTNERS",
        help="first bulk-create this many partners and half as many agreements",
    )
    args = parser.parse_args(argv)
    setup_django()
    if args.populate:
        populate(args.populate, args.populate // 2)
    from django.db import connection

    rows = measure(args.queries or None, username=args.user, repeat=args.repeat)
    print(f"database: {connection.vendor}  user: {args.user}")
    head = f"{'query':<16} {'engine ms':>10} {'raw SQL ms':>11} {'overhead':>9} {'stmts':>6}"
    print(f"{head}  counts")
    for r in rows:
        counts = ", ".join(f"{k}={v}" for k, v in r["groups"].items())
        print(
            f"{r['query']:<16} {r['engine_ms']:>10.2f} {r['raw_sql_ms']:>11.2f} "
            f"{r['overhead_ms']:>9.2f} {r['statements']:>6}  {counts}"
        )
    return rows


if __name__ == "__main__":
    main()
