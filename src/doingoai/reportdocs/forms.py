from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from doingoai.core.forms import RecordForm

from .models import NARRATIVE_FIELDS, ReportDocument


class ReportDocumentForm(RecordForm):
    """The unit and period of a report, its narrative sections, and (for the issue) its
    number, symbol and signer. An issued report is not edited: start a newer draft."""

    class Meta:
        model = ReportDocument
        fields = [
            "unit",
            "term",
            "year",
            *NARRATIVE_FIELDS,
            "number",
            "code",
            "signer_name",
            "deputy_signs",
            "notes",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in NARRATIVE_FIELDS}

    #: what is fixed once the report leaves the drafter's hands (submitted, approved):
    #: the narrative and what the report covers; the number and signer stay open for
    #: the issue
    LOCKED = ("unit", "term", "year", *NARRATIVE_FIELDS)
    OPEN_STATES = (ReportDocument.State.DRAFT, ReportDocument.State.RETURNED)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.locked:
            for name in self.LOCKED:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "Written while the report is a draft or returned; no longer "
                        "editable once submitted."
                    )

    @property
    def locked(self) -> bool:
        return bool(self.instance.pk) and self.instance.state not in self.OPEN_STATES

    def clean(self):
        data = super().clean()
        if self.locked and self.instance.state != ReportDocument.State.ISSUED:
            for name in NARRATIVE_FIELDS:
                sent = self.data.get(self.add_prefix(name))
                if sent is not None and _text(sent) != _text(getattr(self.instance, name)):
                    self.add_error(
                        name,
                        _(
                            "The report has been submitted: its text can no longer be "
                            "changed. Ask the approver to return it to edit the text."
                        ),
                    )
        if self.instance.pk and self.instance.state == ReportDocument.State.ISSUED:
            raise forms.ValidationError(
                _("This report has been issued and is kept as issued; start a newer draft.")
            )
        if not data.get("term") and not data.get("year"):
            self.add_error("term", _("Choose the term or the year the report covers."))
        if data.get("term") and data.get("year"):
            self.add_error("year", _("A report covers a term or a year, not both."))
        return data


def _text(value) -> str:
    return str(value or "").replace("\r\n", "\n").strip()
