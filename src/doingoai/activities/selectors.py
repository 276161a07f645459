"""Activities as other pages show them: on an agreement's and a partner's timeline, in
a unit's figures."""

from __future__ import annotations

from django.db.models import Count, F, Max, Min, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.agreements.hooks import agreement_timeline
from doingoai.core.scope import VIEW, under, visible_under
from doingoai.organization.hooks import unit_stats
from doingoai.partners.hooks import (
    partner_engagement_spans,
    partner_engagements,
    partner_timeline,
)

from .models import Activity


def _entry(a: Activity) -> dict:
    places = "; ".join(str(p) for p in a.places.all())
    return {
        "date": a.start_date,
        "label": a.get_kind_display(),
        "title": a.title,
        "url": a.get_absolute_url(),
        "detail": places,
        "css": "activity",
    }


@agreement_timeline.provide
def agreement_activities(agreement, user):
    qs = (
        Activity.objects.restrict(user, VIEW)
        .filter(agreements=agreement)
        .distinct()
        .prefetch_related("places")
        .order_by("-start_date")[:100]
    )
    return [_entry(a) for a in qs]


@partner_timeline.provide
def partner_activities(partner, user):
    qs = (
        Activity.objects.restrict(user, VIEW)
        .filter(partners=partner)
        .distinct()
        .prefetch_related("places")
        .order_by("-start_date")[:100]
    )
    return [_entry(a) for a in qs]


@unit_stats.provide
def unit_activities(unit, user, term):
    qs = Activity.objects.restrict(user, VIEW).filter(under(unit.path))
    url = reverse("activities_list") + f"?unit={unit.pk}"
    if term is not None:
        qs = qs.filter(start_date__gte=term.start_date, start_date__lte=term.end_date)
        url += f"&start_after={term.start_date:%Y-%m-%d}&start_before={term.end_date:%Y-%m-%d}"
    figures = qs.aggregate(
        total=Count("pk"),
        abroad=Count("pk", filter=Q(kind=Activity.Kind.DELEGATION_OUT)),
        received=Count("pk", filter=Q(kind=Activity.Kind.DELEGATION_IN)),
    )
    return [
        {"label": _("Activities this term"), "value": figures["total"], "url": url},
        {
            "label": _("Delegations abroad"),
            "value": figures["abroad"],
            "url": url + "&kind=delegation_out",
        },
        {
            "label": _("Delegations received"),
            "value": figures["received"],
            "url": url + "&kind=delegation_in",
        },
    ]


def _engaging(unit, user, start, end):
    """The activities that engaged their partners in [start, end]: those starting then."""
    qs = visible_under(Activity, user, unit)
    if start:
        qs = qs.filter(start_date__gte=start)
    if end:
        qs = qs.filter(start_date__lte=end)
    return qs


@partner_engagements.provide
def activity_partners(unit, user, start, end):
    return [_engaging(unit, user, start, end).values("partners")]


@partner_engagement_spans.provide
def activity_partner_spans(root, user, end):
    rows = (
        _engaging(root, user, None, end)
        .filter(partners__isnull=False)
        .order_by()
        .values("unit_id", partner_id=F("partners"))
        .annotate(first=Min("start_date"), last=Max("start_date"))
    )
    return [rows]
