"""Demo protection cases: two invented cases (clearly fictional) handled by the demo user
``daklak_case``, whose authenticator secret is public in the README FOR THE DEMO ONLY.
Loading twice changes nothing."""

from __future__ import annotations

import base64
import datetime as dt

from doingoai.core.scope import Role
from doingoai.organization import services as org
from doingoai.organization.demo import demo_user

from .models import CaseAction, ProtectionCase

USERNAME = "daklak_case"
#: the demo handler's TOTP secret (base32, as an authenticator app takes it): demo only
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
FICTION = "[Hư cấu – dữ liệu mẫu]"


def demo_handler():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = demo_user(
        USERNAME, "Cán bộ xử lý vụ việc (Đắk Lắk)", org.province("Đắk Lắk"), Role.EDITOR
    )
    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    TOTPDevice.objects.update_or_create(
        user=user, name="demo", defaults={"key": key, "confirmed": True}
    )
    return user


def _case(number, handler, actions, **values) -> ProtectionCase:
    case = ProtectionCase.objects.filter(number=number).first()
    if case is None:
        case = ProtectionCase.objects.create(number=number, **values)
        case.handlers.add(handler)
        for date, kind, note in actions:
            CaseAction.objects.create(case=case, date=date, kind=kind, note=note, by=handler)
    return case


def load(stdout=None):
    handler = demo_handler()
    daklak = org.province("Đắk Lắk")
    _case(
        "BV-DEMO-001",
        handler,
        [
            (
                dt.date(2024, 5, 3),
                "foreign_affairs",
                f"{FICTION} Chuyển Sở Ngoại vụ đề nghị hỗ trợ.",
            ),
            (dt.date(2024, 5, 20), "shelter", f"{FICTION} Giới thiệu đến nhà tạm lánh."),
        ],
        opened=dt.date(2024, 5, 2),
        status=ProtectionCase.Status.IN_SUPPORT,
        kind=ProtectionCase.Kind.MARRIAGE,
        country="CN",
        place="Hư cấu",
        unit=daklak,
        person_name="Nguyễn Thị Hư Cấu",
        person_birth_year="1999",
        person_province="Đắk Lắk",
        person_contact="0900 000 001 (số giả)",
        summary=f"{FICTION} Một vụ việc bịa ra để trình diễn phần mềm; không có người thật.",
    )
    _case(
        "BV-DEMO-002",
        handler,
        [(dt.date(2025, 2, 11), "police", f"{FICTION} Báo Công an tỉnh.")],
        opened=dt.date(2025, 2, 10),
        status=ProtectionCase.Status.REFERRED,
        kind=ProtectionCase.Kind.LABOUR,
        country="MY",
        place="Hư cấu",
        unit=daklak,
        person_name="Trần Thị Minh Họa",
        person_birth_year="2001",
        person_province="Đắk Lắk",
        person_contact="0900 000 002 (số giả)",
        summary=f"{FICTION} Vụ việc minh họa về lao động, không có người thật.",
    )
    if stdout:
        stdout.write(f"protection cases: {ProtectionCase.objects.count()} (handler {USERNAME})")
