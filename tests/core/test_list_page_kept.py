"""A list page kept under what it shows (``ObjectListView.shown``,
``pagecache.respond_shown``) and its query kept in the process under what it was built
from (``core.keptquery``): after a change that leaves a list's rows, count and filters as
they were, the page is served without being rendered again; whatever the change moved
in it (a record added, one gone out of the filter, her own scope, an invalid filter)
shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.workshops import workshops_for_the_module

from doingoai.core import keptquery
from doingoai.core.models import bump_data_version
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

MANY = 30
YEAR = "2024"


def many_workshops(world) -> list:
    return [
        make(
            "activities",
            world.daklak,
            kind="workshop",
            title=f"Hội thảo số {i}",
            start_date=dt.date(2024, 3, 1) + dt.timedelta(days=i),
            end_date=dt.date(2024, 3, 1) + dt.timedelta(days=i),
        )
        for i in range(MANY)
    ]


_workshops, workshops = workshops_for_the_module(many_workshops)


def view(client, url, **query):
    """The page as its reader sees it after a change somewhere (the page kept under the
    data version is not found), with the statements it read."""
    bump_data_version("activities")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, query)
    assert response.status_code == 200
    return response, [q["sql"] for q in ctx.captured_queries]


def body(response) -> str:
    """The page without its CSRF tokens (each request's own)."""
    import re

    html = response.content.decode()
    token = r'(name="csrf(?:middlewaretoken|-token)"\s+(?:value|content)=")[^"]+'
    return re.sub(token, r"\1", html)


def rendered(response) -> bool:
    return bool(response.templates)


def test_after_a_change_elsewhere_the_page_is_not_rendered_again(world, login, workshops):
    make("activities", world.hanoi, kind="meeting", start_date=dt.date(2024, 5, 1))
    client = login("trunguong")
    url = reverse("activities_list")
    first, _sql = view(client, url, kind="workshop", year=YEAR)
    assert rendered(first) and "Hội thảo số 29" in body(first)
    make("activities", world.hanoi, kind="meeting", start_date=dt.date(2024, 6, 1))
    again, sql = view(client, url, kind="workshop", year=YEAR)
    assert not rendered(again) and again["X-Page-Cache"] == "hit"
    assert body(again) == body(first)
    # what it read: the rows' ids, versions and count, not the records themselves
    records = 'SELECT "activities_activity"."id", "activities_activity"."version", "activities_'
    assert not any(s.startswith(records) for s in sql)
    # the second page is its own
    second, _sql = view(client, url, kind="workshop", year=YEAR, page=2)
    assert "Hội thảo số 0<" in body(second) and "Hội thảo số 0<" not in body(first)


def test_a_new_record_in_the_list_shows_at_once(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_list")
    first, _sql = view(client, url, kind="workshop", year=YEAR)
    assert "30 bản ghi" in body(first)
    make(
        "activities",
        world.hanoi,
        kind="workshop",
        title="Hội thảo mới nhất",
        start_date=dt.date(2024, 12, 1),
        end_date=dt.date(2024, 12, 1),
    )
    again, _sql = view(client, url, kind="workshop", year=YEAR)
    assert rendered(again)
    assert "Hội thảo mới nhất" in body(again) and "31 bản ghi" in body(again)


def test_a_record_gone_out_of_the_filter_leaves_at_once(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_list")
    assert "Hội thảo số 29<" in body(view(client, url, kind="workshop", year=YEAR)[0])
    moved = workshops[-1]
    moved.kind = "meeting"
    moved.save()
    again, _sql = view(client, url, kind="workshop", year=YEAR)
    assert "Hội thảo số 29<" not in body(again) and "29 bản ghi" in body(again)


def test_her_scope_follows_her_unit_at_once(world, login, workshops):
    make("activities", world.hanoi, title="Hoạt động của Hà Nội")
    user = world.user("daklak")
    client = login("daklak")
    url = reverse("activities_list")
    first, _sql = view(client, url, year=YEAR)
    assert "Hội thảo số 29<" in body(first) and "Hoạt động của Hà Nội" not in body(first)
    user.refresh_from_db()
    user.unit = world.hanoi
    user.save()
    client.force_login(user)
    again, _sql = view(client, url, year=YEAR)
    assert "Hoạt động của Hà Nội" in body(again) and "Hội thảo số 29<" not in body(again)


def test_the_unit_a_filter_names_follows_its_renaming(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_list")
    first, _sql = view(client, url, unit=world.daklak.pk, year=YEAR)
    assert "Hội thảo số 29<" in body(first)
    world.daklak.name = "Hội LHPN tỉnh Đắk Lắk (tên mới)"
    world.daklak.save()
    again, _sql = view(client, url, unit=world.daklak.pk, year=YEAR)
    assert rendered(again)
    assert "Hội LHPN tỉnh Đắk Lắk (tên mới)" in body(again)
    assert "Hội thảo số 29<" in body(again)


def test_a_contains_filter_finds_a_new_record_at_once(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_list")
    first, _sql = view(client, url, q="Champasak")
    assert "Hội thảo với Champasak" not in body(first)
    make("activities", world.daklak, title="Hội thảo với Champasak")
    again, _sql = view(client, url, q="Champasak")
    assert "Hội thảo với Champasak" in body(again)


def test_an_invalid_filter_says_so_every_time(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_list")
    for _ in range(3):
        response, _sql = view(client, url, year="99999")
        assert 'class="error"' in body(response) and "0 bản ghi" in body(response)


def test_each_reader_her_own_page(world, login, workshops):
    """Two readers of one URL: each her own page (her scope, her name in the frame)."""
    make(
        "activities",
        world.hanoi,
        kind="workshop",
        title="Hội thảo của Hà Nội",
        start_date=dt.date(2024, 4, 1),
    )
    url = reverse("activities_list")
    for _ in range(2):
        daklak = body(view(login("daklak"), url, kind="workshop", year=YEAR)[0])
        hanoi = body(view(login("hanoi"), url, kind="workshop", year=YEAR)[0])
        assert "Hội thảo số 29<" in daklak and "Hội thảo của Hà Nội" not in daklak
        assert "Hội thảo của Hà Nội" in hanoi and "Hội thảo số 29<" not in hanoi


def test_the_export_lists_a_new_record_at_once(world, login, workshops):
    client = login("trunguong")
    url = reverse("activities_export", args=["csv"])
    first = b"".join(client.get(url, {"kind": "workshop", "year": YEAR})).decode()
    assert "Hội thảo số 29" in first and "Hội thảo xuất mới" not in first
    make(
        "activities",
        world.daklak,
        kind="workshop",
        title="Hội thảo xuất mới",
        start_date=dt.date(2024, 11, 1),
    )
    again = b"".join(client.get(url, {"kind": "workshop", "year": YEAR})).decode()
    assert "Hội thảo xuất mới" in again


def test_a_query_is_kept_only_when_what_built_it_moves_a_version(_workshops):
    from doingoai.activities.models import Activity
    from doingoai.organization.models import Unit

    unit, activity = Unit._meta.db_table, Activity._meta.db_table
    through = Activity.partners.through._meta.db_table
    assert keptquery.topics_read([f'SELECT * FROM "{unit}" WHERE id = 1']) == ("organization",)
    assert keptquery.topics_read(
        [f'SELECT 1 FROM "{activity}" INNER JOIN "{through}" ON 1 = 1']
    ) == ("activities",)
    # a session, a history table, the search index: changes no version announces
    assert keptquery.topics_read(['SELECT * FROM "django_session"']) is None
    history = f'SELECT * FROM "{unit}" JOIN "organization_historicalunit"'
    assert keptquery.topics_read([history]) is None


def test_a_unit_moved_in_the_tree_is_still_found_by_its_filter(world, login, _workshops):
    """The filter by a unit reads its path when the query is built: a unit moved (its
    path changed, as a merge or a re-parenting does) is found where it now is."""
    commune = make("units", world.daklak)
    make("activities", commune, title="Hoạt động của xã chuyển đi")
    client = login("trunguong")
    url = reverse("activities_list")
    for _ in range(2):  # built, then kept
        assert "Hoạt động của xã chuyển đi" in body(view(client, url, unit=commune.pk)[0])
    old_path = commune.path
    commune.parent = world.hanoi
    commune.save()
    assert commune.path != old_path
    assert "Hoạt động của xã chuyển đi" in body(view(client, url, unit=commune.pk)[0])
