"""Money: ISO 4217 currencies, conversion at the rate of a date, Vietnamese display.

Every rate is "đồng per unit of a currency" on a date. An amount converts at the
rate of its date or, failing that, of the nearest date before it, provided that
rate is not older than ``MAX_RATE_AGE``; otherwise there is no usable rate and
the conversion gives ``None`` (pages then say so instead of showing a number).
USD equivalents go through the đồng: amount × rate(currency) / rate(USD).
"""

from __future__ import annotations

import bisect
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

import pycountry
from babel import UnknownLocaleError
from babel.numbers import get_currency_name
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doingoai.core.numbers import format_money, format_number  # noqa: F401 (re-exported)
from doingoai.core.text import fold

VND = "VND"
USD = "USD"
#: a rate older than this before the value date is not used
MAX_RATE_AGE = dt.timedelta(days=366)
ONE = Decimal(1)
CENT = Decimal("0.01")


#: ISO 4217 codes that are no money anyone gives: "no currency" (XXX), testing (XTS),
#: precious metals and bond-market units
NOT_MONEY = {"XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"}
#: codes of the IATI Currency codelist that ISO 4217 (pycountry) no longer lists or never
#: did; published data (IATI files) uses them
IATI_ONLY_CURRENCIES = frozenset(
    "ANG BGN BYR CUC EEK HRK LTL LVL MRO SLL STD USS VEF XBT ZMK ZWL".split()
)


def is_currency(code: str | None) -> bool:
    return (
        bool(code)
        and len(code) == 3
        and code.upper() not in NOT_MONEY
        and (
            pycountry.currencies.get(alpha_3=code.upper()) is not None
            or code.upper() in IATI_ONLY_CURRENCIES
        )
    )


def currency_error(code: str) -> str:
    return _("“%(code)s” is not an ISO 4217 currency code (e.g. VND, USD, EUR).") % {"code": code}


#: the currencies an officer meets most, offered first in this order
FIRST_CURRENCIES = [
    "VND", "USD", "EUR", "LAK", "KHR", "CNY", "KRW", "JPY", "THB", "AUD", "GBP",
]  # fmt: skip


def _iso_codes() -> list[str]:
    """Today's ISO 4217 codes (pycountry), the usual ones first, then A to Z."""
    codes = {c.alpha_3 for c in pycountry.currencies} - NOT_MONEY
    return [c for c in FIRST_CURRENCIES if c in codes] + sorted(codes - set(FIRST_CURRENCIES))


def currency_codes() -> list[str]:
    """Every code :func:`is_currency` takes, the usual ones first."""
    return _iso_codes() + sorted(IATI_ONLY_CURRENCIES - NOT_MONEY - set(_iso_codes()))


def currency_name(code: str, language: str | None = None) -> str:
    """``Đồng Việt Nam``, ``Đô la Mỹ`` (babel's CLDR names; English when asked)."""
    language = (language or get_language() or "vi").split("-")[0]
    try:
        return get_currency_name(code, locale=language)
    except (UnknownLocaleError, ValueError):
        return get_currency_name(code, locale="en")


def currency_choices() -> list[tuple[str, str]]:
    """(code, "VND — Đồng Việt Nam") in the order of the picker, in the current language."""
    return [(c, f"{c} — {currency_name(c)}") for c in _iso_codes()]


def find_currency(typed: str | None) -> str | None:
    """The ISO 4217 code meant by what was typed or picked: a code ("vnd"), a choice
    ("USD — Đô la Mỹ"), or a name in Vietnamese or English, with or without diacritics
    ("đồng", "đô la Mỹ", "kip lao", "euro"). A name's beginning is enough; of several
    currencies whose names begin so, the first of the picker's order ("đồng" is the
    đồng, "đô la" the US dollar). None when nothing matches."""
    text = (typed or "").strip()
    head = text.split("—")[0].split(" - ")[0].strip()
    if len(head) == 3 and is_currency(head):
        return head.upper()
    folded = fold(text)
    if not folded:
        return None
    codes = _iso_codes()
    names = {c: [fold(currency_name(c, "vi")), fold(currency_name(c, "en"))] for c in codes}
    for code in codes:
        if folded in names[code]:
            return code
    for code in codes:
        if any(name.startswith(folded + " ") for name in names[code]):
            return code
    return None


class RateTable:
    """Rates of some currencies held in memory, for converting many amounts at once."""

    def __init__(self, currencies=None):
        from .models import ExchangeRate

        qs = ExchangeRate.objects.order_by("currency", "date", "pk")
        if currencies is not None:
            qs = qs.filter(currency__in=[c.upper() for c in currencies])
        self.dates: dict[str, list[dt.date]] = {}
        self.values: dict[str, list[Decimal]] = {}
        for currency, date, value in qs.values_list("currency", "date", "vnd_per_unit"):
            dates = self.dates.setdefault(currency, [])
            values = self.values.setdefault(currency, [])
            if dates and dates[-1] == date:
                values[-1] = value  # the later entry of the same day counts
            else:
                dates.append(date)
                values.append(value)

    def rate(self, currency: str, on: dt.date) -> tuple[Decimal, dt.date] | None:
        dates = self.dates.get(currency.upper())
        if not dates:
            return None
        i = bisect.bisect_right(dates, on) - 1
        if i < 0 or on - dates[i] > MAX_RATE_AGE:
            return None
        return self.values[currency.upper()][i], dates[i]


def rate_on(currency: str, on: dt.date, *, rates: RateTable | None = None):
    """(đồng per unit, date of the rate) for ``currency`` on ``on``, or None."""
    currency = (currency or "").upper()
    if currency == VND:
        return ONE, on
    if rates is not None:
        return rates.rate(currency, on)
    from .models import ExchangeRate

    row = (
        ExchangeRate.objects.filter(currency=currency, date__lte=on, date__gte=on - MAX_RATE_AGE)
        .order_by("-date", "-pk")
        .values_list("vnd_per_unit", "date")
        .first()
    )
    return (row[0], row[1]) if row else None


def _round(value: Decimal, currency: str) -> Decimal:
    return value.quantize(ONE if currency == VND else CENT, rounding=ROUND_HALF_UP)


def convert(
    amount, currency: str, *, on: dt.date, to: str = VND, rates: RateTable | None = None
) -> Decimal | None:
    """``amount`` of ``currency`` in ``to`` (VND by default) at the rate of ``on`` or the
    nearest date before it; None when there is no usable rate."""
    if amount is None:
        return None
    amount = Decimal(amount)
    currency, to = currency.upper(), to.upper()
    if currency == to:
        return _round(amount, to)
    source = rate_on(currency, on, rates=rates)
    target = rate_on(to, on, rates=rates)
    if source is None or target is None:
        return None
    return _round(amount * source[0] / target[0], to)


def to_vnd(amount, currency: str, *, on: dt.date, rates: RateTable | None = None):
    return convert(amount, currency, on=on, to=VND, rates=rates)


def to_usd(amount, currency: str, *, on: dt.date, rates: RateTable | None = None):
    return convert(amount, currency, on=on, to=USD, rates=rates)


class Equivalents(NamedTuple):
    vnd: Decimal | None
    usd: Decimal | None
    note: str


def equivalents(
    amount, currency: str, *, on: dt.date, rates: RateTable | None = None
) -> Equivalents:
    """VND and USD equivalents and a note of the rates used (Vietnamese, stored)."""
    currency = currency.upper()
    vnd = to_vnd(amount, currency, on=on, rates=rates)
    usd = to_usd(amount, currency, on=on, rates=rates)
    notes = []
    for code in dict.fromkeys(c for c in (currency, USD) if c != VND):
        found = rate_on(code, on, rates=rates)
        if found:
            notes.append(f"1 {code} = {format_number(found[0])} ₫ ({found[1]:%d/%m/%Y})")
    return Equivalents(vnd, usd, "; ".join(notes))
