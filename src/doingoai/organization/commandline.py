"""A unit named on the command line (``--unit``)."""

from __future__ import annotations

from django.core.management.base import CommandError

from doingoai.core.text import fold

from .models import Unit


def find_unit(value: str) -> Unit:
    """A unit by code ('66', 'VN'), pk ('#12'), or name ('Đắk Lắk', 'dak lak');
    today's unit before a historical one."""
    value = value.strip()
    current = Unit.objects.filter(successor__isnull=True)
    if value.startswith("#") and value[1:].isdigit():
        unit = Unit.objects.filter(pk=int(value[1:])).first()
        if unit:
            return unit
    by_code = current.filter(code__iexact=value, level__in=["central", "province"])
    if by_code.count() == 1:
        return by_code.get()
    by_code = current.filter(code__iexact=value)
    if by_code.count() == 1:
        return by_code.get()
    qs = current
    for w in fold(value).split():
        qs = qs.filter(search_text__contains=w)
    qs = qs.order_by("path")
    exact = [u for u in qs[:50] if fold(u.area_name) == fold(value) or fold(u.name) == fold(value)]
    if exact:
        return sorted(
            exact, key=lambda u: ("central", "province", "district", "commune").index(u.level)
        )[0]
    found = list(qs[:5])
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(f"No unit matches {value!r}.")
    raise CommandError(
        f"{value!r} matches several units: " + "; ".join(f"{u.name} ({u.code})" for u in found)
    )
