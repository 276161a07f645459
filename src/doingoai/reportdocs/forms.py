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

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.state == ReportDocument.State.ISSUED:
            raise forms.ValidationError(
                _("This report has been issued and is kept as issued; start a newer draft.")
            )
        if not data.get("term") and not data.get("year"):
            self.add_error("term", _("Choose the term or the year the report covers."))
        if data.get("term") and data.get("year"):
            self.add_error("year", _("A report covers a term or a year, not both."))
        return data
