"""Activities: delegations out and in, conferences, review meetings, workshops,
signings, exhibitions, ceremonies, online events and hand-overs of aid; their
places and delegation members."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import (
    country_name,
    find_country,
    find_subdivision,
    subdivision_aliases,
    subdivision_error,
    subdivision_name,
)
from doingoai.core.forms import date_order_error
from doingoai.core.models import CoveringIndex, Record
from doingoai.core.scope import ThroughParent, UnitOwned
from doingoai.core.text import fold


class Activity(Record):
    class Kind(models.TextChoices):
        DELEGATION_OUT = "delegation_out", _("Delegation abroad")
        DELEGATION_IN = "delegation_in", _("Delegation received")
        CONFERENCE = "conference", _("Conference")
        REVIEW_MEETING = "review_meeting", _("Review meeting")
        WORKSHOP = "workshop", _("Workshop")
        SIGNING = "signing", _("Signing")
        EXHIBITION = "exhibition", _("Exhibition")
        CEREMONY = "ceremony", _("Ceremony")
        ONLINE_EVENT = "online_event", _("Online event")
        AID_HANDOVER = "aid_handover", _("Hand-over of aid")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        RECORDED = "recorded", _("Recorded after the fact")
        DRAFT = "draft", _("Plan: draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        RETURNED = "returned", _("Returned with a comment")
        REFUSED = "refused", _("Refused")
        APPROVED = "approved", _("Approved")
        UNDER_WAY = "under_way", _("Under way")
        REPORT_DUE = "report_due", _("Back: report due")
        REPORT_SUBMITTED = "report_submitted", _("Report submitted")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    class Funding(models.TextChoices):
        UNION = "union", _("The union's budget")
        PARTNER = "partner", _("The partner")
        PROJECT = "project", _("A project")
        MIXED = "mixed", _("Several sources")

    class Purpose(models.TextChoices):
        """What a delegation goes for (or comes for), as an officer names it and the
        term report counts the delegations: one, the main one."""

        VISIT = "visit", _("Visit and working sessions")
        STUDY = "study", _("Study tour: learning from experience")
        CONFERENCE = "conference", _("International conference or workshop")
        AGREEMENT = "agreement", _("Signing or carrying out an agreement")
        RESOURCES = "resources", _("Mobilizing resources")
        OTHER = "other", _("Other")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    format = models.CharField(_("format"), max_length=20, choices=Format, default=Format.IN_PERSON)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("organizing unit"),
        on_delete=models.PROTECT,
        related_name="activities_organized",
    )
    units = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("taking-part units"),
        related_name="activities",
        blank=True,
    )
    partners = models.ManyToManyField(
        "partners.Partner", verbose_name=_("partners"), related_name="activities", blank=True
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        verbose_name=_("agreements it serves"),
        related_name="activities",
        blank=True,
    )
    review = models.ForeignKey(
        "agreements.Review",
        verbose_name=_("agreement review held"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        help_text=_("A review meeting holds this review; saving fills the review's date."),
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    participants_total = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participants_women = models.PositiveIntegerField(_("of whom women"), null=True, blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    press_links = models.JSONField(_("press coverage"), default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The trip or programme this event belongs to."),
    )
    shared_with = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("shared with"),
        related_name="activities_shared",
        blank=True,
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    # the path of a delegation (``delegation.DELEGATION_PATH``) and its plan
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.RECORDED, db_index=True
    )
    main_purpose = models.CharField(
        _("main purpose"),
        max_length=20,
        choices=Purpose,
        blank=True,
        help_text=_("What the delegation goes or comes for: the reports count delegations by it."),
    )
    purpose = models.TextField(_("purpose and programme"), blank=True)
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=Funding, blank=True
    )
    estimated_cost = models.DecimalField(
        _("estimated cost (VND)"), max_digits=20, decimal_places=0, null=True, blank=True
    )
    gifts_planned = models.TextField(
        _("gifts planned"),
        blank=True,
        help_text=_(
            "What the delegation plans to give, one a line, e.g. “4 máy may × 10.000.000 đ "
            "cho Hội LHPN 4 tỉnh Nam Lào”. What is handed over is recorded as gifts below."
        ),
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_body = models.CharField(_("issuing body"), max_length=255, blank=True)
    returned_date = models.DateField(_("returned on"), null=True, blank=True, editable=False)
    report_due_date = models.DateField(
        _("report due"), null=True, blank=True, editable=False, db_index=True
    )
    report = models.TextField(
        _("result report"),
        blank=True,
        help_text=_(
            "What was done and its results. Drafted from the trip's records (with the "
            "agreements reached and the proposals below); edit before submitting."
        ),
    )
    report_agreed = models.TextField(
        _("agreed with the partners"),
        blank=True,
        help_text=_(
            "One a line: what was agreed; who does it; by when — e.g. “Mở lớp dạy nghề may; "
            "Hội LHPN tỉnh Chămpasăk; 31/12/2024”."
        ),
    )
    report_proposals = models.TextField(_("proposals"), blank=True)

    scope_policy = UnitOwned(owner="unit", visible_via=["units"], shared="shared_with")

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["unit", "start_date"]),
            # kind and dates with the unit: a filtered list's count reads the index alone
            models.Index(fields=["kind", "start_date", "unit"], name="activity_kind_start_unit"),
            # the list's order (newest first): a page is an index walk, not a sort; with
            # the owner unit carried in it (PostgreSQL's INCLUDE, a third key column on
            # SQLite) a province reader's page is checked against her scope in the index
            # alone (page 200 at 1M: 236 -> 17 ms on PostgreSQL, the heap's 68,000 rows
            # not read; SQLite walks it for her first pages, core.scope.walks_list)
            CoveringIndex(fields=["start_date", "id"], include=["unit"], name="activity_start_id"),
            # the few that did not take place (plans, refused, cancelled) by state and
            # date: the targets take them off the summaries' counts in an index range
            models.Index(fields=["state", "start_date"], name="activity_state_start"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        msg = date_order_error(
            self.start_date, self.end_date, start_label=_("start date"), end_label=_("end date")
        )
        if msg:
            errors["end_date"] = msg
        if (
            self.participants_total is not None
            and self.participants_women is not None
            and self.participants_women > self.participants_total
        ):
            errors["participants_women"] = _(
                "There cannot be more women (%(women)d) than participants (%(total)d)."
            ) % {"women": self.participants_women, "total": self.participants_total}
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("An activity cannot be part of itself.")
        if self.review_id and self.kind != self.Kind.REVIEW_MEETING:
            errors["review"] = _("Only a review meeting can hold an agreement review.")
        if errors:
            raise ValidationError(errors)

    def update_search_text(self, save=True):
        parts = [self.title, self.outcomes, " ".join(self.topics or [])]
        if self.pk:
            for place in self.places.all():
                parts += [
                    place.city,
                    country_name(place.country, "vi"),
                    *subdivision_aliases(place.subdivision),
                ]
        self.search_text = fold(" ".join(p for p in parts if p))
        if save and self.pk:
            type(self)._base_manager.filter(pk=self.pk).update(search_text=self.search_text)
            from doingoai.core.searchindex import index_objects

            index_objects([self])

    def save(self, *args, **kwargs):
        self.update_search_text(save=False)
        super().save(*args, **kwargs)

    @cached_property
    def places_label(self) -> str:
        return "; ".join(str(p) for p in self.places.all())

    places_label.short_description = _("places")


class ActivityPlace(Record):
    """Where an activity took place: country, ISO 3166-2 subdivision, city."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="places", verbose_name=_("activity")
    )
    country = models.CharField(_("country"), max_length=2)
    subdivision = models.CharField(_("province / state"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    scope_policy = ThroughParent(parent="activity")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["country", "subdivision"])]

    def get_absolute_url(self):
        return self.activity.get_absolute_url()

    def __str__(self):
        parts = [self.city, subdivision_name(self.subdivision), country_name(self.country)]
        return ", ".join(p for p in parts if p)

    def clean(self):
        errors = {}
        code = find_country(self.country or "")
        if code is None:
            errors["country"] = _("“%(code)s” is not an ISO 3166 country code.") % {
                "code": self.country
            }
        else:
            self.country = code
            if self.subdivision:
                sub = find_subdivision(code, self.subdivision)
                if sub is None:
                    errors["subdivision"] = subdivision_error(code, self.subdivision)
                else:
                    self.subdivision = sub
        if errors:
            raise ValidationError(errors)


class DelegationMember(Record):
    """A member of a delegation: name, position, unit and role in the delegation."""

    class Role(models.TextChoices):
        HEAD = "head", _("head of delegation")
        DEPUTY = "deputy", _("deputy head")
        MEMBER = "member", _("member")
        INTERPRETER = "interpreter", _("interpreter")
        GUEST = "guest", _("foreign guest")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="members", verbose_name=_("activity")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    unit_name = models.CharField(_("unit"), max_length=255, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit"),
    )
    position_order = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(_("role in the delegation"), max_length=20, choices=Role, blank=True)

    scope_policy = ThroughParent(parent="activity")

    class Meta:
        ordering = ["position_order", "pk"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")

    def get_absolute_url(self):
        return self.activity.get_absolute_url()

    def __str__(self):
        text = ", ".join(p for p in (self.name, self.position, self.unit_name) if p)
        return f"{text} ({self.get_role_display()})" if self.role else text
