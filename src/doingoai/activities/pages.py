"""Activity pages beyond the generic views: the detail panel and the timeline hooks of
agreements, partners and units."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.scope import VIEW, under

from .models import Activity


def _entry(a: Activity) -> dict:
    places = "; ".join(str(p) for p in a.places.all())
    return {"date": a.start_date, "label": a.get_kind_display(), "title": a.title,
            "url": a.get_absolute_url(), "detail": places, "css": "activity"}


def activity_context(activity, user):
    from doingoai.core.registry import REGISTRY, gather

    events = list(
        Activity.objects.restrict(user, VIEW).filter(parent=activity)
        .prefetch_related("places").order_by("start_date", "pk")
    )
    resources = gather("activity_resources", ("resources",), activity, user)
    add_resource_url = ""
    if "resources" in REGISTRY:
        add_resource_url = reverse("resources_add") + f"?activity={activity.pk}"
        agreement_ids = [a.pk for a in activity.agreements.all()[:2]]
        if len(agreement_ids) == 1:
            add_resource_url += f"&agreement={agreement_ids[0]}"
        partner_ids = [p.pk for p in activity.partners.all()[:2]]
        if len(partner_ids) == 1:
            add_resource_url += f"&partner={partner_ids[0]}"
    return {
        "places": list(activity.places.all()),
        "members": list(activity.members.all()),
        "events": events,
        "activity_resources": resources,
        "add_event_url": reverse("activities_add") + f"?parent={activity.pk}",
        "add_resource_url": add_resource_url,
    }


def agreement_timeline(agreement, user):
    qs = (Activity.objects.restrict(user, VIEW).filter(agreements=agreement).distinct()
          .prefetch_related("places").order_by("-start_date")[:100])
    return [_entry(a) for a in qs]


def partner_timeline(partner, user):
    qs = (Activity.objects.restrict(user, VIEW).filter(partners=partner).distinct()
          .prefetch_related("places").order_by("-start_date")[:100])
    return [_entry(a) for a in qs]


def unit_stats(unit, user, term):
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
        {"label": _("Delegations abroad"), "value": figures["abroad"],
         "url": url + "&kind=delegation_out"},
        {"label": _("Delegations received"), "value": figures["received"],
         "url": url + "&kind=delegation_in"},
    ]
