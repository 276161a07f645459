"""What a list page asks the database for, as the central, a province's and a commune's
reader see it after a change (page cache on, the data version moved): a bounded number
of statements, the same with one record as with many (nothing read per row: an
activity's places, an expired agreement's renewal), and the unit tree's roots read once
a request however many scopes and filters ask whether a unit is the whole tree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doingoai.core.models import bump_topics
from doingoai.core.samples import make
from doingoai.core.seen import SEEN_ALL

pytestmark = pytest.mark.django_db

#: statements of a list page after a change, at most (session, user, data version, the
#: reader's unit, the tree's roots or her kept count, the count, the page's ids, its
#: records, what they carry, the filter form's versions ...): a reader's list page
#: asked 10-14 at 1M (bench/profile_page.py --sql), the central one 4 of them for the
#: tree's roots
MAX_LIST_QUERIES = 13


@pytest.fixture
def readers(world):
    """The central viewer, Đắk Lắk's editor and a viewer of one of its communes."""
    from doingoai.core.scope import Role
    from doingoai.organization.models import User

    commune = make("units", world.daklak)
    xa = User.objects.create_user(
        "xa_doc", password="x-Long-pass-42", unit=commune, role=Role.VIEWER
    )
    world.commune = commune
    return {"trunguong": world.user("trunguong"), "daklak": world.user("daklak"), "xa": xa}


def records(world, kind: str, n: int) -> None:
    """``n`` records of ``kind`` in the commune (in every reader's scope), each with
    what its row shows from other tables: an activity's places; an agreement ended and
    renewed (its status "renewed" asks for its renewal)."""
    from doingoai.activities.models import ActivityPlace

    for i in range(n):
        if kind == "activities":
            a = make("activities", world.commune, start_date=dt.date(2024, 3, 1 + i))
            ActivityPlace.objects.create(activity=a, country="LA", subdivision="LA-CH")
            ActivityPlace.objects.create(activity=a, country="KH", position=1)
        elif kind == "agreements":
            old = make(
                "agreements",
                world.commune,
                start_date=dt.date(2015, 1, 1),
                end_date=dt.date(2020, 1, 1 + i),
            )
            make("agreements", world.commune, renews=old, start_date=dt.date(2020, 1, 2))
        else:
            make(kind, world.commune)


def statements(client, url: str) -> list[str]:
    # as after an activity saved in the reader's scope: the page rendered again
    bump_topics(["activities", SEEN_ALL])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize("kind", ["activities", "resources", "agreements"])
@pytest.mark.parametrize("reader", ["trunguong", "daklak", "xa"])
def test_a_list_page_reads_nothing_per_row(world, readers, client, kind, reader):
    client.force_login(readers[reader])
    url = reverse(f"{kind}_list")
    records(world, kind, 1)
    statements(client, url)  # the caches a first page fills (content types ...)
    one = statements(client, url)
    records(world, kind, 6)
    seven = statements(client, url)
    assert len(seven) == len(one), "\n".join(seven)
    assert len(seven) <= MAX_LIST_QUERIES, "\n".join(seven)
    page = client.get(url).content.decode()
    if kind == "activities":
        assert "Chămpasăk, Lào; Campuchia" in page  # the places, in their order
        from django.utils import translation

        from doingoai.activities.models import Activity

        with translation.override("vi"):  # a choice shown by its label, as Django's
            label = Activity.objects.first().get_kind_display()
        assert f">{label}</td>" in page
    if kind == "agreements":
        assert page.count('class="badge renewed"') == 7


def test_a_central_readers_list_asks_for_the_tree_once(world, login):
    """The central level's scope, its filter form's unit choices and the unit filter each
    ask whether a unit is the whole tree: one statement, not four."""
    make("activities", world.daklak, start_date=dt.date(2024, 5, 1))
    client = login("trunguong")
    url = reverse("activities_list") + f"?unit={world.central.pk}&year=2024"
    from doingoai.core import keptquery

    statements(client, url)
    keptquery.clear()  # the list's query built again (``core.keptquery``)
    sql = statements(client, url)
    assert sum("parent_id IS NULL AND successor_id IS NULL" in s for s in sql) == 1
    assert len(sql) <= 10, "\n".join(sql)
    # then kept in the process: the tree is not asked again
    sql = statements(client, url)
    assert sum("parent_id IS NULL AND successor_id IS NULL" in s for s in sql) == 0


def test_the_tree_is_read_again_after_a_unit_is_saved(world):
    """Within a request the roots are kept; a unit saved (a second root, a merge) is seen
    at once; outside a request nothing is kept."""
    from doingoai.core import memo
    from doingoai.core.scope import covers_whole_tree
    from doingoai.organization.models import Unit

    central = world.central.path
    # what request_started and request_finished do (sent here, they would also close
    # the test's database connection)
    memo.request_begins()
    try:
        assert covers_whole_tree(central)
        with CaptureQueriesContext(connection) as ctx:
            assert covers_whole_tree(central)
        assert not ctx.captured_queries  # kept for the request
        other = Unit.objects.create(name="Một gốc khác", level="central", code="X")
        assert not covers_whole_tree(central)  # two roots: nobody's subtree is all
        other.delete()
        assert covers_whole_tree(central)
    finally:
        memo.request_ends()
    with CaptureQueriesContext(connection) as ctx:
        assert covers_whole_tree(central)
    assert len(ctx.captured_queries) == 1


def test_an_agreements_status_asks_for_its_renewal_once(world, login):
    old = make(
        "agreements", world.daklak, start_date=dt.date(2015, 1, 1), end_date=dt.date(2020, 1, 1)
    )
    new = make("agreements", world.daklak, renews=old, start_date=dt.date(2020, 1, 2))
    client = login("daklak")
    statements(client, old.get_absolute_url())
    sql = statements(client, old.get_absolute_url())
    assert sum('"renews_id" = ' in s and "LIMIT 1" in s for s in sql) == 1
    page = client.get(old.get_absolute_url()).content.decode()
    assert new.title in page and 'class="badge renewed"' in page
