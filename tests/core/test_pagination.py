"""One page-links include (generic/pagination.html) for every table and the reminders:
the links keep the filters, and "Trang x/y" tells where the reader is."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.conftest import records_for_the_module

from doingoai.core.bulk import bulk_work
from doingoai.core.samples import make

pytestmark = pytest.mark.django_db
PER_PAGE = 25  # the lists' page (core.views.ListView.list_page)


def _activities(world):
    """Đắk Lắk's reader's activities, three pages of them (two full, one of two), made
    once for the module (its three cases read the same records): her own, with ties on
    the date and some in Laos twice over (two places); Hà Nội's that one of her units
    takes part in or that are shared with her; one of Hà Nội's she may not see."""
    from doingoai.activities.models import ActivityPlace

    with bulk_work():  # as an import makes them: the summary tables counted once, at the end
        for i in range(40):
            a = make("activities", world.daklak, start_date=dt.date(2024, 1, 1 + i % 7))
            if i % 3 == 0:  # a second place in Laos (each sample has one)
                ActivityPlace.objects.create(activity=a, country="LA")
        for i in range(12):  # Hà Nội's: one of Đắk Lắk's units takes part, or shared with it
            a = make("activities", world.hanoi, start_date=dt.date(2024, 1, 1 + i % 5))
            a.units.add(world.daklak) if i % 2 else a.shared_with.add(world.daklak)
        make("activities", world.hanoi)  # not in her scope


_activities_for_the_module = records_for_the_module(_activities)


@pytest.mark.usefixtures("_activities_for_the_module")  # there, not read here
def test_a_table_pages_with_its_count_and_keeps_its_filters(world, login):
    with bulk_work():
        for _ in range(PER_PAGE + 1):  # one more than a page
            make("news", world.daklak)
    client = login("daklak")
    url = reverse("news_list")
    first = client.get(url, {"unit": world.daklak.pk}).content.decode()
    assert '<ul class="pagination">' in first and "Trang 1/2" in first
    assert f"?unit={world.daklak.pk}&amp;page=2" in first and "trang sau" in first
    second = client.get(url, {"unit": world.daklak.pk, "page": 2}).content.decode()
    assert "Trang 2/2" in second and "trang trước" in second
    # one page: no page links
    assert "pagination" not in client.get(url, {"unit": world.hanoi.pk}).content.decode()


def _page_pks(response) -> list[int]:
    return [row.record.pk for row in response.context["table"].page.object_list]


@pytest.mark.parametrize("query", [{}, {"country": "LA"}, {"sort": "title"}])
def test_each_page_lists_the_rows_one_query_with_offset_listed(
    world, login, query, _activities_for_the_module
):
    """A page is read in two steps (the ids of the page, then those records): it lists
    the same rows, in the same order, as the list sliced at the page's offset did; in
    the reader's scope (her own, those her units take part in, those shared with her),
    with ties on the date broken by the id, filtered (the country filter is DISTINCT) or
    sorted by a column."""
    from doingoai.activities.models import Activity
    from doingoai.core.registry import REGISTRY

    user = world.user("daklak")
    client = login("daklak")
    url = reverse("activities_list")
    kind = REGISTRY["activities"]
    filterset = kind.get_filterset_class()(query or None, queryset=kind.list_queryset(user))
    expected = filterset.qs
    if "sort" in query:  # the table's own ordering (Vietnamese order of the titles)
        table = kind.get_table_class()(expected)
        table.order_by = query["sort"]
        expected = table.data.data
    expected = list(expected.values_list("pk", flat=True))
    # a full page between the first and the last, which is partial
    assert len(expected) > 2 * PER_PAGE and len(expected) % PER_PAGE
    assert set(expected) <= set(Activity.objects.restrict(user).values_list("pk", flat=True))
    pages = (len(expected) + PER_PAGE - 1) // PER_PAGE
    for page in range(1, pages + 1):
        got = _page_pks(client.get(url, {**query, "page": page}))
        assert got == expected[(page - 1) * PER_PAGE : page * PER_PAGE], page
    # the page's records are read by their ids alone: her scope's conditions (the
    # activities her units take part in, those shared with her) were applied to the ids
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.core.models import bump_data_version

    bump_data_version("activities")  # as after a change: the page is not served cached
    cache.clear()  # nor its rows (kept under their versions: core.tables)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, {**query, "page": 2})
    rows = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('SELECT "activities_activity"."id", "activities_activity"."version"')
    ]
    assert len(rows) == 1
    assert "activities_activity_units" not in rows[0] and "shared_with" not in rows[0]
