"""Data entry the Vietnamese way (issue 17): numbers, money, currencies, dates and
times typed and shown as officers type and read them, through the real forms."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from doingoai.resources.models import Resource


def resource_post(world, **changes):
    data = {
        "title": "Máy may",
        "direction": "received",
        "kind": "in_kind",
        "quantity": "4",
        "unit_value": "10.000.000",
        "currency": "VND",
        "date": "15/01/2024",
        "stage": "pledged",
        "unit": world.daklak.pk,
    }
    data.update(changes)
    return data


# typed quantity, typed unit value, amount stored (None: refused with a message)
NUMBERS = [
    ("4", "10.000.000", D("40000000")),
    ("4", "10.000.000,5", D("40000002")),
    ("1,5", "2.000", D("3000")),
    ("2", "40 triệu", D("80000000")),
    ("1", "1,2 tỷ", D("1200000000")),
    ("1", "2 tỷ 500 triệu", D("2500000000")),
    ("1", "40.000.000 đ", D("40000000")),
    ("1", "10 000 000", D("10000000")),
    ("3", "1,500.25", D("4500.75")),
    ("1", "1,500", None),  # 1,5 or 1.500? refused, never guessed
    ("1", "10.00.000", None),
    ("abc", "10", None),
]


@pytest.mark.parametrize(("quantity", "unit_value", "amount"), NUMBERS)
def test_numbers_typed_in_the_resource_form(world, login, quantity, unit_value, amount):
    client = login("daklak")
    title = f"Khoản {quantity} × {unit_value}"
    with translation.override("vi"):
        response = client.post(
            reverse("resources_add"),
            resource_post(world, title=title, quantity=quantity, unit_value=unit_value),
        )
    saved = Resource.objects.filter(title=title).first()
    if amount is None:
        assert response.status_code == 400
        assert saved is None
        page = response.content.decode()
        assert "không phải là số" in page or "có thể hiểu theo hai cách" in page
    else:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert saved.amount == amount


def test_pages_show_numbers_without_needless_decimals(world, login):
    client = login("daklak")
    client.post(reverse("resources_add"), resource_post(world, title="Bốn máy may"))
    resource = Resource.objects.get(title="Bốn máy may")
    with translation.override("vi"):
        page = client.get(resource.get_absolute_url()).content.decode()
        form = client.get(reverse("resources_edit", args=[resource.pk])).content.decode()
    assert "<dd>4</dd>" in page
    assert "10.000.000 ₫" in page or "<dd>10.000.000</dd>" in page
    assert "4,00" not in page and "10.000.000,00" not in page
    assert 'value="10.000.000"' in form and 'value="4"' in form


# typed currency → code stored (None: refused)
CURRENCIES = [
    ("VND", "VND"),
    ("vnd", "VND"),
    ("đồng", "VND"),
    ("Đồng Việt Nam", "VND"),
    ("dong viet nam", "VND"),
    ("đô la Mỹ", "USD"),
    ("USD — Đô la Mỹ", "USD"),
    ("euro", "EUR"),
    ("kíp Lào", "LAK"),
    ("yên Nhật", "JPY"),
    ("XYZ", None),
    ("tiền lạ", None),
]


@pytest.mark.parametrize(("typed", "code"), CURRENCIES)
def test_currency_typed_as_a_code_or_its_vietnamese_name(world, login, typed, code):
    client = login("daklak")
    title = f"Khoản bằng {typed}"
    with translation.override("vi"):
        response = client.post(
            reverse("resources_add"), resource_post(world, title=title, currency=typed)
        )
    saved = Resource.objects.filter(title=title).first()
    if code is None:
        assert response.status_code == 400
        assert saved is None
        assert "ISO 4217" in response.content.decode()
    else:
        assert response.status_code == 302
        assert saved.currency == code


def test_currency_picker_offers_vietnamese_names_vnd_first(world, login):
    client = login("daklak")
    with translation.override("vi"):
        form = client.get(reverse("resources_add")).content.decode()
    options = form[form.index('<datalist id="currency-codes">') :]
    assert "Đồng Việt Nam" in options and "Đô la Mỹ" in options
    order = [options.index(f'value="{c}') for c in ("VND", "USD", "EUR", "LAK", "KHR")]
    assert order == sorted(order)


# typed date → stored date (None: refused with a message)
DATES = [
    ("05/09/2025", dt.date(2025, 9, 5)),
    ("5/9/2025", dt.date(2025, 9, 5)),
    ("05092025", dt.date(2025, 9, 5)),
    ("05-09-2025", dt.date(2025, 9, 5)),
    ("05.09.2025", dt.date(2025, 9, 5)),
    ("2025-09-05", dt.date(2025, 9, 5)),
    ("31/02/2025", None),
    ("13/13/2025", None),
    ("0509202", None),
]


@pytest.mark.parametrize(("typed", "date"), DATES)
def test_dates_typed_day_first(world, login, typed, date):
    client = login("daklak")
    title = f"Khoản ngày {typed}"
    with translation.override("vi"):
        response = client.post(
            reverse("resources_add"), resource_post(world, title=title, date=typed)
        )
    saved = Resource.objects.filter(title=title).first()
    if date is None:
        assert response.status_code == 400
        assert saved is None
        assert "dd/mm/yyyy" in response.content.decode()
    else:
        assert response.status_code == 302
        assert saved.date == date


def test_date_inputs_do_not_depend_on_the_browser_locale(world, login):
    client = login("daklak")
    client.post(reverse("resources_add"), resource_post(world, title="Ngày hiển thị"))
    resource = Resource.objects.get(title="Ngày hiển thị")
    with translation.override("vi"):
        form = client.get(reverse("resources_edit", args=[resource.pk])).content.decode()
    assert 'type="date"' not in form
    assert 'value="15/01/2024"' in form
    assert 'placeholder="dd/mm/yyyy"' in form


def test_times_are_shown_in_viet_nam_time(world, login):
    client = login("daklak")
    client.post(reverse("resources_add"), resource_post(world, title="Lúc khuya"))
    resource = Resource.objects.get(title="Lúc khuya")
    # saved at 01:35 on 04/12/2026 in Việt Nam, which is 18:35 on 03/12/2026 UTC
    at = dt.datetime(2026, 12, 3, 18, 35, tzinfo=dt.UTC)
    resource.history.update(history_date=at)
    with translation.override("vi"):
        page = client.get(resource.get_absolute_url()).content.decode()
    assert "01:35 04/12/2026" in page
    assert "18:35 03/12/2026" not in page
    assert timezone.localtime(at).date() == dt.date(2026, 12, 4)
