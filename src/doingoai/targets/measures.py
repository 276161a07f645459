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
from collections.abc import Callable
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, F, Q, Sum
from django.urls import NoReverseMatch, reverse

from doingoai.activities.delegation import NOT_HELD
from doingoai.core.scope import under
from doingoai.reports.figures import (
    ACTIVITY_FROM,
    ACTIVITY_TO,
    RESOURCE_FROM,
    RESOURCE_TO,
    Kept,
    Rollup,
    has_partner,
    province_of,
    reach_new_partners,
    scoped,
    summed_months,
    unit_rows,
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


# The measures of ``SUMMARY_MEASURES`` below are counted from the records here; when
# the period can be read from the summary tables ``measure_below`` reads all of them at
# once from the summary cells instead (``_summary_measures``).


def intl_events(root, rollup, period, user, today):
    qs = _activities(root, period, user).filter(has_partner())
    return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))


def _delegations(kind):
    def measure(root, rollup, period, user, today):
        qs = _activities(root, period, user).filter(kind=kind)
        return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))

    return measure


def agreements(root, rollup, period, user, today):
    qs = scoped("agreements.Agreement", user, root).filter(
        under(root.path), signed_date__gte=period.start, signed_date__lte=period.end
    )
    return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id")))


def _review_rows(root, period, user, today) -> list[dict]:
    """The reviews due in the period so far, per owning unit and kind: how many, and
    how many were held by their due date. Reading the summaries' way (the reader sees
    the whole subtree), a join with the agreements; else through the reader's scope."""
    from doingoai.agreements.models import Review

    last = min(period.end, today)
    qs = Review.objects.filter(scheduled_date__gte=period.start, scheduled_date__lte=last)
    if getattr(period, "months", None):
        qs = qs.filter(under(root.path, "agreement__unit"))
    else:
        agreements = scoped("agreements.Agreement", user, root).filter(under(root.path))
        qs = qs.filter(agreement__in=agreements.values("pk"))
    on_time = Q(held_date__isnull=False, held_date__lte=F("scheduled_date"))
    return list(
        qs.filter(kind__in=["mid_term", "final"])
        .order_by()
        .values("kind", unit_id=F("agreement__unit_id"))
        .annotate(due=Count("id"), on_time=Count("id", filter=on_time))
    )


def _review_rows_rolled(rollup, rows) -> list[dict]:
    """``_review_rows`` summed into the units directly below (kept so: rolling the rows
    up again needs no unit's path)."""
    out: dict[tuple, dict] = {}
    for r in rows:
        child = rollup.child_of(r["unit_id"])
        if child is None:
            continue
        row = out.setdefault(
            (r["kind"], child), {"kind": r["kind"], "unit_id": child, "due": 0, "on_time": 0}
        )
        row["due"] += r["due"]
        row["on_time"] += r["on_time"]
    return list(out.values())


def _reviews(kind):
    """The share (%) of the reviews due in the period (so far) that were held by their
    due date; a unit with none due has no figure (None). Both kinds in one query."""

    def measure(root, rollup, period, user, today):
        if isinstance(period, Summed):
            rows = period.memo(
                "reviews",
                lambda: period.cached(
                    "reviews",
                    ("agreements", "organization"),
                    lambda: _review_rows_rolled(rollup, _review_rows(root, period, user, today)),
                ),
            )
        else:
            rows = _review_rows(root, period, user, today)
        rows = [r for r in rows if r["kind"] == kind]
        due = _rolled(rollup, rows, "due")
        on_time = _rolled(rollup, rows, "on_time")
        return {c: (on_time[c] * 100 / n).quantize(Decimal("0.1")) for c, n in due.items() if n}

    return measure


def _resources(field):
    """The aid received, ``field`` of the records summed (None: counted)."""

    def measure(root, rollup, period, user, today):
        qs = scoped("resources.Resource", user, root).filter(
            under(root.path), direction="received", date__gte=period.start, date__lte=period.end
        )
        agg = Count("id") if field is None else Sum(field)
        return _rolled(rollup, qs.order_by().values("unit_id").annotate(n=agg))

    return measure


def news(root, rollup, period, user, today):
    """The news items published in the period (not drafts), per unit below. When the
    reader sees the whole subtree (``Summed`` with a key) kept under the news' and the
    units' versions: a save of an activity or aid does not count them again."""

    def count():
        qs = (
            scoped("news.NewsItem", user, root)
            .filter(under(root.path), published__gte=period.start, published__lte=period.end)
            .exclude(status="draft")
        )
        return dict(_rolled(rollup, qs.order_by().values("unit_id").annotate(n=Count("id"))))

    if isinstance(period, Summed) and period.months:
        return period.cached("news", ("news", "organization"), count)
    return count()


def new_partners(root, rollup, period, user, today):
    """From the partners' reach (a summary table) when it gives exactly what counting
    the records would (``summed_months``: whole months, the reader sees the subtree),
    else counted from the records in one statement."""
    from doingoai.partners.selectors import new_partner_counts

    if period.months and period.key and province_of(root) is None:
        # the root (the country): each province's count under its own subtree's
        # version, so a save in Hà Nội counts Hà Nội's new partners again only
        counts = period.per_child(
            "new-partners", rollup, lambda ids: reach_new_partners(ids, period.months)
        )
    elif period.months:
        # a province: its communes' counts under its own reach version (moved only
        # when its reach rows change: an activity saved there keeps them)
        ids = [c.pk for c in rollup.children]
        counts = period.subtree(
            "new-partners",
            root,
            lambda: reach_new_partners(ids, period.months),
            topics=("organization", "partners"),
            part="reach",
        )
    else:
        counts = new_partner_counts(root, user, period.start, period.end)
    return {child: Decimal(n) for child, n in counts.items()}


class Summed(Kept):
    """The period, with ``months`` when its figures can be read from the summary tables
    (``reports.figures.summed_months``: valid tables, whole months, a reader who sees the
    whole subtree): then each measure reads a few rows per unit below instead of the
    records. Else ``months`` is None and the records are counted. Parts of the measures
    are kept like the figures' (``reports.figures.Kept``)."""

    def __init__(self, period: Period, root, user):
        self.start, self.end, self.period = period.start, period.end, period
        self.months = summed_months(root, period, user)
        self._memo = {}
        #: the matrix's cache key (set by ``completeness._matrix`` when ``months``):
        #: parts of the measures are kept under it with the versions they follow
        self.key = ""

    def per_child(self, name: str, rollup, compute) -> dict:
        """``compute(unit ids)`` ({unit id: value}) one unit below at a time, each kept
        under its own subtree's version (``figures.subtree_stamp``)."""
        return {
            child.pk: self.subtree(
                f"{name}:{child.pk}",
                child,
                lambda child=child: compute([child.pk]).get(child.pk, 0),
                topics=("organization", "partners"),
                part="reach",
            )
            for child in rollup.children
        }

    def memo(self, name: str, compute):
        """``compute()`` once for every measure of the matrix that needs it."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]


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


#: the measures read from the summary cells of the units below, all of them at once
SUMMARY_MEASURES = tuple(
    m.value
    for m in (
        Measure.INTL_EVENTS,
        Measure.DELEGATIONS_OUT,
        Measure.DELEGATIONS_IN,
        Measure.AGREEMENTS,
        Measure.RESOURCES_VND,
        Measure.RESOURCES_USD,
        Measure.RESOURCES_ITEMS,
    )
)


def _summary_measures_below(rollup, period: Summed) -> dict[int, dict]:
    """Every measure of ``SUMMARY_MEASURES`` for every unit below, from the summary
    cells (what ``intl_events``, ``_delegations``, ``agreements`` and ``_resources``
    read one by one), in three statements. Below the root (the country) each unit's
    are kept under its own subtree's version (``Kept.children``, as the figures' rows
    per unit): after a save in Hà Nội only Hà Nội's cells are read again."""
    months = period.months
    if period.key and province_of(rollup.root) is None:
        return period.children(
            "summary-measures", rollup.children, lambda ids: _summary_measures(ids, months)
        )
    return _summary_measures([c.pk for c in rollup.children], months)


def _summary_measures(unit_ids: list[int], months) -> dict[int, dict]:
    """{unit: {measure: figure}} of ``SUMMARY_MEASURES`` from the units' own summary
    cells (each unit's cells count its whole subtree; the rows the figures' units below
    read too, ``figures.unit_rows``)."""
    out = {u: dict.fromkeys(SUMMARY_MEASURES, ZERO) for u in unit_ids}
    if not unit_ids:
        return out
    rows = unit_rows(unit_ids, months)
    kinds = {"delegation_out": "delegations_out", "delegation_in": "delegations_in"}
    for (unit_id, kind), (n, intl) in rows["activities"].items():
        row = out[unit_id]
        row["intl_events"] += Decimal(intl)
        if kind in kinds:
            row[kinds[kind]] += Decimal(n)
    for unit_id, n in rows["agreements"].items():
        out[unit_id]["agreements"] = Decimal(n or 0)
    for (unit_id, direction), r in rows["money"].items():
        if direction != "received":
            continue
        row = out[unit_id]
        row["resources_vnd"] = Decimal(r["vnd"] or 0)
        row["resources_usd"] = Decimal(r["usd"] or 0)
        row["resources_items"] = Decimal(r["items"] or 0)
    return out


def measure_below(
    *,
    root,
    measure: str,
    period: Period | Summed,
    user,
    today: dt.date,
    rollup: Rollup | None = None,
) -> dict[int, Decimal | None]:
    """``measure`` for every unit directly below ``root`` (0 when it did nothing; None
    when nothing was due for a share)."""
    rollup = rollup or Rollup.of(root)
    if not isinstance(period, Summed):
        period = Summed(period, root, user)
    if measure in SUMMARY_MEASURES and period.months:
        every = period.memo("summary-measures", lambda: _summary_measures_below(rollup, period))
        got = {child: values[measure] for child, values in every.items()}
    else:
        got = MEASURES[measure](root, rollup, period, user, today)
    zero = None if measure in (Measure.REVIEWS_MID_TERM, Measure.REVIEWS_FINAL) else ZERO
    return {child.pk: got.get(child.pk, zero) for child in rollup.children}


def _records_list(measure: str, period: Period, today: dt.date) -> tuple[str, str, dict]:
    """(the list's slug, its unit filter, its other filters) behind a cell's figure."""
    s, e = _d(period.start), _d(period.end)
    acts = {ACTIVITY_FROM: s, ACTIVITY_TO: e, "took_place": "true"}
    res = {"direction": "received", RESOURCE_FROM: s, RESOURCE_TO: e}
    due = {"scheduled_from": s, "scheduled_to": _d(min(period.end, today))}
    return {
        Measure.INTL_EVENTS: ("activities", "unit", {"with_partners": "true", **acts}),
        Measure.DELEGATIONS_OUT: ("activities", "unit", {"kind": "delegation_out", **acts}),
        Measure.DELEGATIONS_IN: ("activities", "unit", {"kind": "delegation_in", **acts}),
        Measure.REVIEWS_MID_TERM: ("reviews", "unit", {"kind": "mid_term", **due}),
        Measure.REVIEWS_FINAL: ("reviews", "unit", {"kind": "final", **due}),
        Measure.AGREEMENTS: ("agreements", "unit", {"signed_from": s, "signed_to": e}),
        Measure.RESOURCES_VND: ("resources", "unit", res),
        Measure.RESOURCES_USD: ("resources", "unit", res),
        Measure.RESOURCES_ITEMS: ("resources", "unit", res),
        Measure.NEW_PARTNERS: (
            "partners",
            "worked_unit",
            {"worked_from": s, "worked_to": e, "new": "true"},
        ),
        Measure.NEWS: (
            "news",
            "unit",
            {"published_after": s, "published_before": e, "draft": "false"},
        ),
    }[measure]


def records_urls(measure: str, period: Period, today: dt.date) -> Callable[[int], str]:
    """The link of a cell's figure as a function of the unit's id: the list of the
    records that make it, as many records as the figure (for sums, the records summed;
    for review shares, the reviews due so far, of which the list's filter "held by its
    due date" gives the share's numerator). Built once per column, not per cell."""
    slug, unit_param, params = _records_list(measure, period, today)
    try:
        path = reverse(f"{slug}_list")
    except NoReverseMatch:
        return lambda unit_id: ""
    rest = urlencode(params)
    return lambda unit_id: f"{path}?{unit_param}={unit_id}&{rest}"


def records_url(measure: str, unit, period: Period, today: dt.date) -> str:
    """The list of the records that make a cell's figure (:func:`records_urls`)."""
    return records_urls(measure, period, today)(unit.pk)
