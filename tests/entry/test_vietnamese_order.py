"""Names in Vietnamese alphabetical order (issue 17) on both databases: a ă â b c d đ e
ê g h i k l m n o ô ơ p q r s t u ư v x y, tones after the base letter (none, huyền,
hỏi, ngã, sắc, nặng). Lists, column sorting, pickers and filter choices agree."""

import random
import re

import pytest
from django.urls import reverse

from doingoai.core.text import vietnamese_order, vietnamese_sort_key
from doingoai.organization.models import Unit
from doingoai.partners.models import Partner

#: the order a Vietnamese dictionary gives (and ICU's "vi" collation on PostgreSQL)
IN_ORDER = [
    "Ai Cập",
    "Anh",
    "Ăng-gô-la",
    "Ấn Độ",
    "Dự án Phụ nữ",
    "Đại sứ quán Nhật Bản",
    "Đan Mạch",
    "Em",
    "Ê-ti-ô-pi-a",
    "Ma",
    "Mà",
    "Mả",
    "Mã",
    "Má",
    "Mạ",
    "Oxfam",
    "Ô-xtơ-rây-li-a",
    "Ơn",
    "Tổ chức Oxfam",
    "UN Women",
    "Ưu tiên",
]


def test_the_sort_key_follows_the_vietnamese_alphabet():
    shuffled = IN_ORDER[:]
    random.Random(17).shuffle(shuffled)
    assert sorted(shuffled, key=vietnamese_sort_key) == IN_ORDER
    # other scripts come after the Latin letters, and every key can be stored
    others = ["한국여성단체협의회", "日本", "Ümit 😀", "Umit"]
    assert sorted([*others, "Zed"], key=vietnamese_sort_key)[:3] == ["Umit", "Ümit 😀", "Zed"]
    for name in others:
        vietnamese_sort_key(name).encode()


@pytest.fixture
def partners(world):
    shuffled = IN_ORDER[:]
    random.Random(4).shuffle(shuffled)
    return [
        Partner.objects.create(name_vi=name, kind="ngo", country="LA", unit=world.daklak)
        for name in shuffled
    ]


def test_the_database_sorts_in_vietnamese_order(partners):
    names = Partner.objects.filter(pk__in=[p.pk for p in partners]).order_by(
        vietnamese_order("name_vi")
    )
    assert [p.name_vi for p in names] == IN_ORDER
    names = Partner.objects.filter(pk__in=[p.pk for p in partners]).order_by(
        vietnamese_order("-name_vi")
    )
    assert [p.name_vi for p in names] == IN_ORDER[::-1]


def _order_on_page(html, records):
    """The names of ``records`` in the order their links appear in ``html``."""
    where = {}
    for record in records:
        found = re.search(rf'href="{re.escape(record.get_absolute_url())}"', html)
        assert found, f"{record} not on the page"
        where[record.name_vi] = found.start()
    return sorted(where, key=where.get)


def test_the_partner_list_and_its_name_column_sort_in_vietnamese_order(partners, login):
    client = login("daklak")
    url = reverse("partners_list")
    assert _order_on_page(client.get(url).content.decode(), partners) == IN_ORDER
    page = client.get(url, {"sort": "name_vi"}).content.decode()
    assert _order_on_page(page, partners) == IN_ORDER
    page = client.get(url, {"sort": "-name_vi"}).content.decode()
    assert _order_on_page(page, partners) == IN_ORDER[::-1]


def test_a_form_offers_partners_in_vietnamese_order(partners, login):
    page = login("daklak").get(reverse("agreements_add")).content.decode()
    select = re.search(r'<select[^>]*name="partners".*?</select>', page, re.S).group(0)
    offered = [o for o in re.findall(r"<option[^>]*>([^<]*)</option>", select) if o in IN_ORDER]
    assert offered == IN_ORDER


def test_unit_choices_go_by_level_then_name(world, login):
    """Filter choices: the central union, then the provinces from "An Giang" on, "Đắk
    Lắk" after "Cà Mau" and before "Điện Biên"."""
    page = login("admin").get(reverse("partners_list")).content.decode()
    select = re.search(r'<select[^>]*name="unit".*?</select>', page, re.S).group(0)
    offered = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    provinces = list(
        Unit.objects.filter(level=Unit.Level.PROVINCE, valid_to__isnull=True).values_list(
            "name", flat=True
        )
    )
    shown = [name for name in offered if name in provinces]
    assert shown == sorted(provinces, key=vietnamese_sort_key)
    central = Unit.objects.get(level=Unit.Level.CENTRAL).name
    assert offered.index(central) < offered.index(shown[0])


def test_the_partner_list_order_is_an_index_walk(partners, world):
    """100,000 partners at national scale: the list's first page reads the index on the
    Vietnamese order instead of sorting every name (PostgreSQL chooses it for many rows;
    with a few, told not to sort)."""
    from django.db import connection

    from doingoai.partners.kinds import PartnerKind

    query = PartnerKind.list_queryset(world.user("trunguong"))[:25]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "partner_name_vi_order" in plan, plan
    assert [p.name_vi for p in query if p in partners] == IN_ORDER


def test_the_unit_list_sorted_by_name_is_in_vietnamese_order(world, login):
    client = login("trunguong")
    for sort, reverse_order in (("name", False), ("-name", True)):
        page = client.get(reverse("units_list"), {"sort": sort}).content.decode()
        body = page[page.index("<tbody") : page.index("</tbody>")]
        names = re.findall(r'<a href="/units/\d+/">([^<]+)</a>', body)
        assert len(names) >= 10
        names = [n.split(" (")[0] for n in names]  # "… (đến ngày …)" of an ended unit
        assert names == sorted(names, key=vietnamese_sort_key, reverse=reverse_order)
