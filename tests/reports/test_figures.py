import datetime as dt
from decimal import Decimal

from tests.reports.conftest import data_for_the_module

from doingoai.reports.figures import unit_figures
from doingoai.reports.periods import make_period

_report_data, data = data_for_the_module()

TODAY = dt.date(2025, 11, 1)


def figures(world, username, unit, **period):
    return unit_figures(
        unit=unit, period=make_period(**period), user=world.user(username), today=TODAY
    )


def test_province_term_rolls_up_merged_province(data):
    w = data.world
    fig = figures(w, "daklak", w.daklak, term="XIII")
    a = fig["activities"]
    # the 2024 trip and the 2023 workshop made under Phú Yên (merged into Đắk Lắk)
    assert a["total"] == 2
    assert {k["kind"]: k["n"] for k in a["by_kind"]} == {"delegation_out": 1, "workshop": 1}
    assert a["delegations_out"] == 1 and a["delegations_in"] == 0
    assert a["intl_events"] == 2
    assert a["participants"] == 52 and a["women"] == 46
    assert [y["n"] for y in a["by_year"]] == [0, 1, 1, 0, 0, 0]
    assert a["years"] == [2022, 2023, 2024, 2025, 2026, 2027]


def test_partners_by_country_and_new(data):
    w = data.world
    p = figures(w, "daklak", w.daklak, term="XIII")["partners"]
    assert p["by_country"] == [{**p["by_country"][0], "country": "LA", "n": 2, "new": 1}]
    assert p["total"] == 2 and p["new"] == 1  # Sê Kông was a partner before 2022


def test_resources_given_and_received(data):
    w = data.world
    r = figures(w, "daklak", w.daklak, term="XIII")["resources"]
    assert r["given"]["items"] == 1
    assert r["given"]["vnd"] == Decimal(40_000_000)
    given_la = [c for c in r["by_country"] if c["direction"] == "given"]
    assert [(c["country"], c["vnd"]) for c in given_la] == [("LA", Decimal(40_000_000))]
    assert r["received"]["items"] == 1
    assert r["received"]["usd"] == Decimal(20_000)
    assert r["received"]["vnd"] == Decimal(500_000_000)
    kinds = {(k["direction"], k["kind"]): k["vnd"] for k in r["by_kind"]}
    assert kinds == {
        ("given", "in_kind"): Decimal(40_000_000),
        ("received", "project"): Decimal(500_000_000),
    }


def test_agreements(data):
    w = data.world
    g = figures(w, "daklak", w.daklak, term="XIII")["agreements"]
    assert g["signed"] == 1 and g["renewed"] == 0
    assert g["reviewed"] == 1  # the mid-term review held on 27/06/2024
    assert g["in_force"] == 1 and g["expiring"] == 0
    assert g["review_due"] == 0
    [line] = g["timeline"]
    assert line["title"].startswith("Thỏa thuận hợp tác vì hòa bình")
    assert [r["held"] for r in line["reviews"]] == [True, False]


def test_year_period(data):
    w = data.world
    fig = figures(w, "daklak", w.daklak, year=2023)
    assert fig["activities"]["total"] == 1
    assert fig["activities"]["by_kind"][0]["kind"] == "workshop"
    assert fig["resources"]["given"]["items"] == 0
    # over the years of the term the year falls in
    assert fig["activities"]["years"][0] == 2022


def test_central_per_unit_below(data):
    w = data.world
    fig = figures(w, "trunguong", w.central, term="XIII")
    assert fig["activities"]["total"] == 3
    rows = {row["unit"].pk: row for row in fig["units"]}
    assert len(rows) == 34  # the provinces of today; the 63 old ones roll up into them
    assert rows[w.daklak.pk]["activities"] == 2
    assert rows[w.daklak.pk]["given_vnd"] == Decimal(40_000_000)
    assert rows[w.hanoi.pk]["activities"] == 1
    assert rows[w.hanoi.pk]["received_vnd"] == Decimal(1_250_000_000)
    without = {u.pk for u in fig["units_without_events"]}
    assert w.daklak.pk not in without and w.hanoi.pk not in without
    assert len(without) == 32
    assert fig["resources"]["received"]["usd"] == Decimal(70_000)


def test_scope_other_province_sees_nothing(data):
    w = data.world
    # Hà Nội's viewer asking about Đắk Lắk's figures gets nothing of Đắk Lắk's
    fig = figures(w, "hanoi", w.daklak, term="XIII")
    assert fig["activities"]["total"] == 0
    assert fig["resources"]["given"]["items"] == 0
    assert fig["partners"]["total"] == 0
    # and at the central level only her own province
    fig = figures(w, "hanoi", w.central, term="XIII")
    assert fig["activities"]["total"] == 1
    assert fig["resources"]["received"]["usd"] == Decimal(50_000)


def test_query_count_does_not_grow_with_records(data, django_assert_max_num_queries):
    w = data.world
    with django_assert_max_num_queries(40):
        figures(w, "trunguong", w.central, term="XIII")


def test_cached_figures_follow_every_change(data, django_assert_max_num_queries):
    """Figures are cached, but a new record, a changed one or a new partner link is
    counted at once: the cache key carries the data version every change bumps."""
    from doingoai.activities.models import Activity
    from doingoai.core.samples import make

    w = data.world
    before = figures(w, "daklak", w.daklak, term="XIII")["activities"]
    with django_assert_max_num_queries(3):  # cached: the version, nothing else
        again = figures(w, "daklak", w.daklak, term="XIII")["activities"]
    assert again["total"] == before["total"]
    activity = make(
        "activities", w.daklak, start_date=dt.date(2024, 3, 8), end_date=dt.date(2024, 3, 8)
    )
    Activity.objects.filter(pk=activity.pk).first().partners.clear()
    after = figures(w, "daklak", w.daklak, term="XIII")["activities"]
    assert after["total"] == before["total"] + 1
    intl = after["intl_events"]
    activity.partners.add(data.lao)
    assert figures(w, "daklak", w.daklak, term="XIII")["activities"]["intl_events"] == intl + 1


def test_partner_table_keeps_totals_when_the_rest_is_grouped(data, monkeypatch):
    """A national report lists the leading partners and groups the rest in one row whose
    figures keep the totals whole."""
    from doingoai.reports import figures as F

    w = data.world
    full = figures(w, "trunguong", w.central, term="XIII")["resources"]
    monkeypatch.setattr(F, "TOP_PARTNERS", 1)
    from django.core.cache import cache

    cache.clear()
    short = figures(w, "trunguong", w.central, term="XIII")["resources"]
    grouped = 0
    for direction in ("received", "given"):
        rows = [r for r in short["by_partner"] if r["direction"] == direction]
        full_rows = [r for r in full["by_partner"] if r["direction"] == direction]
        assert sum(r["vnd"] for r in rows) == sum(r["vnd"] for r in full_rows)
        assert sum(r["items"] for r in rows) == short[direction]["items"]
        if len(full_rows) > 1:
            grouped += 1
            assert len(rows) == 2 and rows[-1]["name"].startswith("Các đối tác khác")
    assert grouped, "the sample data needs two partners in one direction"
