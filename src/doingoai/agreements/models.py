"""Cooperation agreements, their commitments and their reviews."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.models import Record
from doingoai.core.scope import ScopedQuerySet, ThroughParent, UnitOwned
from doingoai.core.text import fold

EXPIRING_DAYS = 90


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed, not yet in force")
    IN_FORCE = "in_force", _("In force")
    EXPIRING = "expiring", _("Expiring within 90 days")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")
    RENEWED = "renewed", _("Renewed")


def status_q(status: str, today: dt.date | None = None) -> Q:
    """The database condition for a derived status, so lists filter without a scan."""
    today = today or dt.date.today()
    soon = today + dt.timedelta(days=EXPIRING_DAYS)
    manual = Q(status_override="")
    # renewed: set by hand (before successors were records), or ended with a successor
    renewed = manual & Q(end_date__lt=today) & Q(pk__in=_renewed_ids())
    if status == Status.TERMINATED:
        return Q(status_override=status)
    if status == Status.RENEWED:
        return Q(status_override=status) | renewed
    if status == Status.DRAFT:
        return manual & Q(signed_date__isnull=True)
    signed = manual & Q(signed_date__isnull=False)
    if status == Status.SIGNED:
        return signed & Q(start_date__gt=today)
    started = signed & (Q(start_date__isnull=True) | Q(start_date__lte=today))
    if status == Status.IN_FORCE:
        return started & (Q(end_date__isnull=True) | Q(end_date__gt=soon))
    if status == Status.EXPIRING:
        return started & Q(end_date__gte=today, end_date__lte=soon)
    if status == Status.EXPIRED:
        return signed & Q(end_date__lt=today) & ~Q(pk__in=_renewed_ids())
    return Q(pk__in=[])


def with_renewals(qs):
    """``qs`` with each agreement's renewals read in one query for all of them, so its
    status and successor (``Agreement.successor``) ask nothing more: a list of expired
    agreements asked for each one's renewal twice (its status, its status's label)."""
    from django.db.models import Prefetch

    renewals = qs.model._base_manager.order_by("pk")
    return qs.prefetch_related(Prefetch("renewals", queryset=renewals, to_attr="listed_renewals"))


def _renewed_ids():
    """The agreements a successor renews (a subquery)."""
    return Agreement.objects.filter(renews__isnull=False).values("renews_id")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, keeping the day of the month where the month has
    it (31/01 + 1 month = 28/02) and the last day of a month as the last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if at_end else min(day.day, last))


def whole_months(start: dt.date, end: dt.date) -> int | None:
    """The number of whole months from ``start`` to the day after ``end``
    (01/01/2022–31/12/2027 is 72), or None when the period is not whole months."""
    after = end + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return months if months > 0 and add_months(start, months) == after else None


class AgreementQuerySet(ScopedQuerySet):
    def with_status(self, status, today=None):
        return self.filter(status_q(status, today))


class Agreement(Record):
    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Cooperation agreement")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        PROGRAMME = "programme", _("Friendship programme")
        PROJECT = "project", _("Project document")

    class Override(models.TextChoices):
        NONE = "", _("— (from the dates)")
        TERMINATED = "terminated", _("Terminated")
        RENEWED = "renewed", _("Renewed")

    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.AGREEMENT)
    reference = models.CharField(_("number and symbol"), max_length=80, blank=True)
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("recorded by unit"),
        on_delete=models.PROTECT,
        related_name="agreements_recorded",
    )
    units = models.ManyToManyField(
        "organization.Unit",
        verbose_name=_("Vietnamese parties"),
        related_name="agreements",
        blank=True,
    )
    partners = models.ManyToManyField(
        "partners.Partner", verbose_name=_("partner parties"), related_name="agreements", blank=True
    )
    signed_date = models.DateField(_("signed on"), null=True, blank=True)
    signed_place = models.CharField(_("signed at"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status_override = models.CharField(
        _("status set by hand"), max_length=20, choices=Override, default="", blank=True
    )
    areas = models.JSONField(_("areas of cooperation"), default=list, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
    )
    shared_with = models.ManyToManyField(
        "organization.Unit", blank=True, verbose_name=_("shared with"), related_name="+"
    )
    search_text = models.TextField(editable=False, default="", blank=True)

    objects = AgreementQuerySet.as_manager()
    scope_policy = UnitOwned(owner="unit", visible_via=["units"], shared="shared_with")

    class Meta:
        ordering = ["-signed_date", "-pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        indexes = [models.Index(fields=["end_date"]), models.Index(fields=["signed_date"])]

    def __str__(self):
        return self.title

    def status(self, today: dt.date | None = None) -> str:
        today = today or dt.date.today()
        if self.status_override:
            return self.status_override
        if not self.signed_date:
            return Status.DRAFT
        if self.end_date and self.end_date < today:
            # a renewed agreement stays in force to its end, then says it was renewed
            return Status.RENEWED if self.successor() else Status.EXPIRED
        if self.start_date and self.start_date > today:
            return Status.SIGNED
        if self.end_date and self.end_date <= today + dt.timedelta(days=EXPIRING_DAYS):
            return Status.EXPIRING
        return Status.IN_FORCE

    def get_status_display(self, status: str | None = None):
        return Status(status or self.status()).label

    status.short_description = _("status")

    def review_due(self, today: dt.date | None = None):
        """The next review not yet held whose date has come, or None."""
        today = today or dt.date.today()
        return (
            self.reviews.filter(held_date__isnull=True, scheduled_date__lte=today)
            .order_by("scheduled_date")
            .first()
        )

    def successor(self) -> Agreement | None:
        """The agreement that renews this one, if any (read with the others of a list
        when it was: ``with_renewals``)."""
        listed = self.__dict__.get("listed_renewals")
        if listed is not None:
            return listed[0] if listed else None
        return self.renewals.order_by("pk").first() if self.pk else None

    def renewal_dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The start and end proposed for a renewal: the day after this one ends, for
        as long as this one ran, keeping the day of the month (01/01/2022–31/12/2027
        renews as 01/01/2028–31/12/2033)."""
        if not self.end_date:
            return None, None
        start = self.end_date + dt.timedelta(days=1)
        if not self.start_date:
            return start, None
        months = whole_months(self.start_date, self.end_date)
        if months:
            return start, add_months(start, months) - dt.timedelta(days=1)
        return start, add_months(self.end_date, round(self.duration_days / 30.4375))

    @property
    def duration_days(self) -> int | None:
        if self.start_date and self.end_date:
            return (self.end_date - self.start_date).days
        return None

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.title} {self.reference} {' '.join(self.areas or [])}")
        super().save(*args, **kwargs)


class Commitment(Record):
    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="commitments"
    )
    description = models.TextField(_("commitment"))
    responsible = models.CharField(_("responsible party"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.PLANNED)

    scope_policy = ThroughParent(parent="agreement")

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        text = self.description.strip().splitlines()[0] if self.description.strip() else "—"
        return text[:120]


class Review(Record):
    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("Mid-term review")
        FINAL = "final", _("Final review")
        YEARLY = "yearly", _("Yearly review")

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed")

    class Rating(models.IntegerChoices):
        VERY_LOW = 1, _("1 — not effective")
        LOW = 2, _("2 — partly effective")
        MEDIUM = 3, _("3 — effective")
        HIGH = 4, _("4 — very effective")
        EXCELLENT = 5, _("5 — excellent")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    scheduled_date = models.DateField(_("scheduled for"))
    held_date = models.DateField(_("held on"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State, default=State.SCHEDULED, editable=False
    )
    findings = models.TextField(_("findings"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("effectiveness"), choices=Rating, null=True, blank=True
    )
    auto_scheduled = models.BooleanField(default=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    scope_policy = ThroughParent(parent="agreement")

    class Meta:
        ordering = ["scheduled_date", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        indexes = [models.Index(fields=["held_date", "scheduled_date"])]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.agreement}"

    def save(self, *args, **kwargs):
        if self.held_date and self.state == self.State.SCHEDULED:
            self.state = self.State.HELD
        if self.held_date is None and self.state == self.State.HELD:
            self.state = self.State.SCHEDULED
        super().save(*args, **kwargs)

    def is_overdue(self, today=None) -> bool:
        today = today or dt.date.today()
        return self.held_date is None and self.scheduled_date < today
