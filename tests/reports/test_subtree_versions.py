"""Figures kept per unit subtree: a save in one province moves that province's version
only, so another province's figures stay cached, and every figure (the other
province's, the country's, the targets matrices) still equals counting the records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.reports.conftest import data_for_the_module

from doingoai.core.models import DataVersion, subtree_topic
from doingoai.core.samples import make
from doingoai.core.seen import seen_topic
from doingoai.reports import figures as F
from doingoai.reports import records as R
from doingoai.reports.periods import make_period
from doingoai.targets import completeness as C
from doingoai.targets import measures as M
from doingoai.targets.models import Measure, Target

_report_data, data = data_for_the_module()

TODAY = dt.date(2025, 11, 1)
FIGURES = ("activities", "agreements", "partners", "resources", "units")


def versions() -> dict:
    return dict(DataVersion.objects.values_list("topic", "value"))


def moved(before: dict) -> set:
    after = versions()
    return {t for t, v in after.items() if before.get(t) != v}


def counted(monkeypatch, **kw) -> dict:
    with monkeypatch.context() as m:
        m.setattr(F, "summed_months", lambda *a: None)
        return F._unit_figures(**kw)


def matrix_counted(monkeypatch, unit, period, user):
    with monkeypatch.context() as m:
        m.setattr(M, "summed_months", lambda *a: None)
        return C._matrix(unit, period, user, TODAY)


def cells(grid) -> dict:
    return {
        (row.unit.pk, c.target.measure): c.measured for row in grid.rows for c in row.cells if c
    }


def test_a_save_moves_its_province_version_only(data):
    """What the bench's "after a change" bumps is what a real save of an activity in a
    commune of Hà Nội that moves a figure moves (``bench/run.py: bump``); a save that
    moves none keeps the subtree's figures."""
    from bench import run as bench

    w = data.world
    bench.CHANGED_IN["elsewhere"] = w.hanoi.pk

    commune = make("units", w.hanoi)
    # and every reader's above the commune may see it changed (core.seen)
    seen = {seen_topic(int(u)) for u in commune.path.strip("/").split("/")}

    def hanoi(*parts):
        return {subtree_topic(w.hanoi.pk, part) for part in parts} | seen

    activity = make(
        "activities",
        commune,
        title="Giao lưu",
        kind="workshop",
        start_date=dt.date(2024, 5, 5),
        partners=[],
    )
    before = versions()
    activity.participants_total = 40  # a figure moves: its subtree's cells
    activity.save()
    assert moved(before) == {"", "activities", *hanoi("unit")}
    # a title edited: no figure moved, every figure of Hà Nội stays cached
    before = versions()
    activity.title = "Giao lưu với phụ nữ Lào"
    activity.save()
    assert moved(before) == {"", "activities", *seen}

    # a partner added: the partners' reach of Hà Nội moved too (its own version)
    before = versions()
    activity.partners.add(data.japan)
    assert moved(before) == {"", "activities", *hanoi("unit", "reach")}
    before = versions()
    activity.title = "Giao lưu với JICA"  # the same partners: the reach stays
    activity.participants_total = 45
    activity.save()
    assert moved(before) == {"", "activities", *hanoi("unit")}
    before = versions()
    bench.bump("activities", "elsewhere")
    assert moved(before) == {"", "activities", *hanoi("unit")}

    # a delegation: what the report reads of the delegations moves with every change of
    # one (its table lists their titles), a figure or not
    trip = make("activities", commune, title="Đoàn ra", start_date=dt.date(2024, 5, 6))
    before = versions()
    trip.title = "Đoàn ra Lào"
    trip.save()
    assert moved(before) == {"", "activities", *hanoi("dlg")}
    before = versions()
    trip.participants_total = 7
    trip.save()
    assert moved(before) == {"", "activities", *hanoi("unit", "dlg")}
    before = versions()
    bench.bump("delegations", "elsewhere")
    assert moved(before) == {"", "activities", *hanoi("unit", "dlg")}
    before = versions()
    trip.places.create(country="KH")  # a place added: a country of the report's
    assert moved(before) == {"", "activities", *hanoi("dlg")}
    before = versions()
    trip.kind = "conference"  # no longer a delegation: its cells as it was
    trip.save()
    assert moved(before) == {"", "activities", *hanoi("unit", "dlg")}

    # aid edited: the subtree moves, not its delegations' version
    aid = make(
        "resources",
        commune,
        title="Tài trợ",
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(500),
        currency="USD",
        date=dt.date(2024, 5, 6),
    )
    before = versions()
    aid.title = "Tài trợ học bổng"
    aid.save()
    assert moved(before) == {"", "resources", *seen}  # no figure moved
    before = versions()
    aid.unit_value = Decimal(700)
    aid.save()
    assert moved(before) == {"", "resources", *hanoi("unit", "res")}
    before = versions()
    bench.bump("resources", "elsewhere")
    assert moved(before) == {"", "resources", *hanoi("unit", "res")}


def test_other_province_stays_cached_and_every_figure_equals_counting(data, monkeypatch):
    w = data.world
    admin = w.user("admin")
    commune = make("units", w.hanoi)
    period = make_period(term="XIII")
    for measure in (Measure.INTL_EVENTS, Measure.NEW_PARTNERS, Measure.RESOURCES_VND):
        Target.objects.create(unit=w.central, term=period.term, measure=measure, value=2)
        Target.objects.create(unit=w.hanoi, term=period.term, measure=measure, value=1)
    kw = {"period": period, "user": admin, "today": TODAY}
    before = F.unit_figures(unit=w.hanoi, **kw)["activities"]["participants"]
    for unit in (w.central, w.daklak, w.hanoi):
        F.unit_figures(unit=unit, **kw)
        C.matrix(unit=unit, period=period, user=admin, on=TODAY)

    # saves in Hà Nội: an activity with a partner in a commune, aid received
    make(
        "activities",
        commune,
        title="Hội thảo với JICA",
        start_date=dt.date(2024, 10, 2),
        partners=[data.japan],
        participants_total=30,
        participants_women=20,
    )
    make(
        "resources",
        commune,
        title="Tài trợ học bổng",
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(1000),
        currency="USD",
        date=dt.date(2024, 10, 3),
        partner=data.japan,
    )
    data.hanoi_conf.partners.add(data.lao)

    # Đắk Lắk's figures and matrix come from the cache: no summary table is read
    with CaptureQueriesContext(connection) as q:
        daklak = F.unit_figures(unit=w.daklak, **kw)
        C.matrix(unit=w.daklak, period=period, user=admin, on=TODAY)
    read = " ".join(x["sql"] for x in q.captured_queries)
    assert "reports_activitymonth" not in read and "reports_partnerreach" not in read
    for unit in (w.central, w.daklak, w.hanoi, commune):
        fig = daklak if unit == w.daklak else F.unit_figures(unit=unit, **kw)
        plain = counted(monkeypatch, unit=unit, **kw)
        for key in FIGURES:
            assert fig[key] == plain[key], (unit.name, key)
    for unit in (w.central, w.hanoi, w.daklak):
        grid = C.matrix(unit=unit, period=period, user=admin, on=TODAY)
        assert cells(grid) == cells(matrix_counted(monkeypatch, unit, period, admin)), unit.name
    hanoi = F.unit_figures(unit=w.hanoi, **kw)
    assert hanoi["activities"]["participants"] == before + 30  # the new activity counted


def report(unit, period, user) -> dict:
    """The report's own figures as the report page reads them (cached)."""
    fig = F.unit_figures(unit=unit, period=period, user=user, today=TODAY)
    return R.report_figures(unit=unit, period=period, user=user, today=TODAY, fig=fig)


def test_national_delegations_kept_under_the_delegations_versions(data, monkeypatch):
    """The report's delegations of the country and of a province, summed from the
    summaries, are those counted from the records, also with the table capped; kept in
    the cache while no delegation changed (a workshop saved in Hà Nội reads neither
    the delegations nor their summaries again), counted again when one did."""
    w = data.world
    admin = w.user("admin")
    period = make_period(term="XIII")
    commune = make("units", w.hanoi)
    for unit, day, kind in (
        (commune, dt.date(2024, 11, 5), "delegation_in"),
        (w.central, dt.date(2023, 2, 1), "delegation_out"),
        (w.hanoi, dt.date(2025, 1, 9), "delegation_out"),
    ):
        make(
            "activities",
            unit,
            title=f"Đoàn {kind} {day}",
            kind=kind,
            start_date=day,
            end_date=day,
            partners=[data.japan],
        )

    def check():
        for unit in (w.central, w.daklak, w.hanoi):
            months = F.summed_months(unit, period, admin)
            assert months
            fresh = R.delegations(unit, period, admin)  # counted from the records
            assert R.delegations(unit, period, admin, months) == fresh, unit.name
            assert report(unit, period, admin)["delegations"] == fresh, unit.name
            with monkeypatch.context() as m:  # the newest rows of both kinds
                m.setattr(R, "DELEGATION_ROWS", 2)
                capped = R.delegations(unit, period, admin)
                assert R.delegations(unit, period, admin, months) == capped, unit.name
        return R.delegations(w.central, period, admin)

    first = check()
    assert first["out"] + first["in"] >= 4

    workshop = make(
        "activities",
        commune,
        title="Tập huấn",
        kind="workshop",
        start_date=dt.date(2024, 4, 2),
        partners=[data.japan],
    )
    workshop.participants_total = 99
    workshop.save()
    with CaptureQueriesContext(connection) as q:
        kept = report(w.central, period, admin)["delegations"]
    read = " ".join(x["sql"] for x in q.captured_queries)
    assert "reports_delegation" not in read and "activities_activityplace" not in read
    assert kept == first

    data.trip.places.create(country="KH")  # a place added: Đắk Lắk's counted again
    arrived = make(
        "activities",
        commune,
        title="Đoàn vào mới",
        kind="delegation_in",
        start_date=dt.date(2025, 3, 3),
        end_date=dt.date(2025, 3, 3),
        partners=[data.lao],
    )
    now = check()
    assert now["in"] == first["in"] + 1
    assert [(r["out"], r["in"]) for r in now["by_country"] if r["country"] == "KH"] == [(1, 0)]
    assert arrived.pk in {r["id"] for r in now["rows"]}
    check()


def test_aid_elsewhere_serves_a_provinces_figures_as_kept(data, monkeypatch):
    """Aid recorded in Hà Nội leaves Đắk Lắk's figures as they were kept: served from
    the cache as they are (no summary row read, nothing counted or stored again), while
    the country's, whose cells moved, are read again and show the new money."""
    from django.core.cache import caches

    w = data.world
    kw = {"period": make_period(term="XIII"), "user": w.user("admin"), "today": TODAY}
    commune = make("units", w.hanoi)
    before = {u.pk: F.unit_figures(unit=u, **kw) for u in (w.daklak, w.central)}
    make(
        "resources",
        commune,
        title="Tài trợ mới",
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(2000),
        currency="USD",
        date=dt.date(2024, 9, 3),
        partner=data.japan,
    )
    stored = []
    backend = caches["default"]
    for name in ("set", "set_many"):
        real = getattr(backend, name)
        monkeypatch.setattr(
            backend, name, lambda *a, real=real, **k: stored.append(a[0]) or real(*a, **k)
        )
    with CaptureQueriesContext(connection) as q:
        daklak = F.unit_figures(unit=w.daklak, **kw)
    read = [x["sql"][:150] for x in q.captured_queries if "reports_" in x["sql"]]
    assert not [s for s in read if "summarystate" not in s], read
    assert stored == []
    for key in FIGURES:
        assert daklak[key] == before[w.daklak.pk][key], key
    central = F.unit_figures(unit=w.central, **kw)
    assert stored  # the country's figures counted again and kept
    received = central["resources"]["received"]["usd"]
    assert received == before[w.central.pk]["resources"]["received"]["usd"] + 2000
