"""Resources as other pages show them: on an agreement's and a partner's timeline, in a
unit's figures."""

from __future__ import annotations

from django.db.models import F, Max, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.activities.models import Activity, ActivityPlace
from doingoai.agreements.hooks import agreement_timeline
from doingoai.agreements.models import Agreement
from doingoai.core.scope import VIEW, under, visible_under
from doingoai.organization.hooks import unit_stats
from doingoai.partners.hooks import (
    partner_engagement_spans,
    partner_engagements,
    partner_timeline,
)

from . import money
from .models import Resource


def _detail(r: Resource) -> str:
    text = money.format_money(r.amount, r.currency)
    if r.currency != money.VND:
        vnd = money.format_money(r.amount_vnd, money.VND) or _("no exchange rate yet")
        text += f" ≈ {vnd}"
    return text


def _entry(r: Resource) -> dict:
    return {
        "date": r.date,
        "label": r.get_direction_display(),
        "title": r.title,
        "url": r.get_absolute_url(),
        "detail": _detail(r),
        "css": "resource",
    }


@agreement_timeline.provide
def agreement_resources(agreement, user):
    qs = Resource.objects.restrict(user, VIEW).filter(agreement=agreement).order_by("-date")
    return [_entry(r) for r in qs[:100]]


@partner_timeline.provide
def partner_resources(partner, user):
    # the two ways a resource belongs to the partner, each an index lookup, then united:
    # an OR of both makes PostgreSQL walk every resource by date (250 ms at 200k), and a
    # join needs a DISTINCT over them all (1 s)
    with_partner = Activity.partners.through.objects.filter(partner=partner)
    ids = (
        Resource._base_manager.filter(partner=partner)
        .values("pk")
        .union(
            Resource._base_manager.filter(activity__in=with_partner.values("activity_id")).values(
                "pk"
            )
        )
    )
    qs = Resource.objects.restrict(user, VIEW).filter(pk__in=ids).order_by("-date")
    return [_entry(r) for r in qs[:100]]


def activity_resources(activity, user) -> list[Resource]:
    return list(
        Resource.objects.restrict(user, VIEW).filter(activity=activity).order_by("date", "pk")
    )


@unit_stats.provide
def unit_resources(unit, user, term):
    qs = Resource.objects.restrict(user, VIEW).filter(under(unit.path))
    url = reverse("resources_list") + f"?unit={unit.pk}"
    if term is not None:
        qs = qs.filter(date__gte=term.start_date, date__lte=term.end_date)
        url += f"&date_after={term.start_date:%Y-%m-%d}&date_before={term.end_date:%Y-%m-%d}"
    sums = qs.aggregate(
        received=Sum("amount_usd", filter=Q(direction=Resource.Direction.RECEIVED)),
        given=Sum("amount_vnd", filter=Q(direction=Resource.Direction.GIVEN)),
    )
    return [
        {
            "label": _("Resources received (USD)"),
            "value": money.format_money(sums["received"] or 0, money.USD),
            "url": url + "&direction=received",
        },
        {
            "label": _("Resources given (VND)"),
            "value": money.format_money(sums["given"] or 0, money.VND),
            "url": url + "&direction=given",
        },
    ]


def _engaging(unit, user, start, end):
    """The resources that engaged their partner in [start, end]: those dated then."""
    qs = visible_under(Resource, user, unit)
    if start:
        qs = qs.filter(date__gte=start)
    if end:
        qs = qs.filter(date__lte=end)
    return qs


@partner_engagements.provide
def resource_partners(unit, user, start, end):
    return [_engaging(unit, user, start, end).values("partner")]


@partner_engagement_spans.provide
def resource_partner_spans(root, user, end):
    rows = (
        _engaging(root, user, None, end)
        .filter(partner__isnull=False)
        .order_by()
        .values("unit_id", "partner_id")
        .annotate(first=Min("date"), last=Max("date"))
    )
    return [rows]


def resource_country():
    """The partner country of a resource, as an expression: its partner's, else (a gift
    to several partners) the country of the activity it was handed over at, else of
    the first partner of its agreement."""
    return Coalesce(
        NullIf(F("partner__country"), Value("")),
        Subquery(
            ActivityPlace.objects.filter(activity_id=OuterRef("activity_id"))
            .order_by("position", "pk")
            .values("country")[:1]
        ),
        Subquery(
            Agreement.partners.through.objects.filter(agreement_id=OuterRef("agreement_id"))
            .order_by("pk")
            .values("partner__country")[:1]
        ),
        Value(""),
    )
