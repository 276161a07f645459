"""Change history for detail pages: who changed which fields from what to what."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
HIDDEN_FIELDS = {"version", "search_text", "path", "updated_at", "created_at"}


@dataclass
class Change:
    field: str
    label: str
    old: object
    new: object


@dataclass
class HistoryEntry:
    when: object
    user: object
    kind: str
    changes: list[Change]
    version: int | None


def _display(model, field_name, value):
    try:
        field = model._meta.get_field(field_name)
    except Exception:
        return value
    if value in (None, ""):
        return "—"
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.is_relation and field.many_to_one:
        try:
            return str(field.related_model._base_manager.get(pk=value))
        except field.related_model.DoesNotExist:
            return f"#{value}"
    return value


def history_for(obj, limit: int = 50) -> list[HistoryEntry]:
    model = type(obj)
    records = list(obj.history.select_related("history_user").order_by("-history_id")[: limit + 1])
    entries = []
    for i, rec in enumerate(records[:limit]):
        prev = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if prev is not None and rec.history_type == "~":
            delta = rec.diff_against(prev)
            for change in delta.changes:
                if change.field in HIDDEN_FIELDS:
                    continue
                label = model._meta.get_field(change.field).verbose_name
                changes.append(
                    Change(
                        change.field,
                        label,
                        _display(model, change.field, change.old),
                        _display(model, change.field, change.new),
                    )
                )
        entries.append(
            HistoryEntry(
                when=rec.history_date,
                user=rec.history_user,
                kind=TYPE_LABELS.get(rec.history_type, rec.history_type),
                changes=changes,
                version=getattr(rec, "version", None),
            )
        )
    return entries


def changes_since(obj, version: int) -> list[HistoryEntry]:
    """What others changed after ``version`` (for the stale-edit message)."""
    return [e for e in history_for(obj, limit=20) if e.version and e.version > version]
