"""Activity pages beyond the generic views: places, delegation members and the events
of a trip."""

from __future__ import annotations

from django.urls import reverse

from doingoai.core.registry import detail_panel
from doingoai.core.scope import VIEW
from doingoai.core.workflow import workflow_context

from .delegation import DELEGATION_PATH
from .kinds import ActivityKind
from .models import Activity

DELEGATION_PATH.declare_views(ActivityKind)


@detail_panel(ActivityKind, "activities/activity_panels.html", order=10)
def activity_panel(activity, user):
    events = list(
        Activity.objects.restrict(user, VIEW)
        .filter(parent=activity)
        .prefetch_related("places")
        .order_by("start_date", "pk")
    )
    path = {}
    if activity.state != Activity.State.RECORDED:
        path = workflow_context(DELEGATION_PATH, activity, user)
    return {
        **path,
        "on_path": bool(path),
        "places": list(activity.places.all()),
        "members": list(activity.members.all()),
        "events": events,
        "add_event_url": reverse("activities_add") + f"?parent={activity.pk}",
    }
