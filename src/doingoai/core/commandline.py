"""What the project's commands share: the user a command acts as (her scope)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from .scope import Role


def acting_user(username: str | None):
    """The user the command acts as: ``--as USERNAME``, else the first active system
    administrator."""
    User = get_user_model()
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        return user
    user = (
        User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
        or User.objects.filter(is_active=True, role=Role.SYSTEM_ADMIN).order_by("pk").first()
    )
    if user is None:
        raise CommandError("No system administrator exists: pass --as USERNAME.")
    return user
