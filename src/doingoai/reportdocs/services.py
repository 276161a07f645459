"""The path of a report document (``core.workflow``) and what its issue freezes."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core.scope import APPROVE, CHANGE
from doingoai.core.workflow import Step, Workflow
from doingoai.core.writing import INVALID, FieldError, RecordRefused
from doingoai.documents.layout import RENDERERS, Signer, file_name

from .models import NARRATIVE_FIELDS, ReportDocument

FORMATS = ("docx", "pdf", "xlsx")


def document(report: ReportDocument, user, *, today: dt.date | None = None):
    """The report as a Decree 30 document, with the figures the user may see now."""
    from doingoai.reports.documents import unit_document

    return unit_document(
        unit=report.unit,
        period=report.period,
        user=user,
        today=today or report.issued_date,
        narrative=report.narrative(),
        number=report.number,
        signed_by=signer_of(report),
    )


def signer_of(report: ReportDocument) -> Signer | None:
    if not report.signer_name:
        return None  # the unit's approver, as on a draft
    collective = "ĐOÀN CHỦ TỊCH" if report.unit.level == "central" else "BAN THƯỜNG VỤ"
    return Signer.of(collective=collective, deputy=report.deputy_signs, name=report.signer_name)


def render(report: ReportDocument, fmt: str, user) -> bytes:
    """The issued file as issued; a draft rendered from today's records."""
    if report.state == ReportDocument.State.ISSUED:
        return bytes(getattr(report, f"issued_{fmt}"))
    return RENDERERS[fmt](document(report, user))


def download_name(report: ReportDocument) -> str:
    unit = report.unit
    number = f"so-{report.number}" if report.number else "du-thao"
    return file_name("bao-cao", unit.area_name or unit.name, report.period.slug, number)


def freeze(report: ReportDocument, acting_user, comment: str) -> None:
    """The issue step's effect: number and signer required; the files and the figures
    as of today are stored and served from then on, whatever the records become."""
    missing = [
        FieldError(name, _("Fill in the %(field)s before issuing.") % {"field": label}, label)
        for name, label in (("number", _("document number")), ("signer_name", _("signer")))
        if not getattr(report, name).strip()
    ]
    if missing:
        raise RecordRefused(INVALID, missing)
    report.issued_date = dt.date.today()
    report.issued_by = acting_user
    doc = document(report, acting_user, today=report.issued_date)
    for fmt in FORMATS:
        setattr(report, f"issued_{fmt}", RENDERERS[fmt](doc))
    report.issued_figures = [
        {"title": t.title, "header": t.header, "rows": [[str(v) for v in r] for r in t.rows]}
        for t in doc.tables()
    ]
    report.save()


PATH = Workflow(
    Step(
        "submit",
        gettext_lazy("Submit"),
        ["draft", "returned"],
        "submitted",
        action=CHANGE,  # the unit's editor
        style="primary",
    ),
    Step("approve", gettext_lazy("Approve"), ["submitted"], "approved", action=APPROVE),
    Step(
        "return",
        gettext_lazy("Return"),
        ["submitted", "approved"],
        "returned",
        action=APPROVE,
        comment_required=True,
    ),
    Step(
        "issue",
        gettext_lazy("Issue"),
        ["approved"],
        "issued",
        action=APPROVE,
        effect=freeze,
        style="primary",
    ),
)


def offer_previous_text(*, obj: ReportDocument, acting_user, created: bool) -> None:
    """A save step: a new report without narrative starts from the unit's previous
    report's text (the latest issued one, else the latest one), to be rewritten."""
    if not created or any(getattr(obj, name).strip() for name in NARRATIVE_FIELDS):
        return
    earlier = ReportDocument.objects.filter(unit=obj.unit).exclude(pk=obj.pk)
    previous = (
        earlier.filter(state=ReportDocument.State.ISSUED).order_by("-issued_date", "-pk").first()
        or earlier.order_by("-pk").first()
    )
    if previous is None:
        return
    for name in NARRATIVE_FIELDS:
        setattr(obj, name, getattr(previous, name))
    obj.save()
