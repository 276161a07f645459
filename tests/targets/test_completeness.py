"""The matrix equals a count made straight from the records, after every kind of change,
for the central union (provinces) and a province (communes), as different readers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from tests.conftest import read_again, records_for_the_module

from doingoai.activities.models import Activity
from doingoai.agreements.models import Agreement, Review
from doingoai.core.bulk import records_changed
from doingoai.core.samples import make
from doingoai.news.models import NewsItem
from doingoai.organization.models import Unit
from doingoai.reports.figures import summed_months
from doingoai.reports.models import SummaryState
from doingoai.reports.periods import make_period
from doingoai.resources.models import Resource
from doingoai.targets import completeness as C
from doingoai.targets.models import Measure, Target

from .conftest import ON, make_recs

pytestmark = pytest.mark.django_db
ALL = list(Measure.values)
S = Activity.State
#: the activities that took place: recorded after the fact, or a delegation gone or back
TOOK_PLACE = {S.RECORDED, S.UNDER_WAY, S.REPORT_DUE, S.REPORT_SUBMITTED, S.CLOSED}


_recs = records_for_the_module(make_recs)  # made once for the module


@pytest.fixture
def recs(_recs, world):
    """The conftest's ``recs`` for this module's tests, read afresh for each."""
    return read_again(_recs, world)


class Records:
    """The records as the database holds them now, each read once, to be counted record
    by record in Python (:func:`straight`). Reading them again, and each record's unit
    again, for every cell of every matrix was most of this module's time (30 s); the
    records do not change while the matrices of one state of them are compared."""

    def __init__(self):
        self.paths = dict(Unit.objects.values_list("pk", "path"))
        self.activities = list(Activity.objects.prefetch_related("partners"))
        self.resources = list(Resource.objects.all())
        self.agreements = list(Agreement.objects.prefetch_related("partners"))
        self.reviews = list(Review.objects.select_related("agreement"))
        self.news = list(NewsItem.objects.all())

    def under(self, unit_id, child) -> bool:
        """The unit ``unit_id`` is ``child`` or below it."""
        return self.paths[unit_id].startswith(child.path)


def engaged(child, start, end, records: Records) -> set[int]:
    """The partners the child's subtree worked with in [start, end] (None: open), record
    by record: an activity starting or a resource dated then, an agreement signed by
    ``end`` and not ended before ``start``."""
    _in = records.under
    found = set()
    for a in records.activities:
        if _in(a.unit_id, child) and a.start_date <= end and (not start or a.start_date >= start):
            found |= {p.pk for p in a.partners.all()}
    for r in records.resources:
        if r.partner_id and _in(r.unit_id, child) and r.date <= end:
            if not start or r.date >= start:
                found.add(r.partner_id)
    for g in records.agreements:
        if not (g.signed_date and g.signed_date <= end and _in(g.unit_id, child)):
            continue
        if not start or not g.end_date or g.end_date >= start:
            found |= {p.pk for p in g.partners.all()}
    return found


def straight(measure, child, period, on=ON, records: Records | None = None):
    """The figure counted record by record in Python (everything is visible to admin),
    from ``records`` (read now when not given)."""
    records = records or Records()
    _in = records.under
    s, e = period.start, period.end
    if measure == Measure.NEW_PARTNERS:  # engaged in the period and never before
        before = engaged(child, None, s - dt.timedelta(days=1), records)
        return Decimal(len(engaged(child, s, e, records) - before))
    if measure in (Measure.INTL_EVENTS, Measure.DELEGATIONS_OUT, Measure.DELEGATIONS_IN):
        n = 0
        for a in records.activities:
            if not (s <= a.start_date <= e and _in(a.unit_id, child)):
                continue
            if a.state not in TOOK_PLACE:  # a plan, refused or cancelled: did not happen
                continue
            if measure == Measure.INTL_EVENTS and a.partners.all():  # any (prefetched)
                n += 1
            elif measure == Measure.DELEGATIONS_OUT and a.kind == "delegation_out":
                n += 1
            elif measure == Measure.DELEGATIONS_IN and a.kind == "delegation_in":
                n += 1
        return Decimal(n)
    if measure == Measure.AGREEMENTS:
        return Decimal(
            sum(
                1
                for a in records.agreements
                if a.signed_date and s <= a.signed_date <= e and _in(a.unit_id, child)
            )
        )
    if measure in (Measure.REVIEWS_MID_TERM, Measure.REVIEWS_FINAL):
        kind = "mid_term" if measure == Measure.REVIEWS_MID_TERM else "final"
        due = [
            r
            for r in records.reviews
            if r.kind == kind
            and s <= r.scheduled_date <= min(e, on)
            and _in(r.agreement.unit_id, child)
        ]
        if not due:
            return None
        ok = [r for r in due if r.held_date and r.held_date <= r.scheduled_date]
        return (Decimal(len(ok)) * 100 / len(due)).quantize(Decimal("0.1"))
    if measure.startswith("resources_"):
        got = [
            r
            for r in records.resources
            if r.direction == "received" and s <= r.date <= e and _in(r.unit_id, child)
        ]
        if measure == Measure.RESOURCES_ITEMS:
            return Decimal(len(got))
        field = "amount_vnd" if measure == Measure.RESOURCES_VND else "amount_usd"
        return sum((getattr(r, field) or Decimal(0) for r in got), Decimal(0))
    if measure == Measure.NEWS:
        return Decimal(
            sum(
                1
                for n in records.news
                if n.published
                and s <= n.published <= e
                and n.status != "draft"
                and _in(n.unit_id, child)
            )
        )
    raise AssertionError(measure)


class Counted:
    """The figures counted from one state of the records (:class:`Records`, read when
    first needed), each counted once for all the matrices compared in that state."""

    def __init__(self):
        self.records = None
        self.figures = {}

    def __call__(self, measure, child, period):
        key = (measure, child.pk, period.start, period.end)
        if key not in self.figures:
            self.records = self.records or Records()
            self.figures[key] = straight(measure, child, period, records=self.records)
        return self.figures[key]


def set_all(unit, period):
    for m in ALL:
        Target.objects.get_or_create(unit=unit, term=period.term, measure=m)


def assert_matrix(world, root, period, user="admin", counted=None):
    """The matrix's every cell equals counting the records; ``counted``, when given,
    keeps the counts between the matrices of one state of the records."""
    grid = C.matrix(unit=root, period=period, user=world.user(user), on=ON)
    assert grid.rows, root
    counted = Counted() if counted is None else counted
    for row in grid.rows:
        for cell in row.cells:
            want = counted(cell.target.measure, row.unit, period)
            assert cell.measured == want, (row.unit.name, cell.target.measure)
    return grid


def cell(grid, unit, measure):
    row = next(r for r in grid.rows if r.unit.pk == unit.pk)
    return next(c for c in row.cells if c.target.measure == measure)


def test_matrix_equals_the_records_after_every_change(recs):
    w = recs.world
    period = make_period(term="XIII")
    set_all(w.central, period)
    set_all(w.daklak, period)

    def check():
        # read from the summary tables, then counted from the records (tables invalid)
        counted = Counted()  # the records' own counts, for this state of the records
        for summed in (True, False):
            SummaryState.objects.filter(pk=1).update(valid=summed)
            cache.clear()
            assert (summed_months(w.central, period, w.user("admin")) is not None) is summed
            assert_matrix(w, w.central, period, counted=counted)
            assert_matrix(w, w.daklak, period, counted=counted)
            assert_matrix(w, w.daklak, period, user="daklak", counted=counted)
        SummaryState.objects.filter(pk=1).update(valid=True)

    check()
    grid = C.matrix(unit=w.central, period=period, user=w.user("admin"), on=ON)
    # Phú Yên's 2023 delegation and the commune's event count for Đắk Lắk
    assert cell(grid, w.daklak, Measure.INTL_EVENTS).measured == 3
    assert cell(grid, w.daklak, Measure.DELEGATIONS_IN).measured == 1
    assert cell(grid, w.hanoi, Measure.INTL_EVENTS).measured == 0  # no partner
    # changes of every kind
    recs.no_partner.partners.set([make("partners", w.hanoi)])
    check()
    recs.trip.start_date = dt.date(2021, 1, 1)  # before the term
    recs.trip.save()
    check()
    recs.commune_event.unit = w.hanoi  # moved to another province
    recs.commune_event.save()
    check()
    recs.reviews[0].held_date = recs.reviews[0].scheduled_date  # held on time
    recs.reviews[0].save()
    check()
    recs.received.date = dt.date(2019, 1, 1)
    recs.received.save()
    check()
    recs.news.status = NewsItem.Status.PUBLISHED
    recs.news.save()
    check()
    recs.hanoi_agreement.signed_date = dt.date(2023, 1, 1)
    recs.hanoi_agreement.save()
    check()
    recs.agreement.delete()
    check()
    recs.old.delete()
    check()


def test_a_year_and_a_province_reader(recs):
    w = recs.world
    year = make_period(year=2024)
    Target.objects.create(unit=w.central, year=2024, measure=Measure.RESOURCES_USD, value=500)
    Target.objects.create(unit=w.central, year=2024, measure=Measure.INTL_EVENTS, value=1)
    grid = assert_matrix(w, w.central, year)
    assert cell(grid, w.daklak, Measure.RESOURCES_USD).measured == Decimal(1000)
    assert cell(grid, w.daklak, Measure.RESOURCES_USD).status == C.MET
    # the province's own reader sees only her own province among the provinces
    grid = C.matrix(unit=w.daklak, period=year, user=w.user("daklak"), on=ON)
    assert {r.unit.parent_id for r in grid.rows} == {w.daklak.pk}


def test_new_partners_counted_per_unit(recs):
    w = recs.world
    period = make_period(term="XIII")
    Target.objects.create(unit=w.central, term=period.term, measure=Measure.NEW_PARTNERS, value=1)
    grid = C.matrix(unit=w.central, period=period, user=w.user("admin"), on=ON)
    from doingoai.partners.selectors import new_partners

    for u in (w.daklak, w.hanoi):
        want = new_partners(u, w.user("admin"), period.start, period.end).count()
        assert cell(grid, u, Measure.NEW_PARTNERS).measured == want
    assert cell(grid, w.daklak, Measure.NEW_PARTNERS).measured >= 1


def test_new_partners_of_several_communes(recs):
    """A partner is new for a commune that never worked with it before the term, even
    when another commune did; through activities, aid and agreements alike."""
    from doingoai.partners.selectors import new_partners

    w = recs.world
    ea_kao, ea_tu, hoa_phu = recs.communes
    period = make_period(term="XIII")
    Target.objects.create(unit=w.daklak, term=period.term, measure=Measure.NEW_PARTNERS, value=1)

    def figures():
        grid = assert_matrix(w, w.daklak, period)
        return {r.unit.pk: r.cells[0].measured for r in grid.rows}

    before = figures()
    p1, p2, p3 = (make("partners", w.daklak) for _ in range(3))

    def event(unit, partner, day):
        make("activities", unit, partners=[partner], start_date=day, end_date=day)

    event(ea_kao, p1, dt.date(2021, 5, 1))  # before the term: p1 is not new for Ea Kao
    event(ea_kao, p1, dt.date(2024, 5, 1))
    event(ea_kao, p2, dt.date(2024, 5, 2))
    event(ea_tu, p1, dt.date(2025, 3, 1))  # new for Ea Tu all the same
    make("resources", ea_tu, partner=p3, date=dt.date(2024, 1, 10))
    # an agreement signed and ended before the term: p2 worked with Ea Tu before
    make(
        "agreements",
        ea_tu,
        partners=[p2],
        signed_date=dt.date(2019, 1, 1),
        start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2021, 12, 31),
    )
    event(ea_tu, p2, dt.date(2024, 8, 1))
    # an agreement signed before the term and still running: not new either
    make("agreements", hoa_phu, partners=[p1], signed_date=dt.date(2020, 1, 1))
    # signed in the term: new; an event after the term does not count
    make("agreements", hoa_phu, partners=[p3], signed_date=dt.date(2023, 2, 1))
    event(hoa_phu, p2, dt.date(2028, 1, 1))

    after = figures()
    assert after[ea_kao.pk] == before[ea_kao.pk] + 1  # p2
    assert after[ea_tu.pk] == before[ea_tu.pk] + 2  # p1, p3
    assert after[hoa_phu.pk] == before[hoa_phu.pk] + 1  # p3
    admin = w.user("admin")
    for u in recs.communes:  # the partner list's "new" filter agrees
        assert after[u.pk] == new_partners(u, admin, period.start, period.end).count()
    # the province's own reader counts the same
    grid = C.matrix(unit=w.daklak, period=period, user=w.user("daklak"), on=ON)
    assert {r.unit.pk: r.cells[0].measured for r in grid.rows} == after


@pytest.mark.usefixtures("_recs")  # the module's records are there: not read here
def test_status_follows_the_share_of_the_period(world):
    period = make_period(term="XIII")  # 2022–2027
    t = Target(unit=world.central, term=period.term, measure=Measure.INTL_EVENTS, value=4)
    mid = dt.date(2024, 12, 31)  # about half the term
    assert C.status(Decimal(4), t, period, mid) == C.MET
    assert C.status(Decimal(3), t, period, mid) == C.ON_TRACK
    assert C.status(Decimal(1), t, period, mid) == C.AT_RISK
    assert C.status(Decimal(0), t, period, period.start - dt.timedelta(days=1)) == C.ON_TRACK
    assert C.status(Decimal(3), t, period, period.end + dt.timedelta(days=1)) == C.NOT_MET
    share = Target(unit=world.central, term=period.term, measure=Measure.REVIEWS_FINAL, value=100)
    assert C.status(None, share, period, mid) == C.NOT_DUE
    assert C.status(Decimal(50), share, period, mid) == C.AT_RISK


def test_units_with_nothing_come_first_and_named_units_only(recs):
    w = recs.world
    period = make_period(term="XIII")
    grid = C.matrix(unit=w.central, period=period, user=w.user("admin"), on=ON)
    assert grid.is_default  # nothing set: the default ≥ 1 event per unit
    assert len(grid.rows) == 34
    nothing = [r.nothing for r in grid.rows]
    assert nothing == sorted(nothing, reverse=True)  # every empty row before the others
    assert grid.rows[-1].unit == w.daklak
    assert grid.behind() == 33
    named = Target.objects.create(
        unit=w.central, term=period.term, measure=Measure.AGREEMENTS, value=1
    )
    named.units.set([w.hanoi])
    grid = C.matrix(unit=w.central, period=period, user=w.user("admin"), on=ON)
    assert not grid.is_default
    assert [r.unit for r in grid.rows if r.cells[0]] == [w.hanoi]


def test_only_delegations_that_took_place_count(recs):
    """Plans (draft, submitted, returned, approved), refused and cancelled delegations are
    not counted; one that sets off is, from then on; a count straight from the records."""
    from doingoai.activities.delegation import DELEGATION_PATH

    w = recs.world
    period = make_period(term="XIII")
    set_all(w.central, period)
    set_all(w.daklak, period)
    lead = w.user("daklak_lead")

    def trip(state, kind=Activity.Kind.DELEGATION_OUT, unit=None):
        a = make(
            "activities",
            unit or w.daklak,
            kind=kind,
            start_date=dt.date(2026, 11, 20),
            end_date=dt.date(2026, 11, 25),
            decision_number="12/QĐ-HLHPN",
            decision_date=dt.date(2026, 10, 1),
            decision_body="Ban Thường vụ",
            report="Đã làm việc với đối tác.",
        )
        Activity.objects.filter(pk=a.pk).update(state=state)
        # a change made around the models is announced as bulk work announces it (the
        # summary tables count the activities that took place)
        records_changed.send(sender=Activity, ids=[a.pk])
        return Activity.objects.get(pk=a.pk)

    def step(a, name):
        a = Activity.objects.get(pk=a.pk)
        DELEGATION_PATH.advance(a, name, acting_user=lead, comment="Lý do", version=a.version)

    def figure(measure, unit=w.daklak, root=w.central):
        grid = C.matrix(unit=root, period=period, user=w.user("admin"), on=ON)
        return cell(grid, unit, measure).measured

    out0 = figure(Measure.DELEGATIONS_OUT)
    in0 = figure(Measure.DELEGATIONS_IN)
    events0 = figure(Measure.INTL_EVENTS)
    planned = {state: trip(state) for state in S if state not in TOOK_PLACE}
    held = {state: trip(state) for state in TOOK_PLACE}
    received = trip(S.SUBMITTED, Activity.Kind.DELEGATION_IN, recs.commune)
    assert_matrix(w, w.central, period)
    assert_matrix(w, w.daklak, period)
    assert figure(Measure.DELEGATIONS_OUT) == out0 + len(TOOK_PLACE)
    assert figure(Measure.DELEGATIONS_IN) == in0
    assert figure(Measure.INTL_EVENTS) == events0 + len(TOOK_PLACE)  # events held only

    # along the path: refused and cancelled never count; setting off does
    step(received, "refuse")
    assert figure(Measure.DELEGATIONS_IN) == in0
    step(planned[S.APPROVED], "cancel")
    assert figure(Measure.DELEGATIONS_OUT) == out0 + len(TOOK_PLACE)
    step(planned[S.SUBMITTED], "approve")
    assert figure(Measure.DELEGATIONS_OUT) == out0 + len(TOOK_PLACE)  # approved: a plan
    step(planned[S.SUBMITTED], "start")
    assert figure(Measure.DELEGATIONS_OUT) == out0 + len(TOOK_PLACE) + 1
    step(held[S.UNDER_WAY], "come_back")
    assert figure(Measure.DELEGATIONS_OUT) == out0 + len(TOOK_PLACE) + 1
    assert_matrix(w, w.central, period)
    assert_matrix(w, w.daklak, period)
    assert_matrix(w, w.daklak, period, user="daklak")


#: the measures read from the summary tables when the figures are summed
SUMMED = (
    Measure.NEW_PARTNERS,
    Measure.INTL_EVENTS,
    Measure.DELEGATIONS_OUT,
    Measure.DELEGATIONS_IN,
    Measure.RESOURCES_VND,
    Measure.RESOURCES_USD,
    Measure.RESOURCES_ITEMS,
)


def test_summed_measures_read_no_records_and_equal_counting(recs, monkeypatch):
    """When the figures are summed, the new partners (from the partners' reach), the
    events with partners and the delegations that took place (activities by month) and
    the aid received (resources by month) of each unit below read no record and equal
    the count made from the records, for the country and for a province, after a plan,
    a cancelled delegation and a delegation that went."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.reports.figures import summed_months
    from doingoai.targets import measures as M

    w = recs.world
    ea_kao = recs.communes[0]
    p = make("partners", w.daklak)
    make("activities", ea_kao, partners=[p], start_date=dt.date(2024, 5, 1))
    make("resources", w.hanoi, partner=p, date=dt.date(2023, 4, 2), direction="received")
    for state in (S.DRAFT, S.CANCELLED, S.REPORT_DUE):
        a = make(
            "activities",
            ea_kao,
            kind=Activity.Kind.DELEGATION_OUT,
            partners=[p],
            start_date=dt.date(2024, 6, 3),
        )
        a.state = state
        a.save()
    for period in (make_period(term="XIII"), make_period(year=2024)):
        for root, reader in ((w.central, "trunguong"), (w.daklak, "daklak")):
            user = w.user(reader)
            assert summed_months(root, period, user) is not None
            for measure in SUMMED:
                kw = {"root": root, "measure": measure, "period": period, "user": user}
                with CaptureQueriesContext(connection) as ctx:
                    summed = M.measure_below(**kw, today=ON)
                sql = " ".join(q["sql"] for q in ctx.captured_queries)
                for table in ("activities_activity", "resources_resource", "agreements_agreement"):
                    assert f'"{table}"' not in sql, measure
                with monkeypatch.context() as m:
                    m.setattr(M, "summed_months", lambda *a: None)
                    counted = M.measure_below(**kw, today=ON)
                assert summed == counted, (root, period, measure)
    # only the delegation that went counts (not the plan nor the cancelled one)
    year = make_period(year=2024)
    kw = {"root": w.daklak, "period": year, "user": w.user("daklak"), "today": ON}
    for measure in (Measure.DELEGATIONS_OUT, Measure.INTL_EVENTS, Measure.NEW_PARTNERS):
        got = M.measure_below(measure=measure, **kw)[ea_kao.pk]
        assert got == straight(measure, ea_kao, year) > 0, measure


#: the matrix's count of the news items per unit (not the test's own reading of them)
NEWS_COUNTED = 'COUNT("news_newsitem"."id")'


def test_matrix_kept_per_province_follows_each_change(recs):
    """The country's matrix keeps each province's summary measures under that
    province's subtree version: after a save in Hà Nội only Hà Nội's cells are read
    again (one unit in the statements), and every figure still equals the records, with
    nothing cleared from the cache in between."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = recs.world
    period = make_period(term="XIII")
    set_all(w.central, period)
    reader = w.user("trunguong")
    assert summed_months(w.central, period, reader) is not None
    cache.clear()
    assert_matrix(w, w.central, period, user="trunguong")
    p = make("partners", w.hanoi)
    changes = [
        lambda: make("activities", w.hanoi, partners=[p], start_date=dt.date(2024, 5, 1)),
        lambda: make(
            "activities",
            w.hanoi,
            kind=Activity.Kind.DELEGATION_OUT,
            partners=[p],
            start_date=dt.date(2024, 6, 3),
        ),
        lambda: make("resources", w.hanoi, date=dt.date(2024, 4, 2), direction="received"),
        lambda: make("agreements", w.hanoi, signed_date=dt.date(2024, 2, 1)),
    ]
    for change in changes:
        change()
        with CaptureQueriesContext(connection) as ctx:  # (the records' count apart)
            C.matrix(unit=w.central, period=period, user=reader, on=ON)
        assert_matrix(w, w.central, period, user="trunguong")
        cells = [
            q["sql"]
            for q in ctx.captured_queries
            if '"reports_activitymonth"."kind"' in q["sql"] and "GROUP BY" in q["sql"]
        ]
        assert cells and all(f"IN ({w.hanoi.pk})" in sql for sql in cells), cells
        # the news items are kept under the news' version: not counted again
        assert not [q for q in ctx.captured_queries if NEWS_COUNTED in q["sql"]]
    # news published in Hà Nội: counted again (and equal to the records)
    recs.news.unit = w.hanoi
    recs.news.status = NewsItem.Status.PUBLISHED
    recs.news.save()
    with CaptureQueriesContext(connection) as ctx:
        C.matrix(unit=w.central, period=period, user=reader, on=ON)
    assert [q for q in ctx.captured_queries if NEWS_COUNTED in q["sql"]]
    assert_matrix(w, w.central, period, user="trunguong")
    # and a change in another province after them
    recs.trip.start_date = dt.date(2021, 1, 1)
    recs.trip.save()
    assert_matrix(w, w.central, period, user="trunguong")
    assert cell(
        C.matrix(unit=w.central, period=period, user=reader, on=ON), w.hanoi, Measure.AGREEMENTS
    ).measured == straight(Measure.AGREEMENTS, w.hanoi, period)


def test_the_dashboards_behind_counts_are_the_matrixs(recs):
    """The dashboard's "units behind" cards count what the matrix shows (each column's
    units it applies to and those at risk or not met), for the country and a province,
    a term and a year, targets naming some units; and a change moves them as it moves
    the matrix. The dashboard does not keep the matrix itself (it does not build it)."""
    w = recs.world
    term, year = make_period(term="XIII"), make_period(year=2024)
    set_all(w.central, term)
    set_all(w.daklak, term)
    named = Target.objects.create(unit=w.central, year=2024, measure=Measure.INTL_EVENTS, value=2)
    named.units.set([w.daklak, w.hanoi])
    Target.objects.create(unit=w.daklak, year=2024, measure=Measure.AGREEMENTS, value=1)
    reader = w.user("trunguong")

    def check():
        for unit in (w.central, w.daklak):
            for period in (term, year):
                columns = C.behind(unit=unit, period=period, user=reader, on=ON)
                grid = C.matrix(unit=unit, period=period, user=reader, on=ON)
                assert [(c["measure"], c["applies"], c["behind"]) for c in columns] == [
                    (t.measure, sum(1 for r in grid.rows if r.cells[i]), grid.behind(i))
                    for i, t in enumerate(grid.targets)
                ], (unit.name, period.label)

    check()
    make("activities", w.hanoi, partners=[make("partners", w.hanoi)], start_date=ON)
    check()
    cache.clear()
    C.behind(unit=w.daklak, period=term, user=reader, on=ON)
    key, version = C._kept_as(w.daklak, term, reader, ON)
    assert cache.get(f"{key}:behind:{version}") is not None
    assert cache.get(f"{key}:{version}") is None  # the matrix was neither built nor kept
