"""Resources (money and goods received from partners or given to them) and the
exchange rates that give every amount its VND and USD equivalents."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import CoveringIndex, Record
from doingoai.core.scope import Everyone, UnitOwned
from doingoai.core.text import fold

from . import money

MAX_AMOUNT = Decimal("1e17")


class ExchangeRate(Record):
    """How many đồng one unit of a currency was worth on a date.

    A rate holds from its date until the next one of the same currency; when
    currency has one rate a day (imports update the existing row).
    """

    currency = models.CharField(
        _("currency"), max_length=3, help_text=_("ISO 4217 code, e.g. USD.")
    )
    date = models.DateField(_("date"))
    vnd_per_unit = models.DecimalField(_("đồng per unit"), max_digits=18, decimal_places=6)
    source = models.CharField(_("source"), max_length=200, blank=True)

    scope_policy = Everyone()

    class Meta:
        ordering = ["currency", "-date", "-pk"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        indexes = [models.Index(fields=["currency", "date"])]
        constraints = [
            models.UniqueConstraint(fields=["currency", "date"], name="one_rate_a_day"),
        ]

    def __str__(self):
        return f"{self.currency} {self.date:%d/%m/%Y}: {money.format_number(self.vnd_per_unit)} ₫"

    def clean(self):
        errors = {}
        self.currency = (self.currency or "").strip().upper()
        if not money.is_currency(self.currency):
            errors["currency"] = money.currency_error(self.currency)
        elif self.currency == "VND":
            errors["currency"] = _("The đồng needs no exchange rate.")
        if self.vnd_per_unit is not None and self.vnd_per_unit <= 0:
            errors["vnd_per_unit"] = _("A rate must be greater than zero.")
        if errors:
            raise ValidationError(errors)


class Resource(Record):
    class Direction(models.TextChoices):
        RECEIVED = "received", _("Received from a partner")
        GIVEN = "given", _("Given to a partner")

    class Kind(models.TextChoices):
        CASH = "cash", _("Cash")
        IN_KIND = "in_kind", _("In kind")
        PROJECT = "project", _("Project")
        TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
        SCHOLARSHIP = "scholarship", _("Scholarship")

    class Stage(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        COMMITTED = "committed", _("Committed")
        DISBURSED = "disbursed", _("Disbursed")

    title = models.CharField(_("title"), max_length=400)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind, default=Kind.CASH)
    quantity = models.DecimalField(
        _("quantity"), max_digits=14, decimal_places=2, default=Decimal(1)
    )
    unit_value = models.DecimalField(_("unit value"), max_digits=20, decimal_places=2)
    amount = models.DecimalField(
        _("amount"),
        max_digits=20,
        decimal_places=2,
        editable=False,
        default=Decimal(0),
        help_text=_("Quantity × unit value."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, default="VND", help_text=_("ISO 4217 code, e.g. VND, USD.")
    )
    date = models.DateField(_("value date"))
    stage = models.CharField(_("stage"), max_length=10, choices=Stage, default=Stage.DISBURSED)
    beneficiaries = models.TextField(_("beneficiaries"), blank=True)
    beneficiaries_count = models.PositiveIntegerField(
        _("number of beneficiaries"), null=True, blank=True
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
    )
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    amount_vnd = models.DecimalField(
        _("amount in VND"), max_digits=24, decimal_places=0, null=True, blank=True, editable=False
    )
    amount_usd = models.DecimalField(
        _("amount in USD"), max_digits=20, decimal_places=2, null=True, blank=True, editable=False
    )
    rate_note = models.CharField(
        _("exchange rate used"), max_length=200, blank=True, editable=False
    )
    shared_with = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("shared with"),
        related_name="resources_shared",
        blank=True,
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    scope_policy = UnitOwned(
        owner="unit", visible_via=["activity__units", "agreement__units"], shared="shared_with"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["unit", "date"]),
            models.Index(fields=["direction", "date", "unit"], name="resource_dir_date_unit"),
            models.Index(fields=["partner", "date"]),
            # a period's money by direction and partner, read from the index alone
            models.Index(
                fields=["date", "direction", "partner", "amount_vnd", "amount_usd", "unit"],
                name="resource_period_money",
            ),
            # the list's order (newest first), with the columns of a reader's scope
            # carried (the owner unit, the activity, the agreement; as the activities'):
            # her page is checked against her scope in the index alone
            CoveringIndex(
                fields=["date", "id"],
                include=["unit", "activity", "agreement"],
                name="resource_date_id",
            ),
        ]

    def __str__(self):
        return self.title

    #: an import of published data may record a reversal (IATI allows negative values)
    negative_allowed = False

    def compute_amount(self) -> Decimal | None:
        try:
            return (Decimal(self.quantity) * Decimal(self.unit_value)).quantize(Decimal("0.01"))
        except (TypeError, InvalidOperation):
            return None

    def clean(self):
        errors = {}
        self.currency = (self.currency or "").strip().upper()
        if not money.is_currency(self.currency):
            errors["currency"] = money.currency_error(self.currency)
        if self.quantity is not None and self.quantity <= 0:
            errors["quantity"] = _("The quantity must be greater than zero.")
        if self.unit_value is not None and self.unit_value < 0 and not self.negative_allowed:
            errors["unit_value"] = _("The unit value cannot be negative.")
        if not errors and self.quantity is not None and self.unit_value is not None:
            amount = self.compute_amount()
            if amount is None or abs(amount) >= MAX_AMOUNT:
                errors["unit_value"] = _("Quantity × unit value is too large.")
        if errors:
            raise ValidationError(errors)

    def fill_equivalents(self, rates: money.RateTable | None = None) -> None:
        """Amount and its VND/USD equivalents at the rate of the value date."""
        self.amount = self.compute_amount() or Decimal(0)
        eq = money.equivalents(self.amount, self.currency, on=self.date, rates=rates)
        self.amount_vnd, self.amount_usd, self.rate_note = eq.vnd, eq.usd, eq.note

    def save(self, *args, **kwargs):
        self.currency = (self.currency or "").upper()
        self.fill_equivalents()
        self.search_text = fold(f"{self.title} {self.beneficiaries} {self.currency}")
        super().save(*args, **kwargs)

    @property
    def has_rate(self) -> bool:
        return self.amount_vnd is not None and self.amount_usd is not None
