"""The national data generator at a small size: counts, every kind, determinism, scope."""

import datetime as dt
from decimal import Decimal

import pytest

from doingoai.activities.models import Activity, ActivityPlace
from doingoai.agreements.models import Agreement, Review
from doingoai.demo.generate import generate, reset
from doingoai.organization.models import Unit, User
from doingoai.partners.models import Partner
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = dt.date(2026, 6, 30)
SMALL = {"activities": 2000, "resources": 400, "agreements": 100, "partners": 200}


def run(seed=3, **kw):
    return generate(
        **{**SMALL, **kw},
        seed=seed,
        quiet=True,
        today=TODAY,
        commune_provinces=["66"],
        search=False,
    )


def snapshot():
    return {
        "activities": list(
            Activity.objects.order_by("pk").values_list(
                "pk", "title", "kind", "start_date", "unit__code", "search_text"
            )
        ),
        "partners": list(
            Partner.objects.order_by("pk").values_list("name_vi", "country", "subdivision", "kind")
        ),
        "resources": list(
            Resource.objects.order_by("pk").values_list(
                "title", "currency", "amount", "amount_vnd", "amount_usd"
            )
        ),
        "links": Activity.partners.through.objects.count(),
    }


def test_counts_kinds_money_and_history():
    stats = run()
    assert Activity.objects.count() == 2000
    assert Resource.objects.count() == 400
    assert Agreement.objects.count() == 100
    assert Partner.objects.count() == 200
    assert stats["activities.Activity"] == 2000
    assert set(Activity.objects.values_list("kind", flat=True)) == set(Activity.Kind.values)
    assert len(set(Partner.objects.values_list("country", flat=True))) > 15
    assert set(Resource.objects.values_list("currency", flat=True)) >= {"VND", "USD", "EUR"}
    assert ActivityPlace.objects.filter(country="LA").exclude(subdivision="").exists()
    assert Review.objects.count() == 200
    assert Activity.history.count() > 100
    # dates span the twenty years and stay within the horizon
    first = Activity.objects.order_by("start_date").first().start_date
    assert first.year == 2006
    # the money is computed the way Resource.save computes it
    for r in Resource.objects.all()[:100]:
        assert r.amount == (r.quantity * r.unit_value).quantize(Decimal("0.01"))
        assert r.amount_vnd is not None and r.amount_usd is not None
    # old provinces before the 2025 merger, today's provinces and communes after
    old = Activity.objects.filter(unit__valid_to__isnull=False)
    assert old.exists() and not old.filter(start_date__gte=dt.date(2025, 7, 1)).exists()
    assert Activity.objects.filter(unit__level=Unit.Level.COMMUNE).exists()


#: a quarter of SMALL: every step of the generator runs, three times over
QUARTER = {kind: n // 4 for kind, n in SMALL.items()}


def test_same_seed_same_data():
    run(seed=11, **QUARTER)
    first = snapshot()
    assert len(first["activities"]) == QUARTER["activities"] and first["links"]
    reset()
    run(seed=11, **QUARTER)
    assert snapshot() == first
    reset()
    run(seed=12, **QUARTER)
    assert snapshot()["activities"] != first["activities"]


def test_scope_still_works():
    run()
    daklak = User.objects.get(username="daklak")
    central = User.objects.get(username="trunguong")
    seen = Activity.objects.restrict(daklak, "view")
    assert 0 < seen.count() < Activity.objects.count()
    path = daklak.unit.path
    for a in seen.select_related("unit")[:200]:
        assert a.unit.path.startswith(path) or a.units.filter(path__startswith=path).exists()
    assert Activity.objects.restrict(central, "view").count() == Activity.objects.count()
    # partners are one shared directory: everyone reads them all
    assert Partner.objects.restrict(daklak, "view").count() == Partner.objects.count()


def test_summaries_of_generated_data_match_counting(transactional_db, world, monkeypatch):
    """The summary tables rebuilt after a bulk load give the figures counted from the
    records: twenty years of every kind, old provinces, communes, open agreements."""
    from doingoai.reports import summaries
    from reports.test_summaries import assert_same

    run(seed=5)
    assert summaries.is_valid()
    communes = list(
        Unit.objects.filter(level=Unit.Level.COMMUNE, parent=world.daklak)
        .filter(activities_organized__isnull=False)
        .distinct()[:1]
    )
    assert communes
    assert (
        assert_same(world, [world.central, world.daklak, world.hanoi, *communes], monkeypatch) == 16
    )


def test_bad_counts_are_refused_on_the_command_line(tmp_path):
    """``doingoai generate --activities=-5`` says what is wrong and writes nothing
    (it used to run for minutes with the other kinds at national size)."""
    import os
    import subprocess
    import sys

    db = tmp_path / "g.sqlite3"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST")
    }
    env["DATABASE_URL"] = f"sqlite:///{db}"
    for arg, message in (
        ("--activities=-5", "must be 0 or more, not -5"),
        ("--partners=nhiều", "not a whole number: 'nhiều'"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "doingoai.cli", "generate", arg],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2
        assert message in done.stderr and arg.split("=")[0] in done.stderr
    assert not db.exists() or db.stat().st_size == 0


def test_bench_refuses_a_size_it_cannot_generate():
    """``bench/run.py --size`` takes a named size or four counts; anything else is
    refused before any data is generated or any server started."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "bench" / "run.py"
    for bad in ("huge", "5,-1,2,3", "1,2,3"):
        done = subprocess.run(
            [sys.executable, str(script), "--size", bad], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2
        assert f"argument --size: '{bad}'" in done.stderr
        assert "four whole numbers" in done.stderr


def test_bench_measures_a_province_and_a_commune_reader():
    """The bench's pages of a province's user and of a commune's user (made by the
    bench) are their own lists, search, dashboard and a partner in their scope: each
    answers 200 to its reader, and the commune's reader sees only part of the country."""
    import importlib.util
    from pathlib import Path

    from django.test import Client

    script = Path(__file__).resolve().parents[2] / "bench" / "run.py"
    spec = importlib.util.spec_from_file_location("bench_run", script)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    run()
    t = bench.targets()
    users = bench.scoped_users(t)
    assert set(users) == {"trunguong", "daklak", "bench_xa"}
    commune = users["bench_xa"].unit
    assert commune.level == Unit.Level.COMMUNE and commune.parent_id == t["province"]
    scoped = [p for p in bench.pages(t, 2024, "workshop", 3) if "user" in p]
    names = {p["name"] for p in scoped}
    for who in ("province", "commune"):
        for what in ("dashboard (term XIII)", "activity list p1", "search dak lak"):
            assert f"{who} user: {what}" in names
    assert "province user: partner detail" in names
    client = Client(HTTP_HOST="127.0.0.1")
    for page in scoped:
        client.force_login(users[page["user"]])
        assert client.get(page["path"]).status_code == 200, page
    # the commune's reader sees part of the country, not all of it
    assert (
        0 < Activity.objects.restrict(users["bench_xa"], "view").count() < Activity.objects.count()
    )
