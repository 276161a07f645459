"""What the report documents give to the reports page."""

from __future__ import annotations

from django.urls import reverse

from doingoai.core.registry import may_add
from doingoai.core.scope import VIEW
from doingoai.reports.hooks import report_documents

from .models import ReportDocument
from .views import files


@report_documents.provide
def unit_report_documents(user, unit) -> list[dict]:
    """The unit's report documents the reader may see, and the page to start one when
    her role lets her add report documents (a viewer is offered none)."""
    from .kinds import ReportDocumentKind

    reports = (
        ReportDocument.objects.restrict(user, VIEW)
        .filter(unit=unit)
        .select_related("term", "unit")
        .order_by("-year", "-term__number", "-pk")
    )
    documents = [
        {
            "label": str(r),
            "period": r.period.label,
            "state": r.get_state_display(),
            "url": r.get_absolute_url(),
            "files": files(r),
        }
        for r in reports
    ]
    start = reverse("report-documents_add") if may_add(ReportDocumentKind, user) else ""
    return [{"documents": documents, "start_url": start}]
