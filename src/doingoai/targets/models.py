"""Targets a unit sets for the units below it, for a congress term or a year.

A target holds only the goal; what the units did is always measured from the records
(``measures.py``), never typed in."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import Record
from doingoai.core.numbers import format_number
from doingoai.core.scope import UnitOwned


class Measure(models.TextChoices):
    INTL_EVENTS = "intl_events", _("Events with international partners held")
    DELEGATIONS_OUT = "delegations_out", _("Delegations sent abroad")
    DELEGATIONS_IN = "delegations_in", _("Delegations received")
    REVIEWS_MID_TERM = "reviews_mid_term", _("Agreements reviewed at mid-term on time (%)")
    REVIEWS_FINAL = "reviews_final", _("Agreements reviewed at the end on time (%)")
    AGREEMENTS = "agreements", _("Agreements signed or renewed")
    RESOURCES_VND = "resources_vnd", _("Resources received (VND)")
    RESOURCES_USD = "resources_usd", _("Resources received (USD at the rate of the day)")
    RESOURCES_ITEMS = "resources_items", _("Aid items received")
    NEW_PARTNERS = "new_partners", _("New partners")
    NEWS = "news", _("News items published")


#: measures given as a share of what fell due (reviews): 100 = every one on time
PERCENT = {Measure.REVIEWS_MID_TERM, Measure.REVIEWS_FINAL}


class Target(Record):
    """``unit`` sets ``value`` of ``measure`` for each unit directly below it (or only
    for the ``units`` named), for a term or a year."""

    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("set by unit"),
        on_delete=models.PROTECT,
        related_name="targets_set",
    )
    term = models.ForeignKey(
        "organization.Term",
        verbose_name=_("term"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    measure = models.CharField(
        _("measure"), max_length=24, choices=Measure, default=Measure.INTL_EVENTS
    )
    value = models.DecimalField(_("target"), max_digits=20, decimal_places=2, default=Decimal(1))
    units = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("only for these units"),
        blank=True,
        related_name="targets",
        help_text=_("Empty: every unit directly below."),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    scope_policy = UnitOwned(owner="unit", shared=None)

    class Meta:
        ordering = ["unit", "measure", "pk"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(term__isnull=False, year__isnull=True)
                | Q(term__isnull=True, year__isnull=False),
                name="target_term_or_year",
            )
        ]

    def __str__(self):
        return f"{self.get_measure_display()} ≥ {self.value_display}"

    @property
    def is_percent(self) -> bool:
        return self.measure in PERCENT

    @property
    def value_display(self) -> str:
        text = format_number(self.value)
        return f"{text}%" if self.is_percent else text
