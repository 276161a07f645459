"""Reminders: open while their cause lasts; per user done / later / emailed; how each
user wants to hear of them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    AGREEMENT_EXPIRING = "agreement_expiring", _("Agreement expiring")
    REVIEW_DUE = "review_due", _("Review due")
    TARGET_AT_RISK = "target_at_risk", _("Target at risk")
    UNCOUNTED = "uncounted", _("Data that cannot be counted")
    POST_TRIP_REPORT = "post_trip_report", _("Post-trip report due")


class Reminder(models.Model):
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30)
    title = models.CharField(_("title"), max_length=500)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    unit = models.ForeignKey(
        "organization.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    due_date = models.DateField(_("due date"))
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["closed_at", "content_type", "object_id"])]

    def __str__(self):
        return self.title

    def get_kind_display(self):
        try:
            return Kind(self.kind).label
        except ValueError:
            return self.kind


class ReminderState(models.Model):
    """One user's dealing with one reminder."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="states")
    done_at = models.DateTimeField(null=True, blank=True)
    later_until = models.DateField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "reminder"], name="reminder_state_once")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.reminder_id}"


class EmailChoice(models.TextChoices):
    DIGEST = "digest", _("A daily digest")
    IMMEDIATE = "immediate", _("At once (every hour)")
    NONE = "none", _("No email")


class ReminderSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    email = models.CharField(
        _("reminders by email"), max_length=12, choices=EmailChoice, default=EmailChoice.DIGEST
    )
    last_digest = models.DateField(null=True, blank=True)

    def __str__(self):
        return f"{self.user_id}: {self.email}"


class CalendarFeed(models.Model):
    """A user's personal iCalendar address: a secret token, revocable."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id}: calendar feed"
