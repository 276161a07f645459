"""Agreements as other pages show them: on a partner's timeline, in a unit's figures."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Max, Min, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.scope import VIEW, under, visible_under
from doingoai.organization.hooks import unit_stats
from doingoai.partners.hooks import (
    partner_engagement_spans,
    partner_engagements,
    partner_timeline,
)

from .models import Agreement, Status, status_q, with_renewals


@partner_timeline.provide
def partner_agreements(partner, user):
    qs = Agreement.objects.restrict(user, VIEW).filter(partners=partner).distinct()
    return [
        {
            "date": a.signed_date or a.start_date,
            "label": _("Agreement"),
            "title": a.title,
            "url": a.get_absolute_url(),
            "detail": a.get_status_display(),
        }
        for a in with_renewals(qs.order_by("-signed_date")[:50])
    ]


@unit_stats.provide
def unit_agreements(unit, user, term):
    qs = Agreement.objects.restrict(user, VIEW).filter(under(unit.path))
    url = reverse("agreements_list")
    return [
        {
            "label": _("Agreements in force"),
            "value": qs.filter(status_q(Status.IN_FORCE) | status_q(Status.EXPIRING)).count(),
            "url": f"{url}?unit={unit.pk}&status=in_force",
        },
    ]


def _engaging(unit, user, start, end):
    """An agreement signed by then and not ended before the period."""
    qs = visible_under(Agreement, user, unit).filter(signed_date__isnull=False)
    if end:
        qs = qs.filter(signed_date__lte=end)
    if start:
        qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    return qs


@partner_engagements.provide
def agreement_partners(unit, user, start, end):
    return [_engaging(unit, user, start, end).values("partners")]


@partner_engagement_spans.provide
def agreement_partner_spans(root, user, end):
    """From its signature until its end (still running: no end date)."""
    rows = (
        _engaging(root, user, None, end)
        .filter(partners__isnull=False)
        .order_by()
        .values("unit_id", partner_id=F("partners"))
        .annotate(
            first=Min("signed_date"),
            last=Max(Coalesce("end_date", Value(dt.date.max))),
        )
    )
    return [rows]
