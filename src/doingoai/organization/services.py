"""Loading the unit tree from the official administrative lists, and the congress terms."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from vietnam_provinces import Province, Ward
from vietnam_provinces._province_conversion_2025 import EFFECTIVE_DATE, OLD_TO_NEW
from vietnam_provinces.legacy.base import Province as LegacyProvince

from doingoai.core.models import audit

from .models import Term, Unit

CENTRAL_CODE = "VN"
CENTRAL_NAME = "Trung ương Hội LHPN Việt Nam"
REFORM_DATE = dt.date.fromisoformat(EFFECTIVE_DATE)  # 2025-07-01
LAST_OLD_DAY = REFORM_DATE - dt.timedelta(days=1)

TERMS = [
    (12, "XII", dt.date(2017, 3, 1), dt.date(2022, 2, 28)),
    (13, "XIII", dt.date(2022, 3, 1), dt.date(2027, 2, 28)),
    (14, "XIV", dt.date(2027, 3, 1), dt.date(2032, 2, 29)),
]


def _area(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def union_name(area_name: str, level: str, division: str = "") -> str:
    """'Hội LHPN tỉnh Đắk Lắk', 'Hội LHPN thành phố Hà Nội', 'Hội LHPN xã Ea Kao'."""
    if level == Unit.Level.PROVINCE:
        word = "thành phố" if division.startswith("thành phố") else "tỉnh"
        return f"Hội LHPN {word} {area_name}"
    return f"Hội LHPN {area_name[0].lower()}{area_name[1:]}"


def central_unit() -> Unit:
    unit = Unit.objects.filter(level=Unit.Level.CENTRAL, code=CENTRAL_CODE).first()
    if unit is None:
        unit = Unit.objects.create(
            level=Unit.Level.CENTRAL,
            code=CENTRAL_CODE,
            name=CENTRAL_NAME,
            area_name="Việt Nam",
            valid_from=dt.date(1930, 10, 20),
        )
    return unit


@transaction.atomic
def load_units(*, with_history: bool = True, progress=None) -> dict[str, int]:
    """Central union, the 34 provinces of today and the 63 before the 2025 merger.

    Idempotent: existing units are kept, missing ones created.
    """
    central = central_unit()
    created = 0
    current: dict[int, Unit] = {}
    provinces = list(Province.iter_all())
    for i, p in enumerate(provinces, 1):
        code = f"{int(p.code):02d}"
        area = _area(p.name)
        unit, made = Unit.objects.get_or_create(
            level=Unit.Level.PROVINCE,
            code=code,
            valid_from=REFORM_DATE,
            defaults={
                "name": union_name(area, Unit.Level.PROVINCE, str(p.division_type)),
                "area_name": area,
                "parent": central,
            },
        )
        created += made
        current[int(p.code)] = unit
        if progress:
            progress(i, len(provinces), unit.name)
    if with_history:
        for p in LegacyProvince.iter_all():
            old_code = int(p.code)
            entry = OLD_TO_NEW.get(old_code)
            targets = [ref.code for ref in entry.new_provinces] if entry else []
            # an old province split over several new ones rolls up into the one
            # that kept its code, else the first listed
            successor_code = old_code if old_code in targets else (targets[0] if targets else None)
            area = _area(p.name)
            unit, made = Unit.objects.get_or_create(
                level=Unit.Level.PROVINCE,
                code=f"{old_code:02d}",
                valid_from=None,
                defaults={
                    "name": union_name(area, Unit.Level.PROVINCE, str(p.division_type)),
                    "area_name": area,
                    "parent": central,
                    "successor": current.get(successor_code),
                    "valid_to": LAST_OLD_DAY,
                },
            )
            created += made
    return {"created": created, "total": Unit.objects.count()}


@transaction.atomic
def load_communes(*, province_code: str, progress=None) -> dict[str, int]:
    """The communes (xã, phường, đặc khu) of today of one province."""
    province = Unit.objects.get(
        level=Unit.Level.PROVINCE, code=f"{int(province_code):02d}", valid_to__isnull=True
    )
    wards = list(Ward.iter_by_province(int(province_code)))
    existing = set(
        Unit.objects.filter(parent=province, level=Unit.Level.COMMUNE).values_list(
            "code", flat=True
        )
    )
    created = 0
    for i, w in enumerate(wards, 1):
        code = f"{int(w.code):05d}"
        if code not in existing:
            Unit.objects.create(
                level=Unit.Level.COMMUNE,
                code=code,
                name=union_name(w.name, Unit.Level.COMMUNE),
                area_name=w.name,
                parent=province,
                valid_from=REFORM_DATE,
            )
            created += 1
        if progress and (i % 25 == 0 or i == len(wards)):
            progress(i, len(wards), w.name)
    return {"created": created, "total": len(wards)}


@transaction.atomic
def load_terms() -> int:
    made = 0
    for number, name, start, end in TERMS:
        _term, created = Term.objects.get_or_create(
            number=number, defaults={"name": name, "start_date": start, "end_date": end}
        )
        made += created
    return made


def province(code_or_name: str) -> Unit:
    """Today's province unit by code ('66') or area name ('Đắk Lắk', 'dak lak')."""
    from doingoai.core.text import fold

    qs = Unit.objects.filter(level=Unit.Level.PROVINCE, valid_to__isnull=True)
    if code_or_name.isdigit():
        return qs.get(code=f"{int(code_or_name):02d}")
    wanted = fold(code_or_name)
    for unit in qs:
        if fold(unit.area_name) == wanted:
            return unit
    raise Unit.DoesNotExist(code_or_name)


@transaction.atomic
def unit_merge(*, unit: Unit, into: Unit, on: dt.date, acting_user) -> Unit:
    """Merge ``unit`` into ``into`` from ``on``: it stays for old records, rolls up."""
    unit.successor = into
    unit.valid_to = on - dt.timedelta(days=1)
    unit.save()
    audit(user=acting_user, action="unit_merge", record=unit, into=into.pk, on=on.isoformat())
    return unit
