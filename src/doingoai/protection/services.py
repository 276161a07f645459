"""What happens to a case, each in one transaction and each logged in ``CaseAccess``."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from doingoai.core.models import StaleEdit
from doingoai.core.scope import CHANGE, is_system_admin

from .models import BreakGlass, CaseAccess, CaseAction, CaseDocument, ProtectionCase

MAX_DOCUMENT = 10 * 1024 * 1024


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def log(*, case, user, part, verb, request=None, detail="", reason="", asked_id=None) -> CaseAccess:
    return CaseAccess.objects.create(
        case=case,
        asked_id=asked_id if asked_id is not None else getattr(case, "pk", None),
        user=user if getattr(user, "pk", None) else None,
        address=client_address(request),
        part=part,
        verb=verb,
        detail=detail[:200],
        reason=reason,
    )


MAX_ID = 2**63 - 1


def log_refused(*, case_id: int, user, part, request=None, detail="") -> CaseAccess:
    """A refused attempt at a case (someone not named on it, a break-glass reader trying
    to change it, an id that is no case): logged for the system administrators and the
    case's handlers; the one who asked learns nothing (she gets the same 404)."""
    asked = case_id if 0 < case_id <= MAX_ID else None
    case = ProtectionCase.objects.filter(pk=asked).first() if asked else None
    return log(
        case=case,
        user=user,
        part=part,
        verb=CaseAccess.Verb.REFUSED,
        request=request,
        detail=detail,
        asked_id=asked,
    )


@transaction.atomic
def case_save(*, form, acting_user, request=None) -> ProtectionCase:
    """Create or change a case from its validated form; the acting user is always one of
    its handlers (she cannot lock herself out); a stale copy is refused."""
    case = form.instance
    created = case.pk is None
    if not created:
        updated = ProtectionCase.objects.filter(pk=case.pk, version=case.version).update(
            version=F("version") + 1
        )
        if not updated:
            raise StaleEdit(case, ProtectionCase.objects.get(pk=case.pk).version)
        case.version += 1
    case = form.save()
    if not case.handlers.filter(pk=acting_user.pk).exists():
        case.handlers.add(acting_user)
    changed = ", ".join(sorted(form.changed_data))
    log(
        case=case,
        user=acting_user,
        part=CaseAccess.Part.EDIT,
        verb=CaseAccess.Verb.CREATE if created else CaseAccess.Verb.CHANGE,
        request=request,
        detail=changed,  # field names only
    )
    return case


@transaction.atomic
def action_add(*, case, acting_user, date, kind, note, request=None) -> CaseAction:
    action = CaseAction.objects.create(case=case, date=date, kind=kind, note=note, by=acting_user)
    log(
        case=case,
        user=acting_user,
        part=CaseAccess.Part.ACTION,
        verb=CaseAccess.Verb.CREATE,
        request=request,
        detail=action.get_kind_display(),
    )
    return action


@transaction.atomic
def document_add(*, case, acting_user, upload, request=None) -> CaseDocument:
    from . import crypto

    data = upload.read()
    doc = CaseDocument.objects.create(
        case=case,
        name=upload.name,
        content=crypto.encrypt_bytes(data),
        size=len(data),
        by=acting_user,
    )
    log(
        case=case,
        user=acting_user,
        part=CaseAccess.Part.DOCUMENT,
        verb=CaseAccess.Verb.CREATE,
        request=request,
        detail=f"#{doc.pk}",
    )
    return doc


class BreakGlassRefused(Exception):
    pass


@transaction.atomic
def break_glass(*, case, acting_user, reason: str, request=None) -> BreakGlass:
    """A system administrator opens a case she does not handle, for a stated reason: the
    grant holds for ``BREAK_GLASS_MINUTES``, read-only, and her handlers see the reason."""
    reason = (reason or "").strip()
    if not is_system_admin(acting_user):
        raise BreakGlassRefused("only a system administrator")
    if len(reason) < 10:
        raise BreakGlassRefused("reason")
    now = timezone.now()
    grant = BreakGlass.objects.create(
        case=case, user=acting_user, at=now, until=now + BreakGlass.window()
    )
    log(
        case=case,
        user=acting_user,
        part=CaseAccess.Part.BREAK_GLASS,
        verb=CaseAccess.Verb.READ,
        request=request,
        reason=reason,
    )
    return grant


def may_change(case, user) -> bool:
    return ProtectionCase.objects.restrict(user, CHANGE).filter(pk=case.pk).exists()


def rotate_keys(progress=None) -> int:
    """Every encrypted value decrypted with any configured key and encrypted again with
    the first one. Returns the number of rows rewritten."""
    from . import crypto

    done = 0
    models = [
        (
            ProtectionCase,
            [
                "place",
                "person_name",
                "person_birth_year",
                "person_province",
                "person_contact",
                "summary",
            ],
        ),
        (CaseAction, ["note"]),
        (CaseAccess, ["reason"]),
        (CaseDocument, ["name", "content"]),
    ]
    total = sum(m.objects.count() for m, _f in models)
    with transaction.atomic():
        for model, fields in models:
            for obj in model.objects.all().iterator():
                if model is CaseDocument:  # bytes: re-encrypted as they are
                    obj.content = crypto.rotate_bytes(obj.content)
                # loaded in the clear (any key), written with the first key
                model.objects.filter(pk=obj.pk).update(**{f: getattr(obj, f) for f in fields})
                done += 1
                if progress:
                    progress(done, total)
    return done
