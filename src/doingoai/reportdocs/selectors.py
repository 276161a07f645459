"""What the report documents give to the reports page."""

from __future__ import annotations

from doingoai.core.scope import VIEW
from doingoai.reports.hooks import report_documents

from .models import ReportDocument
from .views import files


@report_documents.provide
def unit_report_documents(user, unit) -> list[dict]:
    reports = (
        ReportDocument.objects.restrict(user, VIEW)
        .filter(unit=unit)
        .select_related("term", "unit")
        .order_by("-year", "-term__number", "-pk")
    )
    return [
        {
            "label": str(r),
            "period": r.period.label,
            "state": r.get_state_display(),
            "url": r.get_absolute_url(),
            "files": files(r),
        }
        for r in reports
    ]
