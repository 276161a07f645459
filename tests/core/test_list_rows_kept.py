"""A list's rows kept in the cache under their records' versions (``RecordTable.row_topics``,
``core.tables``): after a change elsewhere a list page of several pages reads its rows'
versions, not its records, and renders nothing of them again; whatever a row shows that
changed (the record itself, its places, its unit's or partner's name, an aid record's
equivalents after a new exchange rate, the language) shows at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.workshops import workshops_for_the_module

from doingoai.core.bulk import bulk_work
from doingoai.core.models import bump_data_version
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

#: more than a page: the page's ids are read first, then its rows (CappedPaginator.page)
MANY = 30


def many_activities(world) -> list:
    with bulk_work():
        return [
            make(
                "activities",
                world.daklak,
                kind="workshop",
                start_date=dt.date(2024, 3, 1) + dt.timedelta(days=i),
                end_date=dt.date(2024, 3, 1) + dt.timedelta(days=i),
            )
            for i in range(MANY)
        ]


_workshops, activities = workshops_for_the_module(many_activities)


def page(client, url, **query) -> tuple[str, list[str]]:
    """The page's HTML after a change elsewhere (the page cache misses) and the
    statements it read."""
    bump_data_version("activities")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def rows(html: str) -> str:
    """The table's body (the page around it carries a CSRF token of its own)."""
    return html.split("<tbody", 1)[1].split("</tbody>", 1)[0]


def reads_records(sql: list[str], table: str) -> bool:
    return any(s.startswith(f'SELECT "{table}"."id", "{table}"."version", ') for s in sql)


def test_after_a_change_elsewhere_the_rows_are_not_read_again(world, login, activities):
    client = login("trunguong")
    url = reverse("activities_list")
    first, sql = page(client, url)
    assert reads_records(sql, "activities_activity")
    again, sql = page(client, url)
    assert not reads_records(sql, "activities_activity")
    assert not any('FROM "activities_activityplace"' in s for s in sql)
    assert rows(again) == rows(first)
    # the second page is its own rows
    second, _sql = page(client, url, page=2)
    oldest = f">{activities[0].title}</a>"
    assert oldest in rows(second) and oldest not in rows(first)


def test_a_record_changed_shows_at_once(world, login, activities):
    client = login("trunguong")
    url = reverse("activities_list")
    newest = activities[-1]
    assert f">{newest.title}</a>" in rows(page(client, url)[0])
    newest.title = "Hội thảo đã đổi tên"
    newest.save()
    html, sql = page(client, url)
    assert "Hội thảo đã đổi tên" in rows(html)
    assert reads_records(sql, "activities_activity")


def test_its_places_changed_through_its_form_show_at_once(world, login, activities):
    from doingoai.core.registry import REGISTRY
    from doingoai.core.writing import current_data

    client = login("daklak")
    url = reverse("activities_list")
    newest = activities[-1]
    assert "Campuchia" not in rows(page(client, url)[0])
    data = current_data(REGISTRY["activities"], newest, world.user("daklak"))
    data = {k: v for k, v in data.items() if v is not None}
    data["places"] = "KH"
    response = client.post(reverse("activities_edit", args=[newest.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Campuchia" in rows(page(client, url)[0])


def test_a_units_name_changed_shows_at_once(world, login, _workshops):
    commune = make("units", world.daklak)
    with bulk_work():  # the figures counted once, as an import does
        for i in range(MANY):
            make("activities", commune, start_date=dt.date(2024, 3, 1) + dt.timedelta(days=i))
    client = login("trunguong")
    url = reverse("activities_list")
    assert commune.name in rows(page(client, url)[0])
    commune.name = "Xã Đổi Tên Mới"
    commune.save()
    assert "Xã Đổi Tên Mới" in rows(page(client, url)[0])


def test_a_partners_name_changed_shows_at_once(world, login, _workshops):
    partner = make("partners", world.daklak)
    with bulk_work():
        for _ in range(MANY):
            make("resources", world.daklak, partner=partner)
    client = login("daklak")
    url = reverse("resources_list")
    first, _sql = page(client, url)
    assert str(partner) in rows(first)
    again, sql = page(client, url)
    assert rows(again) == rows(first) and not reads_records(sql, "resources_resource")
    partner.name_vi = "Tổ chức Đổi Tên Mới"
    partner.save()
    assert "Tổ chức Đổi Tên Mới" in rows(page(client, url)[0])


def test_equivalents_moved_by_a_new_rate_show_at_once(world, login, _workshops):
    """A new exchange rate writes the aid records' equivalents without saving them (no
    version moves): their rows are rendered again all the same."""
    from doingoai.resources.models import ExchangeRate
    from doingoai.resources.services import refresh_equivalents

    with bulk_work():
        for _ in range(MANY):
            make(
                "resources",
                world.daklak,
                currency="EUR",
                quantity=Decimal(1),
                unit_value=Decimal(1000),
                date=dt.date(2024, 6, 28),
            )
    client = login("daklak")
    url = reverse("resources_list")
    before, _sql = page(client, url)
    ExchangeRate.objects.create(currency="EUR", date=dt.date(2024, 1, 1), vnd_per_unit=27_000)
    ExchangeRate.objects.create(currency="USD", date=dt.date(2024, 1, 1), vnd_per_unit=25_000)
    assert refresh_equivalents() >= MANY
    after, _sql = page(client, url)
    assert "27.000.000" in rows(after) and "27.000.000" not in rows(before)


def test_each_language_its_own_rows(world, login, activities):
    from django.conf import settings

    client = login("trunguong")
    url = reverse("activities_list")
    vi, _sql = page(client, url)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    en, _sql = page(client, url)
    assert rows(en) != rows(vi)
    assert ">Workshop</td>" in en and ">Workshop</td>" not in vi
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert rows(page(client, url)[0]) == rows(vi)


def test_a_list_of_one_page_shows_a_change_at_once(world, login, _workshops):
    """A list of one page reads its records in one statement; its rows kept under their
    versions are its records' own: a record and a unit's name changed show at once."""
    commune = make("units", world.daklak)
    few = [make("activities", commune, kind="workshop") for _ in range(3)]
    client = login("trunguong")
    url = reverse("activities_list")
    first, _sql = page(client, url)
    assert rows(page(client, url)[0]) == rows(first)
    few[0].title = "Hội thảo một trang đã đổi tên"
    few[0].save()
    assert "Hội thảo một trang đã đổi tên" in rows(page(client, url)[0])
    commune.name = "Xã Một Trang Mới"
    commune.save()
    assert "Xã Một Trang Mới" in rows(page(client, url)[0])
