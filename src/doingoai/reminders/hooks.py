"""The extension point of the reminders: other apps contribute what falls due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from doingoai.core.registry import Hook


@dataclass(frozen=True)
class Due:
    """Something a unit must do about a record. ``key`` names the cause and its stage
    ("agreement_expiring:12:30"): while a provider returns it the reminder stays open; once
    no provider does (the review held, the agreement renewed) it closes by itself. A new
    stage is a new key, so it is told again. ``record`` decides who hears of it: exactly
    the users who may see that record."""

    key: str
    kind: str
    title: str
    record: object
    unit_id: int
    due_date: dt.date
    url: str


#: ``fn(today) -> [Due]``: what is due or overdue today (delegations' post-trip reports...)
reminder_kinds = Hook("reminder kinds", "What falls due: providers return Due items for today.")
