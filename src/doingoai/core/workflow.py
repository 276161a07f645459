"""State paths of records that go through approval (a delegation from its plan to its
post-trip report, a report from its draft to its issued version).

A kind declares its path once::

    DELEGATION_PATH = Workflow(
        Step("submit", _("Submit"), ["draft", "returned"], "submitted", action=CHANGE),
        Step("approve", _("Approve"), ["submitted"], "approved", action=APPROVE),
        Step("return", _("Return"), ["submitted"], "returned", action=APPROVE,
             comment_required=True),
        ...,
    )
    DELEGATION_PATH.declare_views(DelegationKind)

and gets one way to move a record along it: :meth:`Workflow.advance` (the service, with
the acting user: scope, role, the record's current state and version are checked; the
change is saved through the record's versioned ``save`` so it is in the history, and
logged as an :class:`~doingoai.core.models.AuditEntry` with the comment), one POST URL
per kind (``<slug>/<pk>/step/<name>/``) and the buttons of the steps the reader may take
(``workflow_buttons`` in the detail page's context). A refused step raises
:class:`~doingoai.core.writing.RecordRefused` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext as _

from .models import StaleEdit, audit
from .registry import kind_view
from .scope import CHANGE, VIEW
from .writing import CONFLICT, FORBIDDEN, INVALID, STALE, FieldError, RecordRefused


@dataclass(frozen=True)
class Step:
    """One move along a path: from any of ``sources`` to ``target``, for users whose
    scope allows ``action`` on the record and, when given, ``allowed(user, obj)``.
    ``effect(obj, user, comment)`` runs in the same transaction after the state changed
    (set a decision date, freeze a file...)."""

    name: str
    label: object
    sources: tuple[str, ...]
    target: str
    action: str = CHANGE
    allowed: Callable | None = None
    comment_required: bool = False
    effect: Callable | None = None
    style: str = ""  # "primary", "danger": how its button looks

    def __post_init__(self):
        object.__setattr__(self, "sources", tuple(self.sources))


@dataclass
class Workflow:
    steps: tuple[Step, ...] = field(default_factory=tuple)
    state_field: str = "state"

    def __init__(self, *steps: Step, state_field: str = "state"):
        names = [s.name for s in steps]
        if len(set(names)) != len(names):
            raise ValueError(f"a step is declared twice: {names}")
        self.steps = tuple(steps)
        self.state_field = state_field

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    def state(self, obj) -> str:
        return getattr(obj, self.state_field)

    def may(self, step: Step, obj, user) -> bool:
        """May ``user`` take ``step`` on ``obj`` (role and scope only, not the state)?"""
        if not type(obj).scope_policy.allows(obj, user, step.action):
            return False
        return step.allowed is None or bool(step.allowed(user, obj))

    def available(self, obj, user) -> list[Step]:
        """The steps ``user`` may take on ``obj`` now: the buttons she sees."""
        here = self.state(obj)
        return [s for s in self.steps if here in s.sources and self.may(s, obj, user)]

    def advance(
        self, obj, name: str, *, acting_user, comment: str = "", version: int | None = None
    ):
        """Take step ``name`` on ``obj`` as ``acting_user``; returns the saved record."""
        step = self.step(name)
        if step is None:
            raise RecordRefused(INVALID, [FieldError(None, _("Unknown step."))])
        if not self.may(step, obj, acting_user):
            raise RecordRefused(FORBIDDEN, [FieldError(None, _("You may not do this."))])
        comment = (comment or "").strip()
        if step.comment_required and not comment:
            raise RecordRefused(
                INVALID,
                [FieldError("comment", _("Say why: a comment is required."), _("Comment"))],
            )
        if version is None or version != obj.version:
            raise RecordRefused(
                STALE,
                [FieldError("version", _("Somebody else changed this record; reload it."))],
                current_version=obj.version,
            )
        return self._save(obj, step, acting_user, comment)

    def _save(self, obj, step: Step, acting_user, comment: str):
        before, version = self.state(obj), obj.version
        if before not in step.sources:
            raise RecordRefused(
                CONFLICT,
                [
                    FieldError(
                        self.state_field,
                        _("This cannot be done in the state “%(state)s”.")
                        % {"state": _display_state(obj, self.state_field)},
                    )
                ],
            )
        try:
            with transaction.atomic():
                setattr(obj, self.state_field, step.target)
                obj._history_user = acting_user if getattr(acting_user, "pk", None) else None
                obj.save()
                if step.effect is not None:
                    step.effect(obj, acting_user, comment)
                audit(
                    user=acting_user,
                    action=f"step:{step.name}",
                    record=obj,
                    message=comment,
                    before=before,
                    after=step.target,
                )
        except StaleEdit as exc:
            setattr(obj, self.state_field, before)
            obj.version = version
            raise RecordRefused(
                STALE,
                [FieldError("version", _("Somebody else changed this record; reload it."))],
                current_version=exc.current_version,
            ) from exc
        except Exception:
            # the transaction rolled back: the copy in memory is the row again
            setattr(obj, self.state_field, before)
            obj.version = version
            raise
        return obj

    def log(self, obj) -> Iterable:
        """The record's steps, newest first (who, when, from, to, comment), each with
        the labels the reader sees: ``step_label`` ("Trình duyệt"), ``before_label`` and
        ``after_label`` (the states' names, not their codes)."""
        from django.contrib.contenttypes.models import ContentType

        from .models import AuditEntry

        entries = list(
            AuditEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                action__startswith="step:",
            ).select_related("user")
        )
        states = dict(type(obj)._meta.get_field(self.state_field).choices or ())
        for entry in entries:
            data = entry.data or {}
            step = self.step(entry.action.removeprefix("step:"))
            entry.step_label = str(step.label) if step else entry.action.removeprefix("step:")
            entry.before_label = str(states.get(data.get("before"), data.get("before", "")))
            entry.after_label = str(states.get(data.get("after"), data.get("after", "")))
        return entries

    def declare_views(self, kind) -> None:
        """The POST URL ``<slug>/<pk>/step/<name>/`` of ``kind`` (scope checked by the
        registry: 404 out of reach; the step's own rules answer 403 or a message)."""
        workflow = self
        kind.workflow = self  # the kind's path, for whoever walks the kinds (URL walk)

        @kind_view(kind, f"{kind.slug}_step", path="step/<str:step>/", action=VIEW)
        def take_step(request, obj, step):
            if request.method != "POST":
                return HttpResponseNotAllowed(["POST"])
            declared = workflow.step(step)
            if declared is None or not workflow.may(declared, obj, request.user):
                raise PermissionDenied
            try:
                version = int(request.POST.get("version") or 0)
            except ValueError:
                version = 0
            try:
                workflow.advance(
                    obj,
                    step,
                    acting_user=request.user,
                    comment=request.POST.get("comment", ""),
                    version=version,
                )
            except RecordRefused as refused:
                for message in refused.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("Done: %(step)s.") % {"step": declared.label},
                )
            return HttpResponseRedirect(obj.get_absolute_url())


def _display_state(obj, name: str) -> str:
    getter = getattr(obj, f"get_{name}_display", None)
    return str(getter()) if getter else str(getattr(obj, name))


def workflow_context(workflow: Workflow, obj, user) -> dict:
    """What ``generic/workflow_steps.html`` needs (for a detail panel's context)."""
    return {
        "workflow_steps": workflow.available(obj, user),
        "workflow_log": list(workflow.log(obj)),
    }
