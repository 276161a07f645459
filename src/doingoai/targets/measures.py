"""What the units below a unit did, measured from the records (never typed in).

Each measure counts, for a period and a reader, the records owned by each unit directly
below ``root`` and by the units under it (historical units sit under their successor,
so a 2023 record of Phú Yên counts for today's Đắk Lắk, as in the reports). Only the
records the reader may see count, and only activities that took place: a plan not yet
started (draft, submitted, returned, approved), refused or cancelled does not count. One
grouped query per measure (new partners: one per app that engages partners).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from doingoai.activities.delegation import NOT_HELD
from doingoai.core.scope import under
from doingoai.reports.figures import (
    ACTIVITY_FROM,
    ACTIVITY_TO,
    RESOURCE_FROM,
    RESOURCE_TO,
    Rollup,
    has_partner,
    list_url,
    scoped,
    summed_months,
)
from doingoai.reports.periods import Period

from .models import Measure

ZERO = Decimal(0)


def _d(value: dt.date) -> str:
    return value.isoformat()


def _rolled(rollup: Rollup, rows, key: str = "n") -> dict[int, Decimal]:
    """Per-unit rows (``unit_id``, ``key``) summed into the units directly below."""
    out: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for row in rows:
        child = rollup.child_of(row["unit_id"])
        if child is not None:
            out[child] += Decimal(row[key] or 0)
    return out


def _activities(root, period, user):
    """The activities below ``root`` that took place in the period (events held,
    delegations gone or received), as ``user`` may see them."""
    qs = scoped("activities.Activity", user, root)
    return qs.filter(
        under(root.path), start_date__gte=period.start, start_date__lte=period.end
    ).exclude(state__in=NOT_HELD)


def _summed(rollup, model: str, months, column: str, **where) -> dict[int, Decimal]:
    """A measure of each unit below summed from a monthly summary table
    (``reports.summaries``: rows kept for every unit above the records' owners, so a
    unit's row holds its whole subtree), when the figures are summed
    (``figures.summed_months``): the same figure as counting its records."""
    from django.apps import apps

    rows = (
        apps.get_model(model)
        .objects.filter(
            unit_id__in=[c.pk for c in rollup.children],
            month__gte=months[0],
            month__lte=months[1],
            **where,
        )
        .order_by()
        .values("unit_id")
        .annotate(n=Sum(column))
    )
    return {r["unit_id"]: Decimal(r["n"] or 0) for r in rows}


def intl_events(root, rollup, period, user, today):
    months = summed_months(root, period, user)
    if months:
        return _summed(rollup, "reports.ActivityMonth", months, "held_with_partners")
    qs = _activities(root, period, user).filter(has_partner())
    return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))


def _delegations(kind):
    def measure(root, rollup, period, user, today):
        months = summed_months(root, period, user)
        if months:
            return _summed(rollup, "reports.ActivityMonth", months, "held", kind=kind)
        qs = _activities(root, period, user).filter(kind=kind)
        return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))

    return measure


def agreements(root, rollup, period, user, today):
    qs = scoped("agreements.Agreement", user, root).filter(
        under(root.path), signed_date__gte=period.start, signed_date__lte=period.end
    )
    return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))


def _reviews(kind):
    """The share (%) of the reviews due in the period (so far) that were held by their
    due date; a unit with none due has no figure (None)."""

    def measure(root, rollup, period, user, today):
        from doingoai.agreements.models import Review

        agreements = scoped("agreements.Agreement", user, root).filter(under(root.path))
        last = min(period.end, today)
        qs = Review.objects.filter(
            agreement__in=agreements.values("pk"),
            kind=kind,
            scheduled_date__gte=period.start,
            scheduled_date__lte=last,
        )
        rows = (
            qs.order_by()
            .values(unit_id=F("agreement__unit_id"))
            .annotate(
                due=Count("id"),
                on_time=Count(
                    "id",
                    filter=Q(
                        held_date__isnull=False,
                        held_date__lte=F("scheduled_date"),
                    ),
                ),
            )
        )
        rows = list(rows)
        due = _rolled(rollup, rows, "due")
        on_time = _rolled(rollup, rows, "on_time")
        return {c: (on_time[c] * 100 / n).quantize(Decimal("0.1")) for c, n in due.items() if n}

    return measure


#: the resources' measures as columns of ``reports.ResourceTotalMonth``
SUMMED_RESOURCES = {"amount_vnd": "vnd", "amount_usd": "usd", None: "items"}


def _resources(field):
    def measure(root, rollup, period, user, today):
        months = summed_months(root, period, user)
        if months:
            return _summed(
                rollup,
                "reports.ResourceTotalMonth",
                months,
                SUMMED_RESOURCES[field],
                direction="received",
            )
        qs = scoped("resources.Resource", user, root).filter(
            under(root.path), direction="received", date__gte=period.start, date__lte=period.end
        )
        agg = Count("id") if field is None else Sum(field)
        return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=agg))

    return measure


def news(root, rollup, period, user, today):
    qs = (
        scoped("news.NewsItem", user, root)
        .filter(under(root.path), published__gte=period.start, published__lte=period.end)
        .exclude(status="draft")
    )
    return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))


def new_partners(root, rollup, period, user, today):
    months = summed_months(root, period, user)
    if months:
        return _new_partners_summed(rollup, months)
    from doingoai.partners.selectors import new_partner_counts

    counts = new_partner_counts(root, user, period.start, period.end, rollup.child_of)
    return {child: Decimal(n) for child, n in counts.items()}


def _new_partners_summed(rollup, months) -> dict[int, Decimal]:
    """New partners of each unit below from the partners' reach (``reports.summaries``:
    a row per unit and partner, kept for every unit above the records' owners, with the
    first month ever): engaged first in the period's months. The same figure as
    counting the records (``partners.selectors.new_partner_counts``) when the figures
    are summed (``figures.summed_months``); at national size one index range a unit
    instead of every engagement of the country grouped in Python (25 s -> …)."""
    from doingoai.reports.models import PartnerReach

    rows = (
        PartnerReach.objects.filter(
            unit_id__in=[c.pk for c in rollup.children],
            first_month__gte=months[0],
            first_month__lte=months[1],
        )
        .order_by()
        .values("unit_id")
        .annotate(n=Count("id"))
    )
    return {r["unit_id"]: Decimal(r["n"]) for r in rows}


MEASURES = {
    Measure.INTL_EVENTS: intl_events,
    Measure.DELEGATIONS_OUT: _delegations("delegation_out"),
    Measure.DELEGATIONS_IN: _delegations("delegation_in"),
    Measure.REVIEWS_MID_TERM: _reviews("mid_term"),
    Measure.REVIEWS_FINAL: _reviews("final"),
    Measure.AGREEMENTS: agreements,
    Measure.RESOURCES_VND: _resources("amount_vnd"),
    Measure.RESOURCES_USD: _resources("amount_usd"),
    Measure.RESOURCES_ITEMS: _resources(None),
    Measure.NEW_PARTNERS: new_partners,
    Measure.NEWS: news,
}


def measure_below(
    *, root, measure: str, period: Period, user, today: dt.date, rollup: Rollup | None = None
) -> dict[int, Decimal | None]:
    """``measure`` for every unit directly below ``root`` (0 when it did nothing; None
    when nothing was due for a share)."""
    rollup = rollup or Rollup(root)
    got = MEASURES[measure](root, rollup, period, user, today)
    zero = None if measure in (Measure.REVIEWS_MID_TERM, Measure.REVIEWS_FINAL) else ZERO
    return {child.pk: got.get(child.pk, zero) for child in rollup.children}


def records_url(measure: str, unit, period: Period) -> str:
    """The list of the records that make a cell's figure."""
    s, e = _d(period.start), _d(period.end)
    acts = {"unit": unit.pk, ACTIVITY_FROM: s, ACTIVITY_TO: e, "took_place": "true"}
    res = {"unit": unit.pk, "direction": "received", RESOURCE_FROM: s, RESOURCE_TO: e}
    urls = {
        Measure.INTL_EVENTS: lambda: list_url("activities", with_partners="true", **acts),
        Measure.DELEGATIONS_OUT: lambda: list_url("activities", kind="delegation_out", **acts),
        Measure.DELEGATIONS_IN: lambda: list_url("activities", kind="delegation_in", **acts),
        Measure.REVIEWS_MID_TERM: lambda: list_url("agreements", unit=unit.pk),
        Measure.REVIEWS_FINAL: lambda: list_url("agreements", unit=unit.pk),
        Measure.AGREEMENTS: lambda: list_url(
            "agreements", unit=unit.pk, signed_from=s, signed_to=e
        ),
        Measure.RESOURCES_VND: lambda: list_url("resources", **res),
        Measure.RESOURCES_USD: lambda: list_url("resources", **res),
        Measure.RESOURCES_ITEMS: lambda: list_url("resources", **res),
        Measure.NEW_PARTNERS: lambda: list_url(
            "partners", worked_unit=unit.pk, worked_from=s, worked_to=e, new="true"
        ),
        Measure.NEWS: lambda: list_url("news", unit=unit.pk, published_after=s, published_before=e),
    }
    return urls[measure]()
