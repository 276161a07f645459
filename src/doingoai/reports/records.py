"""The figures of the term and year report beyond the dashboard's: the agreements'
reviews and ends, the delegations (by country, by purpose, and their table), the
resources by stage (pledged, committed, disbursed) and form, and the news published.

Everything is counted from the records the reader may see in the unit's subtree
(``figures.scoped`` + ``under``), in the database; the delegations' table is capped
(``DELEGATION_ROWS``) so that a national report stays small and fast."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from doingoai.core.countries import country_name
from doingoai.core.scope import under

from .figures import (
    DELEGATION_KINDS,
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
)

#: delegations listed one by one in the report (the newest first beyond it)
DELEGATION_ROWS = 100
#: the purpose and result of a delegation in its row, cut at a word beyond these lengths
#: (the table holds eight columns on portrait A4; the records hold the whole text)
PURPOSE_CHARS, RESULT_CHARS = 120, 200
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
            "delegations": report_delegations(unit, period, user, parts),
            "news": parts.get("report_news", lambda: news(unit, period, user)),
        }

    return get_or_compute(f"{key}:report:{data_version()}", compute)


def report_delegations(unit, period, user, parts: Sections) -> dict:
    """:func:`delegations`, kept in the cache. Counted from the summaries (the reader
    sees the whole subtree and they are valid): under the delegations' versions of the
    subtree (``figures.subtree_stamp``, part ``dlg``: moved by every change of a
    delegation in it, its places, members or partners; not by another activity's nor
    by aid), so the country's report after a workshop saved in Hà Nội reads nothing
    again, and after a delegation saved sums a few thousand summary rows and reads the
    newest rows of its table. Else under the versions of the apps it reads."""
    months = summed_months(unit, period, user)
    if months and parts.key:
        return parts.subtree(
            "report_delegations",
            unit,
            lambda: delegations(unit, period, user, months),
            part="dlg",
        )
    return parts.get("report_delegations", lambda: delegations(unit, period, user))


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


def delegations(unit, period, user, months=None) -> dict:
    """The delegations of ``unit``'s subtree that took place in the period: counts, by
    country, by purpose, and their table. With ``months`` (``figures.summed_months``:
    the reader sees the whole subtree and the summaries are valid) the counts are
    summed from the unit's own summary rows (``DelegationMonth``,
    ``DelegationCountryMonth``: a few thousand rows for the country's term, where
    counting its 90,000 delegations and their places and partners took 0.2–0.4 s);
    else counted from the records she may see."""
    out = {"out": 0, "in": 0, "by_country": [], "by_purpose": [], "rows": [], "more": 0}
    qs = activity_qs(unit, user, period.start, period.end)
    if qs is None:
        return out
    # the trips that took place, as section 1 and the dashboard count them
    qs = qs.filter(kind__in=DELEGATION_KINDS)
    if months:
        purposes, countries = _summed_delegations(unit, months)
    else:
        purposes, countries = _counted_delegations(qs)
    counts = defaultdict(int)
    for kind, _purpose, n in purposes:
        counts[kind] += n
    out["out"], out["in"] = counts["delegation_out"], counts["delegation_in"]
    if not out["out"] + out["in"]:
        return out
    out["by_country"] = [
        {"country": c, "name": country_name(c, "vi") or "—", **v}
        for c, v in sorted(_grid(countries).items(), key=_most)
    ]
    by_purpose = _grid((kind, p or NO_PURPOSE, n) for kind, p, n in purposes)
    out["by_purpose"] = [{"purpose": k, **v} for k, v in sorted(by_purpose.items(), key=_most)]
    out["rows"], out["more"] = _delegation_rows(qs, out["out"] + out["in"])
    return out


def _grid(rows) -> dict[str, dict[str, int]]:
    """{key: {"out": n, "in": n}} of (kind, key, n) rows."""
    grid: dict[str, dict[str, int]] = defaultdict(lambda: {"out": 0, "in": 0})
    for kind, key, n in rows:
        grid[key or ""]["out" if kind == "delegation_out" else "in"] += n
    return grid


def _most(item) -> tuple:
    key, v = item
    return (-v["out"] - v["in"], key)


def _summed_delegations(unit, months) -> tuple[list, list]:
    """(kind, main purpose, n) and (kind, country, n) rows of ``unit``'s subtree over
    ``months``, from its own summary rows."""
    from .models import DelegationCountryMonth, DelegationMonth

    span = {"unit": unit, "month__gte": months[0], "month__lte": months[1]}
    purposes = (
        DelegationMonth.objects.filter(**span)
        .values_list("kind", "main_purpose")
        .annotate(n=Sum("delegations"))
        .order_by()
    )
    countries = (
        DelegationCountryMonth.objects.filter(**span)
        .values_list("kind", "country")
        .annotate(n=Sum("delegations"))
        .order_by()
    )
    return list(purposes), list(countries)


def _counted_delegations(qs) -> tuple[list, list]:
    """The same rows counted from the delegations ``qs``: a delegation abroad goes to
    the countries of its places, one received comes from the countries of its
    partners (Viet Nam left out), each delegation counted once per country."""
    from doingoai.activities.models import Activity, ActivityPlace

    purposes = list(qs.order_by().values_list("kind", "main_purpose").annotate(n=Count("id")))
    if not purposes:
        return [], []
    ids = qs.values("pk")
    countries = [
        ("delegation_out", c, n)
        for c, n in ActivityPlace.objects.filter(activity__in=ids.filter(kind="delegation_out"))
        .exclude(country="VN")
        .values_list("country")
        .annotate(n=Count("activity_id", distinct=True))
    ]
    through = Activity.partners.through
    countries += [
        ("delegation_in", c, n)
        for c, n in through.objects.filter(activity__in=ids.filter(kind="delegation_in"))
        .exclude(partner__country="VN")
        .values_list("partner__country")
        .annotate(n=Count("activity_id", distinct=True))
    ]
    return purposes, countries


def _first_line(text: str, limit: int = 300) -> str:
    """The text on one line, cut at the last word within ``limit`` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;.") + "…"


def _delegation_rows(qs, total: int) -> tuple[list[dict], int]:
    """The table of the delegations ``qs`` (``total`` of them): the newest
    ``DELEGATION_ROWS``, in date order, and how many more there are. The newest of each
    kind are read in the order of the (kind, start) index, then the rows by key (a
    sort of every delegation of the country's term took 20–40 ms)."""
    from django.db.models import Prefetch

    from doingoai.activities.models import Activity, ActivityPlace, DelegationMember
    from doingoai.partners.models import Partner

    newest = []
    for kind in DELEGATION_KINDS:
        newest += (
            qs.filter(kind=kind)
            .order_by("-start_date", "-pk")
            .values_list("start_date", "pk")[:DELEGATION_ROWS]
        )
    newest = [pk for _start, pk in sorted(newest)[-DELEGATION_ROWS:]]
    funding = dict(Activity.Funding.choices)
    picked = (
        Activity._base_manager.filter(pk__in=newest)
        .order_by("start_date", "pk")
        .prefetch_related(  # what the rows show of them
            Prefetch("places", queryset=ActivityPlace.objects.only("activity_id", "country")),
            Prefetch("partners", queryset=Partner.objects.only("country")),
            Prefetch(
                "members",
                queryset=DelegationMember.objects.order_by("position_order", "pk").only(
                    "activity_id", "name", "role"
                ),
            ),
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
