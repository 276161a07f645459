"""One way to write a record.

The pages, the API, the spreadsheet import, the IATI import and the news reader all
create, change and delete records through :func:`record_save` and
:func:`record_delete`. Each call

1. checks the acting user's scope before (may she add this kind, change this record),
2. validates the data through the kind's form (the same rules and the same scoped
   choices everywhere),
3. saves in one transaction with the acting user written to the history, runs the
   kind's declared ``save_steps`` (scheduling an agreement's reviews, a review meeting
   holding its review...) and the caller's own ``also`` step,
4. checks the scope again after the save (a record may not be moved out of reach),

and refuses with :class:`RecordRefused`: a reason and a list of :class:`FieldError`
(the form field, its label and the message), which each caller shows its own way (a
form message, a JSON error naming the field, "Dòng 14, cột …"). A refused write
changes nothing. Data versions and the search index follow every save by signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError
from django.utils.translation import gettext as _

from .bulk import bulk_work
from .models import StaleEdit
from .registry import RecordKind, may_add
from .scope import CHANGE, DELETE

INVALID = "invalid"
FORBIDDEN = "forbidden"
STALE = "stale"
CONFLICT = "conflict"
PROTECTED = "protected"


@dataclass
class FieldError:
    """One thing wrong with what was sent: ``field`` is the form field's name (None
    for the record as a whole), ``label`` its label as the user sees it."""

    field: str | None
    message: str
    label: str = ""

    def __str__(self):
        return f"{self.label}: {self.message}" if self.label else self.message


class RecordRefused(Exception):
    """A write that did not happen, and why. Nothing was changed."""

    def __init__(
        self,
        reason: str,
        errors: list[FieldError] | None = None,
        *,
        form=None,
        current_version: int | None = None,
    ):
        self.reason = reason
        self.errors = errors or []
        self.form = form
        self.current_version = current_version
        super().__init__(f"{reason}: " + "; ".join(str(e) for e in self.errors))

    @property
    def messages(self) -> list[str]:
        return [str(e) for e in self.errors]


@dataclass
class Saved:
    obj: Model
    created: bool


def form_errors(form) -> list[FieldError]:
    """The errors of a bound form, field by field, with the fields' labels."""
    out = []
    for name, errors in form.errors.as_data().items():
        label = ""
        if name != "__all__" and name in form.fields:
            label = str(form.fields[name].label or name)
        for error in errors:
            for message in error.messages:
                out.append(FieldError(None if name == "__all__" else name, message, label))
    return out


def field_value(value):
    """A form's initial value as form data: records as their ids."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, (list, tuple)):
        return [v.pk if isinstance(v, Model) else v for v in value]
    if hasattr(value, "all") and callable(value.all):  # a queryset or a related manager
        return [v.pk for v in value.all()]
    return value


def form_data(form) -> dict:
    """The data that, bound to ``form``, leaves every field as it is."""
    return {
        name: field_value(form.get_initial_for_field(field, name))
        for name, field in form.fields.items()
    }


def current_data(kind: type[RecordKind], obj: Model, acting_user) -> dict:
    """The form data of a record as it is: what a change starts from."""
    return form_data(kind.get_form_class()(instance=obj, user=acting_user))


def bind(
    kind: type[RecordKind],
    *,
    acting_user,
    data=None,
    files=None,
    instance: Model | None = None,
    initial: dict | None = None,
):
    """The kind's form for ``instance`` (a new record when None), with ``data`` bound."""
    instance = instance if instance is not None else kind.model()
    return kind.get_form_class()(
        data, files, instance=instance, user=acting_user, initial=initial or {}
    )


def check_may_write(kind: type[RecordKind], instance: Model | None, acting_user) -> None:
    """Refuse when the user may not add this kind, or change this record."""
    if instance is None or instance.pk is None:
        if not may_add(kind, acting_user):
            raise RecordRefused(
                FORBIDDEN, [FieldError(None, _("You may not add records of this kind."))]
            )
        return
    if not kind.editable or not kind.scoped(acting_user, CHANGE).filter(pk=instance.pk).exists():
        raise RecordRefused(FORBIDDEN, [FieldError(None, _("You may not change this record."))])


def record_save(
    *,
    kind: type[RecordKind],
    acting_user,
    data=None,
    files=None,
    instance: Model | None = None,
    form=None,
    also: Callable[[Model], None] | None = None,
) -> Saved:
    """Create (``instance`` None) or change a record of ``kind`` from form ``data``
    (or an already bound ``form``), as ``acting_user``. Raises :class:`RecordRefused`."""
    if form is not None:
        instance = form.instance if form.instance.pk else None
    check_may_write(kind, instance, acting_user)
    if form is None:
        form = bind(kind, acting_user=acting_user, data=data, files=files, instance=instance)
    if not form.is_valid():
        raise RecordRefused(INVALID, form_errors(form), form=form)
    created = form.instance.pk is None
    try:
        # the record, its links and the save steps change the summary tables once
        # (a new activity with a partner: 123 -> 90 statements, 138-145 -> 90-101 ms
        # on PostgreSQL at national scale); the batch undone with this block
        with transaction.atomic(), bulk_work(savepoint=False):
            form.instance._history_user = acting_user if getattr(acting_user, "pk", None) else None
            obj = form.save()
            if also is not None:
                also(obj)
            for step in kind.save_steps:
                step(obj=obj, acting_user=acting_user, created=created)
            if not kind.scoped(acting_user, CHANGE).filter(pk=obj.pk).exists():
                raise PermissionDenied
    except StaleEdit as exc:
        form.add_error(
            None,
            _(
                "Somebody else saved this record after you opened it. Nothing of yours was "
                "saved; their change is shown below. Reload the form to edit the current "
                "version."
            ),
        )
        raise RecordRefused(
            STALE,
            [FieldError("version", _("Stale version."))],
            form=form,
            current_version=exc.current_version,
        ) from exc
    except PermissionDenied as exc:
        message = _("You may not save the record with these values.")
        form.add_error(None, message)
        raise RecordRefused(FORBIDDEN, [FieldError(None, message)], form=form) from exc
    except IntegrityError as exc:
        message = _("This record conflicts with an existing one.")
        form.add_error(None, message)
        raise RecordRefused(CONFLICT, [FieldError(None, message)], form=form) from exc
    return Saved(obj=obj, created=created)


def _delete_attachments(obj: Model, pk) -> None:
    """The files attached to a deleted record: no record keeps them any more. Their rows
    go with the record; the files once the deletion is committed."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Attachment

    attachments = list(
        Attachment.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=pk)
    )
    if not attachments:
        return
    files = [f for a in attachments for f in (a.file, a.thumbnail) if f]
    Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()

    def remove():
        for f in files:
            f.storage.delete(f.name)

    transaction.on_commit(remove)


def record_delete(
    *, kind: type[RecordKind], obj: Model, acting_user, version: int | None = None
) -> None:
    """Delete ``obj`` as ``acting_user``; ``version``, when given, must be current."""
    if not kind.editable or not kind.scoped(acting_user, DELETE).filter(pk=obj.pk).exists():
        raise RecordRefused(FORBIDDEN, [FieldError(None, _("You may not delete this record."))])
    if version is not None and version != obj.version:
        raise RecordRefused(
            STALE, [FieldError("version", _("Stale version."))], current_version=obj.version
        )
    try:
        with transaction.atomic():
            obj._history_user = acting_user if getattr(acting_user, "pk", None) else None
            pk = obj.pk
            obj.delete()
            _delete_attachments(obj, pk)
    except ProtectedError as exc:
        raise RecordRefused(
            PROTECTED,
            [
                FieldError(
                    None,
                    _("“%(obj)s” cannot be deleted: other records refer to it.") % {"obj": obj},
                )
            ],
        ) from exc
