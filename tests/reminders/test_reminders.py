"""Reminders: made from the records, shown and emailed only within scope, told once,
closed when their cause goes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from doingoai.agreements.models import Agreement
from doingoai.core.samples import make
from doingoai.reminders import services
from doingoai.reminders.models import EmailChoice, Reminder, ReminderSettings
from doingoai.targets.models import Measure, Target

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 4)


def at(day: dt.date, hour: int):
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def ending(world):
    """A Đắk Lắk agreement ending in 25 days, with no review pending."""
    a = make(
        "agreements",
        world.daklak,
        signed_date=dt.date(2021, 12, 1),
        start_date=dt.date(2021, 12, 1),
        end_date=TODAY + dt.timedelta(days=25),
    )
    a.reviews.update(held_date=dt.date(2024, 1, 1))
    for name in ("daklak", "daklak_lead", "hanoi", "trunguong"):
        u = world.user(name)
        u.email = f"{name}@example.org"
        u.save()
    return a


def keys(user=None):
    qs = services.pending(user, TODAY) if user else Reminder.objects.filter(closed_at=None)
    return set(qs.values_list("key", flat=True))


def test_an_agreement_expiring_is_told_by_stage_and_closes_when_renewed(ending, world):
    services.refresh(TODAY)
    assert f"agreement_expiring:{ending.pk}:30" in keys()
    assert f"agreement_expiring:{ending.pk}:30" in keys(world.user("daklak"))
    assert f"agreement_expiring:{ending.pk}:30" in keys(world.user("trunguong"))
    assert not any(k.startswith("agreement_expiring") for k in keys(world.user("hanoi")))
    # three weeks later: the 7-day stage replaces the 30-day one
    services.refresh(TODAY + dt.timedelta(days=20))
    assert f"agreement_expiring:{ending.pk}:7" in keys()
    assert f"agreement_expiring:{ending.pk}:30" not in keys()
    # renewed: the reminder closes by itself
    make("agreements", world.daklak, renews=ending, signed_date=TODAY)
    got = services.refresh(TODAY + dt.timedelta(days=20))
    assert got["closed"] >= 1
    assert not any(k.startswith(f"agreement_expiring:{ending.pk}:") for k in keys())


def test_a_review_due_then_overdue_then_held(world):
    a = make("agreements", world.daklak)
    review = a.reviews.order_by("scheduled_date").first()
    day = review.scheduled_date
    services.refresh(day - dt.timedelta(days=20))
    assert f"review_due:{review.pk}:30" in keys()
    services.refresh(day + dt.timedelta(days=3))
    assert f"review_due:{review.pk}:overdue" in keys()
    review.held_date = day + dt.timedelta(days=4)
    review.save()
    services.refresh(day + dt.timedelta(days=5))
    assert not any(k.startswith(f"review_due:{review.pk}:") for k in keys())


def test_done_and_later_on_the_page_and_the_bell(ending, login):
    services.refresh(TODAY)
    client = login("daklak")
    page = client.get(reverse("reminders")).content.decode()
    assert ending.title in page
    assert reverse("agreements_detail", args=[ending.pk]) in page
    from doingoai.organization.models import User

    daklak = User.objects.get(username="daklak")
    n = services.pending(daklak).count()
    assert reverse("reminder_bell") in client.get(reverse("dashboard")).content.decode()
    assert f'data-count="{n}"' in client.get(reverse("reminder_bell")).content.decode()
    r = services.pending(daklak).get(object_id=ending.pk, kind="agreement_expiring")
    assert client.post(reverse("reminder_later", args=[r.pk])).status_code == 302
    assert services.pending(daklak).count() == n - 1
    assert services.pending(daklak, timezone.localdate() + dt.timedelta(days=8)).count() == n
    assert client.post(reverse("reminder_done", args=[r.pk])).status_code == 302
    assert services.pending(daklak, timezone.localdate() + dt.timedelta(days=8)).count() == n - 1
    # someone else's view is untouched; out of scope is 404
    lead = User.objects.get(username="daklak_lead")
    assert services.pending(lead).filter(pk=r.pk).exists()
    assert login("hanoi").post(reverse("reminder_done", args=[r.pk])).status_code == 404


def test_the_digest_is_sent_once_in_scope_in_vietnamese(ending, world):
    services.refresh(TODAY)
    mail.outbox.clear()
    assert services.send(now=at(TODAY, 6))["emails"] == 0  # before 7:00: no digest yet
    got = services.send(now=at(TODAY, 8))
    by_user = {m.to[0]: m for m in mail.outbox}
    assert ending.title in by_user["daklak@example.org"].body
    assert "Kính gửi" in by_user["daklak@example.org"].body  # in Vietnamese
    assert f"/agreements/{ending.pk}/" in by_user["daklak@example.org"].body
    assert (
        "hanoi@example.org" not in by_user or ending.title not in by_user["hanoi@example.org"].body
    )
    assert got["emails"] == len(mail.outbox)
    mail.outbox.clear()
    services.send(now=at(TODAY, 9))  # the same day: no second digest
    services.send(now=at(TODAY + dt.timedelta(days=1), 8))  # the next day: nothing new
    assert [m for m in mail.outbox if ending.title in m.body] == []


def test_immediate_and_none(ending, world):
    ReminderSettings.objects.create(user=world.user("daklak"), email=EmailChoice.IMMEDIATE)
    ReminderSettings.objects.create(user=world.user("daklak_lead"), email=EmailChoice.NONE)
    services.refresh(TODAY)
    mail.outbox.clear()
    services.send(now=at(TODAY, 3))  # immediate: not waiting for the digest hour
    assert [m.to for m in mail.outbox] == [["daklak@example.org"]]
    services.send(now=at(TODAY, 4))
    assert len(mail.outbox) == 1  # never twice


def test_targets_at_risk_in_the_last_year_of_the_term(world):
    from doingoai.organization.models import Term

    term = Term.objects.get(name="XIII")
    target = Target.objects.create(
        unit=world.central, term=term, measure=Measure.INTL_EVENTS, value=Decimal(1)
    )
    make("activities", world.daklak, start_date=dt.date(2024, 6, 25))
    services.refresh(dt.date(2024, 6, 30))  # not the last year of the term: no target told
    assert not any(k.startswith("target_at_risk") for k in keys())
    services.refresh(TODAY)
    assert f"target_at_risk:{target.pk}:{world.hanoi.pk}" in keys()
    assert f"target_at_risk:{target.pk}:{world.daklak.pk}" not in keys()  # met
    assert f"target_at_risk:{target.pk}:{world.hanoi.pk}" in keys(world.user("trunguong"))
    assert f"target_at_risk:{target.pk}:{world.hanoi.pk}" not in keys(world.user("daklak"))


def test_data_that_cannot_be_counted(world):
    from doingoai.resources.models import Resource

    r = make("resources", world.daklak, currency="EUR", date=dt.date(2026, 11, 1))
    assert Resource.objects.get(pk=r.pk).amount_usd is None
    services.refresh(TODAY)
    assert f"uncounted:resource:{r.pk}" in keys(world.user("daklak"))
    assert f"uncounted:resource:{r.pk}" not in keys(world.user("hanoi"))


def test_an_activity_without_a_partner_until_one_is_added(world):
    """Any activity without a partner (not only a delegation) is not counted as an event
    with international partners: told to those who may see it, closed by itself once a
    partner is added; a refused or cancelled one, or one over a year old, is not told."""
    from doingoai.activities.models import Activity

    def alone(unit, **kw):
        a = make("activities", unit, start_date=dt.date(2026, 10, 1), **kw)
        a.partners.clear()
        return a

    event = alone(world.hanoi, kind=Activity.Kind.WORKSHOP, title="Hội thảo không đối tác")
    trip = alone(world.daklak, kind=Activity.Kind.DELEGATION_IN)
    cancelled = alone(world.daklak, kind=Activity.Kind.CONFERENCE)
    Activity.objects.filter(pk=cancelled.pk).update(state=Activity.State.CANCELLED)
    old = alone(world.daklak, kind=Activity.Kind.CONFERENCE)
    Activity.objects.filter(pk=old.pk).update(start_date=dt.date(2025, 11, 1))
    partnered = make("activities", world.daklak, start_date=dt.date(2026, 10, 1))
    services.refresh(TODAY)
    key = f"uncounted:activity:{event.pk}"
    assert key in keys() and f"uncounted:activity:{trip.pk}" in keys()
    for a in (cancelled, old, partnered):
        assert f"uncounted:activity:{a.pk}" not in keys()
    r = Reminder.objects.get(key=key)
    assert r.title == "Chưa ghi đối tác, chưa được tính là hoạt động quốc tế: " + event.title
    assert r.url == f"/activities/{event.pk}/"
    # in scope only: Hà Nội and the central union hear of Hà Nội's event, Đắk Lắk does not
    assert key in keys(world.user("hanoi")) and key in keys(world.user("trunguong"))
    assert key not in keys(world.user("daklak"))
    # a partner added: closed by itself, and Hà Nội's event is now counted
    event.partners.add(make("partners", world.hanoi))
    got = services.refresh(TODAY)
    assert got["closed"] >= 1 and key not in keys()
    assert f"uncounted:activity:{trip.pk}" in keys()


def test_the_command_is_idempotent(ending, world):
    call_command("send_reminders", verbosity=0)
    n = Reminder.objects.count()
    sent = len(mail.outbox)
    call_command("send_reminders", verbosity=0)
    assert Reminder.objects.count() == n
    assert len(mail.outbox) == sent
    assert Agreement.objects.filter(pk=ending.pk).exists()


def test_a_post_trip_report_due_then_overdue_then_submitted(world):
    """Told when the delegation comes back, again once past due, closed when the report
    is submitted; only to those who may see the delegation, by email once."""
    from doingoai.activities.delegation import DELEGATION_PATH
    from doingoai.activities.models import Activity

    trip = make(
        "activities",
        world.daklak,
        kind=Activity.Kind.DELEGATION_OUT,
        title="Đoàn công tác tại tỉnh Chămpasăk",
        start_date=dt.date(2026, 2, 5),
        end_date=dt.date(2026, 2, 13),
        report="Đoàn đã làm việc với Hội LHPN tỉnh Chămpasăk.",
    )
    Activity.objects.filter(pk=trip.pk).update(state=Activity.State.UNDER_WAY)
    services.refresh(dt.date(2026, 2, 14))  # under way: nothing due
    assert not any(k.startswith("post_trip_report") for k in keys())
    trip = Activity.objects.get(pk=trip.pk)
    DELEGATION_PATH.advance(
        trip, "come_back", acting_user=world.user("daklak"), version=trip.version
    )
    trip = Activity.objects.get(pk=trip.pk)
    assert trip.report_due_date == dt.date(2026, 3, 3)  # 7 working days after Tết

    services.refresh(dt.date(2026, 2, 16))
    due = f"post_trip_report:{trip.pk}:due"
    assert due in keys()
    r = Reminder.objects.get(key=due)
    assert r.due_date == dt.date(2026, 3, 3) and r.url == f"/activities/{trip.pk}/"
    assert r.title == "Đến hạn báo cáo sau chuyến công tác ngày 03/03/2026: " + trip.title
    for name, sees in (("daklak", True), ("trunguong", True), ("hanoi", False)):
        assert (due in keys_on(world.user(name), dt.date(2026, 2, 16))) is sees, name
    services.refresh(dt.date(2026, 3, 3))  # the due date itself: not late yet
    assert due in keys()

    # past due: the overdue stage replaces the first one and is told again
    for name in ("daklak", "hanoi"):
        u = world.user(name)
        u.email = f"{name}@example.org"
        u.save()
    services.refresh(dt.date(2026, 3, 4))
    overdue = f"post_trip_report:{trip.pk}:overdue"
    assert overdue in keys() and due not in keys()
    mail.outbox.clear()
    services.send(now=at(dt.date(2026, 3, 4), 8))
    services.send(now=at(dt.date(2026, 3, 5), 8))
    told = [m for m in mail.outbox if trip.title in m.body]
    assert [m.to for m in told] == [["daklak@example.org"]]  # once, never to Hà Nội
    assert "Quá hạn báo cáo sau chuyến công tác từ 03/03/2026" in told[0].body

    # the report submitted: the reminder closes by itself
    trip = Activity.objects.get(pk=trip.pk)
    DELEGATION_PATH.advance(
        trip, "submit_report", acting_user=world.user("daklak"), version=trip.version
    )
    got = services.refresh(dt.date(2026, 3, 5))
    assert got["closed"] >= 1
    assert not any(k.startswith(f"post_trip_report:{trip.pk}:") for k in keys())


def keys_on(user, day):
    return set(services.pending(user, day).values_list("key", flat=True))


def test_today_is_vietnam_s_day(world):
    """At 00:30 in Hà Nội (17:30 UTC the day before) it is already the next day: the
    stage of an agreement ending counts from Vietnam's date; the digest waits for 7:00
    Vietnam time, not UTC."""
    from unittest import mock

    a = make("agreements", world.daklak, end_date=dt.date(2026, 12, 11))
    a.reviews.update(held_date=dt.date(2024, 1, 1))
    u = world.user("daklak")
    u.email = "daklak@example.org"
    u.save()
    utc = dt.UTC
    with mock.patch(
        "django.utils.timezone.now", return_value=dt.datetime(2026, 12, 3, 17, 30, tzinfo=utc)
    ):
        assert services.today() == dt.date(2026, 12, 4)
        services.refresh()
    assert f"agreement_expiring:{a.pk}:7" in keys()  # 7 days left in Vietnam (8 in UTC)
    assert f"agreement_expiring:{a.pk}:30" not in keys()
    mail.outbox.clear()
    services.send(now=dt.datetime(2026, 12, 3, 23, 30, tzinfo=utc))  # 6:30 in Hà Nội
    assert mail.outbox == []
    services.send(now=dt.datetime(2026, 12, 4, 0, 30, tzinfo=utc))  # 7:30 in Hà Nội
    assert [m.to for m in mail.outbox if a.title in m.body] == [["daklak@example.org"]]


def test_the_list_is_paged_with_its_count(ending, login, world, monkeypatch):
    """Seen on the demo: the central union's list ran 138 reminders on one page."""
    from doingoai.reminders import views

    make("agreements", world.daklak, end_date=TODAY + dt.timedelta(days=20))
    services.refresh(TODAY)
    client = login("daklak")
    from doingoai.organization.models import User

    n = services.pending(User.objects.get(username="daklak")).count()
    assert n >= 2
    monkeypatch.setattr(views, "PER_PAGE", n - 1)
    first = client.get(reverse("reminders")).content.decode()
    second = client.get(reverse("reminders"), {"page": 2}).content.decode()
    assert f"{n} nhắc việc đang mở" in first and "Trang 1/2" in first and "?page=2" in first
    assert "Trang 2/2" in second and "?page=1" in second
    # the same pages as every table's (generic/pagination.html), the kind kept in the links
    monkeypatch.setattr(views, "PER_PAGE", 1)
    only = client.get(reverse("reminders"), {"kind": "agreement_expiring"}).content.decode()
    assert '<ul class="pagination">' in only and "?kind=agreement_expiring&amp;page=2" in only
    assert first.count('<tr data-kind="') == n - 1 and second.count('<tr data-kind="') == 1
    assert "Thời hạn" in first  # headers begin with a capital


@pytest.mark.django_db(transaction=True)
def test_a_save_elsewhere_goes_through_while_the_reminders_are_worked_out(monkeypatch):
    """Working out what is due reads for many seconds at the national size: it holds no
    transaction (on SQLite that is the database's write lock), so a save in another
    connection meanwhile succeeds at once instead of failing after the busy timeout."""
    import threading

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, connections, transaction

    from doingoai.reminders.hooks import reminder_kinds

    seen = {}

    def save_elsewhere():
        try:
            with connection.cursor() as cur:  # this thread's own connection
                if connection.vendor == "sqlite":
                    cur.execute("PRAGMA busy_timeout = 200")  # fail fast if locked
            with transaction.atomic():
                ContentType.objects.create(app_label="bench", model="savedmeanwhile")
            seen["saved"] = True
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            seen["error"] = exc
        finally:
            connections.close_all()

    def while_gathering(today):
        seen["in_transaction"] = connection.in_atomic_block
        t = threading.Thread(target=save_elsewhere)
        t.start()
        t.join(10)
        return []

    monkeypatch.setattr(reminder_kinds, "providers", [*reminder_kinds.providers, while_gathering])
    services.refresh(TODAY)
    assert seen.get("in_transaction") is False
    assert seen.get("saved"), seen.get("error")
    assert ContentType.objects.filter(app_label="bench", model="savedmeanwhile").exists()


def test_reminders_are_written_in_short_batches(ending, world, monkeypatch):
    """Many reminders opened at once are written BATCH at a time, each batch its own
    transaction; a run again writes nothing twice."""
    make(
        "agreements",
        world.daklak,
        signed_date=dt.date(2021, 12, 1),
        start_date=dt.date(2021, 12, 1),
        end_date=TODAY + dt.timedelta(days=60),
    ).reviews.update(held_date=dt.date(2024, 1, 1))
    monkeypatch.setattr(services, "BATCH", 1)
    got = services.refresh(TODAY)
    assert got["opened"] >= 2
    n = Reminder.objects.count()
    assert n == got["opened"]
    assert services.refresh(TODAY)["opened"] == 0
    assert Reminder.objects.count() == n
    ending.end_date = TODAY + dt.timedelta(days=400)  # no longer expiring: closed
    ending.save()
    assert services.refresh(TODAY)["closed"] == 1
