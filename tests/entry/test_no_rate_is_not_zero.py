"""Zero that is not zero (issue 17): resources without an exchange rate are not shown
as "0 ₫ · 0 USD" in the dashboard's tables and cards, but as "chưa có tỷ giá"."""

import re

from django.urls import reverse
from django.utils import translation

from doingoai.resources.models import Resource


def test_dashboard_says_no_rate_instead_of_zero(world, login):
    client = login("daklak")
    response = client.post(
        reverse("resources_add"),
        {
            "title": "Khoản bằng yên",
            "direction": "received",
            "kind": "cash",
            "quantity": "1",
            "unit_value": "500.000",
            "currency": "JPY",
            "date": "15/01/2024",
            "stage": "disbursed",
            "unit": world.daklak.pk,
        },
    )
    assert response.status_code == 302
    assert Resource.objects.get(title="Khoản bằng yên").amount_vnd is None
    with translation.override("vi"):
        page = client.get("/", {"unit": world.daklak.pk, "term": "XIII"}).content.decode()
    rows = re.findall(r"<tr><td>Tiếp nhận</td>.*?</tr>", page)
    assert rows, "the resource tables list the received item"
    for row in rows:
        assert "chưa có tỷ giá" in row
        assert ">0 ₫<" not in row and ">0 USD<" not in row
    card = re.search(r'data-figure="received">(.*?)</a>', page).group(1)
    assert "chưa có tỷ giá" in card and "0 ₫" not in card


def test_an_amount_in_dong_is_shown_even_without_a_dollar_rate(world, login):
    client = login("daklak")
    client.post(
        reverse("resources_add"),
        {
            "title": "Khoản bằng đồng",
            "direction": "received",
            "kind": "cash",
            "quantity": "1",
            "unit_value": "40 triệu",
            "currency": "VND",
            "date": "15/01/2024",
            "stage": "disbursed",
            "unit": world.daklak.pk,
        },
    )
    resource = Resource.objects.get(title="Khoản bằng đồng")
    assert resource.amount_vnd == 40_000_000 and resource.amount_usd is None
    with translation.override("vi"):
        page = client.get("/", {"unit": world.daklak.pk, "term": "XIII"}).content.decode()
    rows = re.findall(r"<tr><td>Tiếp nhận</td>.*?</tr>", page)
    assert rows
    for row in rows:
        assert "40.000.000" in row
    assert any("chưa có tỷ giá" in row for row in rows)  # its USD column
