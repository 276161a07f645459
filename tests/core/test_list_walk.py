"""A province reader's whole list read two ways on SQLite: walking the list's order index
with her scope checked on each entry (her first pages), or through her scope's own
indexes, all she sees sorted (deep pages, a commune's reader). Both list exactly the
records of her scope (her subtree's, those her units take part in or are party to,
those shared with her), in the same order, page by page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.conftest import records_for_the_module

from doingoai.core import scope
from doingoai.core.bulk import bulk_work
from doingoai.core.models import bump_data_version
from doingoai.core.registry import REGISTRY
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

KINDS = ("activities", "resources")


def her_records(world):
    """Records of every way into Đắk Lắk's reader's scope, dates tied across them, and
    Hà Nội's records she does not see."""
    commune = make("units", world.daklak)
    day = [dt.date(2024, 1, 1 + i % 4) for i in range(50)]
    with bulk_work():  # as an import makes them: the figures counted once, at the end
        for i in range(45):
            unit = commune if i % 2 else world.daklak
            make("activities", unit, start_date=day[i])
            make("resources", unit, date=day[i])
        deal = make("agreements", world.hanoi)
        deal.units.add(commune)  # a party: its aid is hers
        for i in range(10):
            trip = make("activities", world.hanoi, start_date=day[i])
            if i % 3 == 0:
                trip.units.add(commune)  # her commune takes part
            elif i % 3 == 1:
                trip.shared_with.add(world.daklak)  # shared with her unit
            make("resources", world.hanoi, date=day[i], activity=trip)
            make("resources", world.hanoi, date=day[i + 1], agreement=deal if i % 2 else None)


_records = records_for_the_module(her_records)


@pytest.fixture
def scoped(_records, world):
    return world


def pages(client, kind: str) -> tuple[list[int], list[str]]:
    """Every page's records, in order, and the statements that read the pages' ids."""
    url = reverse(f"{kind}_list")
    seen, walked, page = [], [], 1
    while True:
        bump_data_version(kind)  # rendered again: not the page cache's copy
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, {"page": page})
        table = response.context["table"]
        seen += [row.record.pk for row in table.page.object_list]
        walked += [q["sql"] for q in ctx.captured_queries if "INDEXED BY" in q["sql"]]
        if not table.page.has_next():
            return seen, walked
        page += 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("walk", [True, False])
def test_both_ways_list_exactly_her_scope_in_order(scoped, login, monkeypatch, kind, walk):
    monkeypatch.setattr(scope, "WALK_ADVANTAGE", 10**9 if walk else 0)
    user = scoped.user("daklak")
    model = REGISTRY[kind].model
    expected = list(
        REGISTRY[kind].sorted(model.objects.restrict(user)).values_list("pk", flat=True)
    )
    hidden = model.objects.exclude(pk__in=expected).filter(unit=scoped.hanoi)
    assert len(expected) > 50 and hidden.exists()  # three pages, some of Hà Nội's unseen
    seen, walked = pages(login("daklak"), kind)
    assert seen == expected
    index = REGISTRY[kind].list_order_index
    if walk and connection.vendor == "sqlite":
        assert len(walked) == 3 and all(f'INDEXED BY "{index}"' in sql for sql in walked)
    else:  # PostgreSQL walks the order index by itself where it pays
        assert not walked


def test_a_province_walks_her_first_pages_a_commune_never(scoped, monkeypatch):
    """The choice (``UnitOwned.walks_list``): entries walked to her ``rows``-th record,
    ``rows * total / owned``, against ``WALK_ADVANTAGE`` times what she owns."""
    from doingoai.activities.models import Activity

    policy = Activity.scope_policy
    qs = Activity.objects.all()
    user = scoped.user("daklak")
    total = Activity.objects.order_by("-pk").values_list("pk", flat=True).first()
    sqlite = connection.vendor == "sqlite"
    owned = 1000  # a province's share of the country's activities, here
    monkeypatch.setattr(scope, "WALK_ADVANTAGE", 5)
    limit = 5 * owned * owned // total  # the deepest first rows walked
    assert policy.walks_list(qs, user, limit, owned) is sqlite
    assert not policy.walks_list(qs, user, limit + 1, owned)
    assert not policy.walks_list(qs, user, 25, 0)  # she owns nothing: her scope's indexes
