"""The matrix of the units below a unit × its targets: measured, target, status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.reports.figures import Rollup
from doingoai.reports.periods import Period

from .measures import Summed, measure_below, records_urls
from .models import PERCENT, Measure, Target

MET, ON_TRACK, AT_RISK, NOT_MET, NOT_DUE = "met", "on_track", "at_risk", "not_met", "not_due"
STATUS_LABELS = {
    MET: _("met"),
    ON_TRACK: _("on track"),
    AT_RISK: _("at risk"),
    NOT_MET: _("not met"),
    NOT_DUE: _("nothing due"),
}
#: the statuses of a unit behind its target
LATE = (AT_RISK, NOT_MET)
#: how far behind, for sorting: the units furthest behind first
STATUS_ORDER = {NOT_MET: 0, AT_RISK: 1, ON_TRACK: 2, NOT_DUE: 3, MET: 4}


def today() -> dt.date:
    """Today in Vietnam (settings.TIME_ZONE = Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


def elapsed_share(period: Period, on: dt.date) -> Decimal:
    """The share of the period that has passed on ``on`` (0 before it, 1 after it)."""
    if on < period.start:
        return Decimal(0)
    if on >= period.end:
        return Decimal(1)
    days = (period.end - period.start).days + 1
    return Decimal((on - period.start).days + 1) / Decimal(days)


def status(measured, target: Target, period: Period, on: dt.date) -> str:
    """met / on track / at risk (less than the share of the period that has passed) /
    not met (the period is over); shares of reviews due are compared as they stand."""
    if measured is None:
        return NOT_DUE
    if measured >= target.value:
        return MET
    if on > period.end:
        return NOT_MET
    if target.measure in PERCENT:
        return AT_RISK
    return ON_TRACK if measured / target.value >= elapsed_share(period, on) else AT_RISK


def targets_for(unit, period: Period):
    """The targets ``unit`` set for its units below, for the period."""
    qs = Target.objects.filter(unit=unit).prefetch_related("units")
    if period.year:
        return qs.filter(year=period.year)
    if period.term:
        return qs.filter(term=period.term)
    return qs.none()


def default_target(unit, period: Period) -> Target:
    """The default of the central union's directions: at least one event with
    international partners per unit per term (not saved)."""
    return Target(
        unit=unit,
        term=period.term,
        year=period.year,
        measure=Measure.INTL_EVENTS,
        value=Decimal(1),
    )


@dataclass
class Cell:
    target: Target
    measured: Decimal | None
    status: str
    url: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def ratio(self) -> Decimal:
        if self.measured is None or not self.target.value:
            return Decimal(1)
        return min(Decimal(1), self.measured / self.target.value)


@dataclass
class Row:
    unit: object
    cells: list[Cell | None] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        """The unit has no figure above zero for any target."""
        return not any(c and c.measured for c in self.cells)

    @property
    def behind(self) -> int:
        return sum(1 for c in self.cells if c and c.status in LATE)

    def sort_key(self):
        cells = [c for c in self.cells if c]
        worst = min((STATUS_ORDER[c.status] for c in cells), default=9)
        progress = sum((c.ratio for c in cells), Decimal(0))
        return (not self.nothing, worst, -self.behind, progress, self.unit.name)


@dataclass
class Matrix:
    unit: object
    period: Period
    today: dt.date
    targets: list[Target]
    rows: list[Row]
    is_default: bool

    def count(self, state: str, column: int = 0) -> int:
        return sum(1 for r in self.rows if r.cells[column] and r.cells[column].status == state)

    def behind(self, column: int = 0) -> int:
        """Units below that have not met the column's target (at risk or not met)."""
        return sum(1 for r in self.rows if r.cells[column] and r.cells[column].status in LATE)


#: the apps the matrix reads beyond the summary tables: the units, the partners' names,
#: the reviews (agreements), the news items, the targets themselves
MATRIX_TOPICS = ("organization", "partners", "agreements", "news", "targets")


def matrix(*, unit, period: Period, user, on: dt.date | None = None) -> Matrix:
    """The units directly below ``unit`` × the targets ``unit`` set for ``period``
    (the default target when it set none), measured from the records ``user`` sees.

    Cached per unit, period, reader's scope, language and day under the data version,
    which every change of a record (and of a target) moves: never stale. When the
    measures are read from the summary tables (the reader sees the whole subtree),
    under the subtree's version instead (``figures.subtree_stamp``: its summary cells,
    the units, the partners) and the versions of the apps read from their records
    (reviews, news, targets): a save in another province keeps it."""
    from doingoai.core.caching import get_or_compute

    on = on or today()
    key, version = _kept_as(unit, period, user, on)
    return get_or_compute(f"{key}:{version}", lambda: _matrix(unit, period, user, on, key))


def behind(*, unit, period: Period, user, on: dt.date | None = None) -> list[dict]:
    """For each target of the matrix (its columns, in order): its measure, label and
    value, how many units below it applies to and how many of them are behind (at risk
    or not met) — what the dashboard's cards say; none without units below. Counted
    from the matrix's measures (their parts kept under the matrix's key: shared with
    the matrix) without making its rows, their links and their order, and kept under
    the matrix's versions as a few numbers: the dashboard neither builds nor stores the
    200 KB matrix of a province's hundred communes."""
    from doingoai.core.caching import get_or_compute

    on = on or today()
    key, version = _kept_as(unit, period, user, on)
    return get_or_compute(f"{key}:behind:{version}", lambda: _behind(unit, period, user, on, key))


def _kept_as(unit, period: Period, user, on: dt.date) -> tuple[str, str]:
    """(cache key, version) of the matrix (see :func:`matrix`)."""
    from django.utils import translation

    from doingoai.core.models import data_version
    from doingoai.core.scope import is_system_admin
    from doingoai.reports.figures import subtree_stamp, summed_months

    if summed_months(unit, period, user):
        version = f"s{subtree_stamp(unit, MATRIX_TOPICS)}"
    else:
        version = str(data_version())
    key = ":".join(
        str(part)
        for part in (
            "targets-matrix",
            unit.pk,
            period.start,
            period.end,
            getattr(period.term, "pk", ""),
            period.year or "",
            getattr(user, "unit_id", ""),
            int(is_system_admin(user)),
            translation.get_language(),
            on,
        )
    )
    return key, version


def _measured(unit, period: Period, user, on: dt.date, key: str = ""):
    """The matrix's targets (the default one when none was set: ``is_default``), its
    roll-up, each measure for every unit below and the units each target names."""
    targets = list(targets_for(unit, period))
    is_default = not targets
    if is_default:
        targets = [default_target(unit, period)]
    rollup = Rollup.of(unit)
    summed = Summed(period, unit, user)  # are the summary tables to be read? once
    summed.key = key if summed.months else ""  # the measures keep parts under it
    measured = {}
    for t in targets:
        if t.measure not in measured:
            measured[t.measure] = measure_below(
                root=unit, measure=t.measure, period=summed, user=user, today=on, rollup=rollup
            )
    named = [{u.pk for u in t.units.all()} if t.pk else set() for t in targets]
    return targets, is_default, rollup, measured, named


def _behind(unit, period: Period, user, on: dt.date, key: str = "") -> list[dict]:
    targets, _default, rollup, measured, named = _measured(unit, period, user, on, key)
    if not rollup.children:
        return []  # as the matrix has no rows
    out = []
    for t, only in zip(targets, named, strict=True):
        applies = [c.pk for c in rollup.children if not only or c.pk in only]
        late = [pk for pk in applies if status(measured[t.measure][pk], t, period, on) in LATE]
        out.append(
            {
                "measure": t.measure,
                "label": str(t.get_measure_display()),
                "value": t.value_display,
                "applies": len(applies),
                "behind": len(late),
            }
        )
    return out


def _matrix(unit, period: Period, user, on: dt.date, key: str = "") -> Matrix:
    targets, is_default, rollup, measured, named = _measured(unit, period, user, on, key)
    links = [records_urls(t.measure, period, on) for t in targets]
    rows = []
    for child in rollup.children:
        row = Row(unit=child)
        for t, link, only in zip(targets, links, named, strict=True):
            if only and child.pk not in only:
                row.cells.append(None)
                continue
            value = measured[t.measure][child.pk]
            row.cells.append(
                Cell(
                    target=t,
                    measured=value,
                    status=status(value, t, period, on),
                    url=link(child.pk),
                )
            )
        rows.append(row)
    rows.sort(key=Row.sort_key)
    return Matrix(unit, period, on, targets, rows, is_default)
