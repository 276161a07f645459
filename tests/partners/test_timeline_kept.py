"""A province's or a commune's reader's partner page: the relationship over time (the
timeline of activities, aid and agreements with the partner in her scope) kept until
her subtree changes (``seen.kept_in_scope``): a save in another province does not read
it again; every change that brings a record with the partner into her view, takes one
out or changes one shows at once, and what she is shown is always what counting her
records gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.activities.models import Activity
from doingoai.core.bulk import records_changed
from doingoai.core.samples import make
from doingoai.core.seen import kept_in_scope
from doingoai.organization.models import User
from doingoai.partners.hooks import partner_timeline
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db

TIMELINE_TABLES = (
    'FROM "activities_activity"',
    'FROM "resources_resource"',
    'FROM "agreements_agreement"',
)


def activity(unit, title, partner=None, **kw):
    made = make("activities", unit, title=title, start_date=dt.date(2024, 3, 1), **kw)
    if partner is not None:
        made.partners.add(partner)
    return made


@pytest.fixture
def partner(world):
    partner = make("partners", world.daklak, name_vi="Tổ chức Hợp tác Phụ nữ Mê Kông")
    activity(world.daklak, "Hội thảo ở Đắk Lắk", partner)
    activity(world.hanoi, "Hội thảo ở Hà Nội", partner)
    return partner


def view(client, partner):
    """(the page, the statements its rendering read)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(partner.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def timeline_read(sql) -> bool:
    return any(table in s for s in sql for table in TIMELINE_TABLES)


def new_activity_read_and_shown(client, partner, unit, title) -> bool:
    """Her page viewed, an activity with the partner added in ``unit``, viewed again:
    is the timeline read again, and the activity in it?"""
    view(client, partner)
    activity(unit, title, partner)
    page, sql = view(client, partner)
    return timeline_read(sql) and title in page


def test_a_save_in_another_province_does_not_read_her_timeline_again(world, login, partner):
    client = login("daklak")
    page, sql = view(client, partner)
    assert "Hội thảo ở Đắk Lắk" in page and "Hội thảo ở Hà Nội" not in page
    assert timeline_read(sql)
    other = Activity.objects.get(title="Hội thảo ở Hà Nội")
    other.title = "Hội thảo ở Hà Nội (sửa)"
    other.save()
    activity(world.hanoi, "Một hội thảo mới ở Hà Nội")
    again, sql = view(client, partner)
    assert not timeline_read(sql), "\n".join(sql)
    assert "Hội thảo ở Đắk Lắk" in again and "Hội thảo ở Hà Nội" not in again


def test_what_changes_in_her_view_shows_at_once(world, login, partner):
    client = login("daklak")
    # a new activity of hers with the partner
    assert new_activity_read_and_shown(client, partner, world.daklak, "Tập huấn mới ở Đắk Lắk")
    # linked from the partner's side, then taken away
    later = activity(world.daklak, "Giao lưu ở Đắk Lắk")
    partner.activities.add(later)
    assert "Giao lưu ở Đắk Lắk" in view(client, partner)[0]
    partner.activities.remove(later)
    assert "Giao lưu ở Đắk Lắk" not in view(client, partner)[0]
    # Hà Nội's activity with the partner: her units take part, then no more
    hanoi = Activity.objects.get(title="Hội thảo ở Hà Nội")
    hanoi.units.add(world.daklak)
    assert "Hội thảo ở Hà Nội" in view(client, partner)[0]
    hanoi.units.remove(world.daklak)
    assert "Hội thảo ở Hà Nội" not in view(client, partner)[0]
    # aid from the partner recorded in her province, then edited
    aid = make("resources", world.daklak, partner=partner, title="Máy khâu tặng hội viên")
    assert "Máy khâu tặng hội viên" in view(client, partner)[0]
    aid.title = "Máy khâu và vải tặng hội viên"
    aid.save()
    assert "Máy khâu và vải tặng hội viên" in view(client, partner)[0]


def test_the_kept_timeline_is_always_what_counting_gives(world, partner):
    reader = User.objects.get(username="daklak")
    hanoi = Activity.objects.get(title="Hội thảo ở Hà Nội")
    ours = Activity.objects.get(title="Hội thảo ở Đắk Lắk")

    def moved_without_signals():
        Resource.objects.filter(title="Quà ở Hà Nội").update(unit=world.daklak)
        records_changed.send(sender=Resource, ids=[])  # announced: every reader follows

    changes = [
        lambda: activity(world.hanoi, "Họp ở Hà Nội", partner),
        lambda: hanoi.units.add(world.daklak),
        lambda: Activity.objects.filter(pk=ours.pk).update(title="x"),  # unannounced
        lambda: ours.partners.remove(partner),
        lambda: ours.partners.add(partner),
        lambda: make("resources", world.hanoi, partner=partner, title="Quà ở Hà Nội"),
        moved_without_signals,
        lambda: make("agreements", world.daklak, title="Thỏa thuận Mê Kông").partners.add(partner),
        lambda: hanoi.units.remove(world.daklak),
        lambda: ours.delete(),
    ]

    def kept():
        return kept_in_scope(
            reader,
            f"partner-timeline:{partner.pk}",
            lambda: partner_timeline.gather(partner, reader),
        )

    for step, change in enumerate(changes):
        change()
        counted = partner_timeline.gather(partner, reader)
        if step == 2:
            continue  # a write without signals nor records_changed: no reader follows it
        assert kept() == counted, f"after change {step}"
        assert kept() == counted


def test_the_central_readers_timeline_is_read_each_time(world, login, partner):
    client = login("trunguong")
    assert new_activity_read_and_shown(client, partner, world.hanoi, "Hội thảo khác ở Hà Nội")


def test_what_reads_a_table_no_version_follows_is_not_kept(world):
    reader = User.objects.get(username="daklak")
    calls = []

    def compute():
        calls.append(1)
        return Activity.history.count()  # the change history: no record's version follows it

    assert kept_in_scope(reader, "history", compute) == kept_in_scope(reader, "history", compute)
    assert len(calls) == 2
