"""Partners: one directory of foreign and international organizations shared by the
whole organization."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import (
    country_name,
    find_subdivision,
    is_country,
    subdivision_aliases,
    subdivision_error,
    subdivision_name,
)
from doingoai.core.models import Record
from doingoai.core.scope import SharedDirectory, ThroughParent
from doingoai.core.text import VietnameseOrder, fold


class Partner(Record):
    class Kind(models.TextChoices):
        WOMENS_UNION = "womens_union", _("Foreign women's union")
        GOVERNMENT = "government", _("Government body")
        UN_AGENCY = "un_agency", _("UN agency")
        INGO = "ingo", _("International NGO")
        EMBASSY = "embassy", _("Embassy or consulate")
        BUSINESS = "business", _("Business or association")
        UNIVERSITY = "university", _("University or institute")
        OVERSEAS_VN = "overseas_vn", _("Vietnamese women's organization abroad")
        DONOR = "donor", _("Development agency or donor")
        OTHER = "other", _("Other")

    class Level(models.TextChoices):
        INTERNATIONAL = "international", _("International")
        NATIONAL = "national", _("National")
        PROVINCIAL = "provincial", _("Provincial")
        LOCAL = "local", _("Local")

    name_vi = models.CharField(_("name in Vietnamese"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    name_local = models.CharField(_("name in its own language"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True, help_text=_("Other spellings, separated by commas.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, db_index=True)
    level = models.CharField(_("level"), max_length=20, choices=Level, blank=True)
    country = models.CharField(
        _("country"), max_length=2, db_index=True, help_text=_("ISO 3166 code, e.g. LA for Laos.")
    )
    subdivision = models.CharField(
        _("province / state"),
        max_length=6,
        blank=True,
        help_text=_("ISO 3166-2 code or name, e.g. LA-CH Champasak."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    working_units = models.ManyToManyField(
        "organization.Unit",
        blank=True,
        verbose_name=_("units it works in"),
        related_name="partners_working_here",
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    relationship_since = models.DateField(_("relationship since"), null=True, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("added by unit"),
        on_delete=models.PROTECT,
        related_name="partners_added",
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    scope_policy = SharedDirectory(owner="unit")

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        indexes = [
            models.Index(fields=["country", "kind"]),
            # the list's order (Vietnamese alphabetical, core.text.vietnamese_order): a
            # page is an index walk, not a sort of 100,000 names
            models.Index(VietnameseOrder("name_vi"), models.F("id"), name="partner_name_vi_order"),
        ]

    def __str__(self):
        return self.name_vi

    @property
    def country_label(self) -> str:
        return country_name(self.country)

    @property
    def subdivision_label(self) -> str:
        return subdivision_name(self.subdivision)

    # the record page shows names, not ISO codes (``core.views.detail_fields``)
    def get_country_display(self) -> str:
        return self.country_label

    def get_subdivision_display(self) -> str:
        return self.subdivision_label

    def all_names(self) -> list[str]:
        names = [self.name_vi, self.name_en, self.name_local, self.acronym, *self.aliases]
        names += subdivision_aliases(self.subdivision)
        return [n for n in names if n]

    def clean(self):
        errors = {}
        if self.country:
            self.country = self.country.strip().upper()
            if not is_country(self.country):
                errors["country"] = _("“%(code)s” is not an ISO 3166 country code.") % {
                    "code": self.country
                }
        if self.subdivision and not errors.get("country"):
            code = find_subdivision(self.country, self.subdivision)
            if code is None:
                errors["subdivision"] = subdivision_error(self.country, self.subdivision)
            else:
                self.subdivision = code
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("A partner cannot be its own parent.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(self.all_names() + [self.country_label, self.city]))
        super().save(*args, **kwargs)


class PartnerContact(Record):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    language = models.CharField(_("languages"), max_length=100, blank=True)

    scope_policy = ThroughParent(parent="partner")

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner contact")
        verbose_name_plural = _("partner contacts")

    def __str__(self):
        return (
            f"{self.name} ({self.partner})"
            if self.position == ""
            else (f"{self.name}, {self.position}")
        )
