"""A list page's count, its page of ids and its rows' versions after a change: the
count and the ids are the kept query's statements (``keptquery.count``/``values``, per
order the table sorts it in: ``keptquery.carry``), compiled once and run again; the
rows' versions one statement written out (``core.views.row_stamp``). What they read is
what is there now: a record added, edited or deleted shows at once, in every order and
on every page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.workshops import compiled, workshops_for_the_module
from tests.workshops import workshops as made_workshops

from doingoai.core.models import bump_data_version
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

MANY = 30  # more than a page of 25: the page's ids and records are read apart


_workshops, workshops = workshops_for_the_module(
    lambda world: made_workshops(world, "Hội thảo lưu", MANY)
)


def listed(client, **params):
    """The list after a change somewhere (not the page kept under the data version):
    (its titles in order, the count it says, the statements compiled, the ones run)."""
    bump_data_version("activities")
    query = {"kind": "workshop", "year": "2024", **params}
    with compiled() as built, CaptureQueriesContext(connection) as ran:
        response = client.get(reverse("activities_list"), query)
    assert response.status_code == 200
    text = response.text
    titles = re.findall(r"Hội thảo lưu[^<]*", text)
    return titles, text, built, [q["sql"] for q in ran.captured_queries]


def count_shown(text) -> int:
    return int(re.search(r'<p class="count">(\d+)', text).group(1))


@pytest.fixture
def central(client, world):
    client.force_login(world.user("trunguong"))
    return client


def is_count(sql):
    """The count as run, or as compiled (its inner query: Django wraps it after)."""
    return sql.lstrip().startswith(
        (
            'SELECT COUNT(*) FROM (SELECT "activities_activity"."id" AS "col1"',
            'SELECT "activities_activity"."id" AS "col1" FROM',
        )
    )


def is_ids(sql):
    return sql.lstrip().startswith('SELECT "activities_activity"."id" AS "pk" FROM')


@pytest.mark.parametrize("sort", [None, "title", "-title"])
def test_count_and_ids_compiled_once_per_order_and_run_each_time(central, workshops, sort):
    extra = {"sort": sort} if sort else {}
    first, text, compiled, ran = listed(central, **extra)
    assert any(is_count(s) for s in compiled) and any(is_ids(s) for s in compiled)
    for page in ("1", "2"):
        listed(central, page=page, **extra)  # each page's ids statement captured once
    again, _text, compiled, ran = listed(central, **extra)
    assert again == first and count_shown(text) == MANY
    assert not any(is_count(s) or is_ids(s) for s in compiled)
    assert any(is_count(s) for s in ran) and any(is_ids(s) for s in ran)
    # the rows' versions: one statement, never compiled
    assert any(re.match(r'SELECT "id", "version" FROM "activities_activity"', s) for s in ran)


def test_every_order_and_page_its_own(central, workshops):
    for _ in range(2):  # built, then kept
        by_title = listed(central, sort="title")[0]
        by_title_desc = listed(central, sort="-title")[0]
        second = listed(central, sort="title", page="2")[0]
        newest_first = listed(central)[0]
        assert by_title[:3] == ["Hội thảo lưu 00", "Hội thảo lưu 01", "Hội thảo lưu 02"]
        assert by_title_desc[:3] == ["Hội thảo lưu 29", "Hội thảo lưu 28", "Hội thảo lưu 27"]
        assert second == [f"Hội thảo lưu {i:02d}" for i in range(25, MANY)]
        assert newest_first[0] == "Hội thảo lưu 29" and len(newest_first) == 25


def test_a_record_added_edited_or_deleted_shows_at_once(central, workshops):
    for sort in (None, "title"):
        extra = {"sort": sort} if sort else {}
        listed(central, **extra)
        listed(central, **extra)  # kept
    added = make(
        "activities",
        workshops[0].unit,
        kind="workshop",
        title="Hội thảo lưu 99 mới",
        start_date=dt.date(2024, 12, 1),
        end_date=dt.date(2024, 12, 1),
    )
    titles, text, _compiled, _ran = listed(central)
    assert titles[0] == "Hội thảo lưu 99 mới" and count_shown(text) == MANY + 1
    assert listed(central, sort="-title")[0][0] == "Hội thảo lưu 99 mới"
    added.title = "Hội thảo lưu 99 đã sửa"
    added.save()
    assert listed(central)[0][0] == "Hội thảo lưu 99 đã sửa"
    assert listed(central, sort="-title")[0][0] == "Hội thảo lưu 99 đã sửa"
    added.delete()
    titles, text, _compiled, _ran = listed(central)
    assert titles[0] == "Hội thảo lưu 29" and count_shown(text) == MANY
    assert listed(central, sort="-title")[0][0] == "Hội thảo lưu 29"
