"""Numbers and money as people type them and files carry them: one parser, one format.

Reading (:func:`parse_number`) is the Vietnamese way first, as officers type:

- a dot groups thousands and a comma marks decimals: ``10.000.000``, ``10.000.000,5``,
  ``1,5``, ``0,175``;
- spaces may group thousands too: ``10 000 000``;
- words multiply: ``40 triệu``, ``1,2 tỷ``, ``500 nghìn`` (``ngàn``, ``k``), ``40tr``,
  ``2 tỷ 500 triệu``;
- the đồng may follow: ``40.000.000 ₫``, ``40.000.000 đ``, ``40 triệu đồng``, ``VND``.

The international way is read where it cannot be anything else: both separators
(``1,500.25``: the last one marks decimals), several commas (``1,500,000``), a dot
not followed by a group of three digits (``1.5``, ``0.175``, ``1500.25``).

What could be read both ways is refused with a message, never guessed: a lone comma
before exactly three digits (``1,500``: one and a half, or fifteen hundred?). So is
every malformed grouping (``1.50.000``, ``1.500,000.5``).

Writing (:func:`format_number`, :func:`format_money`) is babel's Vietnamese locale:
``40.000.000``, ``1,5``, ``40.000.000 ₫``, ``9.000.000 US$``; no needless decimals.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django.utils.translation import gettext as _

__all__ = ["NumberError", "format_money", "format_number", "parse_number"]


class NumberError(ValueError):
    """The text is not a number, or not one that can be read only one way. ``str()``
    of it is the message for the person who typed it; ``readings`` holds the two ways
    an ambiguous number can be read (smaller first), for a reader with more context."""

    def __init__(self, message: str, readings: tuple[Decimal, Decimal] | None = None):
        super().__init__(message)
        self.readings = readings


#: words that multiply the number before them (folded: no diacritics, lower case)
MULTIPLIERS = {
    "k": 10**3,
    "nghin": 10**3,
    "ngan": 10**3,
    "ngin": 10**3,
    "thousand": 10**3,
    "tr": 10**6,
    "trieu": 10**6,
    "million": 10**6,
    "millions": 10**6,
    "m": 10**6,
    "ty": 10**9,
    "ti": 10**9,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
}
#: marks of the đồng that may follow an amount typed in đồng
DONG_MARKS = ("₫", "vnđ", "vnd", "đồng", "dong", "đ")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_GROUPED_SPACES = re.compile(r"^\d{1,3}( \d{3})+([.,]\d+)?$")
_PART = re.compile(r"(-?[\d.,]+)\s*([^\d\s.,-]*)")
_DIGITS = re.compile(r"^\d+$")


def _fold(text: str) -> str:
    from .text import fold

    return fold(text)


def _grouped(head: str, groups: list[str]) -> bool:
    """Are ``head`` and ``groups`` a thousands grouping (1-3 digits, then threes)?"""
    return (
        1 <= len(head) <= 3
        and head.isdigit()
        and not (head == "0" and groups)
        and all(len(g) == 3 and g.isdigit() for g in groups)
    )


def _plain(text: str, original: str) -> Decimal:
    """The value of a number without words: digits, an optional sign, separators."""
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    if (
        not text
        or not re.fullmatch(r"[\d.,]+", text)
        or not text[0].isdigit()
        or not text[-1].isdigit()
    ):
        raise NumberError(_("“%(value)s” is not a number.") % {"value": original})
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _sep, frac = text.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(*_split(whole, group_sep)):
            raise NumberError(_grouping_message(original))
        return Decimal(f"{sign}{whole.replace(group_sep, '')}.{frac}")
    if dots or commas:
        sep = "." if dots else ","
        head, *groups = text.split(sep)
        if len(groups) > 1:  # 10.000.000 / 1,500,000: only a grouping
            if not _grouped(head, groups):
                raise NumberError(_grouping_message(original))
            return Decimal(sign + head + "".join(groups))
        tail = groups[0]
        if sep == "," and _grouped(head, [tail]):
            raise NumberError(
                _(
                    "“%(value)s” can be read two ways: %(small)s or %(large)s. Write "
                    "“%(small)s” for the first (a comma before the decimals) or “%(large)s” "
                    "for the second (dots between the thousands)."
                )
                % {
                    "value": original,
                    "small": format_number(Decimal(f"{head}.{tail}")),
                    "large": format_number(Decimal(head + tail)),
                },
                readings=(Decimal(f"{sign}{head}.{tail}"), Decimal(sign + head + tail)),
            )
        if sep == "." and _grouped(head, [tail]):
            return Decimal(sign + head + tail)  # 10.000, 500.000: thousands
        return Decimal(f"{sign}{head}.{tail}")  # 1,5 / 0,175 / 1.5 / 1500.25
    return Decimal(sign + text)


def _split(whole: str, sep: str) -> tuple[str, list[str]]:
    head, *groups = whole.split(sep)
    return head, groups


def _grouping_message(original: str) -> str:
    return _(
        "“%(value)s” is not a number: a dot separates groups of three digits "
        "(10.000.000) and a comma the decimals (1,5)."
    ) % {"value": original}


def _strip_dong(text: str) -> str:
    low = text.lower()
    for mark in DONG_MARKS:
        if low.endswith(mark):
            return text[: len(text) - len(mark)].rstrip()
    return text


def parse_number(value, *, integer: bool = False) -> Decimal:
    """The number ``value`` (text as typed, or a number) stands for; raises
    :class:`NumberError` with a message when it is not one, or could be read two ways.
    With ``integer``, a number with decimals is refused too."""
    if isinstance(value, bool) or value is None:
        raise NumberError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        number = _parse_text(str(value))
    if not number.is_finite():
        raise NumberError(_("“%(value)s” is not a number.") % {"value": value})
    if integer and number != number.to_integral_value():
        raise NumberError(_("“%(value)s” is not a whole number.") % {"value": value})
    return number


def _parse_text(original: str) -> Decimal:
    text = _SPACES.sub(" ", original.strip().replace("\u2212", "-"))
    text = _strip_dong(text)
    if _GROUPED_SPACES.match(text.lstrip("-")):
        text = text.replace(" ", "")
    if not text:
        raise NumberError(_("“%(value)s” is not a number.") % {"value": original})
    if " " not in text and not any(c.isalpha() for c in text):
        return _plain(text, original)
    # words: "40 triệu", "1,2 tỷ", "2 tỷ 500 triệu", "40tr"
    total = Decimal(0)
    last = None
    pos = 0
    folded = _fold(text).replace(" ", "")
    raw = text.replace(" ", "")
    for match in _PART.finditer(raw):
        if match.start() != pos:
            break
        pos = match.end()
        number, word = match.group(1), _fold(match.group(2))
        factor = MULTIPLIERS.get(word) if word else None
        if factor is None and not word and last is None:
            factor = 1
        # "2 tỷ 500" (2,5 tỷ or 2 tỷ and 500?) and words out of order are refused
        if factor is None or (last is not None and factor >= last):
            raise NumberError(_("“%(value)s” is not a number.") % {"value": original})
        total += _plain(number, original) * factor
        last = factor
    if pos != len(raw) or not folded:
        raise NumberError(_("“%(value)s” is not a number.") % {"value": original})
    return total


def _trimmed(value: Decimal) -> Decimal:
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def format_number(value, *, decimals: int | None = None) -> str:
    """``40.000.000``, ``1,5``: Vietnamese grouping, no needless decimals (``decimals``
    rounds to that many places first)."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals))
    value = _trimmed(value)
    places = max(0, -value.as_tuple().exponent)
    if value.is_finite():
        # Python's own grouping with the separators swapped: what babel's "#,##0.##"
        # gives for "vi" (tests/core/test_numbers_format.py), 10× faster (a dashboard
        # formats a thousand numbers)
        text = f"{value:,.{places}f}"
        return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(value, format=pattern, locale="vi").replace("\xa0", " ")


def format_money(value, currency: str = "VND") -> str:
    """``40.000.000 ₫``, ``9.000.000 US$``, ``1.234,50 €``; None gives ""."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    currency = (currency or "VND").upper()
    if value == value.to_integral_value():
        text = format_currency(
            value, currency, locale="vi", format="#,##0 ¤", currency_digits=False
        )
    else:
        text = format_currency(value, currency, locale="vi")
    return text.replace("\xa0", " ")
