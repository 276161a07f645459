"""The money rules with exact figures: quantity × unit value, conversion at the rate of
the date or the nearest date before, a missing rate, Vietnamese display, rate imports."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from doingoai.resources import money, services
from doingoai.resources.models import ExchangeRate, Resource

D = Decimal


@pytest.fixture
def rates(db):
    for currency, date, value in [
        ("USD", dt.date(2024, 1, 1), "24000"),
        ("USD", dt.date(2024, 2, 1), "24500"),
        ("EUR", dt.date(2024, 1, 1), "26400"),
    ]:
        ExchangeRate.objects.create(currency=currency, date=date, vnd_per_unit=D(value))


def test_quantity_times_unit_value(world):
    r = Resource.objects.create(
        title="4 bộ máy may",
        direction="given",
        kind="in_kind",
        quantity=D(4),
        unit_value=D(10_000_000),
        currency="VND",
        date=dt.date(2024, 6, 25),
        unit=world.daklak,
    )
    assert r.amount == D("40000000")
    assert r.amount_vnd == D("40000000")
    assert money.format_money(r.amount, "VND") == "40.000.000 ₫"


def test_format_money_the_vietnamese_way():
    assert money.format_money(D(40_000_000), "VND") == "40.000.000 ₫"
    assert money.format_money(D(9_000_000), "USD") == "9.000.000 US$"
    assert money.format_money(D("1234.5"), "EUR") == "1.234,50 €"
    assert money.format_money(None, "USD") == ""


def test_conversion_uses_the_rate_of_the_date_or_the_nearest_before(rates):
    # on a rate's own date
    assert money.to_vnd(100, "USD", on=dt.date(2024, 2, 1)) == D("2450000")
    # between two rates: the earlier one
    assert money.to_vnd(100, "USD", on=dt.date(2024, 1, 31)) == D("2400000")
    assert money.convert(D("100"), "USD", on=dt.date(2024, 1, 20)) == D("2400000")
    # through the đồng: 100 EUR = 2.640.000 ₫ = 110,00 USD on 20/01/2024
    assert money.to_vnd(100, "EUR", on=dt.date(2024, 1, 20)) == D("2640000")
    assert money.to_usd(100, "EUR", on=dt.date(2024, 1, 20)) == D("110.00")
    # 40.000.000 ₫ on 25/06/2024 at 24.500: 1.632,65 USD
    assert money.to_usd(40_000_000, "VND", on=dt.date(2024, 6, 25)) == D("1632.65")
    assert money.to_usd(250, "USD", on=dt.date(1990, 1, 1)) == D("250.00")


def test_missing_rate_gives_none(rates):
    assert money.to_vnd(100, "USD", on=dt.date(2023, 12, 31)) is None  # before any rate
    assert money.to_vnd(100, "JPY", on=dt.date(2024, 3, 1)) is None  # no JPY rate at all
    assert money.to_usd(100, "EUR", on=dt.date(2023, 12, 31)) is None
    # a rate more than a year old is not used
    assert money.to_vnd(100, "USD", on=dt.date(2025, 3, 1)) is None


def test_resource_gets_equivalents_and_the_page_says_when_there_is_no_rate(rates, world, login):
    ok = Resource.objects.create(
        title="Tài trợ dự án",
        direction="received",
        kind="project",
        quantity=D(2),
        unit_value=D("1500.50"),
        currency="EUR",
        date=dt.date(2024, 1, 15),
        unit=world.daklak,
    )
    assert ok.amount == D("3001.00")
    assert ok.amount_vnd == D("79226400")  # 3001 × 26.400
    assert ok.amount_usd == D("3301.10")  # 79.226.400 / 24.000
    assert "1 EUR = 26.400 ₫ (01/01/2024)" in ok.rate_note
    missing = Resource.objects.create(
        title="Khoản bằng yên",
        direction="received",
        kind="cash",
        unit_value=D(500000),
        currency="JPY",
        date=dt.date(2024, 1, 15),
        unit=world.daklak,
    )
    assert missing.amount == D("500000.00")
    assert missing.amount_vnd is None and missing.amount_usd is None
    client = login("daklak")
    with translation.override("vi"):
        page = client.get(missing.get_absolute_url()).content.decode()
        no_rate = gettext("no exchange rate yet")
    assert no_rate in page
    assert "500.000 ¥" in page
    page = client.get(ok.get_absolute_url()).content.decode()
    assert "79.226.400 ₫" in page and "3.301,10 US$" in page
    listing = client.get(reverse("resources_list")).content.decode()
    assert no_rate in listing


def test_unknown_currency_is_refused_and_changes_nothing(world, login):
    client = login("daklak")
    count = Resource.objects.count()
    response = client.post(
        reverse("resources_add"),
        {
            "title": "Khoản lạ",
            "direction": "received",
            "kind": "cash",
            "quantity": "1",
            "unit_value": "100",
            "currency": "XYZ",
            "date": "2024-01-15",
            "stage": "pledged",
            "unit": world.daklak.pk,
        },
    )
    assert response.status_code == 400
    assert "XYZ" in response.content.decode()
    assert "ISO 4217" in response.content.decode()
    assert Resource.objects.count() == count
    with pytest.raises(ValidationError) as exc:
        Resource(
            title="x",
            direction="given",
            unit_value=D(1),
            currency="ABC",
            date=dt.date(2024, 1, 1),
            unit=world.daklak,
        ).full_clean()
    assert "currency" in exc.value.message_dict


def test_negative_quantity_is_refused(world, login):
    client = login("daklak")
    response = client.post(
        reverse("resources_add"),
        {
            "title": "Khoản âm",
            "direction": "given",
            "kind": "cash",
            "quantity": "-4",
            "unit_value": "100",
            "currency": "VND",
            "date": "2024-01-15",
            "stage": "pledged",
            "unit": world.daklak.pk,
        },
    )
    assert response.status_code == 400
    assert not Resource.objects.filter(title="Khoản âm").exists()


def test_import_rates_lands_whole_and_refreshes_equivalents(world, tmp_path):
    r = Resource.objects.create(
        title="Khoản bằng USD",
        direction="received",
        kind="cash",
        unit_value=D(1000),
        currency="USD",
        date=dt.date(2019, 5, 10),
        unit=world.daklak,
    )
    assert r.amount_vnd is None
    good = tmp_path / "rates.csv"
    good.write_text(
        "currency,date,vnd_per_unit,source\n"
        "USD,01/05/2019,23.250,Vietcombank\n"
        'EUR,2019-05-01,"26.100,5"\n',
        encoding="utf-8",
    )
    call_command("import_rates", str(good), verbosity=0)
    r.refresh_from_db()
    assert r.amount_vnd == D("23250000")
    assert ExchangeRate.objects.get(currency="EUR", date=dt.date(2019, 5, 1)).vnd_per_unit == D(
        "26100.5"
    )

    bad = tmp_path / "bad.csv"
    bad.write_text("USD,02/05/2019,23300\nXYZ,02/05/2019,1\nEUR,32/13/2019,2\n", encoding="utf-8")
    count = ExchangeRate.objects.count()
    with pytest.raises(Exception) as exc:
        call_command("import_rates", str(bad), verbosity=0)
    assert "Line 2" in str(exc.value) or "Dòng 2" in str(exc.value)
    assert ExchangeRate.objects.count() == count  # nothing imported

    # importing the same file again changes nothing
    result = services.import_rates(text=good.read_text())
    assert result["created"] == 0 and result["updated"] == 0


def test_rates_are_reference_data_changed_by_admins_only(world, login):
    client = login("daklak")
    assert client.get(reverse("rates_list")).status_code == 200
    assert client.get(reverse("rates_import")).status_code == 403
    admin = login("admin")
    assert admin.get(reverse("rates_import")).status_code == 200
