"""The calendar page and the personal iCalendar feed: in scope, filtered, revocable."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.urls import reverse

from doingoai.core.samples import make
from doingoai.reminders.models import CalendarFeed

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated(world):
    from doingoai.reminders.services import today

    day = today()
    ns = {
        "trip": make(
            "activities", world.daklak, title="Đoàn ra Chămpasăk", start_date=day, end_date=None
        ),
        "hanoi": make(
            "activities", world.hanoi, title="Hội thảo Hà Nội", start_date=day, end_date=None
        ),
        "ending": make(
            "agreements", world.daklak, title="Thỏa thuận Salavan", end_date=day + dt.timedelta(1)
        ),
    }
    return day, ns


def test_the_month_and_list_in_scope_and_filtered(dated, login):
    day, ns = dated
    month = day.strftime("%Y-%m")
    html = login("daklak").get(reverse("calendar"), {"month": month}).content.decode()
    assert "Đoàn ra Chămpasăk" in html and "Thỏa thuận Salavan" in html
    assert reverse("activities_detail", args=[ns["trip"].pk]) in html
    assert "Hội thảo Hà Nội" not in html  # another province's
    central = login("trunguong")
    html = central.get(reverse("calendar"), {"month": month}).content.decode()
    assert "Hội thảo Hà Nội" in html
    html = central.get(
        reverse("calendar"), {"month": month, "unit": ns["trip"].unit_id, "kind": "activity"}
    ).content.decode()
    assert "Đoàn ra Chămpasăk" in html
    assert "Hội thảo Hà Nội" not in html and "Thỏa thuận Salavan" not in html
    assert central.get(reverse("calendar"), {"month": "2026-13"}).status_code == 404


def test_a_personal_feed_that_can_be_revoked(dated, login, world):
    from django.test import Client

    client = Client()  # a calendar program: no session
    day, ns = dated
    user = login("daklak")
    assert user.post(reverse("calendar_feed_new")).status_code == 302
    feed = CalendarFeed.objects.get(user=world.user("daklak"))
    assert feed.token in user.get(reverse("profile")).content.decode()
    got = client.get(reverse("calendar_feed", args=[feed.token]))
    assert got.status_code == 200 and got["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(got.content)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert any("Đoàn ra Chămpasăk" in s for s in summaries)
    assert any("Thỏa thuận Salavan" in s for s in summaries)
    assert not any("Hội thảo Hà Nội" in s for s in summaries)
    event = next(e for e in cal.walk("VEVENT") if "Chămpasăk" in str(e["summary"]))
    assert event.decoded("dtstart") == day
    # a new address replaces the old one; revoking ends it
    user.post(reverse("calendar_feed_new"))
    assert client.get(reverse("calendar_feed", args=[feed.token])).status_code == 404
    token = CalendarFeed.objects.get(user=world.user("daklak")).token
    user.post(reverse("calendar_feed_revoke"))
    assert client.get(reverse("calendar_feed", args=[token])).status_code == 404


def test_a_post_trip_report_due_is_on_the_calendar_once(world, login):
    from doingoai.activities.models import Activity
    from doingoai.reminders import services

    day = services.today()
    trip = make(
        "activities",
        world.daklak,
        kind=Activity.Kind.DELEGATION_OUT,
        title="Đoàn ra Salavan",
        start_date=day - dt.timedelta(days=30),
        end_date=day - dt.timedelta(days=25),
    )
    Activity.objects.filter(pk=trip.pk).update(state=Activity.State.REPORT_DUE, report_due_date=day)
    services.refresh(day)  # its reminder is shown as the report due, not twice
    month = day.strftime("%Y-%m")
    href = reverse("activities_detail", args=[trip.pk])
    html = login("daklak").get(reverse("calendar"), {"month": month}).content.decode()
    rows = [r for r in html.split("<tr data-kind=")[1:] if "Salavan" in r]
    assert [r.split(">")[0] for r in rows if "Hạn báo cáo" in r] == ['"report_due"']
    assert f'<a href="{href}">Hạn báo cáo sau chuyến công tác: Đoàn ra Salavan</a>' in rows[-1]
    assert (
        "Đoàn ra Salavan"
        not in login("hanoi").get(reverse("calendar"), {"month": month}).content.decode()
    )
    only = login("trunguong").get(reverse("calendar"), {"month": month, "kind": "report_due"})
    assert "Hạn báo cáo sau chuyến công tác: Đoàn ra Salavan" in only.content.decode()
    # the report submitted: gone
    Activity.objects.filter(pk=trip.pk).update(state=Activity.State.REPORT_SUBMITTED)
    html = login("daklak").get(reverse("calendar"), {"month": month}).content.decode()
    assert "Hạn báo cáo sau chuyến công tác" not in html
