"""The path of a delegation (đoàn ra, đoàn vào, an international conference) from its
plan to its post-trip report, declared once with :mod:`doingoai.core.workflow`.

draft → submitted → approved (or returned with a comment, or refused) → under way →
back: report due → report submitted → closed; cancelled at any point before it starts.
The unit's editor prepares, submits, starts, comes back, reports and cancels (scope
``CHANGE``); the unit's approver approves, returns, refuses and closes (``APPROVE``).

The report is due ``DELEGATION_REPORT_WORKING_DAYS`` working days after the return
(Saturdays, Sundays and Vietnamese public holidays from the ``holidays`` package do not
count); :func:`late_reports` lists those past due, for the reminders and the dashboard.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from doingoai.core.scope import APPROVE, CHANGE, VIEW
from doingoai.core.workflow import Step, Workflow
from doingoai.core.writing import INVALID, FieldError, RecordRefused

from .models import Activity

S = Activity.State

#: the kinds of activity that go through the path when planned ahead
PATH_KINDS = (Activity.Kind.DELEGATION_OUT, Activity.Kind.DELEGATION_IN, Activity.Kind.CONFERENCE)
#: the states of a delegation not yet started: it may still be cancelled
BEFORE_START = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED)
#: the states of an activity that did not (or not yet) take place: a plan, refused or
#: cancelled (the targets count only the others; the list's "took place" filter)
NOT_HELD = (*BEFORE_START, S.REFUSED, S.CANCELLED)


def report_working_days() -> int:
    return int(getattr(settings, "DELEGATION_REPORT_WORKING_DAYS", 7))


@lru_cache(maxsize=16)
def _vn_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("VN", years=[year]).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _vn_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day ``days`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def report_due_date(returned: dt.date) -> dt.date:
    return add_working_days(returned, report_working_days())


def _approved(obj, user, comment):
    """Approving records the decision: its number, date and issuing body first."""
    missing = [
        FieldError(
            name, gettext("Enter the decision's %(field)s before approving.") % {"field": label}
        )
        for name, label in (
            ("decision_number", _("number")),
            ("decision_date", _("date")),
            ("decision_body", _("issuing body")),
        )
        if not getattr(obj, name)
    ]
    if missing:
        raise RecordRefused(INVALID, missing)


def _came_back(obj, user, comment):
    """Back home: the report is due so many working days after the return."""
    today = timezone.localdate()
    obj.returned_date = min(today, obj.end_date) if obj.end_date else today
    obj.report_due_date = report_due_date(obj.returned_date)
    # derived from the step (logged with it): no second version of the record
    type(obj)._base_manager.filter(pk=obj.pk).update(
        returned_date=obj.returned_date, report_due_date=obj.report_due_date
    )


def _reported(obj, user, comment):
    if not obj.report.strip():
        raise RecordRefused(
            INVALID,
            [FieldError("report", gettext("Write the result report before submitting it."))],
        )


DELEGATION_PATH = Workflow(
    Step("submit", _("Submit for approval"), [S.DRAFT, S.RETURNED], S.SUBMITTED,
         action=CHANGE, style="primary"),
    Step("approve", _("Approve"), [S.SUBMITTED], S.APPROVED, action=APPROVE,
         effect=_approved, style="primary"),
    Step("return", _("Return with a comment"), [S.SUBMITTED], S.RETURNED, action=APPROVE,
         comment_required=True),
    Step("refuse", _("Refuse"), [S.SUBMITTED], S.REFUSED, action=APPROVE,
         comment_required=True, style="danger"),
    Step("start", _("Set off"), [S.APPROVED], S.UNDER_WAY, action=CHANGE),
    Step("come_back", _("Back home: report due"), [S.UNDER_WAY], S.REPORT_DUE,
         action=CHANGE, effect=_came_back),
    Step("submit_report", _("Submit the result report"), [S.REPORT_DUE], S.REPORT_SUBMITTED,
         action=CHANGE, effect=_reported, style="primary"),
    Step("close", _("Close"), [S.REPORT_SUBMITTED], S.CLOSED, action=APPROVE),
    Step("cancel", _("Cancel the delegation"), BEFORE_START, S.CANCELLED, action=CHANGE,
         comment_required=True, style="danger"),
)  # fmt: skip


def late_reports(user=None, *, today: dt.date | None = None):
    """Delegations back home whose result report is past due (in ``user``'s scope when
    given): what a reminder provider lists and the dashboard counts."""
    today = today or timezone.localdate()
    qs = Activity.objects.restrict(user, VIEW) if user is not None else Activity.objects.all()
    return qs.filter(state=S.REPORT_DUE, report_due_date__lt=today).order_by("report_due_date")
