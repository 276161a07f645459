"""Activity pages beyond the generic views: places, delegation members and the events
of a trip."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.utils.text import slugify

from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.scope import VIEW
from doingoai.core.workflow import workflow_context

from . import documents
from .delegation import DELEGATION_PATH, PATH_KINDS
from .hooks import activity_resources
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


def trip_gifts(activity, user) -> list:
    """What was handed over on the trip and at its events (the resources app's records)."""
    gifts = list(activity_resources.gather(activity, user))
    for event in Activity.objects.restrict(user, VIEW).filter(parent=activity):
        gifts += activity_resources.gather(event, user)
    return [g for g in gifts if getattr(g, "direction", "") == "given"]


def _document(doc, name: str, fmt: str) -> HttpResponse:
    if fmt == "pdf":
        return HttpResponse(
            documents.to_pdf(doc),
            content_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'},
        )
    return HttpResponse(
        documents.to_docx(doc),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="{name}.docx"'},
    )


@kind_view(ActivityKind, "activities_request_document", path="request/")
def request_document(request, activity):
    """Tờ trình đề nghị cử đoàn (Word, or PDF with ``?as=pdf``)."""
    name = "to-trinh-" + slugify(activity.title)[:60]
    return _document(documents.request_doc(activity), name, request.GET.get("as", "docx"))


@kind_view(ActivityKind, "activities_report_document", path="report/")
def report_document(request, activity):
    """Báo cáo kết quả chuyến công tác (Word, or PDF with ``?as=pdf``)."""
    gifts = trip_gifts(activity, request.user)
    name = "bao-cao-" + slugify(activity.title)[:60]
    return _document(documents.report_doc(activity, gifts), name, request.GET.get("as", "docx"))
