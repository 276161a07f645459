"""National-scale benchmark: generate (or reuse) data, start the production server,
measure every page against the raw SQL it needs, then a load run.

    .venv/bin/python bench/run.py --size medium --database sqlite [--reuse]
    make bench BENCH_ARGS="--size full --database postgres --reuse"

Sizes: small (20k activities), medium (100k), full (1M: the mission's national scale),
or explicit counts "ACTIVITIES,RESOURCES,AGREEMENTS,PARTNERS". SQLite data lives in
bench/data/ (gitignored); PostgreSQL uses the database ``doingoai_bench_<size>`` at
postgres://postgres@127.0.0.1:5432 (``--pg-url`` to change). Results go to
bench/results/<date>-<database>-<size>.json and .md.

Server time is the ``Server-Timing`` header of the production server (``doingoai
serve`` with ``BENCH_TIMING=1``: the application's time, middleware included). Each
page is measured twice: as it is served again (the page cache and the figures cache
answer) and "after a change": the data versions are moved before every request
exactly as an activity saved in a commune of Hà Nội moves them (``bump``), so the page
is rendered again and the figures of Hà Nội's subtree and the units above it are read
again (the parts kept under other subtrees' or apps' versions excepted); Đắk Lắk's
pages also "after a change in its own province";
the dashboards and the report also "after an aid record changed". Raw
SQL is measured in this process: the page is rendered once, uncached, with the
queries captured (``connection.execute_wrapper``), then the same statements with
the same parameters are run directly on a cursor. The load runs use ``wrk`` (a C
client that leaves the two cores to the server; a Python client is the fallback).
Everything talks to 127.0.0.1 only and every loop is bounded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
SIZES = {
    "tiny": (2_000, 400, 100, 200),
    "small": (20_000, 4_000, 1_000, 2_000),
    "medium": (100_000, 20_000, 5_000, 10_000),
    "full": (1_000_000, 200_000, 50_000, 100_000),
}
USER = "trunguong"
ADMIN = "admin"
PROVINCE_USER = "daklak"  # a demo user of Đắk Lắk (editor)
COMMUNE_USER = "bench_xa"  # made by the bench: a viewer of Đắk Lắk's busiest commune
PASSWORD = "doingoai-demo"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- data


def database_url(args) -> str:
    if args.database == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'doingoai-{args.size_name}.sqlite3'}"
    base = args.pg_url.rstrip("/")
    return f"{base}/{args.pg_db or f'doingoai_bench_{args.size_name}'}"


def ensure_pg_database(args, url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not args.reuse:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
        conn.execute(f'ALTER DATABASE "{name}" SET pg_trgm.similarity_threshold = 0.3')


def protection_key_file() -> Path:
    """The bench's own key for the protection cases (the production server refuses to
    start without one): made once in bench/data/, gitignored."""
    path = DATA / "protection.key"
    if not path.exists():
        from cryptography.fernet import Fernet

        DATA.mkdir(parents=True, exist_ok=True)
        path.write_text(Fernet.generate_key().decode() + "\n")
        path.chmod(0o600)
    return path


def env_for(url: str, **extra) -> dict:
    env = dict(os.environ)
    env.update(DATABASE_URL=url, DOINGOAI_FAST_HASHER="1", AXES_ENABLED="0", **extra)
    if not (env.get("DOINGOAI_PROTECTION_KEYS") or env.get("DOINGOAI_PROTECTION_KEY_FILE")):
        env["DOINGOAI_PROTECTION_KEY_FILE"] = str(protection_key_file())
    env.pop("DEBUG", None)
    return env


def doingoai(url, *argv, **kw):
    return subprocess.run(
        [PY, "-m", "doingoai.cli", *argv], env=env_for(url), check=True, cwd=ROOT, **kw
    )


def prepare_data(args, url):
    marker = DATA / f"{args.database}-{args.size_name}.done"
    if args.database == "postgres":
        ensure_pg_database(args, url)
    elif not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
    if args.reuse and marker.exists():
        log(f"reusing {url}")
        doingoai(url, "migrate", "-v0")
        doingoai(url, "rebuild_summaries", "--if-needed")
        return json.loads(marker.read_text())
    marker.unlink(missing_ok=True)
    doingoai(url, "migrate", "-v0")
    a, r, g, p = args.counts
    started = time.monotonic()
    out = doingoai(
        url,
        "generate",
        f"--activities={a}",
        f"--resources={r}",
        f"--agreements={g}",
        f"--partners={p}",
        f"--seed={args.seed}",
        stdout=subprocess.PIPE,
        text=True,
    )
    stats = json.loads(out.stdout)
    stats["wall_seconds"] = round(time.monotonic() - started, 1)
    marker.write_text(json.dumps(stats))
    log(f"generated in {stats['wall_seconds']} s")
    return stats


# ---------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: the server being measured (its process session) and its database, for the CPU the
#: load runs cost (``cpu_seconds``)
SERVER: dict = {}


def cpu_seconds() -> float | None:
    """CPU seconds used so far by the server's processes (its session: gunicorn, its
    workers, the task worker, and the workers that ended and were reaped) and, on
    PostgreSQL, by the backends of its database: with other work on the machine a load
    run's requests/s says little, its CPU per request what the server would serve
    alone (cores / CPU per request)."""
    proc, database = SERVER.get("proc"), SERVER.get("database")
    if proc is None or not Path("/proc/self/stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            mine = int(fields[3]) == proc.pid  # the session
            if not mine and database:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
                mine = cmd.startswith("postgres: ") and f" {database} " in cmd
        except (OSError, ValueError, IndexError):
            continue
        if mine:
            total += int(fields[11]) + int(fields[12])  # utime, stime
            if int(fields[3]) == proc.pid:
                # and what its children reaped so far used (cutime, cstime): a worker
                # recycled after --max-requests leaves /proc, its CPU moves to its parent
                total += int(fields[13]) + int(fields[14])
    return total / tick


def start_server(args, url):
    port = free_port()
    cmd = [PY, "-m", "doingoai.cli", "serve", f"--bind=127.0.0.1:{port}", "--no-migrate"]
    if args.workers:
        cmd.append(f"--workers={args.workers}")
    if getattr(args, "threads", None):
        cmd.append(f"--threads={args.threads}")
    logf = open(DATA / f"server-{args.database}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        cmd,
        env=env_for(url, BENCH_TIMING="1"),
        cwd=ROOT,
        stdout=logf,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    SERVER.update(proc=proc, database=url.rsplit("/", 1)[1] if url.startswith("postgres") else "")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped; see {logf.name}")
        try:
            status, _h, _b = request(port, "GET", "/healthz")
            if status == 200:
                wait_for_writes(url, deadline)
                return proc, port
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise SystemExit("the server did not start within 600 s")


def wait_for_writes(url, deadline):
    """Wait until SQLite takes a write again: the commands the server starts (the
    reminders, sent at once) hold its write lock for seconds at the national size, and
    a login meanwhile fails with "database is locked"."""
    if not url.startswith("sqlite:///"):
        return
    import sqlite3

    waited = time.monotonic()
    while time.monotonic() < deadline:
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=1)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.rollback()
            break
        except sqlite3.OperationalError:
            time.sleep(0.5)
        finally:
            conn.close()
    if time.monotonic() - waited > 1:
        log(f"waited {time.monotonic() - waited:.0f} s for the database's write lock")


def stop_server(proc):
    """Stop the server and its workers (its own process group, started above)."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def request(port, method, path, body=None, headers=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, resp, data
    finally:
        conn.close()


def login(port, username) -> str:
    """Log in through the login form; returns the Cookie header."""
    status, resp, body = request(port, "GET", "/accounts/login/")
    cookies = {}
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    status, resp, body = request(
        port,
        "POST",
        "/accounts/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}/accounts/login/",
        },
    )
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    if status != 302 or "sessionid" not in cookies:
        raise SystemExit(f"login as {username} failed ({status})")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def timed_get(port, path, cookie):
    t0 = time.perf_counter()
    status, resp, body = request(port, "GET", path, headers={"Cookie": cookie})
    wall = (time.perf_counter() - t0) * 1000
    st = resp.getheader("Server-Timing") or ""
    m = re.search(r"app;dur=([\d.]+)", st)
    c = re.search(r"cpu;dur=([\d.]+)", st)
    CPU.append(float(c.group(1)) if c else None)
    return status, float(m.group(1)) if m else wall, wall, len(body)


#: CPU ms of the last requests (Server-Timing "cpu"), read by the measuring loop
CPU: list = []


def percentile(values, p):
    values = sorted(values)
    if not values:
        return None
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# ---------------------------------------------------------------- in-process


def setup_django(url):
    os.environ.update(env_for(url))
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()


def targets() -> dict:
    """Ids of the records and units the pages are measured on."""
    from django.db.models import Count

    from doingoai.agreements.models import Agreement
    from doingoai.organization import services as org
    from doingoai.organization.models import Unit
    from doingoai.partners.models import Partner

    central = org.central_unit()
    daklak = org.province("Đắk Lắk")
    ag = Agreement.objects.order_by("pk").values_list("pk", flat=True)
    agreement = ag[ag.count() // 2] if ag.count() else None
    partner = (
        Partner.objects.filter(subdivision="LA-CH")
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    partner = partner or Partner.objects.order_by("pk").values_list("pk", flat=True).first()
    # the busiest partner among the first Chămpasăk ones: its page lists the most
    first = list(
        Partner.objects.filter(subdivision="LA-CH").order_by("pk").values_list("pk", flat=True)[:50]
    )
    cand = list(
        Partner.objects.filter(pk__in=first)
        .annotate(n=Count("activities"))
        .order_by("-n")
        .values_list("pk", flat=True)
    )
    commune = commune_target(daklak)
    CHANGED_IN.update(elsewhere=org.province("Hà Nội").pk, own=daklak.pk)
    return {
        "central": central.pk,
        "province": daklak.pk,
        "province_units": list(
            Unit.objects.filter(path__startswith=daklak.path).values_list("pk", flat=True)
        ),
        "commune": commune.pk if commune else None,
        "agreement": agreement,
        "partner": cand[0] if cand else partner,
        "province_partner": busiest_partner(daklak.path),
        "commune_partner": busiest_partner(commune.path) if commune else None,
        "units": Unit.objects.count(),
    }


def commune_target(province):
    """The commune of ``province`` that organized the most activities."""
    from django.db.models import Count

    from doingoai.activities.models import Activity
    from doingoai.organization.models import Unit

    top = (
        Activity.objects.filter(unit__path__startswith=province.path, unit__level="commune")
        .values("unit_id")
        .annotate(n=Count("id"))
        .order_by("-n", "unit_id")
        .first()
    )
    return Unit.objects.get(pk=top["unit_id"]) if top else None


def busiest_partner(path: str):
    """A partner of the activities organized in the subtree at ``path`` (in that
    scope's readers' view): the one with the most of them."""
    from django.db.models import Count

    from doingoai.activities.models import Activity

    through = Activity.partners.through
    top = (
        through.objects.filter(activity__unit__path__startswith=path)
        .values("partner_id")
        .annotate(n=Count("id"))
        .order_by("-n", "partner_id")
        .first()
    )
    return top["partner_id"] if top else None


def scoped_users(t) -> dict:
    """The readers measured: the central viewer, the province's user, and a viewer of
    the commune (made here, idempotent)."""
    from doingoai.core.scope import Role
    from doingoai.organization.models import User

    if t["commune"]:
        user = User.objects.filter(username=COMMUNE_USER).first() or User(username=COMMUNE_USER)
        user.set_password(PASSWORD)
        user.full_name = "Bench commune viewer"
        user.unit_id = t["commune"]
        user.role = Role.VIEWER
        user.is_active = True
        user.save()
    return {
        u.username: u for u in User.objects.filter(username__in=[USER, PROVINCE_USER, COMMUNE_USER])
    }


def set_targets(t) -> int:
    """Term XIII targets of every kind, set by the central union for the provinces and by
    the province for its communes, so /targets/ measures every kind (idempotent)."""
    from decimal import Decimal

    from doingoai.organization.models import Term
    from doingoai.targets.models import PERCENT, Measure, Target

    term = Term.objects.filter(name="XIII").first()
    if term is None:
        return 0
    made = 0
    for unit_id in (t["central"], t["province"]):
        for measure in Measure.values:
            value = Decimal(100) if measure in PERCENT else Decimal(2)
            _obj, created = Target.objects.get_or_create(
                unit_id=unit_id, term=term, measure=measure, defaults={"value": value}
            )
            made += created
    return made


def pages(t, year, kind, last_page) -> list[dict]:
    page = min(200, last_page)
    list_q = f"unit={t['central']}&year={year}&kind={kind}"
    admin_q = f"kind__exact={kind}&start_date__year={year}"
    return [
        {
            "name": "dashboard central (term XIII)",
            "path": f"/?unit={t['central']}&term=XIII",
            "slow": True,
        },
        {
            "name": "dashboard province (term XIII)",
            "path": f"/?unit={t['province']}&term=XIII",
            "slow": True,
            "own": True,
        },
        {
            "name": "targets central (term XIII, 34 provinces)",
            "path": f"/targets/?unit={t['central']}&term=XIII",
            "slow": True,
        },
        {
            "name": "targets province (term XIII, its communes)",
            "path": f"/targets/?unit={t['province']}&term=XIII",
            "slow": True,
            "own": True,
        },
        {
            "name": "activity list p1 (unit, year, kind)",
            "path": f"/activities/?{list_q}",
            "admin": f"/admin/activities/activity/?{admin_q}",
        },
        {
            "name": f"activity list p{page} (unit, year, kind)",
            "path": f"/activities/?{list_q}&page={page}",
            "admin": f"/admin/activities/activity/?{admin_q}&p={page - 1}",
        },
        {"name": "agreement detail", "path": f"/agreements/{t['agreement']}/"},
        {"name": "partner detail", "path": f"/partners/{t['partner']}/"},
        {"name": "search champasak", "path": "/search/?q=champasak", "kept": True},
        {"name": "search dak lak", "path": "/search/?q=dak+lak", "kept": True},
        {
            "name": "API activity list",
            "path": f"/api/v1/activities/?kind={kind}&year={year}&limit=25",
        },
        *(
            {
                "name": f"term report {fmt} (whole country)",
                "path": f"/reports/unit/{t['central']}/?term=XIII&format={fmt}",
                "slow": True,
                "saved": True,
            }
            for fmt in ("xlsx", "docx", "pdf")
        ),
        *scoped_pages(t, page),
    ]


def scoped_pages(t, page) -> list[dict]:
    """The same kinds of pages as a province's user and a commune's user read them:
    their own lists (their scope: owned under their unit, taking part, shared with
    them), their search, their dashboard, a partner page in their scope. The admin
    changelist of a list is filtered to the units of the subtree (owned only)."""
    out = []
    province_ids = ",".join(map(str, t["province_units"]))
    for who, user, unit, partner, admin_q in (
        ("province", PROVINCE_USER, t["province"], t["province_partner"], province_ids),
        ("commune", COMMUNE_USER, t["commune"], t["commune_partner"], str(t["commune"])),
    ):
        if unit is None:
            continue
        out += [
            {
                "name": f"{who} user: dashboard (term XIII)",
                "path": f"/?unit={unit}&term=XIII",
                "user": user,
                "slow": True,
                "own": True,
            },
            {
                "name": f"{who} user: activity list p1",
                "path": "/activities/",
                "user": user,
                "admin": f"/admin/activities/activity/?unit__id__in={admin_q}",
            },
            {
                "name": f"{who} user: resource list p1",
                "path": "/resources/",
                "user": user,
                "admin": f"/admin/resources/resource/?unit__id__in={admin_q}",
            },
            {
                "name": f"{who} user: search dak lak",
                "path": "/search/?q=dak+lak",
                "user": user,
                "kept": True,
            },
        ]
        if who == "province":
            out.append(
                {
                    "name": f"{who} user: activity list p{page}",
                    "path": f"/activities/?page={page}",
                    "user": user,
                    "admin": f"/admin/activities/activity/?unit__id__in={admin_q}&p={page - 1}",
                }
            )
        if partner:
            out.append(
                {
                    "name": f"{who} user: partner detail",
                    "path": f"/partners/{partner}/",
                    "user": user,
                }
            )
    return out


#: where the bench's changes are made: "elsewhere" is a commune of Hà Nội (another
#: province than Đắk Lắk, whose pages are measured), "own" a commune of Đắk Lắk
#: (the province's subtree ids, set by ``targets()``)
CHANGED_IN: dict[str, int | None] = {"elsewhere": None, "own": None}


SAVED: dict = {}


def form_data(kind, record, user) -> dict:
    """The edit form's data of ``record`` as its page would post it (empty values left out)."""
    from doingoai.core.writing import current_data

    return {k: v for k, v in current_data(kind, record, user).items() if v is not None}


def real_save() -> None:
    """A real save, not only the versions a save moves: an activity held in a commune of
    Hà Nội during term XIII saved through the one write path with a participant count it
    never had before (a number above a million unique to this run and request), so the
    country's participant total in the term report's body is new each time and every
    figure and rendered part that depends on it is made again (alternating two values
    would find both bodies' layouts in the PDF's cache after the second save)."""
    from doingoai.activities.models import Activity
    from doingoai.core.registry import REGISTRY
    from doingoai.core.writing import record_save
    from doingoai.organization.models import Term, Unit, User

    kind = REGISTRY["activities"]
    if "pk" not in SAVED:
        hanoi = Unit.objects.get(pk=CHANGED_IN["elsewhere"])
        term = Term.objects.filter(name="XIII").order_by("pk").first()
        SAVED["admin"] = User.objects.get(username=ADMIN)
        SAVED["pk"] = (
            Activity.objects.filter(
                unit__path__startswith=hanoi.path,
                state=Activity.State.RECORDED,
                parent__isnull=True,
                participants_total__gt=0,
                start_date__gte=term.start_date,
                start_date__lte=min(term.end_date, dt.date.today()),
            )
            .exclude(unit=hanoi)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
        SAVED["base"] = 1_000_000 + int(time.time()) % 100_000 * 100
    activity = Activity.objects.get(pk=SAVED["pk"])
    data = form_data(kind, activity, SAVED["admin"])
    SAVED["base"] += 1
    data["participants_total"] = SAVED["base"]
    record_save(kind=kind, acting_user=SAVED["admin"], data=data, instance=activity)


def bump(topic: str | None = "activities", where: str = "elsewhere"):
    """Exactly what a save that moves a figure moves (``tests/reports/
    test_subtree_versions.py`` checks it against a real save): the saved record's entry
    in the search index written again (``reindex_one``: its change logged, which every
    search then reads), the data version and the version of the saved record's app
    (``activities``: an activity saved, the commonest change; ``resources``: aid
    recorded; None: everything), then, as its summary rows changed, the version of the
    subtree it lies in (the province of the commune: ``where``; a save that moves no
    figure, a title edited, leaves it) and, for aid, its resources' version there
    (``res``); not its partners' reach (no partner changed). ``delegations``: an
    activity saved that is a delegation (a quarter of them), which moves its
    delegations' version there too (``dlg``). And the ``seen`` versions of the units
    above those the record touches (``core.seen``: its commune, its province, the
    root; its participants' and sharers' paths). In one transaction, as a save's."""
    from django.db import transaction

    from doingoai.core import seen
    from doingoai.core.models import bump_data_version, bump_topics, subtree_topic

    if topic == "saved":
        real_save()
        return
    app = "activities" if topic == "delegations" else topic
    unit = CHANGED_IN.get(where)
    with transaction.atomic():
        record = reindex_one(app, unit)
        bump_data_version(app)
        if record is not None:
            bump_topics(seen.seen_topic(u) for u in seen.touched(type(record), [record.pk]))
        if topic is not None and unit:
            parts = {"activities": ("unit",), "delegations": ("unit", "dlg")}.get(
                topic, ("unit", "res")
            )
            bump_topics(subtree_topic(unit, part) for part in parts)


def reindex_one(topic: str | None, unit: int | None):
    """The search index entry of the record a save of ``topic`` (activities, resources)
    in a commune of ``unit`` would have written: the newest such record, indexed again
    through the save's own path (``searchindex.index_objects``). That record, or None."""
    from doingoai.core.registry import REGISTRY
    from doingoai.core.searchindex import index_objects
    from doingoai.organization.models import Unit

    if topic not in ("activities", "resources") or not unit:
        return None
    model = REGISTRY[topic].model
    key = ("reindexed", topic, unit)
    record = model._base_manager.filter(pk=SAVED[key]).first() if SAVED.get(key) else None
    if record is None:
        path = Unit.objects.get(pk=unit).path
        records = model._base_manager.order_by("-pk").filter(unit__path__startswith=path)
        record = records.exclude(unit_id=unit).first() or records.first()
        SAVED[key] = record.pk if record else None
    if record is not None:
        index_objects([record])
    return record


def raw_sql_ms(client, path, repeat=5) -> tuple[float | None, int, int]:
    """Render ``path`` in-process, uncached, capturing (sql, params); replay them on a
    cursor. Returns (median ms of the replay, statements, status)."""
    from django.db import connection

    bump(None)  # nothing cached: the statements of a full render
    # and a change in the search index to catch up on, as after a save
    reindex_one("activities", CHANGED_IN.get("elsewhere"))
    captured = []

    def wrapper(execute, sql, params, many, context):
        captured.append((sql, params, many))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        response = client.get(path)
    if os.environ.get("BENCH_SHOW_SQL"):  # what is replayed: the page's own statements
        for sql, _params, _many in captured:
            log("   ", " ".join(sql.split())[:160])
    stmts = [
        (s, p, m)
        for s, p, m in captured
        if s.lstrip().upper().startswith(("SELECT", "WITH", "EXPLAIN"))
    ]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with connection.cursor() as cur:
            for sql, params, many in stmts:
                if many:
                    cur.executemany(sql, params)
                else:
                    cur.execute(sql, params)
                    cur.fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times) if times else None, len(stmts), response.status_code


# ---------------------------------------------------------------- load


WRK_SCRIPT = """
paths = {%(paths)s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Cookie"] = "%(cookie)s"})
end
"""


def wrk_run(port, cookie, paths, clients, seconds, changes_per_s=0.0):
    """``wrk`` against the server: requests/s, latency percentiles, errors. With
    ``changes_per_s`` the data version is bumped that often meanwhile (edits elsewhere
    in the country): pages and figures are rendered again after each."""
    import shutil
    import tempfile

    exe = shutil.which("wrk")
    if exe is None:
        return None
    lua = WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths), "cookie": cookie}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    stop = threading.Event()

    def changes():
        # activities saved in Hà Nội, every fourth a delegation (a quarter of the
        # activities are: the report's delegations are counted again after it)
        n = 0
        while not stop.wait(1 / changes_per_s):
            n += 1
            bump("delegations" if n % 4 == 0 else "activities")

    bumper = threading.Thread(target=changes, daemon=True) if changes_per_s else None
    cpu_before = cpu_seconds()
    if bumper:
        bumper.start()
    try:
        out = subprocess.run(
            [
                exe,
                "-t2",
                f"-c{clients}",
                f"-d{int(seconds)}s",
                "--latency",
                "--timeout",
                "30s",
                "-s",
                f.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=True,
        ).stdout
    finally:
        stop.set()
        os.unlink(f.name)
    cpu_after = cpu_seconds()

    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return None
        value, unit = float(m.group(1)), m.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 1)

    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    return {
        "client": "wrk",
        "clients": clients,
        "seconds": seconds,
        "requests": total,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "errors": errors,
        "changes_per_s": changes_per_s,
        "cpu_s": (
            round(cpu_after - cpu_before, 2)
            if cpu_before is not None and cpu_after is not None
            else None
        ),
        # the server's and its database's CPU per request served (see cpu_seconds)
        "cpu_ms_per_request": (
            round((cpu_after - cpu_before) * 1000 / total, 2)
            if cpu_before is not None and cpu_after is not None and total
            else None
        ),
    }


def load_run(port, cookie, paths, clients, seconds, changes_per_s=0.0):
    found = wrk_run(port, cookie, paths, clients, seconds, changes_per_s)
    if found is not None:
        return found
    stop = time.monotonic() + seconds
    lat, errors, lock = [], [0], threading.Lock()

    def worker(i):
        n = i
        while time.monotonic() < stop:
            path = paths[n % len(paths)]
            n += 1
            try:
                status, server_ms, wall, _size = timed_get(port, path, cookie)
                ok = status == 200
            except OSError:
                ok, wall = False, None
            with lock:
                if ok:
                    lat.append(wall)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 130)
    elapsed = time.monotonic() - t0
    return {
        "client": "python",
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(lat),
        "rps": round(len(lat) / elapsed, 1),
        "p50_ms": round(percentile(lat, 50) or 0, 1),
        "p99_ms": round(percentile(lat, 99) or 0, 1),
        "errors": errors[0],
        "changes_per_s": changes_per_s,
    }


# ---------------------------------------------------------------- main


def fmt(v, digits=1):
    return "—" if v is None else f"{v:.{digits}f}"


#: the server's workers: each renders a page once after a change before the page's
#: measured requests (``warm_workers``); 0 with ``--cold-workers``
WORKERS: dict = {"n": 0}


def warm_workers(port, cookie, path, cold) -> None:
    """Every server worker renders ``path`` after a change before it is measured so.

    The bench's server has just started. A worker's first render of a page costs what
    a server that has run for a working day paid long before: its kept queries built
    (``core.keptquery``, per process), Python's first run of that code, its database
    connection. Measured per worker on this machine (1M activities): the central
    dashboard after a change 64-87 ms in a worker's first render against 38-44 in its
    next ones; the API's activity list 13-25 ms against 5. Without this, the requests
    after a change land on workers that never rendered the page (gunicorn's sync
    workers take them in no set order) and the times mix the two. Twice as many
    requests as workers are sent at once (a sync worker takes one at a time), each
    after a change of its own (the changes made one after the other), so each is
    rendered, not served from another's render."""
    n = WORKERS["n"]
    if not n:
        return
    from django.db import connections

    lock = threading.Lock()

    def one():
        try:
            with lock:
                bump(*cold)
            request(port, "GET", path, headers={"Cookie": cookie})
        finally:
            connections.close_all()  # this thread's

    threads = [threading.Thread(target=one) for _ in range(2 * n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def measure(port, cookie, path, repeat, warm, cold=None) -> tuple[list, list, int]:
    """Server times of ``repeat`` requests after ``warm`` warm-ups; ``cold``: the app
    whose data version is bumped before each request (the first view after a change
    of that app's records), once every worker has rendered the page after a change
    (``warm_workers``)."""
    times, cpus, status = [], [], None
    if cold:
        warm_workers(port, cookie, path, cold)
    for i in range(repeat + warm):
        if cold:
            bump(*cold)
        status, server_ms, _wall, _size = timed_get(port, path, cookie)
        if i >= warm:
            times.append(server_ms)
            cpus.append(CPU[-1])
    return times, cpus, status


def row_for(args, rows, name, path, times, cpus, status, raw, nstmts, admin=None):
    p50 = percentile(times, 50)
    return {
        "name": name,
        "database": args.database,
        "rows": rows,
        "p50_ms": round(p50, 2),
        "p95_ms": round(percentile(times, 95), 2),
        "p99_ms": round(percentile(times, 99), 2),
        "raw_sql_ms": round(raw, 2) if raw is not None else None,
        "admin_ms": round(admin, 2) if admin is not None else None,
        "ratio_raw": round(p50 / raw, 2) if raw else None,
        # the same list in Django's admin changelist (not cached: after a change too)
        "ratio_admin": round(p50 / admin, 2) if admin else None,
        "status": status,
        "queries": nstmts,
        "path": path,
        "cpu_p50_ms": round(statistics.median(c for c in cpus if c is not None), 2)
        if any(c is not None for c in cpus)
        else None,
    }


#: the records saved through their edit form by the bench's write step, and the text
#: field each save changes
WRITES = (
    ("activities", "an activity", "outcomes"),
    ("resources", "an aid record", "notes"),
    ("agreements", "an agreement", "notes"),
)
WRITE_REPEAT = 20


def write_ms(client, t) -> list[dict]:
    """An activity, an aid record and an agreement of the province each edited through
    its form, in this process, ``WRITE_REPEAT`` times after one warm-up: the save, its
    history, search index, data versions and summary cells (p50, p95, max)."""
    from django.urls import reverse

    from doingoai.core.registry import REGISTRY
    from doingoai.organization.models import User

    admin = User.objects.get(username=ADMIN)
    client.force_login(admin)
    out = []
    for slug, label, field in WRITES:
        kind = REGISTRY[slug]
        records = kind.model.objects.order_by("-pk")
        # the province's own newest record, or the newest anywhere (small sizes)
        record = records.filter(unit_id=t["province"]).first() or records.first()
        url = reverse(f"{slug}_edit", args=[record.pk])
        times = []
        for i in range(WRITE_REPEAT + 1):
            record.refresh_from_db()
            data = form_data(kind, record, admin)
            data.update({field: f"Đã sửa lần {i}", "version": record.version})
            t0 = time.perf_counter()
            response = client.post(url, data)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 302:
                raise SystemExit(
                    f"saving {label} ({record.pk}) failed ({response.status_code}): "
                    f"{response.content.decode()[:500]}"
                )
        times = times[1:]
        out.append(
            {
                "name": f"save {label} (edit form, in-process)",
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 95), 1),
                "max_ms": round(max(times), 1),
            }
        )
    client.force_login(User.objects.get(username=USER))
    return out


def size(text: str) -> tuple[str, tuple[int, ...]]:
    """(name, counts) of a named size or of four counts ``A,R,G,P``."""
    if text in SIZES:
        return text, SIZES[text]
    parts = text.split(",")
    if len(parts) != 4 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(
            f"{text!r}: one of {', '.join(SIZES)}, or four whole numbers 0 or more "
            "(activities,resources,agreements,partners)"
        )
    counts = tuple(int(p) for p in parts)
    return "x".join(map(str, counts)), counts


def page_raw_sql(client, users, reader, page, slow):
    """The raw SQL time of ``page`` as ``reader`` sees it, or None when the in-process
    render was not a 200 (then the statements are an error's or a redirect's)."""
    client.force_login(users[reader])
    if page.get("kept"):  # the search's matches kept before (the first search of a word aside)
        client.get(page["path"])
    raw, nstmts, raw_status = raw_sql_ms(client, page["path"], repeat=2 if slow else 5)
    client.force_login(users[USER])
    if raw_status != 200:
        log(f"{page['name']}: rendered in-process with {raw_status}, no raw SQL")
        raw = None
    return raw, nstmts


def changes_for(page: dict) -> list[tuple[tuple, str]]:
    """The changes each first view of ``page`` is measured after: an activity saved in a
    commune of Hà Nội (another province than the pages'); for the figures aid recorded
    (the partners ranked again); for a page of Đắk Lắk a change in it too; for the
    report a delegation saved there (its delegations counted again) and a real save
    that changes its body."""
    changes = [(("activities", "elsewhere"), "after a change")]
    if page.get("slow"):
        changes.append((("resources", "elsewhere"), "after an aid record changed"))
    if page.get("saved"):
        changes.append((("delegations", "elsewhere"), "after a delegation changed"))
        changes.append((("saved",), "after an activity saved (figures changed)"))
    if page.get("own"):
        changes.append((("activities", "own"), "after a change in its own province"))
    return changes


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--size", default="medium", type=size, help="tiny, small, medium, full, or A,R,G,P counts"
    )
    ap.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument(
        "--pg-db", default=None, help="PostgreSQL database name (default doingoai_bench_SIZE)"
    )
    ap.add_argument("--reuse", action="store_true", help="reuse data generated before")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=30, help="requests per page")
    ap.add_argument("--cold-repeat", type=int, default=10, help="requests per page after a change")
    ap.add_argument("--workers", type=int, default=None, help="server workers")
    ap.add_argument("--threads", type=int, default=None, help="threads per server worker")
    ap.add_argument(
        "--slow-repeat",
        type=int,
        default=5,
        help="requests after a change for the dashboards and the report",
    )
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=20.0, help="load run seconds")
    ap.add_argument("--year", type=int, default=2024)
    ap.add_argument("--kind", default="workshop")
    ap.add_argument(
        "--only",
        action="append",
        default=[],
        help="measure only the pages whose name contains this (repeatable), e.g. targets",
    )
    ap.add_argument(
        "--cold-workers",
        action="store_true",
        help="measure a page after a change without every worker rendering it once first "
        "(workers' first renders then among the times: stop 33 and before measured so)",
    )
    ap.add_argument("--no-load", action="store_true", help="skip the write and the load runs")
    ap.add_argument(
        "--load-only",
        action="store_true",
        help="only the write and the load runs (over every page), no page measured alone",
    )
    args = ap.parse_args(argv)
    args.size_name, args.counts = args.size
    url = database_url(args)
    gen = prepare_data(args, url)
    setup_django(url)

    from django.conf import settings
    from django.test import Client

    from doingoai.activities.models import Activity
    from doingoai.organization.models import User

    settings.PAGE_CACHE = False  # this process renders pages only to capture their SQL
    rows = Activity.objects.count()
    t = targets()
    users = scoped_users(t)
    log(f"targets: {set_targets(t)} term XIII targets set (every kind)")
    matching = Activity.objects.filter(start_date__year=args.year, kind=args.kind).count()
    plan = pages(t, args.year, args.kind, max(1, (matching + 24) // 25))
    if args.only:
        plan = [p for p in plan if any(o.lower() in p["name"].lower() for o in args.only)]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=USER))

    from doingoai.core.management.commands.serve import default_workers

    WORKERS["n"] = 0 if args.cold_workers else (args.workers or default_workers())
    proc, port = start_server(args, url)
    results = []
    try:
        cookies = {name: login(port, name) for name in users}
        cookie = cookies[USER]
        admin_cookie = login(port, ADMIN)
        for page in [] if args.load_only else plan:
            slow = page.get("slow")
            reader = page.get("user", USER)
            raw, nstmts = page_raw_sql(client, users, reader, page, slow)
            times, cpus, status = measure(port, cookies[reader], page["path"], args.repeat, warm=2)
            admin = None
            if page.get("admin"):
                at, _c, st = measure(port, admin_cookie, page["admin"], min(args.repeat, 10), 1)
                admin = statistics.median(at) if st == 200 else None
            row = row_for(
                args, rows, page["name"], page["path"], times, cpus, status, raw, nstmts, admin
            )
            results.append(row)
            log(
                f"{row['name']:<44} {status} p50 {fmt(row['p50_ms'])} p95 "
                f"{fmt(row['p95_ms'])} raw {fmt(row['raw_sql_ms'])} ({nstmts} q) "
                f"admin {fmt(row['admin_ms'])}"
            )
            repeat = args.slow_repeat if slow else args.cold_repeat
            for topic, label in changes_for(page):
                times, cpus, status = measure(
                    port, cookies[reader], page["path"], repeat, warm=0, cold=topic
                )
                row = row_for(
                    args,
                    rows,
                    f"{page['name']}, {label}",
                    page["path"],
                    times,
                    cpus,
                    status,
                    raw,
                    nstmts,
                    admin,
                )
                results.append(row)
                log(
                    f"{row['name']:<44} {status} p50 {fmt(row['p50_ms'])} p95 "
                    f"{fmt(row['p95_ms'])} raw {fmt(row['raw_sql_ms'])}"
                )
        writes, load = (
            (None, {}) if args.no_load else write_and_load(args, client, t, port, cookie, plan)
        )
    finally:
        stop_server(proc)
    write_results(args, results, load, gen, rows, writes)


def write_and_load(args, client, t, port, cookie, plan) -> tuple[dict, dict]:
    """One write, then the two load runs over the pages (as is, with a change a second)."""
    writes = write_ms(client, t)
    log(f"{writes}")
    # the central viewer's pages (the others are measured under their own readers)
    mix = [p["path"] for p in plan if "user" not in p] or [p["path"] for p in plan]
    load = load_run(port, cookie, mix, args.clients, args.duration)
    log(f"load: {load}")
    load["with_changes"] = load_run(
        port, cookie, mix, args.clients, args.duration, changes_per_s=1.0
    )
    log(f"load with a change every second: {load['with_changes']}")
    return writes, load


def write_results(args, results, load, gen, rows, writes=None):
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d-%H%M")
    base = RESULTS / f"{stamp}-{args.database}-{args.size_name}"
    n = 2
    while Path(f"{base}.json").exists():  # two runs in one minute: keep both
        base = RESULTS / f"{stamp}-{args.database}-{args.size_name}-{n}"
        n += 1
    keys = [
        "name",
        "database",
        "rows",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "raw_sql_ms",
        "admin_ms",
        "ratio_raw",
    ]
    Path(f"{base}.json").write_text(
        json.dumps([{k: r[k] for k in keys} for r in results], indent=1, ensure_ascii=False)
    )
    Path(f"{base}-load.json").write_text(
        json.dumps({**load, "write": writes, "generation": gen}, indent=1)
    )
    cores = len(os.sched_getaffinity(0))
    lines = [
        f"# Benchmark {stamp}: {args.database}, {rows:,} activities",
        "",
        f"{cores} cores, load average at start {os.getloadavg()[0]:.1f}; server: "
        f"`doingoai serve` (gunicorn, {args.workers or 2 * cores + 1} workers); "
        f'{args.repeat} requests per page after 2 warm-ups; "after a change": the data '
        "versions moved exactly as an activity saved in a commune of Hà Nội moves them "
        "(the global one, the activities' app's, Hà Nội's subtree's; not its "
        "delegations' nor its partners' reach: it is no delegation and no partner "
        "changed), before each of "
        f"{args.cold_repeat} requests "
        f"({args.slow_repeat} for the dashboards and the report), so the page is rendered "
        "again and the figures of the changed subtree (and the units above it) read again; "
        '"after an aid record changed": the same for a resource (the partners\' ranking '
        'read again); "after a change in its own province": the activity saved in a '
        'commune of Đắk Lắk, for Đắk Lắk\'s pages; "after a delegation changed": the '
        "same for a delegation (Hà Nội's delegations' version moved too: the report's "
        'delegations read again); "after an activity saved (figures '
        "changed)\": a real save through the write path that changes the report's body. "
        + (
            f"Before a page's requests after a change each of the {WORKERS['n']} workers "
            "renders it after a change (a server that has run for a while has; "
            "`warm_workers`). "
            if WORKERS["n"]
            else "Workers' first renders of a page are among the times (`--cold-workers`). "
        )
        + "Times are the server's (Server-Timing); "
        "raw SQL is the statements of the page rendered uncached, replayed on a cursor.",
        "",
        "| page | status | p50 ms | p95 ms | p99 ms | raw SQL ms | × raw | admin ms | × admin "
        "| queries | CPU p50 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['name']} | {r['status']} | {fmt(r['p50_ms'])} | {fmt(r['p95_ms'])} | "
            f"{fmt(r['p99_ms'])} | {fmt(r['raw_sql_ms'])} | {fmt(r['ratio_raw'])} | "
            f"{fmt(r['admin_ms'])} | {fmt(r.get('ratio_admin'))} | {r['queries']} | "
            f"{fmt(r['cpu_p50_ms'])} |"
        )
    lines.append("")
    if writes:
        lines += [
            f"Write: {w['name']}: p50 {w['p50_ms']} ms, p95 {w['p95_ms']} ms, "
            f"max {w['max_ms']} ms ({WRITE_REPEAT} saves)."
            for w in writes
        ] + [""]
    for title, run in (
        ("Load", load),
        ("Load with a change every second", load.get("with_changes")),
    ):
        if run:
            lines += [
                f"{title}: {run['clients']} clients ({run['client']}) for {run['seconds']} s "
                f"over the pages above: **{run['rps']} requests/s**, p50 {run['p50_ms']} ms, "
                f"p99 {run['p99_ms']} ms (client side), {run['errors']} errors; "
                f"server and database CPU {run.get('cpu_ms_per_request')} ms a request.",
                "",
            ]
    if gen.get("seconds"):
        lines.append(f"Data generated in {gen.get('wall_seconds', gen['seconds'])} s.")
    Path(f"{base}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    log(f"wrote {base}.json and {base}.md")


if __name__ == "__main__":
    main()
