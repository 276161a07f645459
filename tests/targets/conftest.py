"""Records in several provinces and a commune, built through the samples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from doingoai.core.samples import make

ON = dt.date(2026, 12, 4)  # "today" of the tests: the last year of term XIII


@pytest.fixture
def recs(world):
    return make_recs(world)


def make_recs(world):
    """Đắk Lắk, Hà Nội and a commune's records (``recs``)."""
    from doingoai.activities.models import Activity
    from doingoai.agreements.models import Review
    from doingoai.organization.models import Unit
    from doingoai.resources.models import ExchangeRate, Resource

    ns = SimpleNamespace(world=world)
    ExchangeRate.objects.create(
        currency="USD", date=dt.date(2024, 1, 1), vnd_per_unit=Decimal(25_000), source="test"
    )
    # communes of Đắk Lắk (the test world has provinces only)
    ns.communes = [
        Unit.objects.create(
            level="commune",
            code=f"2400{i}",
            name=f"Hội LHPN xã {name}",
            area_name=name,
            parent=world.daklak,
        )
        for i, name in enumerate(["Ea Kao", "Ea Tu", "Hòa Phú"])
    ]
    ns.commune = ns.communes[0]
    ns.trip = make("activities", world.daklak, kind=Activity.Kind.DELEGATION_OUT)
    # made under Phú Yên before the 2025 merger: counts for Đắk Lắk
    ns.old = make(
        "activities",
        world.phu_yen,
        kind=Activity.Kind.DELEGATION_IN,
        start_date=dt.date(2023, 3, 1),
        end_date=dt.date(2023, 3, 2),
    )
    ns.commune_event = make(
        "activities", ns.commune, kind=Activity.Kind.CONFERENCE, start_date=dt.date(2025, 9, 1)
    )
    ns.no_partner = make("activities", world.hanoi, kind=Activity.Kind.WORKSHOP)
    ns.no_partner.partners.clear()
    ns.agreement = make("agreements", world.daklak)
    ns.hanoi_agreement = make("agreements", world.hanoi, signed_date=dt.date(2021, 1, 1))
    ns.reviews = list(Review.objects.filter(agreement=ns.agreement).order_by("scheduled_date"))
    ns.received = make(
        "resources",
        world.daklak,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.CASH,
        quantity=Decimal(1),
        unit_value=Decimal(1000),
        currency="USD",
        date=dt.date(2024, 6, 1),
    )
    ns.news = make("news", world.daklak)
    return ns
