"""A province's or a commune's reader's list kept until a change touches her subtree
(``core.seen``, ``ObjectListView.get``): a save in another province leaves her list
served from the cache, not counted, read or rendered again; every change that can
bring a record into her view, take one out of it or change one in it shows at once,
whichever way the record reaches her (owned below her unit, her units taking part,
shared with her, an aid record through its activity's units) and whichever way it
changed (saved, deleted, a link added, taken away or cleared from either side, a
place of it, her unit renamed, a write without signals)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.search.readers import commune_reader

from doingoai.activities.models import Activity
from doingoai.core.bulk import records_changed
from doingoai.core.samples import make
from doingoai.core.seen import seen_topic
from doingoai.organization.models import Unit
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db


def view(client, url, **query):
    """(the page, whether it was rendered, the statements it read)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, query)
    assert response.status_code == 200
    return body(response), bool(response.templates), [q["sql"] for q in ctx.captured_queries]


def body(response) -> str:
    html = response.content.decode()
    token = r'(name="csrf(?:middlewaretoken|-token)"\s+(?:value|content)=")[^"]+'
    return re.sub(token, r"\1", html)


def activity(unit, title, **kw):
    return make("activities", unit, title=title, start_date=dt.date(2024, 3, 1), **kw)


@pytest.fixture
def lists(world, login):
    """Đắk Lắk's reader's activity list, with one of her activities and one of Hà Nội."""
    activity(world.daklak, "Hoạt động của Đắk Lắk")
    activity(world.hanoi, "Hoạt động ở Hà Nội")
    client = login("daklak")
    url = reverse("activities_list")
    page, rendered, _sql = view(client, url)
    assert rendered and "Hoạt động của Đắk Lắk" in page and "Hoạt động ở Hà Nội" not in page
    # the process learns the list's filter form on the first view: kept from the second
    view(client, url)
    return client, url


def served(client, url, **query) -> str:
    page, rendered, sql = view(client, url, **query)
    assert not rendered, "rendered again"
    assert not any('FROM "activities_activity"' in s for s in sql), "\n".join(sql)
    return page


def test_a_save_in_another_province_leaves_her_list_served(world, lists):
    client, url = lists
    before = served(client, url)
    other = Activity.objects.get(title="Hoạt động ở Hà Nội")
    other.title = "Hoạt động ở Hà Nội (sửa)"
    other.save()
    activity(world.hanoi, "Một hoạt động mới ở Hà Nội")
    assert served(client, url) == before


def test_the_central_readers_list_is_not_kept_so(world, login):
    activity(world.hanoi, "Hoạt động ở Hà Nội")
    client = login("trunguong")
    url = reverse("activities_list")
    view(client, url)
    view(client, url)
    activity(world.hanoi, "Thêm một hoạt động ở Hà Nội")
    page, rendered, _sql = view(client, url)
    assert rendered and "Thêm một hoạt động ở Hà Nội" in page


def test_her_units_taking_part_bring_a_record_in_and_out(world, lists):
    client, url = lists
    other = Activity.objects.get(title="Hoạt động ở Hà Nội")
    other.units.add(world.daklak)
    assert "Hoạt động ở Hà Nội" in view(client, url)[0]
    other.units.remove(world.daklak)
    assert "Hoạt động ở Hà Nội" not in view(client, url)[0]
    other.units.add(world.daklak)
    assert "Hoạt động ở Hà Nội" in view(client, url)[0]
    other.units.clear()
    assert "Hoạt động ở Hà Nội" not in view(client, url)[0]
    # from the unit's side
    world.daklak.activities.add(other)
    assert "Hoạt động ở Hà Nội" in view(client, url)[0]
    world.daklak.activities.remove(other)
    assert "Hoạt động ở Hà Nội" not in view(client, url)[0]
    world.daklak.activities.add(other)
    assert "Hoạt động ở Hà Nội" in view(client, url)[0]
    world.daklak.activities.clear()
    assert "Hoạt động ở Hà Nội" not in view(client, url)[0]


def test_a_record_shared_with_her_comes_and_goes(world, lists):
    client, url = lists
    other = Activity.objects.get(title="Hoạt động ở Hà Nội")
    other.shared_with.add(world.daklak)
    assert "Hoạt động ở Hà Nội" in view(client, url)[0]
    other.shared_with.set([])
    assert "Hoạt động ở Hà Nội" not in view(client, url)[0]


def test_a_record_moved_out_of_her_subtree_and_back(world, lists):
    client, url = lists
    hers = Activity.objects.get(title="Hoạt động của Đắk Lắk")
    hers.units.clear()  # hers as its owner only, not as a unit taking part
    assert "Hoạt động của Đắk Lắk" in view(client, url)[0]
    hers.unit = world.hanoi
    hers.save()
    assert "Hoạt động của Đắk Lắk" not in view(client, url)[0]
    hers.unit = world.daklak
    hers.save()
    assert "Hoạt động của Đắk Lắk" in view(client, url)[0]


def test_her_record_edited_deleted_and_its_place_changed(world, lists):
    client, url = lists
    hers = Activity.objects.get(title="Hoạt động của Đắk Lắk")
    hers.title = "Hội thảo của Đắk Lắk"
    hers.save()
    assert "Hội thảo của Đắk Lắk" in view(client, url)[0]
    # its places are saved with it (its form's inline rows)
    place = hers.places.create(country="TH", position=1)
    hers.save()
    assert "Thái Lan" in view(client, url)[0]
    place.country = "KH"
    place.save()
    hers.save()
    rows = view(client, url)[0].split("<tbody")[-1]  # (the filter offers every country)
    assert "Campuchia" in rows and "Thái Lan" not in rows
    hers.delete()
    assert "Hội thảo của Đắk Lắk" not in view(client, url)[0]


def test_her_unit_renamed_and_a_write_without_signals(world, lists):
    client, url = lists
    world.daklak.name = "Hội LHPN tỉnh Đắk Lắk (mới)"
    world.daklak.save()
    assert "Hội LHPN tỉnh Đắk Lắk (mới)" in view(client, url)[0]
    hers = Activity.objects.get(title="Hoạt động của Đắk Lắk")
    Activity.objects.filter(pk=hers.pk).update(title="Đổi tên không qua tín hiệu")
    records_changed.send(sender=Activity, ids=[hers.pk])
    assert "Đổi tên không qua tín hiệu" in view(client, url)[0]


def aid(unit, title, **kw):
    return make(
        "resources",
        unit,
        title=title,
        direction="received",
        kind="cash",
        quantity=Decimal(1),
        unit_value=Decimal(100),
        currency="USD",
        date=dt.date(2024, 3, 2),
        **kw,
    )


def test_an_aid_record_reaches_her_through_its_activitys_units(world, login):
    trip = activity(world.hanoi, "Chuyến công tác của Hà Nội")
    other = activity(world.hanoi, "Một hoạt động khác")
    aid(world.hanoi, "Tài trợ của chuyến", activity=trip)
    aid(world.daklak, "Tài trợ của Đắk Lắk")
    client = login("daklak")
    url = reverse("resources_list")
    page = view(client, url)[0]
    assert "Tài trợ của Đắk Lắk" in page and "Tài trợ của chuyến" not in page
    view(client, url)
    before = view(client, url)
    assert not before[1]  # kept
    trip.units.add(world.daklak)  # she takes part in the trip: its aid is hers to see
    assert "Tài trợ của chuyến" in view(client, url)[0]
    moved = Resource.objects.get(title="Tài trợ của chuyến")
    moved.activity = other  # the aid moved to an activity she does not take part in
    moved.save()
    assert "Tài trợ của chuyến" not in view(client, url)[0]


def test_a_commune_reader_keeps_her_list_through_a_neighbours_save(world, client):
    commune, reader = commune_reader(world)
    neighbour = Unit.objects.create(
        level="commune",
        code="24002",
        name="Hội LHPN xã Ea Tu",
        area_name="Ea Tu",
        parent=world.daklak,
    )
    activity(commune, "Hoạt động của xã Ea Kao")
    url = reverse("activities_list")
    client.force_login(reader)
    view(client, url)
    before = view(client, url)[0]
    province = world.user("daklak")
    from django.test import Client

    theirs = Client()
    theirs.force_login(province)
    view(theirs, url)
    view(theirs, url)
    activity(neighbour, "Hoạt động của xã Ea Tu")  # in her province, not in her commune
    assert served(client, url) == before
    page, rendered, _sql = view(theirs, url)  # the province's reader sees it at once
    assert rendered and "Hoạt động của xã Ea Tu" in page
    activity(commune, "Hoạt động mới của xã Ea Kao")
    assert "Hoạt động mới của xã Ea Kao" in view(client, url)[0]


def test_a_list_filtered_by_another_kinds_record_follows_it(world, login):
    """Her aid under one agreement (``?agreement=``, a hidden field: the agreement is
    read when the form is checked, and that query is kept in the process): when the
    agreement is deleted (its aid's link emptied without signals) her list says so at
    once. (A filter offers only records in her scope, whose changes move her subtree's
    version; a list whose query read another kind's table is kept only under that
    kind's version too: ``ListKept.keep``.)"""
    signed = make("agreements", world.daklak, title="Thỏa thuận của Đắk Lắk")
    aid(world.daklak, "Tài trợ theo thỏa thuận", agreement=signed)
    client = login("daklak")
    url = reverse("resources_list")
    assert "Tài trợ theo thỏa thuận" in view(client, url, agreement=signed.pk)[0]
    aid(world.daklak, "Một khoản tài trợ khác")
    page = view(client, url, agreement=signed.pk)[0]
    assert "Tài trợ theo thỏa thuận" in page and "Một khoản tài trợ khác" not in page
    pk = signed.pk
    signed.delete()
    page = view(client, url, agreement=pk)[0]
    assert "Tài trợ theo thỏa thuận" not in page.split("<tbody")[-1]


def seen_versions(unit) -> dict:
    from doingoai.core.models import DataVersion

    topics = [seen_topic(int(u)) for u in unit.path.strip("/").split("/")]
    return dict(DataVersion.objects.filter(topic__in=topics).values_list("topic", "value"))


def test_a_child_record_changed_alone_counts_as_its_parents_change(world):
    """A place saved or deleted without its activity (``ThroughParent``) moves the
    versions of the subtrees above its activity's units, not those of elsewhere."""
    hers = activity(world.daklak, "Hoạt động của Đắk Lắk")
    before, elsewhere = seen_versions(world.daklak), seen_versions(world.hanoi)
    place = hers.places.create(country="TH", position=1)
    after = seen_versions(world.daklak)
    assert all(after[t] > before.get(t, 0) for t in after) and len(after) == 2
    assert seen_versions(world.hanoi).get(seen_topic(world.hanoi.pk)) == elsewhere.get(
        seen_topic(world.hanoi.pk)
    )
    before = after
    place.delete()
    after = seen_versions(world.daklak)
    assert all(after[t] > before[t] for t in after)
