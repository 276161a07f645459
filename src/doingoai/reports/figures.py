"""Every figure of a unit for a period, as one user may see it.

All counting and summing happens in the database (GROUP BY); Python only rolls
the per-unit groups (a few thousand rows at most) up into the units directly
below the chosen one. The unit subtree is a ``path`` prefix: historical units
sit under their successor, so a record made under Phú Yên in 2023 counts for
today's Đắk Lắk.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from decimal import Decimal
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import ExtractYear
from django.urls import NoReverseMatch, reverse

from doingoai.core.countries import country_name
from doingoai.core.scope import under, visible
from doingoai.core.text import vietnamese_sort_key
from doingoai.organization.models import Unit
from doingoai.partners.selectors import engaged_partners, new_partners
from doingoai.resources.selectors import resource_country

from .periods import Period

ZERO = Decimal(0)

# Querystring names of the list filters the figures link to (see each FilterSet).
ACTIVITY_FROM, ACTIVITY_TO = "start_after", "start_before"
RESOURCE_FROM, RESOURCE_TO = "date_after", "date_before"
#: the activities that are delegations (the report counts and lists them)
DELEGATION_KINDS = ("delegation_out", "delegation_in")


def model(label: str):
    """An app's model, or None while that app is not installed yet."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def scoped(label: str, user, unit: Unit | None = None):
    """Always start from the kind's scope for the user (``core.scope.visible``)."""
    m = model(label)
    return None if m is None else visible(m, user, unit)


def list_url(slug: str, **params) -> str:
    """The list of ``slug`` filtered by ``params`` (None and "" left out). Remembered
    in the process (a few hundred of these per dashboard, the same ones every time):
    the address depends only on its arguments and the URL configuration."""
    from django.conf import settings
    from django.urls import get_script_prefix, get_urlconf

    urlconf = get_urlconf() or settings.ROOT_URLCONF
    items = tuple(params.items())
    try:
        return _list_url(get_script_prefix(), urlconf, slug, items)
    except TypeError:  # a value that is no key (a list): not remembered
        return _list_url.__wrapped__(get_script_prefix(), urlconf, slug, items)


@functools.lru_cache(maxsize=8192)
def _list_url(prefix, urlconf, slug: str, params: tuple) -> str:
    url = _list_base(prefix, urlconf, slug)
    if not url:
        return ""
    clean = [(k, v) for k, v in params if v not in (None, "")]
    return f"{url}?{_query(clean)}" if clean else url


@functools.lru_cache(maxsize=256)
def _list_base(prefix, urlconf, slug: str) -> str:
    try:
        return reverse(f"{slug}_list", urlconf=urlconf)
    except NoReverseMatch:
        return ""


#: what ``quote_plus`` leaves as it is: such values are written without quoting
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")


def _query(pairs) -> str:
    """``urlencode(pairs)``, the same string, without quoting what needs none (ids, dates,
    "true": the dashboards' links). A worker's first dashboard makes a few hundred of
    these before ``list_url`` remembers them: 5 ms of its first view after a change."""
    out = []
    for k, v in pairs:
        v = str(v)
        if not (_PLAIN.fullmatch(k) and _PLAIN.fullmatch(v)):
            return urlencode(pairs)
        out.append(f"{k}={v}")
    return "&".join(out)


def _d(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class Rollup:
    """Maps any unit of a subtree to the unit directly below the root it belongs to."""

    def __init__(self, root: Unit):
        self.root = root
        children = Unit.objects.filter(parent=root, successor__isnull=True)
        self.children = sorted(children, key=lambda u: (u.level, vietnamese_sort_key(u.name)))
        self.child_ids = {u.pk for u in self.children}

    @classmethod
    def of(cls, root: Unit) -> Rollup:
        """The roll-up of ``root``, made once a request (``core.memo``: the figures and
        the targets' cards of a dashboard roll up to the same units)."""
        from doingoai.core.memo import remember

        return remember(f"rollup:{root.pk}:{root.path}", lambda: cls(root))

    @functools.cached_property
    def paths(self) -> dict[int, str]:
        """Every unit of the subtree's path, read only when a record's unit is rolled up
        (the figures read from the summary tables never are: their rows are the units
        below already). The country's is ~11,000 rows, the first view's longest read."""
        rows = Unit.objects.filter(path__startswith=self.root.path).values_list("id", "path")
        return dict(rows)

    def child_of(self, unit_id) -> int | None:
        if unit_id in self.child_ids:
            return unit_id
        path = self.paths.get(unit_id)
        if path is None or path == self.root.path:
            return None
        rest = path[len(self.root.path) :]
        first = rest.split("/", 1)[0]
        return int(first) if first.isdigit() else None


def unit_figures(*, unit: Unit, period: Period, user, today: dt.date | None = None) -> dict:
    """All the figures of ``unit`` (with the units below and the units merged into
    them) for ``period``, counting only what ``user`` may see.

    Cached per unit, period, reader's scope, language and day. When they are read from
    the summary tables (``summed_months``) they are kept under the versions of what
    they read (:meth:`Sections.stamp`: the subtree's summary cells, the agreements): a
    change elsewhere (aid recorded in Hà Nội, for Đắk Lắk's figures) serves them from
    the cache as they are, nothing read or written again; else under the data version,
    which every change of a record bumps. A cached figure is never stale. The parts
    that read only some apps' records (``SECTION_TOPICS``) or one subtree's cells are
    also cached under those versions, so a change reads again only what it moved.
    """
    from doingoai.core.caching import get_or_compute
    from doingoai.core.models import data_version

    today = today or dt.date.today()
    key = figures_key(unit, period, user, today)
    sections = Sections(key, summed_months(unit, period, user))
    version = f"s{sections.stamp(unit)}" if sections.key else data_version()
    return get_or_compute(
        f"{key}:{version}",
        lambda: _unit_figures(
            unit=unit, period=period, user=user, today=today, key=key, sections=sections
        ),
    )


def figures_key(unit, period, user, today) -> str:
    """The cache key of a unit's figures for a period as ``user`` reads them today (the
    data version is added by the caller)."""
    from django.utils import translation

    from doingoai.core.scope import is_system_admin

    return ":".join(
        str(part)
        for part in (
            "figures",
            FIGURES_FORMAT,
            unit.pk,
            period.start,
            period.end,
            getattr(period.term, "pk", ""),
            period.year or "",
            getattr(user, "unit_id", ""),
            int(is_system_admin(user)),
            translation.get_language(),
            today,
        )
    )


#: the apps whose records a part of the figures reads, when the unit lies in the
#: reader's own subtree (her scope then adds nothing): that part is cached under
#: those apps' versions and survives changes elsewhere (an activity saved does not
#: recount the agreements)
SECTION_TOPICS = {
    "agreements": ("agreements", "organization"),
    # what only the report reads (``records.report_figures``)
    "report_agreements": ("agreements", "organization"),
    "report_stages": ("resources", "partners", "organization"),
    "report_delegations": ("activities", "partners", "organization"),
    "report_news": ("news", "organization"),
}


#: the apps whose records the figures read from the summary tables depend on beyond
#: the subtree's own cells: the units (their tree and names) and the partners (names)
SUBTREE_TOPICS = ("organization", "partners")


class Kept:
    """Parts of one computation kept in the cache under ``key`` and the versions of
    what each part reads; every topic's version is read once for the computation.
    Without a ``key`` (the figures counted from the records) each part is simply
    computed. The figures' :class:`Sections` and the targets' ``Summed`` are these. The
    computation is made once across the workers by its caller (``get_or_compute``):
    its parts are read and stored without a lock of their own (``get_or_set``)."""

    key = ""
    _versions: dict | None = None

    def versions(self) -> dict:
        """Every topic's version (apps' and subtrees'), read once for the computation."""
        from doingoai.core.models import all_topic_versions

        if self._versions is None:
            self._versions = all_topic_versions()
        return self._versions

    def cached(self, name: str, topics, compute):
        """``compute()`` kept under the versions of ``topics`` (apps read from their
        records): an activity saved does not recount the agreements."""
        if not self.key:
            return compute()
        from doingoai.core.caching import get_or_set
        from doingoai.core.models import version_stamp

        stamp = version_stamp(self.versions(), topics)
        return get_or_set(f"{self.key}:{name}:{stamp}", compute)

    def subtree(self, name: str, unit: Unit, compute, topics=None, part="unit"):
        """A part read from the summary tables of ``unit``, kept under its subtree's
        version (``subtree_stamp``; ``part``: of that part of its summaries) and
        ``topics``' (default ``SUBTREE_TOPICS``)."""
        if not self.key:
            return compute()
        from doingoai.core.caching import get_or_set

        topics = SUBTREE_TOPICS if topics is None else topics
        stamp = subtree_stamp(unit, topics, self.versions(), part=part)
        return get_or_set(f"{self.key}:{name}:{part}:{stamp}", compute)

    def children(self, name: str, units: list[Unit], compute) -> dict:
        """``compute(ids)`` ({unit id: value}) for ``units`` directly below the root,
        each unit's value kept under its own subtree's version: the cached ones read at
        once, the others computed together (one call, whatever their number)."""
        unit_ids = [u.pk for u in units]
        if not self.key:
            return compute(unit_ids)
        from django.core.cache import cache

        keys = {
            u.pk: f"{self.key}:{name}:{u.pk}:{subtree_stamp(u, (), self.versions())}" for u in units
        }
        found = cache.get_many(list(keys.values()))
        missing = [pk for pk, key in keys.items() if key not in found]
        out = compute(missing) if missing else {}
        if missing:
            cache.set_many({keys[pk]: out[pk] for pk in missing}, 6 * 3600)
        out.update({pk: found[keys[pk]] for pk in unit_ids if pk not in out})
        return out


class Sections(Kept):
    """The parts of one computation of the figures kept under their apps' versions
    (``SECTION_TOPICS``). Only when the figures are read within the reader's subtree
    (``months`` given) and have a cache ``key``; else each part is simply computed."""

    def __init__(self, key: str, months):
        self.key = key if months else ""
        self.months = months

    def get(self, name: str, compute):
        return self.cached(name, SECTION_TOPICS[name], compute)

    def stamp(self, unit: Unit) -> str:
        """The versions every part of ``unit``'s figures follows: the agreements' part's
        (``SECTION_TOPICS``) and the subtree's summary cells (``subtree_stamp``, which
        moves with its partners' reach and its money too)."""
        from doingoai.core.models import version_stamp

        versions = self.versions()
        agreements = version_stamp(versions, SECTION_TOPICS["agreements"])
        return f"{agreements}:{subtree_stamp(unit, SUBTREE_TOPICS, versions)}"


def summed_months(unit: Unit, period: Period, user) -> tuple[int, int] | None:
    """The months of ``period`` when its figures can be read from the summary tables
    (``reports/summaries.py``) and be exactly what counting the records gives: the
    tables are valid, the period (and the years charted) are whole months within
    the partners' reach, and the unit lies in the reader's own subtree (so her scope
    adds nothing to "owned under the unit"). Else None: count the records."""
    from doingoai.core.scope import is_system_admin

    from . import summaries

    months = summaries.whole_months(period.start, period.end)
    trend = summaries.whole_months(*period.trend)
    own_path = getattr(getattr(user, "unit", None), "path", None)
    inside = is_system_admin(user) or bool(own_path and unit.path.startswith(own_path))
    if (
        months is None
        or trend is None
        or not inside
        or months[0] < summaries.BASE_MONTH
        or months[1] > summaries.LAST_MONTH
    ):
        return None
    return months if summaries.is_valid() else None


def subtree_stamp(
    unit: Unit, topics=SUBTREE_TOPICS, versions: dict | None = None, part: str = "unit"
) -> str:
    """The versions the summary cells of ``unit`` follow: its subtree's (the province it
    lies in, ``summaries.Tree.top``; every subtree's for the root), with ``topics``'.
    A save in Hà Nội moves Hà Nội's version only: Đắk Lắk's figures read from the
    summaries stay cached."""
    import hashlib

    from doingoai.core.models import all_topic_versions, subtree_topic, version_stamp

    versions = all_topic_versions() if versions is None else versions
    province = province_of(unit)
    if province is not None:
        own = str(versions.get(subtree_topic(province, part), 0))
    else:  # the root: its cells follow every subtree
        every = sorted((t, v) for t, v in versions.items() if t.startswith(f"{part}:"))
        own = hashlib.sha256(repr(every).encode()).hexdigest()[:16]
    return f"{own}-{version_stamp(versions, topics)}" if topics else own


def province_of(unit: Unit) -> str | None:
    """The id of the subtree whose versions ``unit``'s summary cells follow: the unit
    directly below the root on its path (its province; ``summaries.Tree.top``), None
    for the root."""
    chain = [p for p in unit.path.strip("/").split("/") if p.isdigit()]
    return chain[1] if len(chain) > 1 else None


def _unit_figures(
    *, unit: Unit, period: Period, user, today: dt.date, key: str = "", sections=None
) -> dict:
    if sections is None:
        sections = Sections(key, summed_months(unit, period, user))
    months = sections.months
    fig = {"unit": unit, "period": period, "today": today}
    fig["agreements"] = sections.get(
        "agreements", lambda: _agreements(unit, period, user, today, months)
    )

    def summed() -> dict:
        """What is read from the summary tables (when ``months``): it follows the
        subtree's cells (the whole figures are kept under their version,
        ``unit_figures``; its parts that follow fewer cells under their own)."""
        rollup = Rollup.of(unit)
        part = {"rollup_children": rollup.children}
        part["activities"] = _activities(unit, period, user, rollup, months)
        # the partners' reach has versions of its own (moved only when its rows
        # change): an activity edited elsewhere in the country keeps the country's
        part["partners"] = sections.subtree(
            "partners", unit, lambda: _partners(unit, period, user, months), part="reach"
        )
        # and so has its money (moved only when resource cells were counted again)
        part["resources"] = sections.subtree(
            "resources",
            unit,
            lambda: _resources(unit, period, user, months),
            part="res",
        )
        part["units"] = _per_unit(unit, period, user, rollup, part, months, sections)
        return part

    fig.update(summed())
    fig["units_without_events"] = [row["unit"] for row in fig["units"] if row["intl_events"] == 0]
    return fig


# -- activities ---------------------------------------------------------------


def activity_qs(unit, user, start=None, end=None):
    """The activities of ``unit``'s subtree that took place (``took_place``), as ``user``
    may see them: every activity and delegation figure of the dashboard and the reports
    counts these, so "Đoàn ra: N" and the delegations' table count the same trips."""
    qs = scoped("activities.Activity", user, unit)
    if qs is None:
        return None
    qs = qs.filter(under(unit.path)).filter(took_place())
    if start:
        qs = qs.filter(start_date__gte=start)
    if end:
        qs = qs.filter(start_date__lte=end)
    return qs


def took_place():
    """Activities held, delegations gone or received: not a plan (draft, submitted,
    returned, approved but not set off), refused or cancelled (``delegation.NOT_HELD``,
    as the targets and the activity list's "took place" filter count)."""
    from doingoai.activities.delegation import NOT_HELD

    return ~Q(state__in=NOT_HELD)


def _activity_period_params(unit, period):
    return {
        "unit": unit.pk,
        ACTIVITY_FROM: _d(period.start),
        ACTIVITY_TO: _d(period.end),
        "took_place": "true",
    }


def _activities(unit, period, user, rollup, months=None) -> dict:
    out = {
        "available": False,
        "total": 0,
        "by_kind": [],
        "by_year": [],
        "kinds": [],
        "delegations_out": 0,
        "delegations_in": 0,
        "participants": 0,
        "women": 0,
        "intl_events": 0,
        "url": "",
    }
    Activity = model("activities.Activity")
    qs = activity_qs(unit, user, period.start, period.end)
    if qs is None:
        return out
    out["available"] = True
    labels = dict(Activity._meta.get_field("kind").choices)
    params = _activity_period_params(unit, period)
    t_start, t_end = period.trend
    if months:
        from .models import ActivityMonth
        from .summaries import whole_months

        rows = (
            ActivityMonth.objects.filter(unit=unit, month__gte=months[0], month__lte=months[1])
            .values("kind")
            .annotate(
                n=Sum("activities"),
                intl=Sum("with_partners"),
                p=Sum("participants"),
                w=Sum("women"),
            )
        )
        rows = list(rows)
        by_kind = {r["kind"]: r["n"] for r in rows if r["n"]}
        sums = {"p": sum(r["p"] for r in rows), "w": sum(r["w"] for r in rows)}
        intl = sum(r["intl"] for r in rows)
        first, last = whole_months(t_start, t_end)
        trend = [
            {"year": m // 12, "kind": k, "n": n}
            for m, k, n in ActivityMonth.objects.filter(
                unit=unit, month__gte=first, month__lte=last
            ).values_list("month", "kind", "activities")
        ]
    else:
        by_kind = {r["kind"]: r["n"] for r in qs.order_by().values("kind").annotate(n=Count("id"))}
        sums = qs.order_by().aggregate(p=Sum("participants_total"), w=Sum("participants_women"))
        intl = qs.filter(has_partner()).count()
        # over the years of the term (for a year: of its term)
        trend = (
            activity_qs(unit, user, t_start, t_end)
            .order_by()
            .annotate(year=ExtractYear("start_date"))
            .values("year", "kind")
            .annotate(n=Count("id"))
        )
    out["by_kind"] = [
        {
            "kind": k,
            "label": str(labels.get(k, k)),
            "n": n,
            "url": list_url("activities", kind=k, **params),
        }
        for k, n in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    out["total"] = sum(by_kind.values())
    out["url"] = list_url("activities", **params)
    for key in ("delegation_out", "delegation_in"):
        out[key.replace("delegation", "delegations")] = by_kind.get(key, 0)
        out[f"{key}_url"] = list_url("activities", kind=key, **params)
    out["participants"] = sums["p"] or 0
    out["women"] = sums["w"] or 0
    out["intl_events"] = intl
    out["intl_url"] = list_url("activities", with_partners="true", **params)

    grid: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for r in trend:
        grid[r["kind"]][r["year"]] += r["n"]
    years = period.trend_years
    out["years"] = years
    out["kinds"] = [
        {"kind": k, "label": str(labels.get(k, k)), "values": [grid[k].get(y, 0) for y in years]}
        for k in sorted(grid, key=lambda k: (-sum(grid[k].values()), k))
    ]
    out["by_year"] = [
        {
            "year": y,
            "n": sum(grid[k].get(y, 0) for k in grid),
            "url": list_url(
                "activities",
                unit=unit.pk,
                took_place="true",
                **{ACTIVITY_FROM: f"{y}-01-01", ACTIVITY_TO: f"{y}-12-31"},
            ),
        }
        for y in years
    ]
    return out


def has_partner():
    Activity = model("activities.Activity")
    through = Activity.partners.through
    return Exists(through.objects.filter(activity_id=OuterRef("pk")))


# -- agreements ---------------------------------------------------------------


def agreement_qs(unit, user):
    return scoped("agreements.Agreement", user, unit).filter(under(unit.path))


def _agreements(unit, period, user, today, months=None) -> dict:
    from doingoai.agreements.models import Review, Status, status_q

    qs = agreement_qs(unit, user)
    s, e = _d(period.start), _d(period.end)
    in_period = Q(signed_date__gte=period.start, signed_date__lte=period.end)
    # the reviews first (an index range), then their agreements
    held = Review.objects.filter(held_date__gte=period.start, held_date__lte=period.end).values(
        "agreement_id"
    )
    due = Review.objects.filter(held_date__isnull=True, scheduled_date__lte=today).values(
        "agreement_id"
    )
    counts = qs.order_by().aggregate(
        in_force=Count("id", filter=status_q(Status.IN_FORCE, today)),
        expiring=Count("id", filter=status_q(Status.EXPIRING, today)),
    )
    if months:
        from .models import AgreementMonth

        signed = AgreementMonth.objects.filter(
            unit=unit, month__gte=months[0], month__lte=months[1]
        ).aggregate(signed=Sum("signed"), renewed=Sum("renewed"))
        counts.update(signed=signed["signed"] or 0, renewed=signed["renewed"] or 0)
    else:
        counts.update(
            qs.order_by().aggregate(
                signed=Count("id", filter=in_period),
                renewed=Count("id", filter=in_period & Q(renews__isnull=False)),
            )
        )
    counts["reviewed"] = qs.filter(pk__in=held).count()
    counts["review_due"] = qs.filter(pk__in=due).count()
    base = {"unit": unit.pk}
    out = dict(counts)
    out["urls"] = {
        "signed": list_url("agreements", signed_from=s, signed_to=e, **base),
        "renewed": list_url("agreements", signed_from=s, signed_to=e, renewal="true", **base),
        "in_force": list_url("agreements", status=Status.IN_FORCE, **base),
        "expiring": list_url("agreements", status=Status.EXPIRING, **base),
        "reviewed": list_url("agreements", reviewed_from=s, reviewed_to=e, **base),
        "review_due": list_url("agreements", review_due="true", **base),
    }
    out["timeline"] = _timeline(qs, period, today)
    return out


def _timeline(qs, period, today, limit=40) -> list[dict]:
    """Agreements running during the period, with their review dates."""
    from doingoai.agreements.models import Review

    running = (
        qs.filter(start_date__isnull=False, start_date__lte=period.end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period.start))
        .order_by("start_date", "pk")
        .values("pk", "title", "start_date", "end_date", "status_override")[:limit]
    )
    items = {a["pk"]: {**a, "reviews": []} for a in running}
    for r in Review.objects.filter(agreement_id__in=list(items)).order_by("scheduled_date"):
        items[r.agreement_id]["reviews"].append(
            {
                "kind": r.get_kind_display(),
                "date": _d(r.held_date or r.scheduled_date),
                "held": r.held_date is not None,
                "overdue": r.is_overdue(today),
            }
        )
    out = []
    for a in items.values():
        out.append(
            {
                "id": a["pk"],
                "title": a["title"],
                "start": _d(a["start_date"]),
                "end": _d(a["end_date"] or period.end),
                "open_end": a["end_date"] is None,
                "url": reverse("agreements_detail", args=[a["pk"]]),
                "reviews": a["reviews"],
            }
        )
    return out


# -- partners -----------------------------------------------------------------


def _partners(unit, period, user, months=None) -> dict:
    if months:
        rows = _reach_by_country(unit, months)
    else:
        engaged = engaged_partners(unit, user, period.start, period.end)
        new = new_partners(unit, user, period.start, period.end)
        rows = (
            engaged.order_by()
            .values("country")
            .annotate(n=Count("id"), new=Count("id", filter=Q(pk__in=new.values("pk"))))
            .order_by("-n", "country")
        )
    params = {"worked_unit": unit.pk, "worked_from": _d(period.start), "worked_to": _d(period.end)}
    by_country = [
        {
            "country": r["country"],
            "name": country_name(r["country"]),
            "n": r["n"],
            "new": r["new"],
            "url": list_url("partners", country=r["country"], **params),
            "new_url": list_url("partners", country=r["country"], new="true", **params),
        }
        for r in rows
    ]
    return {
        "total": sum(r["n"] for r in by_country),
        "new": sum(r["new"] for r in by_country),
        "countries": len(by_country),
        "by_country": by_country,
        "url": list_url("partners", **params),
        "new_url": list_url("partners", new="true", **params),
    }


def _reach_by_country(unit, months) -> list[dict]:
    """Partners engaged in the months by country, and of them the new ones (engaged
    for the first time), from the partners' reach."""
    from django.db import connection

    from .models import PartnerReach
    from .summaries import MASKS, month_masks

    masks = month_masks(*months)
    hit = " OR ".join(f"({col} & %s) <> 0" for col, mask in zip(MASKS, masks, strict=True) if mask)
    table = PartnerReach._meta.db_table
    sql = (
        f"SELECT country, COUNT(*), SUM(CASE WHEN first_month >= %s THEN 1 ELSE 0 END) "
        f"FROM {table} WHERE unit_id = %s AND ({hit}) GROUP BY country"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [months[0], unit.pk, *[m for m in masks if m]])
        rows = [{"country": c, "n": n, "new": int(new or 0)} for c, n, new in cur.fetchall()]
    return sorted(rows, key=lambda r: (-r["n"], r["country"]))


def reach_new_partners(unit_ids, months) -> dict[int, int]:
    """For each of ``unit_ids`` (with the units under it), the partners engaged in the
    months (first, last) for the first time ever, from the partners' reach: one
    indexed read, whatever the number of records."""
    from django.db import connection

    from .models import PartnerReach
    from .summaries import MASKS, month_masks

    ids = [int(u) for u in unit_ids]
    if not ids:
        return {}
    masks = month_masks(*months)
    hit = " OR ".join(f"({col} & %s) <> 0" for col, mask in zip(MASKS, masks, strict=True) if mask)
    table = PartnerReach._meta.db_table
    marks = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT unit_id, COUNT(*) FROM {table} WHERE unit_id IN ({marks}) "
        f"AND first_month >= %s AND ({hit}) GROUP BY unit_id"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [*ids, months[0], *[m for m in masks if m]])
        return {unit_id: n for unit_id, n in cur.fetchall()}


# -- resources ----------------------------------------------------------------


def resource_qs(unit, user, start=None, end=None):
    qs = scoped("resources.Resource", user, unit)
    if qs is None:
        return None
    qs = qs.filter(under(unit.path))
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    return qs


FIGURES_FORMAT = 4  # bump when the shape of the figures changes (cached across deploys)
TOP_PARTNERS = 50  # partners listed one by one per direction in figures and reports

MONEY = dict(
    items=Count("id"),
    vnd=Sum("amount_vnd"),
    usd=Sum("amount_usd"),
    no_rate=Count("id", filter=Q(amount_usd__isnull=True)),
)


#: the same money figures summed from ``ResourceMonth`` rows
SUMMED_MONEY = dict(items=Sum("items"), vnd=Sum("vnd"), usd=Sum("usd"), no_rate=Sum("no_rate"))


def _money(row) -> dict:
    return {
        "items": row.get("items") or 0,
        "vnd": row.get("vnd") or ZERO,
        "usd": row.get("usd") or ZERO,
        "no_rate": row.get("no_rate") or 0,
    }


def _resources(unit, period, user, months) -> dict:
    empty = _money({})
    out = {
        "available": False,
        "received": dict(empty),
        "given": dict(empty),
        "by_country": [],
        "by_partner": [],
        "by_kind": [],
        "by_regime": [],
    }
    Resource = model("resources.Resource")
    qs = resource_qs(unit, user, period.start, period.end)
    if qs is None:
        return out
    out["available"] = True
    kinds = dict(Resource._meta.get_field("kind").choices)
    params = {"unit": unit.pk, RESOURCE_FROM: _d(period.start), RESOURCE_TO: _d(period.end)}
    term = term_of(period)
    if months:
        from .models import ResourceMonth, ResourceTerm, ResourceTotalMonth

        span = {"unit": unit, "month__gte": months[0], "month__lte": months[1]}
        # a term's money by country and kind from its own rows (the centre's: 440 rows,
        # not its 17,000 monthly cells; ``months`` are whole, so are the term's); another
        # period's from the months
        cells = (
            ResourceTerm.objects.filter(unit=unit, term=term)
            if term is not None
            else ResourceMonth.objects.filter(**span)
        )
        totals = (
            ResourceTotalMonth.objects.filter(**span).values("direction").annotate(**SUMMED_MONEY)
        )
        by_country = cells.values("direction", "country").annotate(**SUMMED_MONEY)
        by_kind = cells.values("direction", "kind").annotate(**SUMMED_MONEY)
    else:
        totals = qs.order_by().values("direction").annotate(**MONEY)
        by_country = (
            qs.order_by()
            .annotate(country=resource_country())
            .values("direction", "country")
            .annotate(**MONEY)
        )
        by_kind = qs.order_by().values("direction", "kind").annotate(**MONEY)
    for r in totals:
        out[r["direction"]] = {
            **_money(r),
            "url": list_url("resources", direction=r["direction"], **params),
        }
    for d in ("received", "given"):
        out[d].setdefault("url", list_url("resources", direction=d, **params))
        out[d]["no_rate_url"] = list_url("resources", direction=d, no_rate="true", **params)

    rows = sorted(
        ({**r, **_money(r)} for r in by_country),
        key=lambda r: (r["direction"], -r["vnd"], r["country"] or ""),
    )
    out["by_country"] = [
        {
            "direction": r["direction"],
            "country": r["country"] or "",
            "name": country_name(r["country"]) or "—",
            **_money(r),
            "url": list_url(
                "resources", direction=r["direction"], partner_country=r["country"] or "-", **params
            ),
        }
        for r in rows
    ]
    # the ranking from the per-partner summary when the figures are summed (its rows are
    # the resources under the unit; the reader's scope adds none): a term's from its
    # own rows (the leading ones in index order), another period's from the months'
    # (the whole of the money is kept under the subtree's money version: its parts are
    # not kept apart, they would move with it)
    if months and term is not None:
        out["by_partner"] = _by_partner_term(unit, term, months, params)
    elif months:
        from .models import ResourcePartnerMonth

        out["by_partner"] = _by_partner(ResourcePartnerMonth.objects.filter(**span), params)
    else:
        out["by_partner"] = _by_partner(qs, params)
    rows = sorted(by_kind, key=lambda r: (r["direction"], r["kind"]))
    out["by_kind"] = [
        {
            "direction": r["direction"],
            "kind": r["kind"],
            "label": str(kinds.get(r["kind"], r["kind"])),
            **_money(r),
            "url": list_url("resources", direction=r["direction"], kind=r["kind"], **params),
        }
        for r in rows
    ]
    # the regimes from the totals' rows (by direction and regime) when summed
    money = ResourceTotalMonth.objects.filter(**span) if months else qs
    out["by_regime"] = _by_regime(money)
    return out


def term_of(period: Period):
    """The congress term ``period`` is (its dates exactly), or None (a year)."""
    term = period.term
    if term is None or period.year:
        return None
    return term if (term.start_date, term.end_date) == (period.start, period.end) else None


#: Decree 313/2025/NĐ-CP replaced Decree 80/2020/NĐ-CP on foreign non-refundable aid
#: received from this day; aid given from the state budget falls under Decree 305/2025
REGIME_313_FROM = dt.date(2025, 12, 8)
REGIMES = {
    "80": "Nghị định 80/2020/NĐ-CP (tiếp nhận trước 08/12/2025)",
    "313": "Nghị định 313/2025/NĐ-CP (tiếp nhận từ 08/12/2025)",
    "305": "Nghị định 305/2025/NĐ-CP (viện trợ từ ngân sách nhà nước)",
}


def regime():
    """The legal regime a resource falls under (a key of ``REGIMES``), from its
    direction and date, as an expression."""
    from django.db.models import Case, CharField, Value, When

    return Case(
        When(direction="given", then=Value("305")),
        When(date__gte=REGIME_313_FROM, then=Value("313")),
        default=Value("80"),
        output_field=CharField(),
    )


def _by_regime(qs) -> list[dict]:
    """The money by the legal regime it falls under, from the resource's date (or
    ``qs`` already of ``ResourceTotalMonth`` rows, which keep the regime)."""
    if qs.model._meta.label == "reports.ResourceTotalMonth":
        rows = qs.order_by().values("direction", "regime").annotate(**SUMMED_MONEY)
    else:
        rows = (
            qs.order_by().annotate(regime=regime()).values("direction", "regime").annotate(**MONEY)
        )
    order = list(REGIMES)
    return [
        {"direction": r["direction"], "regime": r["regime"], "label": REGIMES[r["regime"]]}
        | _money(r)
        for r in sorted(
            rows, key=lambda r: (r["direction"] != "received", order.index(r["regime"]))
        )
    ]


def _by_partner(qs, params) -> list[dict]:
    """The leading partners of each direction, the rest in one "other partners" row: a
    national report lists tens of thousands of partners otherwise. The database ranks
    the partners and adds up the rest (tens of thousands of groups never reach Python);
    the names are read for the partners shown. ``qs``: the resources, or the
    ``ResourcePartnerMonth`` rows of the same resources."""
    from django.db import connection

    summed = qs.model._meta.label == "reports.ResourcePartnerMonth"
    inner, args = (
        qs.order_by()
        .values("direction", "partner_id")
        .annotate(**(SUMMED_MONEY if summed else MONEY))
        .query.sql_with_params()
    )
    top = int(TOP_PARTNERS)
    sql = (
        f"SELECT direction, CASE WHEN rn <= {top} THEN partner_id END, "
        f"CASE WHEN rn <= {top} THEN rn ELSE {top + 1} END AS pos, SUM(items), SUM(vnd), "
        "SUM(usd), SUM(no_rate), COUNT(*) FROM ("
        "  SELECT g.*, ROW_NUMBER() OVER (PARTITION BY direction ORDER BY COALESCE(vnd, 0) "
        "  DESC, CASE WHEN partner_id IS NULL THEN 1 ELSE 0 END, partner_id) AS rn "
        f"  FROM ({inner}) g) r "
        f"GROUP BY direction, pos, CASE WHEN rn <= {top} THEN partner_id END "
        "ORDER BY direction, pos"
    )
    with connection.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    names = _partner_names(r[1] for r in rows)
    out = []
    for d, partner_id, pos, items, vnd, usd, no_rate, partners in rows:
        money = _money(
            {"items": items, "vnd": _decimal(vnd, 0), "usd": _decimal(usd, 2), "no_rate": no_rate}
        )
        if pos <= top:
            out.append(_partner_row(d, partner_id, names, money, params))
        else:
            out.append(_others_row(d, partners, money, params))
    return out


def _partner_names(ids) -> dict:
    """{partner id: (Vietnamese name, country)} of the ranking's partners."""
    Partner = model("partners.Partner")
    return {
        pk: (name, country)
        for pk, name, country in Partner._base_manager.filter(
            pk__in=[i for i in ids if i is not None]
        ).values_list("pk", "name_vi", "country")
    }


def _partner_row(direction, partner_id, names: dict, money: dict, params) -> dict:
    """A ranked partner's row: its name, country, money and its resources' list."""
    name, country = names.get(partner_id, ("", ""))
    return {
        "direction": direction,
        "partner_id": partner_id,
        "name": name or "—",
        "country": country or "",
        **money,
        "url": list_url("resources", direction=direction, partner=partner_id, **params),
    }


def _others_row(direction, partners: int, money: dict, params) -> dict:
    """The row of the partners beyond the ranked ones: how many, their money together."""
    return {
        "direction": direction,
        "partner_id": None,
        "partners": partners,
        "country": "",
        **money,
        "url": list_url("resources", direction=direction, **params),
        "name": f"Các đối tác khác ({partners:,})".replace(",", "."),
    }


def _by_partner_term(unit, term, months, params) -> list[dict]:
    """:func:`_by_partner` for a congress term, from the partners' rows of the term
    (``ResourcePartnerTerm``): per direction the leading rows read in the order of the
    money (an index range, the ties at the last place included), the others counted,
    and their money the direction's total (``ResourceTotalMonth``) less the leading
    ones'. The same rows, order and sums as ranking every partner."""
    from .models import ResourcePartnerTerm, ResourceTotalMonth

    top = int(TOP_PARTNERS)
    fields = ("partner_id", "items", "vnd", "usd", "no_rate")
    totals = {
        r["direction"]: r
        for r in ResourceTotalMonth.objects.filter(
            unit=unit, month__gte=months[0], month__lte=months[1]
        )
        .values("direction")
        .annotate(**SUMMED_MONEY)
    }
    ranked = {}
    for d in sorted(totals):
        rows = ResourcePartnerTerm.objects.filter(unit=unit, term=term, direction=d)
        first = list(rows.order_by("-vnd").values(*fields)[:top])
        if len(first) == top:  # every row as rich as the last of them (ties)
            first = list(rows.filter(vnd__gte=first[-1]["vnd"]).values(*fields))
        first.sort(key=lambda r: (-r["vnd"], r["partner_id"] is None, r["partner_id"] or 0))
        count = len(first) if len(first) < top else _partners_counted(unit, term, d, rows)
        ranked[d] = (first[:top], count)
    names = _partner_names(r["partner_id"] for leading, _n in ranked.values() for r in leading)
    out = []
    for d, (leading, count) in ranked.items():
        out += [_partner_row(d, r["partner_id"], names, _money(r), params) for r in leading]
        if count > len(leading):
            rest = {
                m: (totals[d][m] or 0) - sum((r[m] or 0) for r in leading)
                for m in ("items", "vnd", "usd", "no_rate")
            }
            rest["vnd"], rest["usd"] = _decimal(rest["vnd"], 0), _decimal(rest["usd"], 2)
            out.append(_others_row(d, count - len(leading), _money(rest), params))
    return out


def _partners_counted(unit, term, direction: str, rows) -> int:
    """How many partners' rows ``unit``'s term holds in ``direction`` (``rows``: them),
    kept under the versions that move when a partner's row of a term comes or goes in
    the subtree (``summaries.PARTNERS_COUNTED``) and the units' (terms, the tree): an
    aid record edited keeps it (the centre's 43,000 rows are not counted again)."""
    from doingoai.core.caching import get_or_set

    from .summaries import PARTNERS_COUNTED

    stamp = subtree_stamp(unit, ("organization",), part=PARTNERS_COUNTED)
    return get_or_set(f"partners-counted:{unit.pk}:{term.pk}:{direction}:{stamp}", rows.count)


def _decimal(value, places: int):
    """A sum from raw SQL as the Decimal the ORM gives (SQLite sums as floats)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places))


# -- per unit below -----------------------------------------------------------


def _per_unit(unit, period, user, rollup, fig, months=None, sections=None) -> list[dict]:
    rows = {
        u.pk: {
            "unit": u,
            "activities": 0,
            "intl_events": 0,
            "agreements": 0,
            "received_vnd": ZERO,
            "received_usd": ZERO,
            "given_vnd": ZERO,
            "resources": 0,
        }
        for u in rollup.children
    }
    if not rows:
        return []
    if months:
        _per_unit_summed(unit, rows, months, sections)
    else:
        _per_unit_counted(unit, period, user, rollup, rows)
    out = list(rows.values())
    from django.conf import settings
    from django.urls import get_script_prefix, get_urlconf

    where = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    shown = period.year or (period.term.name if period.term else "")
    for row in out:
        row.update(_row_urls(*where, row["unit"].pk, period.start, period.end, period.year, shown))
    return out


@functools.lru_cache(maxsize=4096)
def _row_urls(prefix, urlconf, unit_id, start, end, year, shown) -> dict:
    """The links of a row of the units below (the same every time: remembered in the
    process, as ``list_url``'s)."""
    span = {ACTIVITY_FROM: _d(start), ACTIVITY_TO: _d(end), "took_place": "true"}
    money = {RESOURCE_FROM: _d(start), RESOURCE_TO: _d(end)}
    return {
        "activities_url": list_url("activities", unit=unit_id, **span),
        "intl_url": list_url("activities", with_partners="true", unit=unit_id, **span),
        "agreements_url": list_url(
            "agreements", unit=unit_id, signed_from=_d(start), signed_to=_d(end)
        ),
        "resources_url": list_url("resources", unit=unit_id, **money),
        "dashboard_url": reverse("dashboard", urlconf=urlconf)
        + "?"
        + _query([("unit", unit_id), ("year", year) if year else ("term", shown)]),
    }


def _per_unit_counted(unit, period, user, rollup, rows):
    def add(unit_id, key, value):
        child = rollup.child_of(unit_id)
        if child in rows:
            rows[child][key] += value or 0

    acts = activity_qs(unit, user, period.start, period.end)
    if acts is not None:
        for r in acts.order_by().values("unit_id").annotate(n=Count("id")):
            add(r["unit_id"], "activities", r["n"])
        intl = acts.filter(has_partner())
        for r in intl.order_by().values("unit_id").annotate(n=Count("id")):
            add(r["unit_id"], "intl_events", r["n"])
        # a unit that took part (not organized) also held an event with partners
        took_part = set()
        for uid in intl.order_by().values_list("units", flat=True).distinct():
            child = rollup.child_of(uid)
            if child in rows and rows[child]["intl_events"] == 0:
                took_part.add(child)
        for child in took_part:
            rows[child]["intl_events"] = 1
    agrs = agreement_qs(unit, user).filter(
        signed_date__gte=period.start, signed_date__lte=period.end
    )
    for r in agrs.order_by().values("unit_id").annotate(n=Count("id")):
        add(r["unit_id"], "agreements", r["n"])
    res = resource_qs(unit, user, period.start, period.end)
    if res is not None:
        for r in res.order_by().values("unit_id", "direction").annotate(**MONEY):
            add(r["unit_id"], "resources", r["items"])
            if r["direction"] == "received":
                add(r["unit_id"], "received_vnd", r["vnd"])
                add(r["unit_id"], "received_usd", r["usd"])
            else:
                add(r["unit_id"], "given_vnd", r["vnd"])


def _per_unit_summed(unit, rows, months, sections: Kept | None = None):
    """The same figures per unit below, from the rows kept for each of them. Below the
    root each province's are kept under its own subtree's version (``Kept.children``):
    after a save in Hà Nội only Hà Nội's are read again."""
    from .models import TookPartMonth

    counts = (
        sections.children(
            "per_unit", [r["unit"] for r in rows.values()], lambda ids: _unit_counts(ids, months)
        )
        if sections is not None and province_of(unit) is None
        else _unit_counts(list(rows), months)
    )
    for unit_id, values in counts.items():
        for key, value in values.items():
            rows[unit_id][key] += value
    # a unit that took part (not organized) also held an event with partners: the
    # root's own cells (an activity of Hà Nội in which Đắk Lắk took part), never kept
    span = {"month__gte": months[0], "month__lte": months[1]}
    took_part = TookPartMonth.objects.filter(
        unit=unit, child_id__in=list(rows), activities__gt=0, **span
    )
    for child in set(took_part.values_list("child_id", flat=True)):
        if rows[child]["intl_events"] == 0:
            rows[child]["intl_events"] = 1


def unit_rows(unit_ids: list[int], months) -> dict:
    """The summary rows of each of ``unit_ids`` in the months (each counts its unit's
    whole subtree), summed in three statements: ``activities`` {(unit, kind):
    (activities, with partners)}, ``agreements`` {unit: signed}, ``money`` {(unit,
    direction): {items, vnd, usd, no_rate}}. Read once a request (``core.memo``): the
    figures' units below and the targets' cards of a dashboard read the same rows."""
    from doingoai.core.memo import remember

    from .models import ActivityMonth, AgreementMonth, ResourceTotalMonth

    ids = sorted(unit_ids)

    def read() -> dict:
        below = {"unit_id__in": ids, "month__gte": months[0], "month__lte": months[1]}
        activities = {
            (unit_id, kind): (n or 0, intl or 0)
            for unit_id, kind, n, intl in ActivityMonth.objects.filter(**below)
            .values("unit_id", "kind")
            .annotate(n=Sum("activities"), intl=Sum("with_partners"))
            .values_list("unit_id", "kind", "n", "intl")
        }
        agreements = dict(
            AgreementMonth.objects.filter(**below)
            .values("unit_id")
            .annotate(n=Sum("signed"))
            .values_list("unit_id", "n")
        )
        money = {
            (r["unit_id"], r["direction"]): r
            for r in ResourceTotalMonth.objects.filter(**below)
            .values("unit_id", "direction")
            .annotate(**SUMMED_MONEY)
        }
        return {"activities": activities, "agreements": agreements, "money": money}

    if not ids:
        return {"activities": {}, "agreements": {}, "money": {}}
    return remember(f"unit-rows:{months}:{','.join(map(str, ids))}", read)


def _unit_counts(unit_ids: list[int], months) -> dict[int, dict]:
    """{unit: its activities, events with partners, agreements signed, resources and
    their money} in the months, from the summary rows of each of ``unit_ids``."""
    keys = (
        "activities",
        "intl_events",
        "agreements",
        "resources",
        "received_vnd",
        "received_usd",
        "given_vnd",
    )
    out = {u: dict.fromkeys(keys, 0) for u in unit_ids}
    if not unit_ids:
        return out
    rows = unit_rows(unit_ids, months)
    for (unit_id, _kind), (n, intl) in rows["activities"].items():
        out[unit_id]["activities"] += n
        out[unit_id]["intl_events"] += intl
    for unit_id, n in rows["agreements"].items():
        out[unit_id]["agreements"] += n or 0
    for (unit_id, direction), r in rows["money"].items():
        row = out[unit_id]
        row["resources"] += r["items"] or 0
        if direction == "received":
            row["received_vnd"] += r["vnd"] or 0
            row["received_usd"] += r["usd"] or 0
        else:
            row["given_vnd"] += r["vnd"] or 0
    return out
