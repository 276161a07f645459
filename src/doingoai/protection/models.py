"""Protection cases: a Vietnamese woman whose rights were harmed in relations with a
foreign element (marriage, labour, trafficking), the actions and referrals taken, the
documents, and who read or changed what.

A case is seen only by the handlers named on it, whatever their role (``CaseHandlers``);
a system administrator may open one only through a recorded break-glass reason. The
person's details, the summary, the actions and the documents are encrypted at rest
(``fields.EncryptedTextField``, ``crypto``). Cases are not record kinds: no generic list,
export, search entry, API endpoint or change history holds them; their log is
``CaseAccess``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doingoai.core.scope import VIEW, Policy, is_active, is_system_admin, role_allows

from .fields import EncryptedTextField

BREAK_GLASS_MINUTES = 60


@dataclass
class CaseHandlers(Policy):
    """Only the handlers named on a case, at every level and role; a system administrator
    reads (never changes) a case while a break-glass grant she gave a reason for holds."""

    def restrict(self, qs, user, action):
        if not is_active(user):
            return qs.none()
        cond = Q(handlers=user)
        if action == VIEW and is_system_admin(user):
            granted = BreakGlass.objects.filter(user=user, until__gt=timezone.now())
            cond |= Q(pk__in=granted.values("case"))
        return qs.filter(cond).distinct()

    def can_add(self, user) -> bool:
        return role_allows(user, "add")


class CaseQuerySet(models.QuerySet):
    def restrict(self, user, action: str = VIEW):
        return ProtectionCase.scope_policy.restrict(self, user, action)


class ProtectionCase(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        REFERRED = "referred", _("Referred")
        IN_SUPPORT = "in_support", _("In support")
        CLOSED = "closed", _("Closed")

    class Kind(models.TextChoices):
        MARRIAGE = "marriage", _("Marriage with a foreign element")
        LABOUR = "labour", _("Labour")
        TRAFFICKING = "trafficking", _("Trafficking")
        OTHER = "other", _("Other")

    number = models.CharField(_("case number"), max_length=40, unique=True)
    opened = models.DateField(_("opened on"))
    closed = models.DateField(_("closed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    country = models.CharField(_("country"), max_length=2, help_text=_("Where it happened."))
    unit = models.ForeignKey(
        "organization.Unit",
        verbose_name=_("handling unit"),
        on_delete=models.PROTECT,
        related_name="protection_cases",
    )
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("case handlers"), related_name="cases_handled"
    )
    # encrypted at rest
    place = EncryptedTextField(_("place"), blank=True)
    person_name = EncryptedTextField(_("person's name"))
    person_birth_year = EncryptedTextField(_("year of birth"), blank=True)
    person_province = EncryptedTextField(_("home province"), blank=True)
    person_contact = EncryptedTextField(_("contact"), blank=True)
    summary = EncryptedTextField(_("summary"), blank=True)

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()
    scope_policy = CaseHandlers()
    #: its changes move the data versions (dashboard counts), never a search entry
    data_versioned = True

    class Meta:
        ordering = ["-opened", "-pk"]
        verbose_name = _("protection case")
        verbose_name_plural = _("protection cases")

    def __str__(self):
        return self.number  # never the person

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("cases_detail", args=[self.pk])


class CaseAction(models.Model):
    """A step of the case: an action of the union or a referral to a competent agency."""

    class Kind(models.TextChoices):
        ACTION = "action", _("Action")
        POLICE = "police", _("Referral to the police")
        BORDER_GUARD = "border_guard", _("Referral to the border guard")
        FOREIGN_AFFAIRS = "foreign_affairs", _("Referral to the Department of Foreign Affairs")
        EMBASSY = "embassy", _("Referral to an embassy")
        SHELTER = "shelter", _("Referral to a shelter")
        NGO = "ngo", _("Referral to an NGO partner")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ACTION)
    note = EncryptedTextField(_("what was done"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.case} {self.date:%d/%m/%Y} {self.kind}"  # never the note


class CaseDocument(models.Model):
    """A document of a case, its content encrypted in the database (never a file on disk
    in the clear, never in the media folder)."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="documents")
    name = EncryptedTextField(_("file name"))
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case} #{self.pk}"  # never the file name


class CaseAccess(models.Model):
    """Who read or changed which part of which case, when and from which address."""

    class Part(models.TextChoices):
        CASE = "case", _("case page")
        EDIT = "edit", _("case details")
        ACTION = "action", _("actions")
        DOCUMENT = "document", _("document")
        HANDLERS = "handlers", _("handlers")
        BREAK_GLASS = "break_glass", _("break-glass access")
        DEVICE = "device", _("a handler's second factor")

    class Verb(models.TextChoices):
        READ = "read", _("read")
        CHANGE = "change", _("changed")
        CREATE = "create", _("created")
        REFUSED = "refused", _("refused")

    #: empty for a refused attempt at an id that is no case (``asked_id`` keeps the id)
    case = models.ForeignKey(
        ProtectionCase, null=True, blank=True, on_delete=models.CASCADE, related_name="accesses"
    )
    #: the case id in the address asked for (kept for refused attempts)
    asked_id = models.PositiveBigIntegerField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    part = models.CharField(max_length=12, choices=Part)
    verb = models.CharField(max_length=8, choices=Verb)
    detail = models.CharField(max_length=200, blank=True)  # never the person's details
    reason = EncryptedTextField(blank=True)  # a break-glass reason

    data_versioned = False  # a read moves no cached page

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        case = self.case or f"#{self.asked_id}"
        return f"{case} {self.at:%Y-%m-%d %H:%M} {self.user} {self.verb} {self.part}"


class BreakGlass(models.Model):
    """A system administrator's time-limited reading of a case, with her reason."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    until = models.DateTimeField()

    data_versioned = False

    def __str__(self):
        return f"{self.case} {self.user} {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def window(cls) -> dt.timedelta:
        return dt.timedelta(minutes=BREAK_GLASS_MINUTES)
