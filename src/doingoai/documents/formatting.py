"""Numbers and money the Vietnamese way (40.000.000 ₫), independent of the UI language:
reports are Vietnamese documents."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from doingoai.core.numbers import format_number


def vn_number(value, decimals: int = 0) -> str:
    """``40.000.000``: rounded half up to ``decimals`` places; "—" for nothing."""
    if value is None or value == "":
        return "—"
    if type(value) is int:  # most figures: a count (a dashboard formats hundreds)
        return f"{value:,}".replace(",", ".")
    q = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    return format_number(Decimal(str(value)).quantize(q, rounding=ROUND_HALF_UP))


def vnd(value) -> str:
    return f"{vn_number(value)} ₫" if value is not None else "—"


def usd(value) -> str:
    return f"{vn_number(value)} USD" if value is not None else "—"


def vn_date(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else "—"
