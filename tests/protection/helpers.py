"""Protection cases for the tests, made the way the models allow (the pages are tested
through the client)."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from doingoai.protection import crypto
from doingoai.protection.models import CaseAction, CaseDocument, ProtectionCase

_numbers = itertools.count(1)
PLANTED_NAME = "Lò Thị Xuyến Planted"
PLANTED_PHONE = "0987 654 321"
PLANTED_SUMMARY = "Bị lừa sang biên giới tháng 3, tóm tắt bí mật"


def handler(unit, username=None, role="viewer"):
    User = get_user_model()
    username = username or f"handler{next(_numbers)}"
    return User.objects.create_user(username=username, password="x", unit=unit, role=role)


def make_case(unit, handlers=None, **values) -> ProtectionCase:
    n = next(_numbers)
    fields = dict(
        number=f"BV-T-{n}",
        opened=dt.date(2024, 4, 1),
        status=ProtectionCase.Status.OPEN,
        kind=ProtectionCase.Kind.TRAFFICKING,
        country="CN",
        place="Hà Khẩu",
        unit=unit,
        person_name=PLANTED_NAME,
        person_birth_year="2002",
        person_province="Lào Cai",
        person_contact=PLANTED_PHONE,
        summary=PLANTED_SUMMARY,
    )
    fields.update(values)
    case = ProtectionCase.objects.create(**fields)
    case.handlers.set(handlers if handlers is not None else [handler(unit)])
    CaseAction.objects.create(
        case=case, date=dt.date(2024, 4, 2), kind="police", note="Đã báo công an huyện"
    )
    CaseDocument.objects.create(
        case=case, name="don-trinh-bao.txt", content=crypto.encrypt_bytes(b"noi dung don"), size=12
    )
    return case
