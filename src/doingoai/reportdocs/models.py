"""A unit's term or year report as a document: its narrative, its path, its issued copy."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import Record
from doingoai.core.scope import UnitOwned
from doingoai.organization.models import Term, Unit

#: the narrative fields, in the order of section III of the report
NARRATIVE_FIELDS = ["assessment", "highlights", "limits", "lessons", "directions"]


class ReportDocument(Record):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")
        ISSUED = "issued", _("Issued")

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="report_documents"
    )
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    assessment = models.TextField(_("general assessment"), blank=True)
    highlights = models.TextField(_("results beyond the numbers"), blank=True)
    limits = models.TextField(_("limits and their causes"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    directions = models.TextField(_("directions and proposals for the next period"), blank=True)
    number = models.CharField(_("document number"), max_length=20, blank=True)
    code = models.CharField(_("symbol"), max_length=30, default="BC-HPN")
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    deputy_signs = models.BooleanField(
        _("a deputy signs for the chair (KT. CHỦ TỊCH)"), default=False
    )
    issued_date = models.DateField(_("issued on"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # the issued copy: the files and the figures as of the day of issue
    issued_docx = models.BinaryField(null=True, editable=False)
    issued_pdf = models.BinaryField(null=True, editable=False)
    issued_xlsx = models.BinaryField(null=True, editable=False)
    issued_figures = models.JSONField(null=True, editable=False)

    scope_policy = UnitOwned(owner="unit", shared=None)

    class Meta:
        verbose_name = _("report document")
        verbose_name_plural = _("report documents")

    def __str__(self):
        number = f" {self.number}/{self.code}" if self.number else ""
        return f"Báo cáo {self.period.label_vi}{number}"

    @property
    def period(self):
        from doingoai.reports.periods import make_period

        if self.year:
            return make_period(year=self.year)
        # the term as loaded with the report (no query by its name)
        return make_period(term=self.term if self.term_id else None)

    def narrative(self) -> dict:
        return {name: getattr(self, name) for name in NARRATIVE_FIELDS}
