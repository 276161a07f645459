"""What the calendar shows a reader: activities, reviews due, agreements ending, post-trip
reports due and the other reminders, each from the records she may see, each linking to
its record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doingoai.activities.models import Activity
from doingoai.agreements.models import Agreement, Review
from doingoai.core.scope import VIEW, under

from . import services

KINDS = {
    "activity": _("Activities"),
    "review": _("Reviews due"),
    "agreement_end": _("Agreements ending"),
    "report_due": _("Post-trip reports due"),
    "reminder": _("Other reminders"),
}
LIMIT = 1000  # entries of each kind in one view


@dataclass
class Entry:
    kind: str
    start: dt.date
    end: dt.date
    title: str
    url: str
    uid: str

    @property
    def kind_label(self):
        return KINDS[self.kind]


def _in_unit(qs, unit, field="unit"):
    return qs if unit is None else qs.filter(under(unit.path, field))


def _activities(user, start, end, unit):
    qs = _in_unit(Activity.objects.restrict(user, VIEW), unit)
    qs = qs.filter(start_date__lte=end).filter(start_date__gte=start - dt.timedelta(days=31))
    for a in qs.order_by("start_date").only("pk", "title", "start_date", "end_date")[:LIMIT]:
        last = max(a.end_date or a.start_date, a.start_date)
        if last >= start:
            yield Entry(
                "activity",
                a.start_date,
                last,
                a.title,
                reverse("activities_detail", args=[a.pk]),
                f"activity-{a.pk}",
            )


def _reviews(user, start, end, unit):
    qs = Review.objects.restrict(user, VIEW).filter(
        held_date__isnull=True, scheduled_date__gte=start, scheduled_date__lte=end
    )
    qs = _in_unit(qs, unit, "agreement__unit")
    for r in qs.select_related("agreement").order_by("scheduled_date")[:LIMIT]:
        yield Entry(
            "review",
            r.scheduled_date,
            r.scheduled_date,
            str(r),
            reverse("agreements_detail", args=[r.agreement_id]),
            f"review-{r.pk}",
        )


def _agreements(user, start, end, unit):
    qs = Agreement.objects.restrict(user, VIEW).filter(
        status_override="", end_date__gte=start, end_date__lte=end
    )
    qs = _in_unit(qs, unit)
    for a in qs.order_by("end_date").only("pk", "title", "end_date")[:LIMIT]:
        yield Entry(
            "agreement_end",
            a.end_date,
            a.end_date,
            _("Ends: %(title)s") % {"title": a.title},
            reverse("agreements_detail", args=[a.pk]),
            f"agreement-end-{a.pk}",
        )


def _reports_due(user, start, end, unit):
    """Delegations back home whose result report is due (by its due date)."""
    qs = Activity.objects.restrict(user, VIEW).filter(
        state=Activity.State.REPORT_DUE, report_due_date__gte=start, report_due_date__lte=end
    )
    qs = _in_unit(qs, unit)
    for a in qs.order_by("report_due_date").only("pk", "title", "report_due_date")[:LIMIT]:
        yield Entry(
            "report_due",
            a.report_due_date,
            a.report_due_date,
            _("Post-trip report due: %(title)s") % {"title": a.title},
            reverse("activities_detail", args=[a.pk]),
            f"report-due-{a.pk}",
        )


def _reminders(user, start, end, unit):
    qs = services.pending(user).filter(due_date__gte=start, due_date__lte=end)
    # shown as themselves
    qs = qs.exclude(kind__in=["agreement_expiring", "review_due", "post_trip_report"])
    qs = _in_unit(qs, unit)
    for r in qs.order_by("due_date")[:LIMIT]:
        yield Entry("reminder", r.due_date, r.due_date, r.title, r.url, f"reminder-{r.pk}")


SOURCES = {
    "activity": _activities,
    "review": _reviews,
    "agreement_end": _agreements,
    "report_due": _reports_due,
    "reminder": _reminders,
}


def entries(user, start: dt.date, end: dt.date, *, unit=None, kinds=None) -> list[Entry]:
    out = []
    for kind, source in SOURCES.items():
        if not kinds or kind in kinds:
            out += list(source(user, start, end, unit))
    return sorted(out, key=lambda e: (e.start, e.kind, e.title))


def ical(user, entries_: list[Entry], site: str) -> bytes:
    """The entries as an iCalendar file (RFC 5545) that calendar programs subscribe to."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//doingoai//calendar//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "doingoai")
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for e in entries_:
        event = icalendar.Event()
        event.add("uid", f"{e.uid}@doingoai")
        event.add("summary", f"[{e.kind_label}] {e.title}")
        event.add("dtstart", e.start)
        event.add("dtend", e.end + dt.timedelta(days=1))  # all-day: the end is exclusive
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("url", site + e.url)
        event.add("description", site + e.url)
        cal.add_component(event)
    return cal.to_ical()
