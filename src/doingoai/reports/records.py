"""The figures of the term and year report beyond the dashboard's: the agreements'
reviews and ends, the delegations (by country, by purpose, and their table), the
resources by stage (pledged, committed, disbursed) and form, and the news published.

Everything is counted from the records the reader may see in the unit's subtree
(``figures.scoped`` + ``under``), in the database; the delegations' table is capped
(``DELEGATION_ROWS``) so that a national report stays small and fast."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear

from doingoai.core.countries import country_name
from doingoai.core.scope import under

from .figures import (
    MONEY,
    SUMMED_MONEY,
    ZERO,
    Sections,
    _money,
    activity_qs,
    agreement_qs,
    figures_key,
    resource_qs,
    scoped,
    summed_months,
    took_place,
)

#: delegations listed one by one in the report (the newest first beyond it)
DELEGATION_ROWS = 100
#: the purpose and result of a delegation in its row, cut at a word beyond these lengths
#: (the table holds eight columns on portrait A4; the records hold the whole text)
PURPOSE_CHARS, RESULT_CHARS = 120, 200
DELEGATION_KINDS = ("delegation_out", "delegation_in")
#: the purpose of a delegation whose main purpose is not recorded
NO_PURPOSE = "none"


def report_figures(*, unit, period, user, today: dt.date, fig: dict) -> dict:
    """What the report shows beyond the dashboard's figures (``fig``), read only when a
    report is made (the dashboard never pays for it); cached like the figures, under
    the data version every change bumps."""
    from doingoai.core.caching import get_or_compute
    from doingoai.core.models import data_version
    from doingoai.core.scope import is_system_admin

    key = figures_key(unit, period, user, today)
    # within the reader's own subtree each part is also kept under the versions of the
    # apps it reads: an aid record saved does not count the delegations again
    own = getattr(getattr(user, "unit", None), "path", None)
    inside = is_system_admin(user) or bool(own and unit.path.startswith(own))
    parts = Sections(f"{key}:report", inside)

    def compute():
        return {
            "agreements": parts.get(
                "report_agreements", lambda: agreement_extras(unit, period, user, today)
            ),
            "stages": parts.get(
                "report_stages",
                lambda: resource_stages(unit, period, user, fig["resources"]["by_partner"]),
            ),
            "delegations": (
                subtree_delegations(unit, period, user, key)
                if inside and summed_months(unit, period, user)
                else parts.get("report_delegations", lambda: delegations(unit, period, user))
            ),
            "news": parts.get("report_news", lambda: news(unit, period, user)),
        }

    return get_or_compute(f"{key}:report:{data_version()}", compute)


def agreement_extras(unit, period, user, today: dt.date) -> dict:
    """Reviews held in the period (mid-term, final), agreements that ended in it (of
    them renewed), new agreements (signed in it, not renewing another)."""
    from doingoai.agreements.models import Review, Status

    qs = agreement_qs(unit, user)
    held = Review.objects.filter(held_date__gte=period.start, held_date__lte=period.end)
    renewed_ids = qs.model.objects.filter(renews__isnull=False).values("renews_id")
    last = min(period.end, today - dt.timedelta(days=1))
    ended = Q(signed_date__isnull=False, end_date__gte=period.start, end_date__lte=last) & ~Q(
        status_override=Status.TERMINATED
    )
    signed = Q(signed_date__gte=period.start, signed_date__lte=period.end)
    out = qs.order_by().aggregate(  # one statement
        reviewed_mid_term=Count(
            "id", filter=Q(pk__in=held.filter(kind=Review.Kind.MID_TERM).values("agreement_id"))
        ),
        reviewed_final=Count(
            "id", filter=Q(pk__in=held.filter(kind=Review.Kind.FINAL).values("agreement_id"))
        ),
        reviewed_yearly=Count(
            "id", filter=Q(pk__in=held.filter(kind=Review.Kind.YEARLY).values("agreement_id"))
        ),
        ended=Count("id", filter=ended),
        ended_renewed=Count("id", filter=ended & Q(pk__in=renewed_ids)),
        new=Count("id", filter=signed & Q(renews__isnull=True)),
    )
    out["yearly_reviews"], out["yearly_more"] = (
        _yearly_reviews(held.filter(kind=Review.Kind.YEARLY, agreement__in=qs.values("pk")))
        if out["reviewed_yearly"]
        else ([], 0)
    )
    return out


#: yearly reviews listed one by one in the report (the newest beyond it)
YEARLY_ROWS = 100


def _yearly_reviews(reviews) -> tuple[list[dict], int]:
    """The yearly reviews held in the period (agreement, its partners, date, rating),
    in date order; the newest ``YEARLY_ROWS`` when there are more."""
    total = reviews.count()
    picked = list(
        reviews.select_related("agreement")
        .prefetch_related("agreement__partners")
        .order_by("-held_date", "-pk")[:YEARLY_ROWS]
    )
    rows = [
        {
            "agreement": r.agreement.title,
            "partners": ", ".join(p.name_vi for p in r.agreement.partners.all()),
            "held": r.held_date,
            "rating": r.rating,
        }
        for r in reversed(picked)
    ]
    return rows, total - len(rows)


# -- delegations ---------------------------------------------------------------


def subtree_delegations(unit, period, user, key: str) -> dict:
    """:func:`delegations`, kept under the versions of the subtrees they are read from
    (``figures.subtree_stamp``, the activities' part: every change of an activity, its
    places, members or partners moves its province's ``acts`` version; an aid record
    does not): a unit's under its province's; the
    root's summed from its own part and one part per unit directly below it, each
    under its own version, so a save in Hà Nội counts Hà Nội's delegations again only.
    Only when the reader sees the whole subtree and the summary tables are valid
    (they are what moves the versions)."""
    from doingoai.core.caching import get_or_compute
    from doingoai.core.models import all_topic_versions, subtree_topic, version_stamp
    from doingoai.organization.models import Unit

    from .figures import province_of, subtree_stamp

    if province_of(unit) is not None:
        return get_or_compute(
            f"{key}:delegations:{subtree_stamp(unit, part='acts')}",
            lambda: delegations(unit, period, user),
        )
    depth = unit.path.count("/") + 1
    tree = list(Unit.objects.filter(path__startswith=unit.path))
    below = [u for u in tree if u.path.count("/") == depth]
    # each part's units as a list: PostgreSQL plans a province's delegations over the
    # country's when given the subtree as a subquery on the paths (434 → 97 ms)
    ids = {c.pk: [u.pk for u in tree if u.path.startswith(c.path)] for c in below}
    versions = all_topic_versions()
    own = version_stamp(versions, (subtree_topic(unit.pk, "acts"), "organization", "partners"))
    parts = [
        get_or_compute(
            f"{key}:delegations-own:{own}",
            lambda: delegations(unit, period, user, unit_ids=[unit.pk]),
        )
    ]
    for child in below:
        stamp = subtree_stamp(child, versions=versions, part="acts")
        parts.append(
            get_or_compute(
                f"{key}:delegations-of:{child.pk}:{stamp}",
                lambda child=child: delegations(child, period, user, unit_ids=ids[child.pk]),
            )
        )
    return merge_delegations(parts)


def merge_delegations(parts: list[dict]) -> dict:
    """The delegations of disjoint sets of activities as :func:`delegations` gives them
    for their union: counts summed, the table's newest ``DELEGATION_ROWS`` kept."""
    out = {"out": 0, "in": 0, "by_country": [], "by_purpose": [], "rows": [], "more": 0}
    countries: dict[str, dict] = {}
    purposes: dict[str, dict] = {}
    rows = []
    for part in parts:
        out["out"] += part["out"]
        out["in"] += part["in"]
        for r in part["by_country"]:
            cell = countries.setdefault(r["country"], {**r, "out": 0, "in": 0})
            cell["out"] += r["out"]
            cell["in"] += r["in"]
        for r in part["by_purpose"]:
            cell = purposes.setdefault(r["purpose"], {**r, "out": 0, "in": 0})
            cell["out"] += r["out"]
            cell["in"] += r["in"]
        rows += part["rows"]
    if not out["out"] + out["in"]:
        return out
    out["by_country"] = sorted(
        countries.values(), key=lambda r: (-r["out"] - r["in"], r["country"])
    )
    out["by_purpose"] = sorted(purposes.values(), key=lambda r: (-r["out"] - r["in"], r["purpose"]))
    rows.sort(key=lambda r: (r["start"], r["id"]))
    out["rows"] = rows[-DELEGATION_ROWS:]
    out["more"] = max(out["out"] + out["in"] - len(out["rows"]), 0)
    return out


def delegations(unit, period, user, unit_ids: list[int] | None = None) -> dict:
    """The delegations of ``unit``'s subtree (``unit_ids``: of those units of it) that
    took place in the period: counts, by country, by purpose, and their table."""
    out = {"out": 0, "in": 0, "by_country": [], "by_purpose": [], "rows": [], "more": 0}
    qs = activity_qs(unit, user, period.start, period.end)
    if qs is None:
        return out
    if unit_ids is not None:
        qs = (
            scoped("activities.Activity", user, unit)
            .filter(unit_id__in=unit_ids, start_date__gte=period.start)
            .filter(start_date__lte=period.end)
            .filter(took_place())
        )
    from doingoai.activities.models import Activity, ActivityPlace

    # the trips that took place, as section 1 and the dashboard count them
    qs = qs.filter(kind__in=DELEGATION_KINDS)
    counts = dict(qs.order_by().values_list("kind").annotate(n=Count("id")))
    out["out"], out["in"] = counts.get("delegation_out", 0), counts.get("delegation_in", 0)
    if not counts:
        return out
    ids = qs.values("pk")
    # a delegation abroad goes to the countries of its places; one received comes from
    # the countries of its partners
    grid: dict[str, dict[str, int]] = defaultdict(lambda: {"out": 0, "in": 0})
    for country, n in (
        ActivityPlace.objects.filter(activity__in=ids.filter(kind="delegation_out"))
        .exclude(country="VN")
        .values_list("country")
        .annotate(n=Count("activity_id", distinct=True))
    ):
        grid[country]["out"] += n
    through = Activity.partners.through
    for country, n in (
        through.objects.filter(activity__in=ids.filter(kind="delegation_in"))
        .exclude(partner__country="VN")
        .values_list("partner__country")
        .annotate(n=Count("activity_id", distinct=True))
    ):
        grid[country or ""]["in"] += n
    out["by_country"] = [
        {"country": c, "name": country_name(c, "vi") or "—", **v}
        for c, v in sorted(grid.items(), key=lambda kv: (-kv[1]["out"] - kv[1]["in"], kv[0]))
    ]
    out["by_purpose"] = _by_purpose(qs)
    out["rows"], out["more"] = _delegation_rows(qs, counts)
    return out


def _by_purpose(qs) -> list[dict]:
    """What the delegations went (or came) for: the main purpose recorded on each,
    each delegation counted once; "" where none is recorded yet."""
    grid: dict[str, dict[str, int]] = defaultdict(lambda: {"out": 0, "in": 0})
    for kind, purpose, n in (
        qs.order_by().values_list("kind", "main_purpose").annotate(n=Count("id"))
    ):
        grid[purpose or NO_PURPOSE]["out" if kind == "delegation_out" else "in"] += n
    return [
        {"purpose": k, **v}
        for k, v in sorted(grid.items(), key=lambda kv: (-kv[1]["out"] - kv[1]["in"], kv[0]))
    ]


def _first_line(text: str, limit: int = 300) -> str:
    """The text on one line, cut at the last word within ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;.") + "…"


def _delegation_rows(qs, counts) -> tuple[list[dict], int]:
    from django.db.models import Prefetch

    from doingoai.activities.models import Activity, DelegationMember

    total = sum(counts.values())
    funding = dict(Activity.Funding.choices)
    picked = (
        qs.order_by("start_date", "pk")
        .prefetch_related(
            "places",
            "partners",
            Prefetch("members", queryset=DelegationMember.objects.order_by("position_order", "pk")),
        )
        .only(
            "pk",
            "title",
            "kind",
            "start_date",
            "end_date",
            "main_purpose",
            "purpose",
            "funding_source",
            "outcomes",
            "report",
        )
    )
    if total > DELEGATION_ROWS:  # the newest ones, in date order
        newest = list(
            qs.order_by("-start_date", "-pk").values_list("pk", flat=True)[:DELEGATION_ROWS]
        )
        picked = picked.filter(pk__in=newest)
    rows = []
    for a in picked:
        if a.kind == "delegation_out":
            countries = [p.country for p in a.places.all() if p.country != "VN"]
        else:
            countries = [p.country for p in a.partners.all() if p.country and p.country != "VN"]
        members = list(a.members.all())
        head = next((m for m in members if m.role == "head"), members[0] if members else None)
        rows.append(
            {
                "id": a.pk,
                "kind": a.kind,
                "start": a.start_date,
                "end": a.end_date,
                "title": a.title,
                "countries": ", ".join(dict.fromkeys(country_name(c, "vi") for c in countries)),
                "members": len(members),
                "head": (head.name if head else ""),
                "funding": str(funding.get(a.funding_source, "")) if a.funding_source else "",
                "main_purpose": a.main_purpose,
                "purpose": _first_line(a.purpose, PURPOSE_CHARS),
                "result": _first_line(a.outcomes or a.report, RESULT_CHARS),
            }
        )
    return rows, max(total - len(rows), 0)


# -- resources by stage ----------------------------------------------------------


def resource_stages(unit, period, user, by_partner: list[dict]) -> dict:
    """The money by direction × stage × form (cash, in kind, other), by country ×
    stage, and for the partners the report names (``by_partner``: the leading ones of
    each direction) by stage, the others summed in one row."""
    out = {"by_stage": [], "by_country": [], "by_partner": []}
    qs = resource_qs(unit, user, period.start, period.end)
    if qs is None:
        return out
    from doingoai.resources.selectors import resource_country

    months = summed_months(unit, period, user)
    if months:  # the same resources, summed from the per-partner summary
        from .models import ResourcePartnerMonth

        qs = ResourcePartnerMonth.objects.filter(
            unit=unit, month__gte=months[0], month__lte=months[1]
        )
        money, country = SUMMED_MONEY, {}
    else:
        money, country = MONEY, {"country": resource_country()}
    out["by_stage"] = [
        {**r, **_money(r)}
        for r in qs.order_by().values("direction", "stage", "kind").annotate(**money)
    ]
    out["by_country"] = [
        {**r, "country": r["country"] or "", **_money(r)}
        for r in qs.order_by()
        .annotate(**country)
        .values("direction", "country", "stage")
        .annotate(**money)
    ]
    named = [r["partner_id"] for r in by_partner if r.get("partner_id")]
    rows = (
        qs.order_by()
        .filter(partner_id__in=named)
        .values("direction", "partner_id", "stage")
        .annotate(**money)
    )
    out["by_partner"] = [{**r, **_money(r)} for r in rows]
    return out


def stage_totals(rows: list[dict], key: str) -> dict:
    """``{(direction, key value): {stage: money}}`` from rows by stage."""
    grid: dict = defaultdict(lambda: defaultdict(lambda: _money({})))
    for r in rows:
        cell = grid[(r["direction"], r[key])][r["stage"]]
        for m in ("items", "no_rate"):
            cell[m] += r[m]
        for m in ("vnd", "usd"):
            cell[m] += r[m] or ZERO
    return grid


# -- news ---------------------------------------------------------------------------


def news(unit, period, user) -> dict:
    """News items published in the period (not drafts still to review), by year."""
    qs = scoped("news.NewsItem", user, unit)
    if qs is None:
        return {"published": 0, "by_year": [], "with_activity": 0}
    qs = (
        qs.filter(under(unit.path), published__gte=period.start, published__lte=period.end)
        .exclude(status="draft")
        .order_by()
    )
    counts = qs.aggregate(n=Count("id"), linked=Count("id", filter=Q(activity__isnull=False)))
    by_year = dict(qs.annotate(y=ExtractYear("published")).values_list("y").annotate(n=Count("id")))
    return {
        "published": counts["n"],
        "with_activity": counts["linked"],
        "by_year": [{"year": y, "n": by_year.get(y, 0)} for y in period.years],
    }
