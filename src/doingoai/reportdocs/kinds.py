from doingoai.core.registry import RecordKind, register

from . import services
from .filtersets import ReportDocumentFilterSet
from .forms import ReportDocumentForm
from .models import ReportDocument
from .tables import ReportDocumentTable


@register
class ReportDocumentKind(RecordKind):
    model = ReportDocument
    slug = "report-documents"
    form_class = ReportDocumentForm
    filterset_class = ReportDocumentFilterSet
    table_class = ReportDocumentTable
    list_select_related = ["unit", "term"]
    detail_select_related = ["unit", "term", "issued_by"]
    detail_fields = [
        "unit",
        "term",
        "year",
        "state",
        "number",
        "code",
        "signer_name",
        "deputy_signs",
        "issued_date",
        "issued_by",
        "assessment",
        "highlights",
        "limits",
        "lessons",
        "directions",
        "notes",
    ]
    export_fields = ["unit", "term", "year", "state", "number", "code", "issued_date"]
    ordering = ["-pk"]
    nav_group = "hidden"  # reached from "Báo cáo" (/reports/)
    has_attachments = False
    api = False
    save_steps = [services.offer_previous_text]
    workflow = services.PATH


services.PATH.declare_views(ReportDocumentKind)
