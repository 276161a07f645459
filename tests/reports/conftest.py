"""Report data built through the samples (the real models and their save logic)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from doingoai.core.samples import make


@pytest.fixture
def data(world):
    """Đắk Lắk (with a record made under Phú Yên before the 2025 merger) and Hà Nội."""
    return make_data(world)


def data_for_the_module(more=None):
    """For a module whose tests all read the report data (and ``more(ns)``'s records, if
    given): the fixtures ``(_report_data, data)``, to be assigned under those names. The
    records are made once for the module (``tests.conftest.records_for_the_module``: about
    a second a test); ``data`` gives each test the same namespace as the function-scoped
    fixture, its records read afresh (``tests.conftest.read_again``)."""
    from tests.conftest import read_again, records_for_the_module

    def make_all(world):
        ns = make_data(world)
        if more is not None:
            more(ns)
        return ns

    made = records_for_the_module(make_all)

    @pytest.fixture
    def fixture(_report_data, world):
        return read_again(_report_data, world)

    return made, fixture


def make_data(world):
    """The report data, made in one batch as an import makes records (the figures counted
    once, at the end)."""
    from doingoai.core.bulk import bulk_work

    with bulk_work():
        return _make_data(world)


def _make_data(world):
    from doingoai.activities.models import Activity
    from doingoai.agreements.models import Review
    from doingoai.resources.models import ExchangeRate, Resource

    ns = SimpleNamespace(world=world)
    ExchangeRate.objects.create(
        currency="USD", date=dt.date(2024, 1, 1), vnd_per_unit=Decimal(25_000), source="test"
    )
    ns.lao = make(
        "partners",
        world.daklak,
        name_vi="Hội LHPN tỉnh Chămpasăk",
        name_en="Lao Women's Union of Champasak",
        country="LA",
        subdivision="LA-CH",
    )
    ns.lao2 = make(
        "partners", world.daklak, name_vi="Hội LHPN tỉnh Sê Kông", country="LA", subdivision="LA-XE"
    )
    ns.japan = make(
        "partners",
        world.hanoi,
        name_vi="Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
        name_en="JICA",
        country="JP",
        subdivision="",
        kind="donor",
    )
    # an old partner of Đắk Lắk: worked with before term XIII, so not new
    ns.old_activity = make(
        "activities",
        world.daklak,
        title="Đoàn ra Lào năm 2019",
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 5, 5),
        partners=[ns.lao2],
    )
    ns.trip = make(
        "activities",
        world.daklak,
        title="Đoàn công tác Hội LHPN tỉnh Đắk Lắk thăm 4 tỉnh Nam Lào",
        kind=Activity.Kind.DELEGATION_OUT,
        start_date=dt.date(2024, 6, 25),
        end_date=dt.date(2024, 7, 1),
        partners=[ns.lao, ns.lao2],
        participants_total=12,
        participants_women=11,
    )
    ns.phu_yen_workshop = make(
        "activities",
        world.phu_yen,
        title="Hội thảo bình đẳng giới tại Phú Yên",
        kind=Activity.Kind.WORKSHOP,
        start_date=dt.date(2023, 3, 8),
        end_date=dt.date(2023, 3, 8),
        partners=[ns.lao],
        participants_total=40,
        participants_women=35,
    )
    ns.hanoi_conf = make(
        "activities",
        world.hanoi,
        title="Hội nghị với JICA tại Hà Nội",
        kind=Activity.Kind.CONFERENCE,
        start_date=dt.date(2024, 9, 10),
        end_date=dt.date(2024, 9, 10),
        partners=[ns.japan],
    )
    ns.agreement = make(
        "agreements",
        world.daklak,
        title="Thỏa thuận hợp tác vì hòa bình phát triển giai đoạn 2022–2027",
        partners=[ns.lao, ns.lao2],
        signed_date=dt.date(2022, 6, 1),
        start_date=dt.date(2022, 6, 1),
        end_date=dt.date(2027, 6, 1),
    )
    mid = ns.agreement.reviews.get(kind=Review.Kind.MID_TERM)
    mid.held_date = dt.date(2024, 6, 27)
    mid.findings = "Hai bên thực hiện tốt các nội dung cam kết.\nCần tăng cường trao đổi đoàn."
    mid.rating = 4
    mid.auto_scheduled = False
    mid.save()
    ns.trip.agreements.set([ns.agreement])
    ns.hanoi_agreement = make(
        "agreements", world.hanoi, title="Bản ghi nhớ với JICA", partners=[ns.japan]
    )
    ns.machines = make(
        "resources",
        world.daklak,
        title="4 bộ máy may, máy vắt sổ cho phụ nữ nghèo 4 tỉnh Nam Lào",
        direction=Resource.Direction.GIVEN,
        kind=Resource.Kind.IN_KIND,
        quantity=Decimal(4),
        unit_value=Decimal(10_000_000),
        currency="VND",
        date=dt.date(2024, 6, 28),
        partner=ns.lao,
        activity=ns.trip,
        agreement=ns.agreement,
    )
    ns.grant = make(
        "resources",
        world.daklak,
        title="Tài trợ tập huấn khởi nghiệp",
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.PROJECT,
        quantity=Decimal(1),
        unit_value=Decimal(20_000),
        currency="USD",
        date=dt.date(2024, 8, 1),
        partner=ns.lao,
        agreement=ns.agreement,
        stage=Resource.Stage.DISBURSED,
    )
    ns.hanoi_grant = make(
        "resources",
        world.hanoi,
        title="Tài trợ của JICA cho Hà Nội",
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.CASH,
        quantity=Decimal(1),
        unit_value=Decimal(50_000),
        currency="USD",
        date=dt.date(2024, 9, 1),
        partner=ns.japan,
    )
    return ns
