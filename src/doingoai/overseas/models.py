"""Vietnamese women's organizations abroad: the associations, clubs and networks of
Vietnamese women living in another country, the Vietnamese unit that works with each,
the embassy or consulate it is linked to and the support doingoai already records
(activities, resources)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_name, is_country
from doingoai.core.models import Record
from doingoai.core.scope import UnitOwned
from doingoai.core.text import fold


class OverseasOrganization(Record):
    class Status(models.TextChoices):
        FORMING = "forming", _("Forming")
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    name_vi = models.CharField(_("name in Vietnamese"), max_length=300)
    name_local = models.CharField(_("name in the local language"), max_length=300, blank=True)
    country = models.CharField(
        _("country"), max_length=2, db_index=True, help_text=_("ISO 3166 code, e.g. LA for Laos.")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    founded = models.DateField(_("founded on"), null=True, blank=True)
    founded_with_support = models.BooleanField(
        _("founded with our support"),
        default=False,
        help_text=_("The union helped to found it (counted in the term report)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.ACTIVE, db_index=True
    )
    leaders = models.TextField(_("leaders"), blank=True, help_text=_("Names and positions."))
    contacts = models.TextField(_("contacts"), blank=True, help_text=_("Email, phone, address."))
    members = models.PositiveIntegerField(_("approximate members"), null=True, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("working unit"),
        on_delete=models.PROTECT,
        related_name="overseas_organizations",
        help_text=_("The central department or the province with ties to that country."),
    )
    mission = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("embassy or consulate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="overseas_organizations",
        limit_choices_to={"kind": "embassy"},
    )
    support_activities = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("support activities"),
        related_name="supported_overseas_organizations",
        blank=True,
    )
    support_resources = models.ManyToManyField(
        "resources.Resource",
        verbose_name=_("support given"),
        related_name="supported_overseas_organizations",
        blank=True,
    )
    events = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("events taken part in"),
        related_name="overseas_participants",
        blank=True,
    )
    shared_with = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("shared with"),
        related_name="overseas_organizations_shared",
        blank=True,
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    scope_policy = UnitOwned(owner="unit", shared="shared_with")

    class Meta:
        ordering = ["country", "name_vi", "pk"]
        verbose_name = _("Vietnamese women's organization abroad")
        verbose_name_plural = _("Vietnamese women's organizations abroad")
        indexes = [models.Index(fields=["unit", "country"])]

    def __str__(self):
        return self.name_vi

    @property
    def country_label(self) -> str:
        return country_name(self.country)

    def get_country_display(self) -> str:
        return self.country_label

    def clean(self):
        self.country = (self.country or "").strip().upper()
        if self.country and not is_country(self.country):
            raise ValidationError(
                {
                    "country": _("“%(code)s” is not an ISO 3166 country code.")
                    % {"code": self.country}
                }
            )

    def save(self, *args, **kwargs):
        self.country = (self.country or "").strip().upper()
        self.search_text = fold(
            " ".join([self.name_vi, self.name_local, self.country_label, self.city, self.leaders])
        )
        super().save(*args, **kwargs)
