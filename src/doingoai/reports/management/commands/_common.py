from django.core.management.base import CommandError

from doingoai.organization.models import Unit, User


def acting_user(username: str | None) -> User:
    """The user the command acts as (scope): --as USERNAME, else a system admin."""
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        return user
    user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if user is None:
        user = User.objects.filter(role="system_admin", is_active=True).order_by("pk").first()
    if user is None:
        raise CommandError("No system administrator exists: pass --as USERNAME.")
    return user


def find_unit(value: str) -> Unit:
    """A unit by code ('66', 'VN'), pk ('#12'), or name ('Đắk Lắk', 'dak lak')."""
    from doingoai.core.text import fold

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
    words = fold(value).split()
    qs = current
    for w in words:
        qs = qs.filter(search_text__contains=w)
    qs = qs.order_by("path")
    exact = [u for u in qs[:50] if fold(u.area_name) == fold(value) or fold(u.name) == fold(value)]
    if len(exact) >= 1:
        return sorted(exact, key=lambda u: ("central", "province", "district", "commune")
                      .index(u.level))[0]
    found = list(qs[:5])
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(f"No unit matches {value!r}.")
    raise CommandError(f"{value!r} matches several units: "
                       + "; ".join(f"{u.name} ({u.code})" for u in found))
