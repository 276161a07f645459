"""The organization's own tree (units), congress terms, and users with roles."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from doingoai.core.models import Record, versioned_save
from doingoai.core.scope import Everyone, Role, ScopedQuerySet, UnitTree, is_system_admin


class Unit(Record):
    """A unit of the organization: central, province, district (historical), commune.

    ``path`` places the unit for scoping: a current unit sits under its parent;
    a unit merged into a successor sits under the successor, so the successor's
    subtree covers the records made under it and reports roll it up.
    """

    class Level(models.TextChoices):
        CENTRAL = "central", _("Central")
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune")

    code = models.CharField(_("administrative code"), max_length=20, db_index=True)
    name = models.CharField(_("name"), max_length=255)
    area_name = models.CharField(_("administrative area"), max_length=255, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)
    path = models.CharField(max_length=255, editable=False, db_index=True, default="/")
    search_text = models.TextField(editable=False, blank=True, default="")

    scope_policy = UnitTree()

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["level", "code", "valid_from"], name="unit_code_once"),
        ]

    def __str__(self):
        if self.valid_to:
            return f"{self.name} ({_('until')} {self.valid_to:%d/%m/%Y})"
        return self.name

    @property
    def is_current(self) -> bool:
        return self.valid_to is None or self.valid_to >= dt.date.today()

    def compute_path(self) -> str:
        anchor = self.successor or self.parent
        prefix = anchor.path if anchor is not None else "/"
        return f"{prefix}{self.pk}/"

    def save(self, *args, **kwargs):
        from doingoai.core.text import fold

        self.search_text = fold(f"{self.name} {self.area_name} {self.code}")
        super().save(*args, **kwargs)
        new_path = self.compute_path()
        if new_path != self.path:
            old_path = self.path
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path != "/":
                # move the subtree along (rare: merges and re-parenting)
                for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                    child.path = new_path + child.path[len(old_path) :]
                    Unit.objects.filter(pk=child.pk).update(path=child.path)
                from .signals import unit_moved

                unit_moved.send(sender=Unit, unit=self, old_path=old_path)
            from doingoai.core.memo import forget

            forget()  # the roots kept this request: its path was written after the save's signal

    def current_unit(self) -> Unit:
        """The unit of today this one rolls up into (itself when current)."""
        unit = self
        seen = set()
        while unit.successor_id and unit.pk not in seen:
            seen.add(unit.pk)
            unit = unit.successor
        return unit

    def subtree(self):
        return Unit.objects.filter(path__startswith=self.path)


class Term(Record):
    """A congress term, e.g. XIII: 2022–2027; the frame of every report."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=20)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    directions = models.TextField(_("directions"), blank=True)

    scope_policy = Everyone()

    class Meta:
        ordering = ["number"]
        verbose_name = _("congress term")
        verbose_name_plural = _("congress terms")

    def __str__(self):
        return f"{_('Term')} {self.name} ({self.start_date.year}–{self.end_date.year})"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_date.year, self.end_date.year + 1))

    @classmethod
    def current(cls, on: dt.date | None = None) -> Term | None:
        on = on or dt.date.today()
        return cls.objects.filter(start_date__lte=on, end_date__gte=on).order_by("-number").first()


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):
    pass


class UserScope(UnitTree):
    """Users are seen and managed by unit admins of their subtree."""

    def restrict(self, qs, user, action):
        from doingoai.core.scope import MANAGE_USERS, is_active, role_allows, user_path

        if not is_active(user):
            return qs.none()
        if is_system_admin(user):
            return qs
        if action == "view" and not role_allows(user, MANAGE_USERS):
            return qs.filter(pk=user.pk)
        if not role_allows(user, MANAGE_USERS):
            return qs.none()
        qs = (
            qs.filter(unit__path__startswith=user_path(user))
            .exclude(role=Role.SYSTEM_ADMIN)
            .exclude(is_superuser=True)
        )
        if action != "view":
            qs = qs.exclude(pk=user.pk)
        return qs


class User(AbstractUser):
    """A person using doingoai: one unit, one role."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.VIEWER)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=150, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedUserManager()
    scope_policy = UserScope()
    history = HistoricalRecords(excluded_fields=["password", "last_login", "version"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.full_name or self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        # Django's admin site is for system admins only
        if self.is_superuser:
            self.role = Role.SYSTEM_ADMIN
        self.is_staff = self.role == Role.SYSTEM_ADMIN
        self.is_superuser = self.is_staff
        if kwargs.get("update_fields") is not None:
            # Django's own bookkeeping (last login, a new password hash): no edit of the
            # account, so no version check and no new version
            return super().save(*args, **kwargs)
        # an account edited from a stale form is refused like any stale record
        return versioned_save(self, lambda: super(User, self).save(*args, **kwargs))

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("users_detail", args=[self.pk])

    @property
    def is_system_admin(self) -> bool:
        return is_system_admin(self)

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    def can(self, action: str, obj=None, model=None) -> bool:
        from doingoai.core.scope import role_allows

        if obj is not None:
            return type(obj).scope_policy.allows(obj, self, action)
        if model is not None and action == "add":
            return model.scope_policy.can_add(self)
        return role_allows(self, action)
