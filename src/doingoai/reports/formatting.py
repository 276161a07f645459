"""Numbers and money the Vietnamese way (40.000.000 ₫), independent of the UI language:
reports are Vietnamese documents."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def vn_number(value, decimals: int = 0) -> str:
    if value is None or value == "":
        return "—"
    q = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    d = Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _dot, frac = f"{abs(d):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) or "0"
    if decimals and frac and int(frac):
        text += "," + frac
    return sign + text


def vnd(value) -> str:
    return f"{vn_number(value)} ₫" if value is not None else "—"


def usd(value) -> str:
    return f"{vn_number(value)} USD" if value is not None else "—"


def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else "—"
