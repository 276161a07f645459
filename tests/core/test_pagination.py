"""One page-links include (generic/pagination.html) for every table and the reminders:
the links keep the filters, and "Trang x/y" tells where the reader is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doingoai.core.samples import make

pytestmark = pytest.mark.django_db


def test_a_table_pages_with_its_count_and_keeps_its_filters(world, login):
    for _ in range(26):  # one more than a page of 25
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
def test_each_page_lists_the_rows_one_query_with_offset_listed(world, login, query):
    """A page is read in two steps (the ids of the page, then those records): it lists
    the same rows, in the same order, as the list sliced at the page's offset did; in
    the reader's scope (her own, those her units take part in, those shared with her),
    with ties on the date broken by the id, filtered (the country filter is DISTINCT) or
    sorted by a column."""
    import datetime as dt

    from doingoai.activities.models import Activity, ActivityPlace
    from doingoai.core.registry import REGISTRY

    for i in range(50):
        a = make("activities", world.daklak, start_date=dt.date(2024, 1, 1 + i % 7))
        if i % 3 == 0:
            ActivityPlace.objects.create(activity=a, country="LA")
    for i in range(12):  # Hà Nội's: one of Đắk Lắk's units takes part, or shared with it
        a = make("activities", world.hanoi, start_date=dt.date(2024, 1, 1 + i % 5))
        a.units.add(world.daklak) if i % 2 else a.shared_with.add(world.daklak)
    make("activities", world.hanoi)  # not in her scope
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
    assert len(expected) > 25
    assert set(expected) <= set(Activity.objects.restrict(user).values_list("pk", flat=True))
    pages = (len(expected) + 24) // 25
    for page in range(1, pages + 1):
        got = _page_pks(client.get(url, {**query, "page": page}))
        assert got == expected[(page - 1) * 25 : page * 25], page
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
