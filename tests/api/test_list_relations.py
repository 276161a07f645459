"""A list's many-to-many fields (an activity's units, partners, agreements, those it is
shared with) are what reading each record gives, in the same order, read for the whole
page at once: the same number of statements for one record as for six."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.models import bump_data_version
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db

URL = "/api/v1/activities/"
M2M = ("units", "partners", "agreements", "shared_with")


def listed(api) -> tuple[list[dict], int]:
    from django.core.cache import cache

    bump_data_version("activities")  # not the page cache's copy
    cache.clear()  # nor the list kept under what it shows: every record read
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(URL, as_="daklak", limit=50)
    assert response.status_code == 200
    return response.json()["results"], len(ctx.captured_queries)


def activity(world, i: int):
    a = make("activities", world.daklak)
    a.units.add(world.daklak, *list(world.daklak.children.all()[: i % 3]))
    a.partners.add(make("partners", world.daklak), make("partners", world.daklak))
    a.agreements.add(make("agreements", world.daklak))
    if i % 2:
        a.shared_with.add(world.hanoi)
    return a


def test_a_lists_relations_are_each_records_read_for_the_page_at_once(world, api):
    activity(world, 0)
    listed(api)  # the caches a first list fills
    _rows, one = listed(api)
    for i in range(1, 6):
        activity(world, i)
    rows, six = listed(api)
    assert len(rows) == 6 and six == one
    for row in rows:
        read = api.get(f"{URL}{row['id']}/", as_="daklak").json()
        assert {name: row[name] for name in M2M} == {name: read[name] for name in M2M}
        assert row["partners"] and row["units"]
