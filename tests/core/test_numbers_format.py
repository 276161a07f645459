"""The fast Vietnamese number format is babel's, digit for digit."""

from __future__ import annotations

import random
from decimal import Decimal

from babel.numbers import format_decimal

from doingoai.core.numbers import _trimmed, format_number


def babel(value, decimals=None) -> str:
    value = Decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    value = _trimmed(value)
    places = max(0, -value.as_tuple().exponent)
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(value, format=pattern, locale="vi").replace("\xa0", " ")


def test_same_as_babel():
    rnd = random.Random(7)
    values = [0, 1, -1, 999, 1000, -1000, 40_000_000, 1234567.891, "0.5", "-0.05", "1.50"]
    values += [
        Decimal(rnd.randint(-(10**15), 10**15)).scaleb(-rnd.randint(0, 6)) for _ in range(500)
    ]
    for v in values:
        for decimals in (None, 0, 2):
            assert format_number(v, decimals=decimals) == babel(v, decimals), (v, decimals)
    assert format_number(40_000_000) == "40.000.000"
    assert format_number(Decimal("1.5")) == "1,5"
