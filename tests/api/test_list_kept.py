"""The API's lists kept under what they show (``Endpoints.shown``): after a change that
leaves a page's records, their versions and its count as they were, the page is not read
and serialized again; a record edited, added, or its links changed through the API shows
at once, in every order and on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.workshops import compiled, workshop, workshops_for_the_module
from tests.workshops import workshops as made_workshops

from doingoai.core.models import bump_data_version
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

URL = "/api/v1/activities/"
MANY = 12


_workshops, workshops = workshops_for_the_module(
    lambda world: made_workshops(world, "Hội thảo API", MANY)
)


def listed(api, **params):
    """The list after a change somewhere (not the page kept under the data version)."""
    bump_data_version("activities")
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(URL, as_="daklak", kind="workshop", year="2024", **params)
    assert response.status_code == 200, response.content.decode()[:500]
    return response, [q["sql"] for q in ctx.captured_queries]


def titles(response) -> list[str]:
    return [row["title"] for row in response.json()["results"]]


def test_after_a_change_elsewhere_a_page_is_not_read_again(world, api, workshops):
    elsewhere = make("activities", world.hanoi, kind="meeting")
    first, _sql = listed(api, limit=5)
    elsewhere.title = "Họp ở Hà Nội, đã sửa"
    elsewhere.save()
    again, sql = listed(api, limit=5)
    assert again["X-Page-Cache"] == "hit" and again.json() == first.json()
    # its records' ids and versions were read, not the records and their links
    assert not any('FROM "activities_activity_partners"' in s for s in sql)
    assert first.json()["count"] == MANY and len(titles(first)) == 5


def test_a_record_edited_through_the_api_shows_at_once(world, api, workshops):
    listed(api, limit=5)
    newest = workshops[-1]
    response = api.patch(
        f"{URL}{newest.pk}/",
        {"title": "Hội thảo API đã sửa", "version": newest.version},
        as_="daklak",
    )
    assert response.status_code == 200, response.content.decode()[:500]
    again, _sql = listed(api, limit=5)
    assert titles(again)[0] == "Hội thảo API đã sửa"


def test_a_new_record_and_its_count_show_at_once(world, api, workshops):
    listed(api, limit=5)
    workshop(world, "Hội thảo API mới nhất", dt.date(2024, 12, 1))
    again, _sql = listed(api, limit=5)
    assert again.json()["count"] == MANY + 1 and "Hội thảo API mới nhất" in titles(again)


def test_links_changed_through_the_api_show_at_once(world, api, workshops):
    partner = make("partners", world.daklak)
    newest = workshops[-1]
    before = listed(api, limit=5)[0].json()["results"][0]["partners"]
    assert partner.pk not in before
    response = api.patch(
        f"{URL}{newest.pk}/",
        {"partners": [*before, partner.pk], "version": newest.version},
        as_="daklak",
    )
    assert response.status_code == 200, response.content.decode()[:500]
    after = listed(api, limit=5)[0].json()["results"][0]["partners"]
    assert sorted(after) == sorted([*before, partner.pk])


def test_each_order_and_page_its_own(world, api, workshops):
    for _ in range(2):  # built, then kept
        by_title = titles(listed(api, ordering="title", limit=3)[0])
        by_title_desc = titles(listed(api, ordering="-title", limit=3)[0])
        second = titles(listed(api, ordering="title", limit=3, offset=3)[0])
        assert by_title == ["Hội thảo API 00", "Hội thảo API 01", "Hội thảo API 02"]
        assert by_title_desc == ["Hội thảo API 11", "Hội thảo API 10", "Hội thảo API 09"]
        assert second == ["Hội thảo API 03", "Hội thảo API 04", "Hội thảo API 05"]


def test_each_reader_her_own_list(world, api, workshops):
    make("activities", world.hanoi, kind="workshop", start_date=dt.date(2024, 5, 1))
    for _ in range(2):
        bump_data_version("activities")
        daklak = api.get(URL, as_="daklak", kind="workshop", year="2024").json()
        bump_data_version("activities")
        hanoi = api.get(URL, as_="hanoi", kind="workshop", year="2024").json()
        assert daklak["count"] == MANY and hanoi["count"] == 1


def test_a_kind_named_by_its_own_fields_reads_nothing_to_name_a_record(world, _workshops):
    """``name_reads = ()`` says a record's name is its own fields': named with no
    statement, read without its related rows. (The API's lists are kept under the
    versions of what names read: a name reading another record unannounced would show
    stale.)"""
    from django.test.utils import CaptureQueriesContext

    from doingoai.core.registry import REGISTRY

    declared = [k for k in REGISTRY.values() if k.api and k.name_reads == ()]
    assert {"activities", "resources", "agreements", "partners"} <= {k.slug for k in declared}
    for kind in declared:
        made = make(kind.slug, world.daklak)
        record = kind.model._base_manager.get(pk=made.pk)
        with CaptureQueriesContext(connection) as ctx:
            str(record)
        assert not ctx.captured_queries, (kind.slug, ctx.captured_queries)


def test_a_name_read_from_another_record_follows_it(world, api, _workshops):
    """A review is named after its agreement (``name_reads`` not declared: every app
    its foreign keys lead to): the agreement renamed, the reviews' list says so."""
    review = make("reviews", world.daklak)
    agreement = review.agreement
    url = "/api/v1/reviews/"

    def names():
        bump_data_version("activities")
        response = api.get(url, as_="daklak")
        assert response.status_code == 200, response.content.decode()[:500]
        return [row["display"] for row in response.json()["results"]]

    assert any(agreement.title in name for name in names())
    agreement.title = "Thỏa thuận đã đổi tên"
    agreement.save()
    assert any("Thỏa thuận đã đổi tên" in name for name in names())


def test_a_kept_lists_count_and_page_are_not_compiled_again(world, api, workshops):
    """Its count and its page of ids are the same statements each time (kept with the
    kept query, ``keptquery.count``/``values``): run again, not built again, and they
    read what is there now."""
    listed(api, limit=5)
    workshop(world, "Hội thảo API mới nhất", dt.date(2024, 12, 1))
    with compiled() as built:
        again, ran = listed(api, limit=5)
    body = again.json()
    assert body["count"] == MANY + 1 and titles(again)[0] == "Hội thảo API mới nhất"
    counts = [s for s in built if "COUNT(" in s.upper() and "activities_activity" in s]
    assert counts == []
    ids = 'AS "pk", "activities_activity"."version" AS "version" FROM'
    assert not any(ids in s for s in built)
    assert any(ids in s for s in ran)  # run all the same
