"""Keeping the summary tables (``reports/models.py``) current.

Every save, delete and many-to-many change of an activity, resource, agreement,
partner or activity place notes which cells it touched (``tracking.py``): (owner unit,
month) for the monthly tables, (owner unit, month, taking-part unit) for the
took-part table, (owner unit, partner) for the partners' reach. The cells are then
counted again, in the same transaction, for the owner unit and every unit above it,
deepest first: a unit's cell is its own records of the month plus the cells of the
units directly below it, so no query reads more than one unit's month; a partner's
reach is counted from that partner's records. Recounting rather than adding and
subtracting keeps the tables right whatever the change was.

Outside :func:`batch` the cells are recounted at once; inside it (imports, long
services) once, when the outermost batch ends. ``doingoai rebuild_summaries`` (and
``doingoai generate``) count everything again. When a unit moves in the tree (a merge)
every row of the units above changes: the tables are marked invalid, the figures are
counted from the records until the rebuild (a background task) is done.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Func, IntegerField, Q, Sum

from doingoai.resources.selectors import resource_country

from .figures import DELEGATION_KINDS, MONEY, has_partner, regime, took_place

#: the partners' reach keeps a bit per month from January 2000 to December 2034
BASE_MONTH = 2000 * 12
BITS = 60
COLUMNS = 7
LAST_MONTH = BASE_MONTH + BITS * COLUMNS - 1
MASKS = [f"m{i}" for i in range(COLUMNS)]


def month_of(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def month_start(month: int) -> dt.date:
    return dt.date(month // 12, month % 12 + 1, 1)


def month_end(month: int) -> dt.date:
    return month_start(month + 1) - dt.timedelta(days=1)


def whole_months(start: dt.date, end: dt.date) -> tuple[int, int] | None:
    """(first, last) month when [start, end] is made of whole months, else None."""
    if start.day != 1 or (end + dt.timedelta(days=1)).day != 1 or end < start:
        return None
    return month_of(start), month_of(end)


def month_masks(first: int, last: int) -> list[int]:
    """The bits of months first..last in each mask column (0 where none)."""
    out = []
    for col in range(COLUMNS):
        lo = BASE_MONTH + col * BITS
        a, b = max(first, lo), min(last, lo + BITS - 1)
        out.append(((1 << (b - a + 1)) - 1) << (a - lo) if a <= b else 0)
    return out


# ---------------------------------------------------------------- what changed


@dataclass
class Dirty:
    activities: set = field(default_factory=set)  # (owner unit id, month)
    took_part: set = field(default_factory=set)  # (owner unit id, month, taking-part unit)
    resources: set = field(default_factory=set)
    resource_partners: set = field(default_factory=set)  # (owner unit id, month, partner id)
    agreements: set = field(default_factory=set)
    reach: set = field(default_factory=set)  # (owner unit id, partner id)
    # (owner unit id, month) of the delegations among the activities: what the report
    # reads of them (their counts, countries, purposes and table)
    delegations: set = field(default_factory=set)

    def __bool__(self):
        return bool(
            self.activities
            or self.delegations
            or self.took_part
            or self.resources
            or self.resource_partners
            or self.agreements
            or self.reach
        )

    def owners(self) -> set:
        """The owner units of the touched cells (every cell is one of these units' or
        of a unit above them)."""
        found = {c[0] for c in self.activities | self.took_part | self.resources}
        found |= {c[0] for c in self.resource_partners | self.agreements | self.reach}
        return found

    def update(self, other: Dirty):
        self.activities |= other.activities
        self.delegations |= other.delegations
        self.took_part |= other.took_part
        self.resources |= other.resources
        self.resource_partners |= other.resource_partners
        self.agreements |= other.agreements
        self.reach |= other.reach


_state = threading.local()


def _batches() -> list:
    if not hasattr(_state, "stack"):
        _state.stack = []
    return _state.stack


@contextmanager
def batch(*, savepoint: bool = True):
    """Recount the touched cells once, when the outermost batch ends (in its
    transaction), instead of after every change. ``savepoint=False``: within a block
    that is undone as a whole when the batch fails."""
    stack = _batches()
    stack.append(Dirty())
    try:
        with transaction.atomic(savepoint=savepoint):
            yield
            if len(stack) == 1:
                pending = stack[-1]
                while pending:
                    stack[-1] = Dirty()
                    refresh(pending)
                    pending = stack[-1]
    finally:
        done = stack.pop()
        if stack:
            stack[-1].update(done)


def note(dirty: Dirty):
    """Record touched cells: recounted now, or when the current batch ends."""
    if not dirty or not is_valid():
        return
    stack = _batches()
    if stack:
        stack[-1].update(dirty)
    else:
        refresh(dirty)


def is_valid() -> bool:
    """Are the summary tables complete (and so kept current)? Read once a request
    (``core.memo``: forgotten when the versions move, as invalidating and rebuilding
    the tables move them)."""
    from doingoai.core.memo import remember

    from .models import SummaryState

    return remember("summaries-valid", SummaryState.objects.filter(pk=1, valid=True).exists)


# ---------------------------------------------------------------- counting


class Tree:
    """Every unit's path, to find the units above one (``ancestors``) and the unit
    directly below an ancestor on the way to another (``child_below``)."""

    def __init__(self):
        from doingoai.organization.models import Unit

        self.paths = dict(Unit.objects.values_list("id", "path"))
        self._anc: dict[int, tuple[int, ...]] = {}

    def ancestors(self, unit_id) -> tuple[int, ...]:
        """The unit and every unit above it (by path)."""
        found = self._anc.get(unit_id)
        if found is None:
            path = self.paths.get(unit_id, "")
            found = tuple(int(p) for p in path.strip("/").split("/") if p.isdigit())
            self._anc[unit_id] = found
        return found

    def top(self, unit_id) -> int | None:
        """The subtree a unit's records count in for the versions: the unit directly
        below the root on its path (a province), or the root itself."""
        chain = self.ancestors(unit_id)
        return chain[1] if len(chain) > 1 else (chain[0] if chain else None)

    def children(self, unit_id) -> list[int]:
        """The units directly below ``unit_id`` by path (units merged into it included)."""
        if not hasattr(self, "_children"):
            self._children = defaultdict(list)
            for uid in self.paths:
                chain = self.ancestors(uid)
                if len(chain) > 1:
                    self._children[chain[-2]].append(uid)
        return self._children.get(unit_id, [])

    def subtree(self, unit_id) -> list[int]:
        prefix = self.paths.get(unit_id)
        return [u for u, p in self.paths.items() if prefix and p.startswith(prefix)]

    def child_below(self, ancestor_id, unit_id) -> int | None:
        """The unit directly below ``ancestor_id`` on the path of ``unit_id``."""
        chain = self.ancestors(unit_id)
        try:
            i = chain.index(ancestor_id)
        except ValueError:
            return None
        return chain[i + 1] if i + 1 < len(chain) else None


class MonthIndex(Func):
    """``year * 12 + month - 1`` of a date, in the database's own functions (Django's
    Extract* call Python for every row on SQLite)."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=(
                "(CAST(substr(%(expressions)s, 1, 4) AS INTEGER) * 12"
                " + CAST(substr(%(expressions)s, 6, 2) AS INTEGER) - 1)"
            ),
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=(
                "CAST(EXTRACT(YEAR FROM %(expressions)s) * 12"
                " + EXTRACT(MONTH FROM %(expressions)s) - 1 AS integer)"
            ),
            **extra,
        )

    def as_sql(self, compiler, connection, **extra):
        extra.setdefault(
            "template",
            "(EXTRACT(YEAR FROM %(expressions)s) * 12 + EXTRACT(MONTH FROM %(expressions)s) - 1)",
        )
        return super().as_sql(compiler, connection, **extra)


def insert_rows(
    model, fields: tuple[str, ...], rows, batch: int = 5000, table: str | None = None
) -> int:
    """INSERT plain tuples (``fields`` are attribute names) into the model's table (or
    ``table``, with the same columns): a rebuild writes millions of rows, which model
    instances and ``bulk_create`` would make minutes."""
    meta = model._meta
    qn = connection.ops.quote_name
    columns = ", ".join(qn(meta.get_field(f.removesuffix("_id")).column) for f in fields)
    sql = (
        f"INSERT INTO {qn(table or meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    done, chunk = 0, []
    with connection.cursor() as cur:
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                cur.executemany(sql, chunk)
                done += len(chunk)
                chunk = []
        if chunk:
            cur.executemany(sql, chunk)
            done += len(chunk)
    return done


@contextmanager
def ordered_load(model, fields: tuple[str, ...], order: str):
    """Rows written inside are stored ordered by ``order``: loaded into a temporary
    table, then copied sorted, so a unit's rows sit together on disk (a province's
    20,000 reach rows in a few hundred pages, not 20,000)."""
    qn = connection.ops.quote_name
    meta = model._meta
    temp = f"{meta.db_table}_load"
    columns = ", ".join(qn(meta.get_field(f.removesuffix("_id")).column) for f in fields)
    with connection.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {qn(temp)}")
        cur.execute(
            f"CREATE TEMPORARY TABLE {qn(temp)} AS SELECT {columns} "
            f"FROM {qn(meta.db_table)} WHERE 1 = 0"
        )
    yield temp
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {qn(meta.db_table)} ({columns}) SELECT {columns} "
            f"FROM {qn(temp)} ORDER BY {order}"
        )
        cur.execute(f"DROP TABLE {qn(temp)}")


def delete_rows(model, where: str = "", params=()) -> None:
    """DELETE in one statement: summary rows have no signals or dependents to collect."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cur:
        cur.execute(f"DELETE FROM {table}" + (f" WHERE {where}" if where else ""), list(params))


def unmoved(tree: Tree, cell: tuple, owned, changed: set) -> bool:
    """Whether the summary ``cell`` (unit, *rest) needs no recount: none of its own
    records changed (it is not in ``owned``) and no cell below it (the same ``rest``)
    is in ``changed``."""
    a, *rest = cell
    return cell not in owned and not any((c, *rest) in changed for c in tree.children(a))


def rewrite(
    model,
    filters: dict,
    keys: tuple[str, ...],
    measures: tuple[str, ...],
    rows,
    presence: set | None = None,
) -> set:
    """Make the rows of ``model`` that match ``filters`` exactly ``rows`` (tuples of the
    ``keys`` then the ``measures`` fields), writing only the difference: rows no longer
    wanted deleted, changed ones updated in place, new ones inserted; the keys of the
    rows that changed (none: empty; ``presence``, a set, is given those of the rows
    inserted or deleted). A save that moves no figure (most edits) writes no
    summary row; a rewritten row is an UPDATE of its measures, not a DELETE and an INSERT
    under the same unique key — on PostgreSQL every such pair left a dead index entry
    that the next insert of that key had to visit (an aid record saved 20 times: 100 →
    200 ms a save)."""
    qn = connection.ops.quote_name
    meta = model._meta
    table = qn(meta.db_table)
    nk = len(keys)
    found = {}
    for pk, *values in model._base_manager.filter(**filters).values_list("pk", *keys, *measures):
        found[tuple(values[:nk])] = (pk, tuple(values[nk:]))
    wanted = {tuple(r[:nk]): tuple(r[nk:]) for r in rows}
    moved = {k for k in found.keys() | wanted.keys() if found.get(k, (0, None))[1] != wanted.get(k)}
    gone = [found[k][0] for k in moved if k not in wanted]
    changed = [(*wanted[k], found[k][0]) for k in moved if k in found and k in wanted]
    new = [(*k, *v) for k, v in wanted.items() if k not in found]  # in the rows' order
    if presence is not None:
        presence |= {k for k in moved if (k in found) != (k in wanted)}
    with connection.cursor() as cur:
        if gone:
            cur.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(gone))})", gone)
        if changed:
            columns = ", ".join(
                f"{qn(meta.get_field(m.removesuffix('_id')).column)} = %s" for m in measures
            )
            cur.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", changed)
    if new:
        insert_rows(model, (*keys, *measures), new)
    return moved


def _activity():
    from doingoai.activities.models import Activity

    return Activity


def activity_groups(qs):
    """Activities that took place grouped by owner unit, month and kind."""
    return (
        qs.order_by()
        .filter(took_place())
        .annotate(month=MonthIndex("start_date"))
        .values("unit_id", "month", "kind")
        .annotate(
            activities=Count("id"),
            with_partners=Count("id", filter=Q(has_partner())),
            participants=Sum("participants_total"),
            women=Sum("participants_women"),
        )
    )


def activity_record_groups(qs):
    """Every activity (planned, refused, cancelled too) by owner unit and month."""
    return (
        qs.order_by()
        .annotate(month=MonthIndex("start_date"))
        .values("unit_id", "month")
        .annotate(records=Count("id"))
    )


def resource_groups(qs):
    return (
        qs.order_by()
        .annotate(month=MonthIndex("date"), country=resource_country())
        .values("unit_id", "month", "direction", "kind", "country")
        .annotate(**MONEY)
    )


def resource_total_groups(qs):
    return (
        qs.order_by()
        .annotate(month=MonthIndex("date"), regime=regime())
        .values("unit_id", "month", "direction", "regime")
        .annotate(**MONEY)
    )


def resource_partner_groups(qs):
    return (
        qs.order_by()
        .annotate(month=MonthIndex("date"), country=resource_country(), regime=regime())
        .values("unit_id", "month", "direction", "partner_id", "regime", "stage", "kind", "country")
        .annotate(**MONEY)
    )


def delegation_groups(qs):
    """Delegations that took place by owner unit, month, kind and main purpose."""
    return (
        qs.order_by()
        .filter(took_place(), kind__in=DELEGATION_KINDS)
        .annotate(month=MonthIndex("start_date"))
        .values("unit_id", "month", "kind", "main_purpose")
        .annotate(delegations=Count("id"))
    )


def delegation_country_groups(qs):
    """The same by country, each delegation counted once per country: those sent
    abroad by the countries of their places but Viet Nam, those received by the
    countries of their partners but Viet Nam (as ``records.delegations`` counts)."""
    from doingoai.activities.models import Activity, ActivityPlace

    held = qs.order_by().filter(took_place())
    sides = (
        (
            "delegation_out",
            ActivityPlace._base_manager.exclude(country="VN"),
            F("country"),
        ),
        (
            "delegation_in",
            Activity.partners.through.objects.exclude(partner__country="VN"),
            F("partner__country"),
        ),
    )
    for kind, links, country in sides:
        rows = (
            links.filter(activity__in=held.filter(kind=kind).values("pk"))
            .order_by()
            .annotate(
                owner=F("activity__unit_id"),
                month=MonthIndex("activity__start_date"),
                to=country,
            )
            .values("owner", "month", "to")
            .annotate(delegations=Count("activity_id", distinct=True))
        )
        for r in rows:
            yield {
                "unit_id": r["owner"],
                "month": r["month"],
                "kind": kind,
                "country": r["to"],
                "delegations": r["delegations"],
            }


def agreement_groups(qs):
    return (
        qs.order_by()
        .filter(signed_date__isnull=False)
        .annotate(month=MonthIndex("signed_date"))
        .values("unit_id", "month")
        .annotate(signed=Count("id"), renewed=Count("id", filter=Q(renews__isnull=False)))
    )


@dataclass
class Table:
    """How one monthly summary is counted from its records."""

    model: str  # app_label.Model of the summary
    dims: tuple[str, ...]
    measures: tuple[str, ...]
    groups: object  # function(queryset) -> grouped rows
    source: str  # app_label.Model of the records
    date_field: str
    nullable: tuple[str, ...] = ()  # dims kept as NULL (a foreign key), not ""

    def summary(self):
        from django.apps import apps

        return apps.get_model(self.model)

    def records(self):
        from django.apps import apps

        return apps.get_model(self.source)._base_manager.all()

    def roll_up(self, rows, tree: Tree, keep=None) -> dict:
        """{(unit, month, *dims): {measure: value}} for every unit above each row's
        owner (only those in ``keep`` when given)."""
        out: dict = {}
        for r in rows:
            month = r["month"]
            dims = tuple(r[d] if d in self.nullable else (r[d] or "") for d in self.dims)
            for a in tree.ancestors(r["unit_id"]):
                if keep is not None and (a, month) not in keep:
                    continue
                cell = out.get((a, month, *dims))
                if cell is None:
                    cell = out[(a, month, *dims)] = dict.fromkeys(self.measures, 0)
                for m in self.measures:
                    cell[m] += r[m] or 0
        return out

    def rows(self, cells: dict):
        """The rows to store of ``cells``: (unit, month, *dims, *measures), none empty."""
        return (
            (*key, *(values[m] for m in self.measures))
            for key, values in cells.items()
            if any(values.values())
        )

    def write(self, cells: dict):
        insert_rows(
            self.summary(), ("unit_id", "month", *self.dims, *self.measures), self.rows(cells)
        )

    def rewrite(self, filters: dict, cells: dict) -> set:
        return rewrite(
            self.summary(),
            filters,
            ("unit_id", "month", *self.dims),
            self.measures,
            list(self.rows(cells)),
        )

    def refresh(self, keys: set, tree: Tree, moved: set | None = None):
        """Recount the cells of the owner units and months in ``keys`` and of every unit
        above them, deepest first: a unit's cell is its own records of the month plus
        the cells of the units directly below it (already current). No cell is patched
        by a difference, and no query reads more than one unit's own records. A unit
        above whose cells below did not change (an edit that moved no figure) is not
        counted again. The units whose rows changed; ``moved`` (a set) is given the
        keys of the rows that changed, (unit, month, *dims)."""
        wanted = {(a, m) for unit_id, m in keys for a in tree.ancestors(unit_id)}
        model = self.summary()
        changed = set()
        for a, month in sorted(wanted, key=lambda c: (-len(tree.ancestors(c[0])), c)):
            if unmoved(tree, (a, month), keys, changed):
                continue
            own = self.records().filter(
                **{
                    "unit_id": a,
                    f"{self.date_field}__gte": month_start(month),
                    f"{self.date_field}__lte": month_end(month),
                }
            )
            cells = self.roll_up(self.groups(own), tree, keep={(a, month)})
            below = tree.children(a)
            if below:
                rows = (
                    model.objects.filter(month=month, unit_id__in=below)
                    .values(*self.dims)
                    .annotate(**{m: Sum(m) for m in self.measures})
                )
                for r in rows:
                    cell = cells.setdefault(
                        (a, month, *(r[d] for d in self.dims)), dict.fromkeys(self.measures, 0)
                    )
                    for m in self.measures:
                        cell[m] += r[m] or 0
            rows = self.rewrite({"month": month, "unit_id": a}, cells)
            if rows:
                changed.add((a, month))
                if moved is not None:
                    moved |= rows
        return {a for a, _m in changed}

    def refresh_part(self, keys: set, tree: Tree, dim: str):
        """Like :meth:`refresh`, but only the rows of one value of ``dim`` in each cell:
        ``keys`` are (owner unit, month, value) (a resource saved touches its partner's
        rows, not the thousand others of the centre's month)."""
        wanted = {(a, m, v) for unit_id, m, v in keys for a in tree.ancestors(unit_id)}
        model = self.summary()
        changed = set()
        for a, month, value in sorted(
            wanted, key=lambda c: (-len(tree.ancestors(c[0])), c[0], c[1], c[2] is None, c[2])
        ):
            if unmoved(tree, (a, month, value), keys, changed):
                continue
            own = self.records().filter(
                **{
                    "unit_id": a,
                    dim: value,
                    f"{self.date_field}__gte": month_start(month),
                    f"{self.date_field}__lte": month_end(month),
                }
            )
            cells = self.roll_up(self.groups(own), tree, keep={(a, month)})
            below = tree.children(a)
            if below:
                rows = (
                    model.objects.filter(month=month, unit_id__in=below, **{dim: value})
                    .values(*self.dims)
                    .annotate(**{m: Sum(m) for m in self.measures})
                )
                for r in rows:
                    cell = cells.setdefault(
                        (a, month, *(r[d] for d in self.dims)), dict.fromkeys(self.measures, 0)
                    )
                    for m in self.measures:
                        cell[m] += r[m] or 0
            if self.rewrite({"month": month, "unit_id": a, dim: value}, cells):
                changed.add((a, month, value))
        return {a for a, _m, _v in changed}

    def rebuild(self, tree: Tree):
        # stored by unit and month: a unit's rows sit together on disk
        self.write(dict(sorted(self.roll_up(self.groups(self.records()), tree).items())))


TABLES = {
    "activities": Table(
        "reports.ActivityMonth",
        ("kind",),
        ("activities", "with_partners", "participants", "women"),
        activity_groups,
        "activities.Activity",
        "start_date",
    ),
    "activity_records": Table(
        "reports.ActivityRecordMonth",
        (),
        ("records",),
        activity_record_groups,
        "activities.Activity",
        "start_date",
    ),
    "resources": Table(
        "reports.ResourceMonth",
        ("direction", "kind", "country"),
        ("items", "vnd", "usd", "no_rate"),
        resource_groups,
        "resources.Resource",
        "date",
    ),
    "resource_totals": Table(
        "reports.ResourceTotalMonth",
        ("direction", "regime"),
        ("items", "vnd", "usd", "no_rate"),
        resource_total_groups,
        "resources.Resource",
        "date",
    ),
    "resource_partners": Table(
        "reports.ResourcePartnerMonth",
        ("direction", "partner_id", "regime", "stage", "kind", "country"),
        ("items", "vnd", "usd", "no_rate"),
        resource_partner_groups,
        "resources.Resource",
        "date",
        nullable=("partner_id",),
    ),
    "delegations": Table(
        "reports.DelegationMonth",
        ("kind", "main_purpose"),
        ("delegations",),
        delegation_groups,
        "activities.Activity",
        "start_date",
    ),
    "delegation_countries": Table(
        "reports.DelegationCountryMonth",
        ("kind", "country"),
        ("delegations",),
        delegation_country_groups,
        "activities.Activity",
        "start_date",
    ),
    "agreements": Table(
        "reports.AgreementMonth",
        (),
        ("signed", "renewed"),
        agreement_groups,
        "agreements.Agreement",
        "signed_date",
    ),
}


#: the kinds whose records each unit's subtree owns are kept counted, and where: {model
#: label: (table, measure)}, the measure summed over a unit's rows being how many records
#: its subtree owns. A scoped reader's unfiltered list is not counted when her subtree
#: alone owns more than the list would count (``core.scope.UnitOwned.count_visible``):
#: only for kinds whose list is every record in the reader's scope, as the tables count
#: every record (the resource totals count each resource once, in its month, direction
#: and regime).
COUNTED = {
    "activities.Activity": ("activity_records", "records"),
    "resources.Resource": ("resource_totals", "items"),
}


def subtree_count(model, unit_id, using: str = "default") -> int | None:
    """How many records of ``model`` the subtree of ``unit_id`` owns, summed from its own
    rows of the table ``COUNTED`` names (a few hundred months); None when none is kept
    or the tables are being rebuilt."""
    found = COUNTED.get(model._meta.label)
    if found is None or not is_valid():
        return None
    table, measure = found
    rows = TABLES[table].summary().objects.using(using).filter(unit_id=unit_id)
    return rows.aggregate(n=Sum(measure))["n"] or 0


# ---------------------------------------------------------------- partners' money per term


def term_spans() -> dict[int, tuple[int, int]]:
    """{term id: (first, last month)} of the congress terms made of whole months: those
    whose partners' money is kept per term (``ResourcePartnerTerm``)."""
    from doingoai.organization.models import Term

    spans = {}
    for pk, start, end in Term._base_manager.values_list("pk", "start_date", "end_date"):
        months = whole_months(start, end) if start and end else None
        if months:
            spans[pk] = months
    return spans


TERM_FIELDS = ("unit_id", "term_id", "direction", "partner_id", "items", "vnd", "usd", "no_rate")
#: the part of a subtree's versions that moves when a partner's row of a term comes or
#: goes under it (``refresh``): the number of partners a term's ranking counts
PARTNERS_COUNTED = "pterms"
MONEY_FIELDS = ("items", "vnd", "usd", "no_rate")


def refresh_partner_terms(keys: set, tree: Tree, presence: set | None = None):
    """Recount the term rows of the (owner unit, month, partner) ``keys``: for each term
    the month lies in, the partner's row of the owner and of every unit above it,
    deepest first — its own resources of the term plus the rows of the units directly
    below (already current), as :meth:`Table.refresh` counts a month. The units whose
    rows changed; ``presence`` (a set) is given the units where a partner's row of a
    term came or went (how many partners a unit's term counts changed)."""
    from doingoai.resources.models import Resource

    from .models import ResourcePartnerTerm

    spans = term_spans()
    wanted, owned = set(), set()
    for unit_id, month, partner_id in keys:
        for term_id, (first, last) in spans.items():
            if first <= month <= last:
                wanted |= {(a, term_id, partner_id) for a in tree.ancestors(unit_id)}
                owned.add((unit_id, term_id, partner_id))
    order = sorted(
        wanted, key=lambda c: (-len(tree.ancestors(c[0])), c[0], c[1], c[2] is None, c[2])
    )
    changed = set()
    for a, term_id, partner_id in order:
        if unmoved(tree, (a, term_id, partner_id), owned, changed):
            continue
        first, last = spans[term_id]
        partner = {"partner_id": partner_id} if partner_id else {"partner_id__isnull": True}
        cells: dict = defaultdict(lambda: dict.fromkeys(MONEY_FIELDS, 0))
        own = Resource._base_manager.filter(
            unit_id=a, date__gte=month_start(first), date__lte=month_end(last), **partner
        )
        rows = list(own.order_by().values("direction").annotate(**MONEY))
        below = tree.children(a)
        if below:
            rows += (
                ResourcePartnerTerm.objects.filter(unit_id__in=below, term_id=term_id, **partner)
                .values("direction")
                .annotate(**{m: Sum(m) for m in MONEY_FIELDS})
            )
        for r in rows:
            cell = cells[r["direction"]]
            for m in MONEY_FIELDS:
                cell[m] += r[m] or 0
        came_or_went: set = set()
        if rewrite(
            ResourcePartnerTerm,
            {"unit_id": a, "term_id": term_id, "partner_id": partner_id or None},
            TERM_FIELDS[:4],
            MONEY_FIELDS,
            [
                (a, term_id, direction, partner_id or None, *(cell[m] for m in MONEY_FIELDS))
                for direction, cell in sorted(cells.items())
                if any(cell.values())
            ],
            presence=came_or_went,
        ):
            changed.add((a, term_id, partner_id))
        if came_or_went and presence is not None:
            presence.add(a)
    return {a for a, _t, _p in changed}


def rebuild_partner_terms(terms=None):
    """Every term's rows (or those of the ``terms`` ids: a term made or given other
    dates), summed from the per-partner months (already current)."""
    from .models import ResourcePartnerMonth, ResourcePartnerTerm

    qn = connection.ops.quote_name
    source = qn(ResourcePartnerMonth._meta.db_table)
    columns = ", ".join(qn(f) for f in TERM_FIELDS)
    money = ", ".join(f"SUM({qn(m)})" for m in MONEY_FIELDS)
    spans = term_spans()
    with connection.cursor() as cur:
        for term_id in terms or ():
            delete_rows(ResourcePartnerTerm, "term_id = %s", [term_id])
        for term_id, (first, last) in sorted(spans.items()):
            if terms is not None and term_id not in terms:
                continue
            cur.execute(
                f"INSERT INTO {qn(ResourcePartnerTerm._meta.db_table)} ({columns}) "
                f"SELECT unit_id, %s, direction, partner_id, {money} FROM {source} "
                "WHERE month >= %s AND month <= %s GROUP BY unit_id, direction, partner_id "
                "ORDER BY unit_id, direction, partner_id",
                [term_id, first, last],
            )


# ---------------------------------------------------------------- money per term

RESOURCE_DIMS = ("direction", "kind", "country")


def refresh_resource_terms(moved: set) -> set:
    """Recount the term rows (``ResourceTerm``) of the month rows in ``moved`` ((unit,
    month, direction, kind, country) of the ``ResourceMonth`` rows that changed, already
    current): for each term the month lies in, the row of that unit and cell summed
    again from the term's months of the same cell (an index range). The units whose
    rows changed."""
    from .models import ResourceMonth, ResourceTerm

    if not moved:
        return set()
    spans = term_spans()
    wanted: dict = defaultdict(set)  # (unit, term) -> {(direction, kind, country)}
    for a, month, *dims in moved:
        for term_id, (first, last) in spans.items():
            if first <= month <= last:
                wanted[(a, term_id)].add(tuple(dims))
    changed = set()
    for (a, term_id), cells in sorted(wanted.items()):
        first, last = spans[term_id]
        which = Q()
        for direction, kind, country in cells:
            which |= Q(direction=direction, kind=kind, country=country)
        sums = {
            tuple(r[d] for d in RESOURCE_DIMS): r
            for r in ResourceMonth.objects.filter(
                which, unit_id=a, month__gte=first, month__lte=last
            )
            .values(*RESOURCE_DIMS)
            .annotate(**{m: Sum(m) for m in MONEY_FIELDS})
        }
        for cell in sorted(cells):
            r = sums.get(cell)
            rows = []
            if r is not None and any(r[m] for m in MONEY_FIELDS):
                rows = [(a, term_id, *cell, *(r[m] or 0 for m in MONEY_FIELDS))]
            if rewrite(
                ResourceTerm,
                {"unit_id": a, "term_id": term_id, **dict(zip(RESOURCE_DIMS, cell, strict=True))},
                ("unit_id", "term_id", *RESOURCE_DIMS),
                MONEY_FIELDS,
                rows,
            ):
                changed.add(a)
    return changed


def rebuild_resource_terms(terms=None):
    """Every term's rows (or those of the ``terms`` ids: a term made or given other
    dates), summed from the months (``ResourceMonth``, already current)."""
    from .models import ResourceMonth, ResourceTerm

    qn = connection.ops.quote_name
    source = qn(ResourceMonth._meta.db_table)
    dims = ", ".join(qn(d) for d in RESOURCE_DIMS)
    columns = ", ".join(qn(f) for f in ("unit_id", "term_id", *RESOURCE_DIMS, *MONEY_FIELDS))
    money = ", ".join(f"SUM({qn(m)})" for m in MONEY_FIELDS)
    with connection.cursor() as cur:
        for term_id in terms or ():
            delete_rows(ResourceTerm, "term_id = %s", [term_id])
        for term_id, (first, last) in sorted(term_spans().items()):
            if terms is not None and term_id not in terms:
                continue
            cur.execute(
                f"INSERT INTO {qn(ResourceTerm._meta.db_table)} ({columns}) "
                f"SELECT unit_id, %s, {dims}, {money} FROM {source} "
                f"WHERE month >= %s AND month <= %s GROUP BY unit_id, {dims} "
                f"ORDER BY unit_id, {dims}",
                [term_id, first, last],
            )


def took_part_rows(qs):
    """(activity, organizing unit, taking-part unit, year, month) of activities with
    partners in ``qs`` that took place, one row per taking-part unit."""
    return (
        qs.order_by()
        .filter(took_place())
        .filter(has_partner())
        .filter(units__isnull=False)
        .annotate(month=MonthIndex("start_date"))
        .values_list("id", "unit_id", "units", "month")
    )


def took_part_cells(rows, tree: Tree, keep=None) -> dict:
    seen: dict = defaultdict(set)
    for aid, org, part, month in rows:
        for a in tree.ancestors(org):
            if keep is not None and (a, month) not in keep:
                continue
            child = tree.child_below(a, part)
            if child is not None:
                seen[(a, month, child)].add(aid)
    return {key: len(ids) for key, ids in seen.items()}


def write_took_part(cells: dict):
    from .models import TookPartMonth

    insert_rows(
        TookPartMonth,
        ("unit_id", "month", "child_id", "activities"),
        ((a, m, c, n) for (a, m, c), n in cells.items()),
    )


def refresh_took_part(keys: set, tree: Tree):
    """Recount the cells (organizer's unit or above, month, unit directly below it on
    the way to a taking-part unit) that the activities in ``keys`` — (organizing unit,
    month, taking-part unit) — count in, each from the records it counts."""
    from .models import TookPartMonth

    cells = set()
    for org, month, part in keys:
        for a in tree.ancestors(org):
            child = tree.child_below(a, part)
            if child is not None:
                cells.add((a, month, child))
    Activity = _activity()
    through = Activity.units.through
    changed = set()
    for a, month, child in sorted(cells):
        organized = tree.subtree(a)
        n = (
            Activity._base_manager.filter(
                start_date__gte=month_start(month), start_date__lte=month_end(month)
            )
            .filter(has_partner(), took_place())
            .filter(
                pk__in=through.objects.filter(unit_id__in=tree.subtree(child)).values("activity_id")
            )
            .filter(**({} if len(organized) == len(tree.paths) else {"unit_id__in": organized}))
            .count()
        )
        if rewrite(
            TookPartMonth,
            {"unit_id": a, "month": month, "child_id": child},
            ("unit_id", "month", "child_id"),
            ("activities",),
            [(a, month, child, n)] if n else [],
        ):
            changed.add(a)
    return changed


# ---------------------------------------------------------------- partners' reach


def engagements(partner_ids):
    """{partner: [(owner unit, first month, last month or None)]}: activities (their
    start), resources (their date) and signed agreements (signed to end, open when
    no end)."""
    from doingoai.agreements.models import Agreement
    from doingoai.resources.models import Resource

    Activity = _activity()
    out = defaultdict(list)
    links = Activity.partners.through.objects.filter(partner_id__in=partner_ids)
    for p, u, d in links.values_list("partner_id", "activity__unit_id", "activity__start_date"):
        m = month_of(d)
        out[p].append((u, m, m))
    for p, u, d in Resource._base_manager.filter(partner_id__in=partner_ids).values_list(
        "partner_id", "unit_id", "date"
    ):
        m = month_of(d)
        out[p].append((u, m, m))
    links = Agreement.partners.through.objects.filter(
        partner_id__in=partner_ids, agreement__signed_date__isnull=False
    )
    for p, u, s, e in links.values_list(
        "partner_id", "agreement__unit_id", "agreement__signed_date", "agreement__end_date"
    ):
        first = month_of(s)
        last = max(first, month_of(e)) if e else None
        out[p].append((u, first, last))
    return out


REACH_FIELDS = ("unit_id", "partner_id", "country", "first_month", *MASKS)


def reach_rows(partner_id, country, found, tree: Tree, keep=None) -> list[tuple]:
    """The reach rows (``REACH_FIELDS``) of one partner for the units above its
    engagements' owners (those in ``keep`` when given)."""
    cells: dict = {}
    for unit_id, first, last in found:
        masks = month_masks(first, LAST_MONTH if last is None else last)
        for a in tree.ancestors(unit_id):
            if keep is not None and a not in keep:
                continue
            cell = cells.get(a)
            if cell is None:
                cells[a] = [first, *masks]
            else:
                cell[0] = min(cell[0], first)
                for i, mask in enumerate(masks, 1):
                    cell[i] |= mask
    return [(a, partner_id, country, *c) for a, c in cells.items()]


def refresh_reach(keys: set, tree: Tree) -> set:
    """Count the reach rows of the (owner unit, partner) ``keys`` again for the units
    above them; the units whose rows changed."""
    from doingoai.partners.models import Partner

    from .models import PartnerReach

    wanted = defaultdict(set)
    for unit_id, partner_id in keys:
        if partner_id is not None:
            wanted[partner_id] |= set(tree.ancestors(unit_id))
    if not wanted:
        return set()
    countries = dict(Partner._base_manager.filter(pk__in=list(wanted)).values_list("pk", "country"))
    found = engagements(list(wanted))
    changed = set()
    for partner_id, units in wanted.items():
        new = []
        if partner_id in countries:
            new = reach_rows(
                partner_id, countries[partner_id], found.get(partner_id, ()), tree, keep=units
            )
        moved = rewrite(
            PartnerReach,
            {"partner_id": partner_id, "unit_id__in": sorted(units)},
            REACH_FIELDS[:2],
            REACH_FIELDS[2:],
            new,
        )
        changed |= {unit_id for unit_id, _partner in moved}
    return changed


REACH_CHUNK = 5000


def rebuild_reach(tree: Tree, progress=None):
    from doingoai.partners.models import Partner

    from .models import PartnerReach

    ids = list(Partner._base_manager.order_by("pk").values_list("pk", "country"))
    chunk = REACH_CHUNK
    with ordered_load(PartnerReach, REACH_FIELDS, "unit_id, partner_id") as temp:
        for i in range(0, len(ids), chunk):
            part = ids[i : i + chunk]
            found = engagements([p for p, _c in part])
            rows = []
            for p, country in part:
                if p in found:
                    rows += reach_rows(p, country, found[p], tree)
            insert_rows(PartnerReach, REACH_FIELDS, rows, table=temp)
            if progress:
                progress.advance(1, f"partners {min(i + chunk, len(ids)):,}/{len(ids):,}")


# ---------------------------------------------------------------- refresh / rebuild


def refresh(dirty: Dirty):
    """Recount the touched cells for their units and every unit above them."""
    tree = Tree()
    moved, money = set(), set()  # units whose summary rows changed (of them: money)
    # Two saves at once recount one after the other: a save of a counted record moves
    # the global data version before it gets here (``core.apps``' signals, connected
    # before this app's), and that row stays locked until the save's transaction ends,
    # so the second save waits there and counts after the first committed; a recount
    # that read the stored rows before the other's commit would write over its figure
    # (test_two_saves_of_one_month_at_once_both_count, PostgreSQL)
    with transaction.atomic():
        if dirty.activities:
            moved |= TABLES["activities"].refresh(dirty.activities, tree)
            # every activity counted per unit and month (the lists' totals read it
            # directly, under no version)
            TABLES["activity_records"].refresh(dirty.activities, tree)
        if dirty.delegations:
            # read by the report's delegations only, kept under versions of their own
            TABLES["delegations"].refresh(dirty.delegations, tree)
            TABLES["delegation_countries"].refresh(dirty.delegations, tree)
        if dirty.took_part:
            moved |= refresh_took_part(dirty.took_part, tree)
        if dirty.resources:
            cells: set = set()  # the (unit, month, direction, kind, country) rows moved
            money |= TABLES["resources"].refresh(dirty.resources, tree, moved=cells)
            money |= refresh_resource_terms(cells)
            money |= TABLES["resource_totals"].refresh(dirty.resources, tree)
        counted = set()  # units whose terms count another number of partners
        if dirty.resource_partners:
            money |= TABLES["resource_partners"].refresh_part(
                dirty.resource_partners, tree, "partner_id"
            )
            money |= refresh_partner_terms(dirty.resource_partners, tree, presence=counted)
        if dirty.agreements:
            moved |= TABLES["agreements"].refresh(dirty.agreements, tree)
        reached = refresh_reach(dirty.reach, tree) if dirty.reach else set()
        # the subtrees whose summary rows changed: what is cached under their versions
        # (``figures.subtree_stamp``: read from the summary tables only) is read again,
        # the others' stays — and an edit that moved no figure (a title, a note, an
        # attachment) keeps every figure cached. The partners' reach has versions of
        # its own, moved only when its rows changed (an activity edited without a change
        # of partner or date keeps them); the subtree's moves with it (what is kept under
        # the subtree's version holds the parts kept under the reach's)
        from doingoai.core.models import bump_topics, subtree_topic

        reach_tops = {tree.top(unit_id) for unit_id in reached} - {None}
        # (the root's own version follows its own records only: the cells above a
        # province moved with the province's version)
        owners = dirty.owners()

        def subtrees(units) -> set:
            return {tree.top(u) for u in units if len(tree.ancestors(u)) > 1 or u in owners} - {
                None
            }

        tops = subtrees(moved | money) | reach_tops
        # and its delegations' (the report's: their counts from the summaries, their
        # table from the records themselves, their places, members and partners), moved
        # by every change of a delegation (as it was or as it is), not by another
        # activity's nor by an aid record's
        dlg = {tree.top(c[0]) for c in dirty.delegations} - {None}
        # and its resources' (the money read from the resource summaries: an activity
        # saved without a change to its aid keeps the country's money cached)
        res = subtrees(money)
        # and how many partners its terms' rows hold (a partner's first or last aid of
        # a term there: the rankings' "other partners" counted again, not at every aid)
        partners = subtrees(counted)
        bump_topics(
            [subtree_topic(u) for u in tops]
            + [subtree_topic(u, "reach") for u in reach_tops]
            + [subtree_topic(u, "dlg") for u in dlg]
            + [subtree_topic(u, "res") for u in res]
            + [subtree_topic(u, PARTNERS_COUNTED) for u in partners]
        )


def rebuild(progress=None):
    """Count every summary again from the records, then mark them valid.

    ``progress``: a ``core.progress.Progress`` advanced step by step."""
    from django.utils import timezone

    from doingoai.partners.models import Partner

    from . import models as M

    tree = Tree()
    if progress:
        partners = Partner._base_manager.count()
        progress.total = len(TABLES) + 2 + -(-partners // REACH_CHUNK)
    every = (
        M.ActivityMonth,
        M.ActivityRecordMonth,
        M.TookPartMonth,
        M.ResourceMonth,
        M.ResourceTotalMonth,
        M.ResourcePartnerMonth,
        M.ResourcePartnerTerm,
        M.ResourceTerm,
        M.AgreementMonth,
        M.DelegationMonth,
        M.DelegationCountryMonth,
        M.PartnerReach,
    )
    with transaction.atomic():
        M.SummaryState.objects.update_or_create(pk=1, defaults={"valid": False})
        for model in every:
            delete_rows(model)
        _rebuild_all(tree, progress)
        M.SummaryState.objects.filter(pk=1).update(valid=True, rebuilt_at=timezone.now())
        # the subtrees' versions did not move while the tables were invalid: move all
        from doingoai.core.models import bump_data_version

        bump_data_version()


def _rebuild_all(tree: Tree, progress):
    for name, table in TABLES.items():
        table.rebuild(tree)
        if progress:
            progress.advance(1, name)
    rebuild_partner_terms()  # from the per-partner months
    rebuild_resource_terms()  # from the months by direction, kind and country
    if progress:
        progress.advance(1, "partners per term")
    write_took_part(took_part_cells(took_part_rows(_activity()._base_manager.all()), tree))
    if progress:
        progress.advance(1, "took part")
    rebuild_reach(tree, progress=progress)


def analyze():
    """Statistics for the rebuilt tables (on PostgreSQL also the visibility map and the
    hint bits: the first reads after a rebuild otherwise write every page again and
    plan without statistics; measured at 1M, the per-unit rows of the country 120 ms
    instead of a few)."""
    from django.apps import apps

    tables = [m._meta.db_table for m in apps.get_app_config("reports").get_models()]
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            verb = "VACUUM ANALYZE" if connection.get_autocommit() else "ANALYZE"
            cur.execute(f"{verb} {', '.join(tables)}")
        elif connection.vendor == "sqlite":
            cur.execute("PRAGMA analysis_limit=1000")
            for table in tables:
                cur.execute(f"ANALYZE {table}")


def invalidate():
    """The tree changed (a unit moved): count from the records until a rebuild."""
    from .models import SummaryState

    SummaryState.objects.update_or_create(pk=1, defaults={"valid": False})
    from doingoai.core.models import bump_data_version

    bump_data_version()
