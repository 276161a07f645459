"""Activity pages beyond the generic views: places, delegation members and the events
of a trip."""

from __future__ import annotations

from django.urls import reverse

from doingoai.core.registry import detail_panel
from doingoai.core.scope import VIEW

from .kinds import ActivityKind
from .models import Activity


@detail_panel(ActivityKind, "activities/activity_panels.html", order=10)
def activity_panel(activity, user):
    events = list(
        Activity.objects.restrict(user, VIEW)
        .filter(parent=activity)
        .prefetch_related("places")
        .order_by("start_date", "pk")
    )
    return {
        "places": list(activity.places.all()),
        "members": list(activity.members.all()),
        "events": events,
        "add_event_url": reverse("activities_add") + f"?parent={activity.pk}",
    }
