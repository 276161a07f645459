"""The summary tables behind the dashboards and reports give exactly the figures that
counting the records gives, after every kind of change, and are the same as counting
everything again; a unit that moves in the tree is counted from the records until
the rebuild."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from doingoai.activities.models import Activity, ActivityPlace
from doingoai.agreements.services import agreement_renew
from doingoai.core.bulk import bulk_work
from doingoai.core.samples import make
from doingoai.reports import figures as F
from doingoai.reports import records as R
from doingoai.reports import summaries
from doingoai.reports.models import (
    ActivityMonth,
    ActivityRecordMonth,
    AgreementMonth,
    DelegationCountryMonth,
    DelegationMonth,
    PartnerReach,
    ResourceMonth,
    ResourcePartnerMonth,
    ResourcePartnerTerm,
    ResourceTerm,
    ResourceTotalMonth,
    TookPartMonth,
)
from doingoai.reports.periods import make_period

TODAY = dt.date(2025, 11, 1)
PERIODS = [{"term": "XIII"}, {"term": "XII"}, {"year": 2024}, {"year": 2025}]
FIGURES = ("activities", "agreements", "partners", "resources", "units")


def counted(monkeypatch, **kw):
    with monkeypatch.context() as m:
        m.setattr(F, "summed_months", lambda *a: None)
        return F._unit_figures(**kw)


def assert_same(world, units, monkeypatch, users=("admin",), periods=PERIODS):
    """For every unit, period and reader: the figures read from the summaries are
    the figures counted from the records."""
    checked = 0
    for unit in units:
        for period in periods:
            for username in users:
                kw = {
                    "unit": unit,
                    "period": make_period(**period),
                    "user": world.user(username),
                    "today": TODAY,
                }
                assert F.summed_months(kw["unit"], kw["period"], kw["user"]) is not None
                summed = F._unit_figures(**kw)
                plain = counted(monkeypatch, **kw)
                cached = F.unit_figures(**kw)  # parts kept from before the change included
                for key in FIGURES:
                    assert summed[key] == plain[key], (unit, period, username, key)
                    assert cached[key] == plain[key], (unit, period, username, key, "cached")
                # the report's money by stage, by country and for the partners it names
                named = summed["resources"]["by_partner"]
                stages = R.resource_stages(kw["unit"], kw["period"], kw["user"], named)
                with monkeypatch.context() as m:
                    m.setattr(R, "summed_months", lambda *a: None)
                    plain_stages = R.resource_stages(kw["unit"], kw["period"], kw["user"], named)
                for key in ("by_stage", "by_country", "by_partner"):
                    assert ordered(stages[key]) == ordered(plain_stages[key]), (unit, period, key)
                checked += 1
    return checked


def kept_rows_are_counted_again() -> bool:
    """The summary rows kept current by the changes so far are those a full rebuild
    counts from the records; the rebuild is rolled back, the kept rows stay."""
    kept = tables()
    with transaction.atomic():
        summaries.rebuild()
        same = tables() == kept
        transaction.set_rollback(True)
    return same


def ordered(rows: list[dict]) -> list:
    return sorted(sorted((k, str(v)) for k, v in r.items()) for r in rows)


def tables() -> dict:
    return {
        model.__name__: sorted(
            tuple(v for k, v in row.items() if k != "id") for row in model.objects.values()
        )
        for model in (
            ActivityMonth,
            ActivityRecordMonth,
            TookPartMonth,
            ResourceMonth,
            ResourceTotalMonth,
            ResourcePartnerMonth,
            ResourcePartnerTerm,
            ResourceTerm,
            AgreementMonth,
            DelegationMonth,
            DelegationCountryMonth,
            PartnerReach,
        )
    }


@pytest.fixture
def more(data):
    """Communes below Đắk Lắk: one organizes an event with a partner, another takes part;
    a resource whose country comes from the place of its activity."""
    w = data.world
    with bulk_work():  # the figures counted once, at the end
        data.ea_kao = make("units", w.daklak)
        data.hoa_thang = make("units", w.daklak)
        data.commune_event = make(
            "activities",
            data.ea_kao,
            title="Giao lưu với phụ nữ Lào",
            kind=Activity.Kind.WORKSHOP,
            start_date=dt.date(2024, 3, 8),
            partners=[data.lao],
        )
        data.commune_event.units.set([data.ea_kao, data.hoa_thang])
        data.nobody = make(
            "partners", w.daklak, name_vi="Nhóm thiện nguyện", country="", subdivision=""
        )
        data.gift = make(
            "resources",
            data.ea_kao,
            title="Quà tặng",
            direction="given",
            kind="in_kind",
            quantity=Decimal(2),
            unit_value=Decimal(1_500_000),
            currency="VND",
            date=dt.date(2024, 3, 8),
            partner=data.nobody,
            activity=data.commune_event,
        )
    return data


def test_summaries_match_counting_after_every_change(more, monkeypatch):
    d, w = more, more.world
    units = [w.central, w.daklak, w.hanoi, d.ea_kao]
    assert assert_same(w, units, monkeypatch, users=("admin", "trunguong")) == 32
    assert assert_same(w, [w.daklak, d.ea_kao], monkeypatch, users=("daklak",))

    steps = []

    def step(name):
        """After every step the kept rows are those counted again from the records, and
        the figures read from them are those counted from the records: for every unit,
        in one of the four periods in turn (each period every fourth step; the cached
        figures of that period were kept four steps before)."""
        steps.append(name)
        assert kept_rows_are_counted_again(), name
        assert_same(w, units, monkeypatch, periods=[PERIODS[len(steps) % len(PERIODS)]])

    d.trip.unit = w.hanoi  # an activity moved to another unit and month
    d.trip.start_date = dt.date(2025, 2, 3)
    d.trip.save()
    step("activity moved")
    d.trip.partners.remove(d.lao2)
    d.japan.activities.add(d.commune_event)  # from the partner's side
    step("partners taken off and added")
    d.commune_event.partners.clear()
    step("partners cleared")
    d.commune_event.partners.set([d.japan])
    d.commune_event.units.clear()
    step("taking-part units cleared")
    d.hoa_thang.activities.add(d.commune_event)
    step("taking part, from the unit's side")
    d.commune_event.units.add(d.ea_kao)
    d.commune_event.units.remove(d.hoa_thang)
    step("taking-part unit taken off")
    d.ea_kao.activities.remove(d.commune_event)
    d.commune_event.units.add(d.hoa_thang)
    step("taking part taken off from the unit's side")
    plan = make(  # a plan counts nowhere until it takes place
        "activities",
        w.daklak,
        title="Đoàn ra theo kế hoạch",
        kind=Activity.Kind.DELEGATION_OUT,
        state=Activity.State.APPROVED,
        start_date=dt.date(2025, 3, 3),
        partners=[d.lao],
    )
    plan.units.add(d.hoa_thang)
    step("planned delegation")
    plan.state = Activity.State.UNDER_WAY
    plan.save()
    step("the delegation set off")

    d.grant.partner = d.japan
    d.grant.date = dt.date(2025, 1, 15)
    d.grant.unit = d.ea_kao
    d.grant.save()
    step("resource changed partner, month and unit")
    d.hanoi_grant.delete()
    step("resource deleted")
    ActivityPlace.objects.filter(activity=d.commune_event).update(country="KH")
    place = ActivityPlace.objects.filter(activity=d.commune_event).first()
    place.country = "TH"
    place.save()
    step("place of the activity a resource's country comes from")

    d.agreement.signed_date = dt.date(2023, 1, 10)
    d.agreement.save()
    step("agreement signed another month")
    agreement_renew(
        agreement=d.agreement,
        acting_user=w.user("daklak"),
        title="Gia hạn thỏa thuận",
        signed_date=dt.date(2024, 12, 1),
        start_date=dt.date(2025, 1, 1),
        end_date=dt.date(2029, 12, 31),
    )
    step("agreement renewed")
    d.hanoi_agreement.partners.add(d.lao)
    d.lao.agreements.remove(d.agreement)
    step("agreement partners from both sides")
    d.agreement.delete()  # its renewal renews nothing now; its resources lose it
    step("renewed agreement deleted")

    d.japan.country = "KR"
    d.japan.save()
    step("partner's country changed")
    lonely = make("partners", w.hanoi, name_vi="Đối tác chỉ có hoạt động", country="FR")
    make("activities", w.hanoi, title="Gặp gỡ", start_date=dt.date(2024, 5, 5), partners=[lonely])
    step("new partner and activity")
    lonely.delete()  # its links go without many-to-many signals
    step("partner with activities deleted")
    d.trip.delete()
    step("activity deleted")
    d.commune_event.delete()  # the gift handed over at it loses its place
    step("activity with a resource deleted")

    with summaries.batch():  # many changes, counted once at the end
        for i in range(3):
            make(
                "activities",
                w.daklak,
                title=f"Loạt {i}",
                start_date=dt.date(2024, 10, i + 1),
                partners=[d.lao2],
            )
        make("resources", w.hanoi, date=dt.date(2024, 10, 1))
    step("batch")

    assert assert_same(w, units, monkeypatch, users=("admin", "trunguong")) == 32
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental  # kept current = counted again
    assert len(steps) == 22


def assert_same_delegations(units, user, monkeypatch, periods=PERIODS) -> int:
    """The report's delegations summed from the summaries are those counted from the
    records, for every unit and period (and with the table capped at two rows)."""
    checked = 0
    for unit in units:
        for period in periods:
            period = make_period(**period)
            months = F.summed_months(unit, period, user)
            assert months is not None
            counted = R.delegations(unit, period, user)
            assert R.delegations(unit, period, user, months) == counted, (unit, period)
            with monkeypatch.context() as m:
                m.setattr(R, "DELEGATION_ROWS", 2)
                capped = R.delegations(unit, period, user)
                assert R.delegations(unit, period, user, months) == capped, (unit, period)
            checked += counted["out"] + counted["in"]
    return checked


def test_delegations_from_the_summaries_match_counting_after_every_change(more, monkeypatch):
    """The report's delegations (counts, by country, by purpose, the table) read from
    the summary rows equal counting the records after a delegation is saved, set off,
    moved to another unit, given other dates, another kind, purpose, place, partner or
    member, its partner given another country, and deleted; and the rows kept current
    are those counted again."""
    from doingoai.activities.models import DelegationMember

    d, w = more, more.world
    admin = w.user("admin")
    units = [w.central, w.daklak, w.hanoi, d.ea_kao]
    steps = []

    def step(name):
        """The kept rows are those counted again, and the delegations read from them
        those counted from the records: for every unit, in one period in turn."""
        steps.append(name)
        assert kept_rows_are_counted_again(), name
        period = PERIODS[len(steps) % len(PERIODS)]
        assert_same_delegations(units, admin, monkeypatch, periods=[period])

    def term(unit) -> dict:
        period = make_period(term="XIII")
        return R.delegations(unit, period, admin, F.summed_months(unit, period, admin))

    assert assert_same_delegations(units, admin, monkeypatch)  # as made, every period
    trip = make(
        "activities",
        d.ea_kao,
        title="Đoàn xã sang Lào",
        kind=Activity.Kind.DELEGATION_OUT,
        main_purpose=Activity.Purpose.choices[0][0],
        start_date=dt.date(2024, 4, 2),
        end_date=dt.date(2024, 4, 6),
        partners=[d.lao],
    )
    assert term(d.ea_kao)["out"] == 1
    step("delegation saved in a commune")
    trip.places.create(country="TH")
    step("a place added in another country")
    place = trip.places.get(country="TH")
    place.country = "VN"  # Viet Nam is not a country a delegation goes to
    place.save()
    step("a place moved home")
    DelegationMember.objects.create(activity=trip, name="Nguyễn Thị A", role="head")
    step("a member added")
    trip.unit = d.hoa_thang  # moved to another commune and month
    trip.start_date = dt.date(2025, 1, 20)
    trip.end_date = dt.date(2025, 1, 25)
    trip.save()
    assert term(d.ea_kao)["out"] == 0 and term(d.hoa_thang)["out"] == 1
    step("moved between units and months")
    trip.unit = w.hanoi  # to another province
    trip.save()
    step("moved to another province")
    trip.main_purpose = ""
    trip.save()
    step("purpose taken off")
    trip.kind = Activity.Kind.DELEGATION_IN
    trip.save()
    assert term(w.hanoi)["in"] >= 1
    step("received instead of sent")
    trip.partners.add(d.japan)
    step("a partner added")
    d.japan.country = ""
    d.japan.save()
    step("its partner without a country")
    plan = make(
        "activities",
        w.daklak,
        title="Đoàn vào theo kế hoạch",
        kind=Activity.Kind.DELEGATION_IN,
        state=Activity.State.APPROVED,
        start_date=dt.date(2025, 5, 5),
        partners=[d.lao2],
    )
    step("a planned delegation: counted nowhere")
    plan.state = Activity.State.UNDER_WAY
    plan.save()
    step("the delegation came")
    trip.kind = Activity.Kind.WORKSHOP
    trip.save()
    step("no longer a delegation")
    d.trip.delete()
    step("delegation deleted")

    assert assert_same_delegations(units, admin, monkeypatch)  # every period at the end
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental  # kept current = counted again
    assert incremental["DelegationMonth"] and incremental["DelegationCountryMonth"]
    assert len(steps) == 14


@pytest.mark.django_db(transaction=True)
def test_a_merge_counts_from_the_records_until_rebuilt(more, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from doingoai.organization.services import unit_merge

    w = more.world
    assert summaries.is_valid()
    period = make_period(term="XIII")
    before = F._unit_figures(unit=w.daklak, period=period, user=w.user("admin"), today=TODAY)
    unit_merge(
        unit=more.ea_kao, into=more.hoa_thang, on=dt.date(2025, 7, 1), acting_user=w.user("admin")
    )
    assert not summaries.is_valid()
    assert F.summed_months(w.daklak, period, w.user("admin")) is None
    after = F._unit_figures(unit=w.daklak, period=period, user=w.user("admin"), today=TODAY)
    assert after["activities"] == before["activities"]  # the province's totals do not move
    # the rebuild is queued for the background worker once the merge is committed, and
    # the worker (``doingoai db_worker``, started by ``doingoai serve``) runs it
    queued = DBTaskResult.objects.filter(task_path__endswith="tasks.rebuild_summaries")
    assert queued.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert queued.get().status == "SUCCESSFUL"
    assert summaries.is_valid()
    assert_same(w, [w.central, w.daklak, more.hoa_thang], monkeypatch)


def test_a_change_reads_again_only_what_it_touched(more):
    """After an activity is saved, the national figures are read again without
    recounting the agreements or ranking the partners (nothing they show changed);
    after a resource or a partner changes, the partners' ranking is read again."""
    d, w = more, more.world
    kw = {
        "unit": w.central,
        "period": make_period(term="XIII"),
        "user": w.user("trunguong"),
        "today": TODAY,
    }

    def figures():
        with CaptureQueriesContext(connection) as ctx:
            fig = F.unit_figures(**kw)
        return fig, " ".join(q["sql"] for q in ctx.captured_queries)

    def leading(fig):  # the partner the most was received from
        return next(
            r["name"] for r in fig["resources"]["by_partner"] if r["direction"] == "received"
        )

    before, _ = figures()
    assert leading(before) == d.japan.name_vi

    make(
        "activities", w.hanoi, title="Tọa đàm", start_date=dt.date(2024, 11, 5), partners=[d.japan]
    )
    after, sql = figures()
    assert after["activities"]["total"] == before["activities"]["total"] + 1
    assert '"agreements_review"' not in sql and '"resources_resource"' not in sql
    assert after["agreements"] == before["agreements"]
    assert after["resources"]["by_partner"] == before["resources"]["by_partner"]

    make(
        "resources",
        w.daklak,
        title="Tài trợ lớn",
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(90_000),
        currency="USD",
        date=dt.date(2024, 12, 2),
        partner=d.lao2,
    )
    after, sql = figures()
    # ranked again, from the partners' rows of the term (not every resource of the term,
    # nor every partner's months)
    assert '"reports_resourcepartnerterm"' in sql and '"agreements_review"' not in sql
    assert '"reports_resourcepartnermonth"' not in sql
    assert '"resources_resource"' not in sql
    assert leading(after) == d.lao2.name_vi

    d.lao2.name_vi = "Hội LHPN tỉnh Sê Kông (Lào)"
    d.lao2.save()
    after, _ = figures()
    assert leading(after) == "Hội LHPN tỉnh Sê Kông (Lào)"

    make(
        "agreements",
        w.hanoi,
        title="Bản ghi nhớ mới",
        partners=[d.japan],
        signed_date=dt.date(2024, 4, 1),
        start_date=dt.date(2024, 4, 1),
        end_date=dt.date(2028, 4, 1),
    )
    after, sql = figures()
    assert after["agreements"]["signed"] == before["agreements"]["signed"] + 1


def test_central_figures_read_no_records(more):
    """The national dashboard adds up summary rows: no activity or resource is read
    (the agreements' statuses of today excepted); the partners' ranking and the money
    by regime sum the per-partner summary."""
    w = more.world
    kw = {"unit": w.central, "period": make_period(term="XIII"), "user": w.user("trunguong")}
    with CaptureQueriesContext(connection) as ctx:
        fig = F._unit_figures(**kw, today=TODAY)
        # and the report's money by stage, by country and for the partners it names
        stages = R.resource_stages(**kw, by_partner=fig["resources"]["by_partner"])
    assert stages["by_stage"] and stages["by_country"] and stages["by_partner"]
    touched = [
        q["sql"]
        for q in ctx.captured_queries
        if '"activities_activity"' in q["sql"] or '"resources_resource"' in q["sql"]
    ]
    assert touched == []


def test_a_resource_saved_recounts_only_its_partners_rows(more):
    """The per-partner money summary is recounted for the partners the change touched
    (before and after), not for every partner of the unit's month: a save at national
    size rewrote the centre's thousand rows of the month."""
    d, w = more, more.world
    bystander = make("partners", w.daklak, name_vi="Đối tác khác", country="TH")
    make("resources", d.grant.unit, partner=bystander, date=d.grant.date)
    kept = set(ResourcePartnerMonth.objects.filter(partner=bystander).values_list("pk", flat=True))
    assert kept
    with CaptureQueriesContext(connection) as ctx:
        d.grant.partner = d.lao2
        d.grant.save()
    # the month's rows are read for the partners touched only (then written by id)
    reads = [
        q["sql"].split(" WHERE ", 1)[1]
        for q in ctx.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "reports_resourcepartnermonth"' in q["sql"]
    ]
    assert reads and all("partner_id" in where for where in reads)
    # the bystander's rows were not rewritten; everything equals counting again
    after = set(ResourcePartnerMonth.objects.filter(partner=bystander).values_list("pk", flat=True))
    assert after == kept
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental


def test_an_edit_that_moves_no_figure_writes_no_summary_row(more):
    """Every save recounts its cells; a recount equal to what is stored writes nothing
    (a rewritten row would be an UPDATE in place, never a DELETE and INSERT of the same
    key), and a change still writes exactly what moved."""
    d = more

    def summary_writes(change) -> list[str]:
        with CaptureQueriesContext(connection) as ctx:
            change()
        statements = [re.sub(r"^\d+ times: ", "", q["sql"]) for q in ctx.captured_queries]
        return [
            sql
            for sql in statements
            if sql.split()[0] in ("INSERT", "UPDATE", "DELETE")
            and re.search(r'(INTO|UPDATE|FROM) "?reports_(?!summarystate)', sql)
        ]

    def notes():
        d.grant.notes = "Ghi chú mới"
        d.grant.save()

    assert summary_writes(notes) == []
    before = tables()

    def amount():
        d.grant.unit_value += 1
        d.grant.save()

    writes = summary_writes(amount)
    assert writes and not any(sql.startswith("DELETE") for sql in writes)
    assert tables() != before
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental


def test_a_terms_ranking_from_its_partners_rows_equals_counting(more, monkeypatch):
    """The term's ranking of the partners, read from the partners' rows of the term
    (the leading ones in the order of the money, the others counted and their money the
    total less the leading ones'), is the ranking of every resource counted: with a tie
    at the last place, a reversal (a negative amount, as an IATI import records), an
    edit, a resource moved to another unit and partner, a delete; and it is what
    counting everything again writes."""
    d, w = more, more.world
    monkeypatch.setattr(F, "TOP_PARTNERS", 2)
    term = make_period(term="XIII")

    def check(name):
        """The country's ranking, checked with those of a province, a city, a commune."""
        for unit in (d.ea_kao, w.daklak, w.hanoi, w.central):
            kw = {"unit": unit, "period": term, "user": w.user("admin"), "today": TODAY}
            summed = F._unit_figures(**kw)["resources"]["by_partner"]
            assert summed == counted(monkeypatch, **kw)["resources"]["by_partner"], (name, unit)
        return summed

    def gift(unit, partner, value, day=dt.date(2024, 6, 1)):
        r = make(
            "resources",
            unit,
            direction="received",
            kind="cash",
            quantity=Decimal(1),
            unit_value=Decimal(value),
            currency="VND",
            date=day,
            partner=partner,
        )
        return r

    partners = [
        make("partners", w.hanoi, name_vi=f"Đối tác xếp hạng {i}", country="JP") for i in range(4)
    ]
    for p in partners[:3]:  # three partners tie at the same amount: one is cut off
        gift(w.hanoi, p, 7_000_000_000)
    moved = gift(d.ea_kao, partners[3], 6_000_000_000)
    ranking = check("tie")
    received = [r for r in ranking if r["direction"] == "received"]
    assert [r["partner_id"] for r in received[:2]] == [partners[0].pk, partners[1].pk]
    assert received[-1]["name"].startswith("Các đối tác khác")

    reversal = gift(w.hanoi, partners[0], -2_500_000_000)
    received = [r for r in check("reversal") if r["direction"] == "received"]
    assert received[0]["partner_id"] == partners[1].pk  # the reversal moved it down

    moved.unit_value = Decimal(9_000_000_000)
    moved.save()
    assert [r for r in check("edit") if r["direction"] == "received"][0]["partner_id"] == (
        partners[3].pk
    )
    moved.unit = w.hanoi
    moved.partner = partners[2]
    moved.date = dt.date(2023, 2, 1)
    moved.save()
    check("moved to another unit, partner and month")
    reversal.delete()
    check("reversal deleted")
    moved.date = dt.date(2021, 5, 1)  # out of the term
    moved.save()
    check("moved out of the term")

    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental


def test_a_terms_money_by_country_and_kind_from_its_term_rows(more, monkeypatch):
    """A term's money by country and by kind is read from the term's own rows
    (``ResourceTerm``: the centre's 440, not its 17,000 monthly cells at national size)
    and is the money of the records counted: after aid recorded, an amount edited, a
    resource moved to another unit, month, kind and partner's country, one moved out of
    the term, one deleted; and the rows are what counting everything again writes."""
    d, w = more, more.world
    term = make_period(term="XIII")

    def check(name):
        for unit in (d.ea_kao, w.daklak, w.hanoi, w.central):
            kw = {"unit": unit, "period": term, "user": w.user("admin"), "today": TODAY}
            with CaptureQueriesContext(connection) as ctx:
                summed = F._unit_figures(**kw)["resources"]
            read = " ".join(q["sql"] for q in ctx.captured_queries)
            assert "reports_resourceterm" in read and "reports_resourcemonth" not in read
            plain = counted(monkeypatch, **kw)["resources"]
            for key in ("received", "given", "by_country", "by_kind"):
                assert summed[key] == plain[key], (name, unit.name, key)
        incremental = tables()["ResourceTerm"]
        assert incremental
        call_command("rebuild_summaries", verbosity=0)
        assert tables()["ResourceTerm"] == incremental, name  # = counted everything again

    check("as made")
    aid = make(
        "resources",
        d.ea_kao,
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(3_000_000_000),
        currency="VND",
        date=dt.date(2024, 9, 1),
        partner=d.japan,
    )
    check("aid recorded")
    aid.unit_value = Decimal(4_000_000_000)
    aid.save()
    check("amount edited")
    aid.unit = w.hanoi
    aid.partner = d.lao  # another country
    aid.date = dt.date(2023, 1, 5)
    aid.kind = "in_kind"
    aid.save()
    check("moved to another unit, month, country and kind")
    aid.date = dt.date(2021, 5, 1)  # out of the term
    aid.save()
    check("moved out of the term")
    d.grant.delete()
    check("deleted")


def test_a_term_given_other_dates_sums_its_partners_again(more, monkeypatch):
    """A term whose dates change (or a new one) has its partners' rows and its money by
    country and kind summed again at once: the ranking and the money read from them
    stay those of the records."""
    from doingoai.organization.models import Term

    w = more.world
    xiii = Term.objects.get(name="XIII")
    xiii.end_date = dt.date(2024, 12, 31)
    xiii.save()
    kw = {"unit": w.central, "period": make_period(term="XIII"), "user": w.user("admin")}
    summed = F._unit_figures(**kw, today=TODAY)["resources"]
    plain = counted(monkeypatch, **kw, today=TODAY)["resources"]
    for key in ("by_partner", "by_country", "by_kind"):
        assert summed[key] == plain[key], key
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite writers queue on the database lock itself"
)
def test_two_saves_of_one_month_at_once_both_count(world, saves_at_once):
    """Two officers saving activities of one commune and month at the same moment, the
    first's transaction still open when the second saves: the second's recount waits
    for the first to commit, so both activities count (without waiting, the second
    counted without the first's record and wrote over its figure)."""
    commune = make("units", world.hanoi)
    make("activities", commune, start_date=dt.date(2024, 5, 5), partners=[])
    saves_at_once(
        lambda: make("activities", commune, start_date=dt.date(2024, 5, 6), partners=[]),
        lambda: make("activities", commune, start_date=dt.date(2024, 5, 7), partners=[]),
    )
    cells = ActivityMonth.objects.filter(unit=commune).values_list("activities", flat=True)
    assert sum(cells) == 3
    incremental = tables()
    call_command("rebuild_summaries", verbosity=0)
    assert tables() == incremental


def test_the_rankings_partners_counted_again_only_when_one_comes_or_goes(more, monkeypatch):
    """The term's ranking says how many other partners there are: that count is kept
    until a partner's row of the term comes or goes under the unit (its first aid of
    the term recorded, its last deleted), not counted again at every aid edited; it
    is always the number counting the records gives."""
    w = more.world
    monkeypatch.setattr(F, "TOP_PARTNERS", 1)
    kw = {"unit": w.central, "period": make_period(term="XIII"), "user": w.user("admin")}

    def others(**extra):
        with CaptureQueriesContext(connection) as ctx:
            summed = F._unit_figures(**kw, today=TODAY)["resources"]["by_partner"]
        assert summed == counted(monkeypatch, **kw, today=TODAY)["resources"]["by_partner"]
        counts = [
            q
            for q in ctx.captured_queries
            if q["sql"].startswith("SELECT COUNT(*)") and "reports_resourcepartnerterm" in q["sql"]
        ]
        rest = {r["direction"]: r["partners"] for r in summed if "partners" in r}
        return rest, len(counts)

    def aid(partner, value=5_000_000):
        return make(
            "resources",
            w.hanoi,
            direction="received",
            kind="cash",
            quantity=Decimal(1),
            unit_value=Decimal(value),
            currency="VND",
            date=dt.date(2024, 8, 1),
            partner=partner,
        )

    first = aid(make("partners", w.hanoi, name_vi="Đối tác A", country="JP"), 9_000_000_000)
    aid(make("partners", w.hanoi, name_vi="Đối tác B", country="JP"))
    before, _n = others()
    first.unit_value = Decimal(8_000_000_000)  # an amount edited: no partner came or went
    first.save()
    assert others() == (before, 0)  # not counted again
    newcomer = aid(make("partners", w.hanoi, name_vi="Đối tác C", country="KR"))
    after, n = others()
    assert n and after["received"] == before["received"] + 1
    newcomer.delete()
    assert others()[0] == before
