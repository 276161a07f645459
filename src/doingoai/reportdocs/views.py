"""The report document's files and its panel (the path's buttons and log, the files)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse

from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.scope import VIEW
from doingoai.core.workflow import workflow_context
from doingoai.documents.layout import CONTENT_TYPES

from . import services
from .kinds import ReportDocumentKind


@kind_view(ReportDocumentKind, "report-documents_file", path="file/", action=VIEW)
def report_file(request, report):
    """``?format=docx|pdf|xlsx``: the issued file as issued, a draft as of now."""
    fmt = request.GET.get("format", "docx")
    if fmt not in services.FORMATS:
        raise Http404
    data = services.render(report, fmt, request.user)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = services.download_name(report)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def files(report) -> list[tuple[str, str]]:
    url = reverse("report-documents_file", args=[report.pk])
    return [(fmt.upper(), f"{url}?format={fmt}") for fmt in services.FORMATS]


@detail_panel(ReportDocumentKind, "reportdocs/panel.html", order=10)
def report_panel(report, user):
    return {"report_files": files(report), **workflow_context(services.PATH, report, user)}
