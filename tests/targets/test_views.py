"""/targets/ as the officers use it: set a target, see who is behind, drill down,
export; refusals change nothing."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from doingoai.activities.delegation import NOT_HELD
from doingoai.activities.models import Activity
from doingoai.core.bulk import records_changed
from doingoai.core.models import AuditEntry
from doingoai.core.samples import make
from doingoai.reports.periods import make_period
from doingoai.targets import completeness as C
from doingoai.targets.models import Measure, Target

from .conftest import ON

pytestmark = pytest.mark.django_db
URL = reverse("targets")
ADD = reverse("target_add")


def test_an_approver_sets_a_target_for_her_communes(recs, login):
    w = recs.world
    client = login("daklak_lead")
    page = client.get(URL, {"unit": w.daklak.pk, "term": "XIII"})
    assert page.status_code == 200
    assert "Ea Kao" in page.content.decode()
    got = client.post(
        f"{ADD}?unit={w.daklak.pk}&term=XIII",
        {"measure": Measure.DELEGATIONS_OUT, "value": "2", "units": [recs.communes[1].pk]},
    )
    assert got.status_code == 302
    target = Target.objects.get(unit=w.daklak, measure=Measure.DELEGATIONS_OUT)
    assert (
        target.value == 2 and target.term.name == "XIII" and target.set_by.username == "daklak_lead"
    )
    assert list(target.units.all()) == [recs.communes[1]]
    assert AuditEntry.objects.filter(action="target_set", object_id=target.pk).exists()
    html = client.get(got["Location"]).content.decode()
    assert "Delegations sent abroad" in html or "Đoàn ra" in html


def test_bad_input_is_told_and_changes_nothing(recs, login):
    w = recs.world
    client = login("daklak_lead")
    url = f"{ADD}?unit={w.daklak.pk}&year=2026"
    bad = client.post(url, {"measure": Measure.INTL_EVENTS, "value": "-1"})
    assert bad.status_code == 400
    assert "âm" in bad.content.decode()  # "Chỉ tiêu không được là số âm."
    worse = client.post(url, {"measure": "nonsense", "value": "abc"})
    assert worse.status_code == 400
    assert not Target.objects.filter(unit=w.daklak).exists()
    # one target per measure and period: the second is refused with the reason
    assert client.post(url, {"measure": Measure.INTL_EVENTS, "value": "1"}).status_code == 302
    again = client.post(url, {"measure": Measure.INTL_EVENTS, "value": "3"})
    assert again.status_code == 400
    assert Target.objects.get(unit=w.daklak, year=2026).value == 1


def test_only_approvers_and_admins_of_the_unit_above_set_targets(recs, login):
    w = recs.world
    data = {"measure": Measure.INTL_EVENTS, "value": "1"}
    for user, unit in (("daklak", w.daklak), ("trunguong", w.central), ("daklak_lead", w.hanoi)):
        status = login(user).post(f"{ADD}?unit={unit.pk}&term=XIII", data).status_code
        assert status in (403, 404), user
    assert not Target.objects.exists()
    # the central union (system admin here: the demo has no central approver)
    assert login("admin").post(f"{ADD}?unit={w.central.pk}&term=XIII", data).status_code == 302
    # the form is not offered to a viewer
    assert b'name="value"' not in login("trunguong").get(URL).content


def test_remove_a_target(recs, login):
    w = recs.world
    t = Target.objects.create(unit=w.daklak, year=2026, measure=Measure.NEWS, value=3)
    assert login("daklak").post(reverse("target_delete", args=[t.pk])).status_code == 403
    assert login("hanoi").post(reverse("target_delete", args=[t.pk])).status_code == 404
    got = login("daklak_lead").post(reverse("target_delete", args=[t.pk]))
    assert got.status_code == 302 and "year=2026" in got["Location"]
    assert not Target.objects.filter(pk=t.pk).exists()


def test_scope_drill_down_and_cell_links(recs, login):
    w = recs.world
    central = login("trunguong")
    html = central.get(URL, {"term": "XIII"}).content.decode()
    assert html.count('<tr data-unit="') == 34
    # the drill-down to a province's communes
    assert f"?unit={w.daklak.pk}&amp;term=XIII" in html
    html = central.get(URL, {"unit": w.daklak.pk, "term": "XIII"}).content.decode()
    assert html.count('<tr data-unit="') == 3
    assert "with_partners=true" in html  # each cell links to its records
    # a province sees its own, never another's
    assert login("hanoi").get(URL, {"unit": w.daklak.pk}).status_code == 404
    html = login("daklak").get(URL).content.decode()
    assert html.count('<tr data-unit="') == 3
    assert login("daklak").get(URL, {"year": "x"}).status_code == 404


def test_export_to_excel(recs, login):
    w = recs.world
    Target.objects.create(unit=w.central, term_id=None, year=2024, measure=Measure.INTL_EVENTS)
    got = login("trunguong").get(reverse("targets_export"), {"year": 2024})
    assert got.status_code == 200
    assert got["Content-Disposition"].endswith('2024.xlsx"')
    ws = load_workbook(io.BytesIO(got.content)).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 34
    assert rows[w.daklak.name][1:] == (1, "đạt")  # the 2024 trip (not 2023's nor 2025's)
    assert rows[w.hanoi.name][1:] == (0, "không đạt")  # 2024 is over


def test_the_dashboard_says_how_many_are_behind(recs, login):
    html = login("trunguong").get(reverse("dashboard"), {"term": "XIII"}).content.decode()
    assert 'data-figure="targets-intl_events"' in html
    assert "<strong>33/34</strong>" in html


def test_the_matrix_seen_again_comes_from_the_page_cache_and_is_never_stale(recs, login):
    w = recs.world
    Target.objects.create(unit=w.central, year=2024, measure=Measure.INTL_EVENTS, value=1)
    client = login("trunguong")
    query = {"year": 2024}
    first = client.get(URL, query)
    again = client.get(URL, query)
    assert "X-Page-Cache" not in first and again["X-Page-Cache"] == "hit"
    name = re.escape(w.hanoi.name)
    row = re.compile(rf'<tr data-unit="{name}"[^>]*>.*?</tr>', re.S)
    assert 'data-status="not_met"' in row.search(again.content.decode()).group(0)
    # Hà Nội holds an international event in 2024: the next view shows it met
    make("activities", w.hanoi, kind=Activity.Kind.WORKSHOP, start_date=dt.date(2024, 5, 2))
    after = client.get(URL, query)
    assert "X-Page-Cache" not in after
    assert 'data-status="met"' in row.search(after.content.decode()).group(0)


def test_demo_targets_load_once(world):
    from doingoai.targets import demo

    demo.load()
    demo.load()
    assert Target.objects.filter(unit=world.central, term__name="XIII").count() == 3
    assert Target.objects.filter(unit=world.daklak).count() == 3


def test_a_section_of_the_term_report(recs, login):
    w = recs.world
    got = login("trunguong").get(
        reverse("reports_unit", args=[w.central.pk]), {"term": "XIII", "format": "xlsx"}
    )
    assert got.status_code == 200
    wb = load_workbook(io.BytesIO(got.content))
    assert "Chỉ tiêu" in wb.sheetnames
    cells = [c for row in wb["Chỉ tiêu"].iter_rows(values_only=True) for c in row]
    # the units with nothing yet are named in one paragraph, not as rows of zeros
    assert w.daklak.name in cells and w.hanoi.name not in cells
    got = login("trunguong").get(
        reverse("reports_unit", args=[w.central.pk]), {"term": "XIII", "format": "docx"}
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(got.content)).paragraphs)
    assert "33 đơn vị chưa có kết quả nào: " in text and w.hanoi.name in text


def test_a_cell_links_to_exactly_the_records_it_counts(recs, login):
    """The activities list behind an events or delegations cell shows the activities
    that took place, not the plans, refused or cancelled ones: as many as the cell; the
    partners list behind new partners as many as the cell too."""
    w = recs.world
    period = make_period(term="XIII")
    counted = (
        Measure.INTL_EVENTS,
        Measure.DELEGATIONS_OUT,
        Measure.DELEGATIONS_IN,
        Measure.NEW_PARTNERS,
    )
    for m in counted:
        Target.objects.create(unit=w.central, term=period.term, measure=m)
    for i, state in enumerate((*NOT_HELD, Activity.State.CLOSED)):
        kind = (Activity.Kind.DELEGATION_OUT, Activity.Kind.DELEGATION_IN)[i % 2]
        a = make("activities", w.daklak, kind=kind)
        Activity.objects.filter(pk=a.pk).update(state=state)
        records_changed.send(sender=Activity, ids=[a.pk])  # as the app's bulk writes do
    client = login("trunguong")
    grid = C.matrix(unit=w.central, period=period, user=w.user("trunguong"), on=ON)
    row = next(r for r in grid.rows if r.unit == w.daklak)
    for cell in row.cells:
        listed = client.get(cell.url)
        assert listed.status_code == 200
        assert listed.context["table"].paginator.count == cell.measured, cell.target.measure
        assert cell.measured > 0
    # the list's filter itself: the plans, refused and cancelled ones are the others
    base = f"{reverse('activities_list')}?unit={w.daklak.pk}"

    def count(query=""):
        return client.get(base + query).context["table"].paginator.count

    assert count("&took_place=false") == len(NOT_HELD)
    assert count("&took_place=true") + len(NOT_HELD) == count()
    assert "Đã diễn ra" in client.get(base).content.decode()  # offered in the filters


#: how the list behind a cell gives the cell's figure: its count, the sum of a field of
#: its records, or (review shares) the share of its reviews held by their due date
FROM_THE_LIST = {
    Measure.INTL_EVENTS: "count",
    Measure.DELEGATIONS_OUT: "count",
    Measure.DELEGATIONS_IN: "count",
    Measure.REVIEWS_MID_TERM: "share",
    Measure.REVIEWS_FINAL: "share",
    Measure.AGREEMENTS: "count",
    Measure.RESOURCES_VND: "amount_vnd",
    Measure.RESOURCES_USD: "amount_usd",
    Measure.RESOURCES_ITEMS: "count",
    Measure.NEW_PARTNERS: "count",
    Measure.NEWS: "count",
}


def test_every_cell_links_to_the_records_it_counts(recs, login):
    """For every kind of target, at both levels (the provinces of the central union, the
    communes of a province), the list a cell links to holds exactly the records counted:
    as many as the figure, their sum for money, their share held on time for reviews."""
    from decimal import Decimal

    from django.db.models import Sum

    from doingoai.news.models import NewsItem
    from doingoai.resources.models import Resource

    assert set(FROM_THE_LIST) == set(Measure.values)
    w = recs.world
    ea_kao, ea_tu, hoa_phu = recs.communes
    period = make_period(term="XIII")
    for root in (w.central, w.daklak):
        for m in Measure.values:
            Target.objects.create(unit=root, term=period.term, measure=m)
    # besides the shared records: reviews held on time and late, money in VND and in a
    # currency without a rate, news published and drafts, in provinces and communes
    mid = recs.reviews[0]
    mid.held_date = mid.scheduled_date
    mid.save()
    early = make(
        "agreements",
        ea_tu,
        signed_date=dt.date(2021, 1, 1),
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2025, 1, 1),
    )
    for r in early.reviews.all():  # the mid-term one held late, the final one on time
        late = r.kind == "mid_term"
        r.held_date = r.scheduled_date + dt.timedelta(days=10 if late else 0)
        r.save()
    make("agreements", w.hanoi, signed_date=dt.date(2023, 5, 1))
    received = Resource.Direction.RECEIVED
    make("resources", ea_tu, direction=received, currency="VND", date=dt.date(2025, 2, 1))
    make("resources", w.hanoi, direction=received, currency="EUR", date=dt.date(2025, 3, 1))
    make("resources", w.hanoi, direction=Resource.Direction.GIVEN, date=dt.date(2025, 3, 1))
    make("resources", w.daklak, direction=received, date=dt.date(2021, 3, 1))  # before
    recs.news.status = NewsItem.Status.PUBLISHED
    recs.news.save()
    make("news", hoa_phu, status=NewsItem.Status.WRITTEN, published=dt.date(2025, 5, 1))
    make("news", hoa_phu, status=NewsItem.Status.DRAFT, published=dt.date(2025, 5, 2))
    make("news", w.hanoi, status=NewsItem.Status.CONFIRMED, published=dt.date(2023, 5, 2))
    make("activities", ea_kao, kind=Activity.Kind.DELEGATION_IN)
    cancelled = make("activities", w.hanoi, kind=Activity.Kind.DELEGATION_OUT)
    Activity.objects.filter(pk=cancelled.pk).update(state=Activity.State.CANCELLED)
    records_changed.send(sender=Activity, ids=[cancelled.pk])  # as the app's bulk writes do

    client = login("trunguong")
    pages = {}

    def listed(url):
        """The records of the list page at ``url`` (the resource cells share one list)."""
        if url not in pages:
            got = client.get(url)
            assert got.status_code == 200, url
            assert got.context["filterset"].is_valid(), url
            pages[url] = got.context["filterset"].qs
            assert got.context["table"].paginator.count == pages[url].count(), url
        return pages[url]

    seen = set()
    for root, units in ((w.central, {w.daklak, w.hanoi}), (w.daklak, set(recs.communes))):
        grid = C.matrix(unit=root, period=period, user=w.user("trunguong"), on=ON)
        for row in (r for r in grid.rows if r.unit in units):
            for cell in row.cells:
                m, how = cell.target.measure, FROM_THE_LIST[cell.target.measure]
                qs = listed(cell.url)
                where = (root.name, row.unit.name, m)
                if how == "count":
                    got = Decimal(qs.count())
                elif how == "share":
                    due = qs.count()
                    on_time = listed(cell.url + "&on_time=true").count()
                    got = (Decimal(on_time) * 100 / due).quantize(Decimal("0.1")) if due else None
                else:
                    got = qs.aggregate(n=Sum(how))["n"] or Decimal(0)
                assert got == cell.measured, where
                if cell.measured:
                    seen.add(m)
    assert seen == set(Measure.values)  # every kind was checked on a figure above zero


def test_the_dashboard_reads_its_units_rows_once(recs, login):
    """A province's dashboard after a change in the province: its figures of the units
    below and its "units behind" cards are read from the same summary rows, once (a
    statement per table, not one for each); the cards still say what the matrix says."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = recs.world
    client = login("trunguong")
    query = {"unit": w.daklak.pk, "term": "XIII"}
    client.get(reverse("dashboard"), query)
    make("activities", recs.commune, kind=Activity.Kind.WORKSHOP, start_date=dt.date(2024, 5, 2))
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(reverse("dashboard"), query).content.decode()
    per_unit = [
        q["sql"]
        for q in ctx.captured_queries
        if 'FROM "reports_activitymonth"' in q["sql"] and '"unit_id" IN' in q["sql"]
    ]
    assert len(per_unit) == 1, per_unit
    grid = C.matrix(unit=w.daklak, period=make_period(term="XIII"), user=w.user("trunguong"))
    assert f"<strong>{grid.behind(0)}/{len(grid.rows)}</strong>" in html
