"""The reminders' own kinds (agreements expiring, reviews due, post-trip reports due,
targets at risk, data that cannot be counted) and what they give to the page header and the menu."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.agreements.models import Agreement, Review
from doingoai.core.hooks import NavLink, header_items, nav_links
from doingoai.organization.hooks import profile_sections
from doingoai.organization.models import Term

from .hooks import Due, reminder_kinds
from .models import Kind

#: days before an agreement's end when it is told again (0: on expiry, and after it)
EXPIRY_STAGES = (90, 30, 7, 0)
#: days before a review's date when it is told again
REVIEW_STAGES = (30, 7)
AFTER_EXPIRY_DAYS = 90  # an expired agreement neither renewed nor ended: told until then
OVERDUE_DAYS = 365  # a review not held: told as overdue for a year

#: the reader of the whole tree, for the figures reminders are made from (who then hears
#: of each reminder is decided by the record's scope)
EVERYTHING = SimpleNamespace(
    is_authenticated=True,
    is_active=True,
    is_superuser=True,
    role="system_admin",
    unit_id=None,
    unit=None,
    pk=None,
)


def stage(days: int, stages) -> str:
    """The last stage reached ``days`` before the date ("90", "30", "7", or "0")."""
    for s in sorted(stages):
        if days <= s:
            return str(s)
    return ""


@reminder_kinds.provide
def agreements_expiring(today: dt.date) -> list[Due]:
    renewed = Agreement.objects.filter(renews=OuterRef("pk"))
    qs = (
        Agreement.objects.filter(
            status_override="",
            signed_date__isnull=False,
            end_date__gte=today - dt.timedelta(days=AFTER_EXPIRY_DAYS),
            end_date__lte=today + dt.timedelta(days=max(EXPIRY_STAGES)),
        )
        .exclude(Exists(renewed))
        .only("pk", "title", "end_date", "unit_id")
    )
    out = []
    for a in qs:
        days = (a.end_date - today).days
        s = stage(max(days, 0), EXPIRY_STAGES)
        if days <= 0:
            title = _("Expired on %(date)s, not renewed: %(title)s")
        else:
            title = _("Ends in %(days)s days (%(date)s): %(title)s")
        out.append(
            Due(
                key=f"{Kind.AGREEMENT_EXPIRING}:{a.pk}:{s}",
                kind=Kind.AGREEMENT_EXPIRING,
                title=title % {"days": days, "date": f"{a.end_date:%d/%m/%Y}", "title": a.title},
                record=a,
                unit_id=a.unit_id,
                due_date=a.end_date,
                url=reverse("agreements_detail", args=[a.pk]),
            )
        )
    return out


@reminder_kinds.provide
def reviews_due(today: dt.date) -> list[Due]:
    qs = (
        Review.objects.filter(
            held_date__isnull=True,
            scheduled_date__gte=today - dt.timedelta(days=OVERDUE_DAYS),
            scheduled_date__lte=today + dt.timedelta(days=max(REVIEW_STAGES)),
        )
        .exclude(agreement__status_override__in=["terminated", "renewed"])
        .select_related("agreement")
    )
    out = []
    for r in qs:
        days = (r.scheduled_date - today).days
        if days < 0:
            s, title = "overdue", _("Overdue since %(date)s: %(review)s")
        else:
            s, title = stage(days, REVIEW_STAGES), _("Due on %(date)s: %(review)s")
        out.append(
            Due(
                key=f"{Kind.REVIEW_DUE}:{r.pk}:{s}",
                kind=Kind.REVIEW_DUE,
                title=title % {"date": f"{r.scheduled_date:%d/%m/%Y}", "review": r},
                record=r,
                unit_id=r.agreement.unit_id,
                due_date=r.scheduled_date,
                url=reverse("agreements_detail", args=[r.agreement_id]),
            )
        )
    return out


@reminder_kinds.provide
def targets_at_risk(today: dt.date) -> list[Due]:
    """In the last year of the term: every unit at risk of a target of the term."""
    from doingoai.reports.periods import make_period
    from doingoai.targets.completeness import AT_RISK, matrix
    from doingoai.targets.models import Target

    term = Term.current(today)
    if term is None or today < term.end_date - dt.timedelta(days=365):
        return []
    period = make_period(term=term)
    out = []
    setters = {t.unit for t in Target.objects.filter(term=term).select_related("unit")}
    for unit in sorted(setters, key=lambda u: u.pk):
        grid = matrix(unit=unit, period=period, user=EVERYTHING, on=today)
        url = reverse("targets") + f"?unit={unit.pk}&term={term.name}"
        for row in grid.rows:
            for cell in row.cells:
                if cell is None or cell.status != AT_RISK:
                    continue
                t = cell.target
                out.append(
                    Due(
                        key=f"{Kind.TARGET_AT_RISK}:{t.pk}:{row.unit.pk}",
                        kind=Kind.TARGET_AT_RISK,
                        title=_("%(unit)s: %(measure)s at %(value)s of %(target)s")
                        % {
                            "unit": row.unit.name,
                            "measure": t.get_measure_display(),
                            "value": cell.measured if cell.measured is not None else "—",
                            "target": t.value_display,
                        },
                        record=row.unit,
                        unit_id=row.unit.pk,
                        due_date=period.end,
                        url=url,
                    )
                )
    return out


@reminder_kinds.provide
def post_trip_reports(today: dt.date) -> list[Due]:
    """Delegations back home whose result report is due: told on the return, told again
    once past due (``activities.delegation.late_reports``); gone once the report is
    submitted (the delegation leaves the state "back: report due")."""
    from doingoai.activities.delegation import late_reports
    from doingoai.activities.models import Activity

    late = set(late_reports(today=today).values_list("pk", flat=True))
    qs = Activity.objects.filter(
        state=Activity.State.REPORT_DUE, report_due_date__isnull=False
    ).only("pk", "title", "report_due_date", "unit_id")
    out = []
    for a in qs:
        if a.pk in late:
            s, title = "overdue", _("Post-trip report overdue since %(date)s: %(title)s")
        else:
            s, title = "due", _("Post-trip report due on %(date)s: %(title)s")
        out.append(
            Due(
                key=f"{Kind.POST_TRIP_REPORT}:{a.pk}:{s}",
                kind=Kind.POST_TRIP_REPORT,
                title=title % {"date": f"{a.report_due_date:%d/%m/%Y}", "title": a.title},
                record=a,
                unit_id=a.unit_id,
                due_date=a.report_due_date,
                url=reverse("activities_detail", args=[a.pk]),
            )
        )
    return out


@reminder_kinds.provide
def uncounted(today: dt.date) -> list[Due]:
    """Records the figures cannot count: a resource without an exchange rate (not in the
    totals), an activity without a partner (not counted as an event with international
    partners, nor among the partners worked with) from the last year on, unless refused
    or cancelled. Gone once the rate or a partner is given."""
    from doingoai.activities.models import Activity
    from doingoai.resources.models import Resource

    out = []
    for r in Resource.objects.filter(amount_usd__isnull=True).only(
        "pk", "title", "date", "unit_id"
    ):
        out.append(
            Due(
                key=f"{Kind.UNCOUNTED}:resource:{r.pk}",
                kind=Kind.UNCOUNTED,
                title=_("No exchange rate, not in the totals: %(title)s") % {"title": r.title},
                record=r,
                unit_id=r.unit_id,
                due_date=r.date,
                url=reverse("resources_detail", args=[r.pk]),
            )
        )
    partner = Activity.partners.through.objects.filter(activity_id=OuterRef("pk"))
    alone = (
        Activity.objects.filter(start_date__gte=today - dt.timedelta(days=OVERDUE_DAYS))
        .exclude(state__in=[Activity.State.REFUSED, Activity.State.CANCELLED])
        .exclude(Exists(partner))
    )
    for a in alone.only("pk", "title", "start_date", "unit_id"):
        out.append(
            Due(
                key=f"{Kind.UNCOUNTED}:activity:{a.pk}",
                kind=Kind.UNCOUNTED,
                title=_("No partner, not counted as international: %(title)s") % {"title": a.title},
                record=a,
                unit_id=a.unit_id,
                due_date=a.start_date,
                url=reverse("activities_detail", args=[a.pk]),
            )
        )
    return out


@header_items.provide
def bell(request):
    return ["reminders/bell.html"]


@nav_links.provide
def reminders_link(request):
    return [
        NavLink(_("Reminders"), reverse("reminders"), order=66),
        NavLink(_("Calendar"), reverse("calendar"), order=67),
    ]


@profile_sections.provide
def calendar_address(request):
    from .calendar_views import feed_url

    return [("reminders/profile_calendar.html", {"url": feed_url(request.user)})]
