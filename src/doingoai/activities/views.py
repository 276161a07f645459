"""Activity pages beyond the generic views: places, delegation members and the events
of a trip."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse

from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.scope import VIEW
from doingoai.core.workflow import workflow_context
from doingoai.documents import layout

from . import documents
from .delegation import DELEGATION_PATH, PATH_KINDS
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
        "documents": activity.kind in PATH_KINDS,
        "places": list(activity.places.all()),
        "members": list(activity.members.all()),
        "events": events,
        "add_event_url": reverse("activities_add") + f"?parent={activity.pk}",
    }


def _document(request, doc, name: str) -> HttpResponse:
    """``?format=docx|pdf``: the document in the shared Decree 30 layout."""
    fmt = request.GET.get("format", "docx")
    if fmt not in documents.FORMATS:
        raise Http404
    return HttpResponse(
        layout.render(doc, fmt),
        content_type=layout.CONTENT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


@kind_view(ActivityKind, "activities_request_document", path="request/")
def request_document(request, activity):
    """Tờ trình đề nghị cử đoàn (Word, or PDF with ``?format=pdf``)."""
    doc = documents.request_document(activity)
    return _document(request, doc, documents.download_name("to-trinh", activity))


@kind_view(ActivityKind, "activities_report_document", path="report/")
def report_document(request, activity):
    """Báo cáo kết quả chuyến công tác (Word, or PDF with ``?format=pdf``)."""
    doc = documents.report_document(activity, documents.trip_gifts(activity, request.user))
    return _document(request, doc, documents.download_name("bao-cao", activity))
