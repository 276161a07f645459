"""Who issues and signs a unit's documents (Decree 30/2020/NĐ-CP): the issuing body's two
lines, the place in the date line, the signer block with the approver's name."""

from __future__ import annotations

from doingoai.core.scope import Role
from doingoai.organization.models import Unit, User

from .layout import Signer


def issuer_lines(unit: Unit) -> tuple[str, str]:
    if unit.level == Unit.Level.CENTRAL:
        return "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "BAN QUỐC TẾ"
    parent = unit.parent
    top = parent.name.upper() if parent else ""
    if parent and parent.level == Unit.Level.CENTRAL:
        top = "HỘI LHPN VIỆT NAM"
    return top, unit.name.upper()


def place_of(unit: Unit) -> str:
    u = unit
    while u is not None and u.level not in (Unit.Level.PROVINCE, Unit.Level.CENTRAL):
        u = u.parent
    if u is None or u.level == Unit.Level.CENTRAL:
        return "Hà Nội"
    return u.area_name or u.name


def signer(unit: Unit) -> Signer:
    """The unit's signer block, with the name of its approver (the chair, or a deputy:
    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") when one is recorded."""
    approver = (
        User.objects.filter(unit=unit, role=Role.APPROVER, is_active=True).order_by("pk").first()
    )
    name, position = "", ""
    if approver is not None:
        name = (approver.full_name or "").split(" (")[0].strip()
        position = f"{approver.position} {approver.full_name}".lower()
    deputy = "phó chủ tịch" in position
    collective = "ĐOÀN CHỦ TỊCH" if unit.level == Unit.Level.CENTRAL else "BAN THƯỜNG VỤ"
    return Signer.of(collective=collective, deputy=deputy, name=name)
