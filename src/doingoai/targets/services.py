"""Setting and removing targets: the unit's approver or administrator, for the units
below it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from doingoai.core.models import audit
from doingoai.core.scope import APPROVE, is_system_admin, role_allows

from .models import Target


def may_set_targets(user, unit) -> bool:
    """Approvers and unit administrators set targets for the units below their own unit
    (or below a unit under it); system administrators anywhere."""
    if is_system_admin(user):
        return True
    if not role_allows(user, APPROVE) or user.unit_id is None:
        return False
    own = user.unit.current_unit() if user.unit.successor_id else user.unit
    return unit.path.startswith(own.path)


def target_set(*, form, acting_user) -> Target:
    """Save a valid ``TargetForm`` as ``acting_user`` for the form's unit and period."""
    if not may_set_targets(acting_user, form.unit):
        raise PermissionDenied
    target = form.instance
    target.unit = form.unit
    target.term = None if form.period.year else form.period.term
    target.year = form.period.year
    target.set_by = acting_user
    with transaction.atomic():
        target._history_user = acting_user
        form.save()
        audit(
            user=acting_user,
            action="target_set",
            record=target,
            message=str(target),
            unit=form.unit.pk,
        )
    return target


def target_delete(*, target: Target, acting_user) -> None:
    if not may_set_targets(acting_user, target.unit):
        raise PermissionDenied
    with transaction.atomic():
        audit(
            user=acting_user,
            action="target_delete",
            record=target,
            message=str(target),
            unit=target.unit_id,
        )
        target._history_user = acting_user
        target.delete()
