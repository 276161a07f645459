"""Reminders made from the records, shown to the users who may see their record, told
once by email."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from doingoai.core.scope import VIEW, is_active

from .hooks import reminder_kinds
from .models import EmailChoice, Reminder, ReminderSettings, ReminderState

LATER_DAYS = 7  # "remind me later": a week
DIGEST_HOUR = 7  # the daily digest goes with the first run from 7:00 (Asia/Ho_Chi_Minh)


def today() -> dt.date:
    return timezone.localdate()


#: rows written per transaction: a save elsewhere waits at most for one batch (on SQLite
#: a writing transaction locks the whole database)
BATCH = 500


def _batches(items: list):
    size = BATCH
    for i in range(0, len(items), size):
        yield items[i : i + size]


def refresh(on: dt.date | None = None) -> dict[str, int]:
    """Open a reminder for every cause due today, close those whose cause is gone (the
    review held, the agreement renewed), open again one whose cause came back.

    What is due is computed first, reading only (no transaction: at the national size it
    takes many seconds, and on SQLite an open transaction would hold the write lock all
    that time, so logins and saves would fail); the changes are then written in short
    transactions of ``BATCH`` rows. Each write is idempotent (only still-open reminders
    closed, only closed ones reopened, a key already made by a concurrent run skipped),
    so a run that stops half-way is completed by the next."""
    on = on or today()
    with translation.override("vi"):  # the titles are kept, in the officers' language
        dues = {d.key: d for d in reminder_kinds.gather(on)}
    now = timezone.now()
    existing = dict(Reminder.objects.values_list("key", "closed_at"))
    gone = [k for k, closed in existing.items() if closed is None and k not in dues]
    back = [k for k, closed in existing.items() if closed is not None and k in dues]
    types = {}
    new = []
    for key, d in dues.items():
        if key in existing:
            continue
        model = type(d.record)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        new.append(
            Reminder(
                key=key,
                kind=d.kind,
                title=d.title[:500],
                content_type=types[model],
                object_id=d.record.pk,
                unit_id=d.unit_id,
                due_date=d.due_date,
                url=d.url,
            )
        )
    for batch in _batches(gone):
        with transaction.atomic():
            Reminder.objects.filter(key__in=batch, closed_at__isnull=True).update(closed_at=now)
    for batch in _batches(back):
        with transaction.atomic():
            Reminder.objects.filter(key__in=batch, closed_at__isnull=False).update(closed_at=None)
    for batch in _batches(new):
        with transaction.atomic():
            Reminder.objects.bulk_create(batch, ignore_conflicts=True)
    return {"opened": len(new), "closed": len(gone), "reopened": len(back), "due": len(dues)}


def visible(user):
    """The open reminders whose record ``user`` may see (and nothing else)."""
    if not is_active(user):
        return Reminder.objects.none()
    open_ = Reminder.objects.filter(closed_at__isnull=True)
    conditions = []
    for ct_id in open_.order_by().values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None or not hasattr(model._default_manager, "restrict"):
            continue
        ids = model._default_manager.restrict(user, VIEW).values("pk")
        conditions.append(Q(content_type_id=ct_id, object_id__in=ids))
    if not conditions:
        return Reminder.objects.none()
    return open_.filter(reduce(or_, conditions))


def pending(user, on: dt.date | None = None):
    """What the bell counts and the page lists: visible, not done, not put off."""
    on = on or today()
    dealt = ReminderState.objects.filter(reminder=OuterRef("pk"), user=user).filter(
        Q(done_at__isnull=False) | Q(later_until__gt=on)
    )
    return visible(user).exclude(Exists(dealt))


def _state(user, reminder) -> ReminderState:
    state, _ = ReminderState.objects.get_or_create(user=user, reminder=reminder)
    return state


def mark_done(*, reminder: Reminder, acting_user) -> None:
    state = _state(acting_user, reminder)
    state.done_at = timezone.now()
    state.save(update_fields=["done_at"])


def remind_later(*, reminder: Reminder, acting_user, on: dt.date | None = None) -> dt.date:
    state = _state(acting_user, reminder)
    state.later_until = (on or today()) + dt.timedelta(days=LATER_DAYS)
    state.save(update_fields=["later_until"])
    return state.later_until


def email_choice(user) -> str:
    found = ReminderSettings.objects.filter(user=user).values_list("email", flat=True).first()
    return found or EmailChoice.DIGEST


def _recipients(now) -> list:
    """Users to write to now: immediate ones at every run, digest ones once a day."""
    User = apps.get_model(settings.AUTH_USER_MODEL)
    local = timezone.localtime(now)
    choices = dict(ReminderSettings.objects.values_list("user_id", "email"))
    last = dict(ReminderSettings.objects.values_list("user_id", "last_digest"))
    out = []
    for user in User.objects.filter(is_active=True).exclude(email="").select_related("unit"):
        choice = choices.get(user.pk, EmailChoice.DIGEST)
        if choice == EmailChoice.NONE:
            continue
        if choice == EmailChoice.DIGEST and (
            local.hour < DIGEST_HOUR or last.get(user.pk) == local.date()
        ):
            continue
        out.append((user, choice))
    return out


def send(*, now=None, progress=None) -> dict[str, int]:
    """Email each user the reminders in her scope she was not told of yet; never twice."""
    now = now or timezone.now()
    users = _recipients(now)
    sent = told = 0
    for i, (user, choice) in enumerate(users, 1):
        told_now = _send_one(user, choice, now)
        told += told_now
        sent += bool(told_now)
        if progress:
            progress(i, len(users), user.username)
    return {"users": len(users), "emails": sent, "reminders": told}


def _send_one(user, choice, now) -> int:
    emailed = ReminderState.objects.filter(
        reminder=OuterRef("pk"), user=user, emailed_at__isnull=False
    )
    new = list(pending(user, timezone.localtime(now).date()).exclude(Exists(emailed)))
    if choice == EmailChoice.DIGEST:
        ReminderSettings.objects.update_or_create(
            user=user, defaults={"last_digest": timezone.localtime(now).date()}
        )
    if not new:
        return 0
    by_kind = defaultdict(list)
    for r in new:
        by_kind[r.get_kind_display()].append(r)
    with translation.override("vi"):
        context = {"user": user, "groups": dict(by_kind), "site": settings.SITE_URL}
        subject = render_to_string("reminders/email_subject.txt", {"n": len(new)}).strip()
        body = render_to_string("reminders/email.txt", context)
    # marked as told in short transactions, then sent (the mail server may be slow: no
    # write lock is held meanwhile); a failed sending unmarks them, to be told next time
    ids = [r.pk for r in new]
    for batch in _batches(ids):
        with transaction.atomic():
            ReminderState.objects.bulk_create(
                [ReminderState(user=user, reminder_id=pk) for pk in batch],
                ignore_conflicts=True,
            )
            ReminderState.objects.filter(user=user, reminder_id__in=batch).update(emailed_at=now)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:
        for batch in _batches(ids):
            with transaction.atomic():
                ReminderState.objects.filter(
                    user=user, reminder_id__in=batch, emailed_at=now
                ).update(emailed_at=None)
        raise
    return len(new)
