"""Dates as officers type them: day first, whatever the browser's language.

:func:`parse_date` reads ``05/09/2025``, ``5/9/2025``, ``05-09-2025``, ``05.09.2025``,
``05092025`` (eight digits: day, month, year) and the ISO ``2025-09-05`` that the API,
files and old links carry. Everything else (a two-digit year, a 31st of February, a
13th month, seven digits) is refused with a message saying how to write it, never
guessed. Dates are shown as ``05/09/2025`` (:data:`DISPLAY`).
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext as _

__all__ = ["DISPLAY", "DateError", "DateInput", "TypedDateField", "parse_date"]

DISPLAY = "%d/%m/%Y"
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_EIGHT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class DateError(ValueError):
    """``str()`` is the message for the person who typed the date."""


def _message(typed: str) -> str:
    return _("“%(value)s” is not a date: write it as dd/mm/yyyy, e.g. 05/09/2025.") % {
        "value": typed
    }


def parse_date(value) -> dt.date:
    """The date typed in ``value`` (day first); :class:`DateError` when there is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = _DAY_FIRST.match(text) or _EIGHT.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise DateError(_message(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(_message(text)) from None


class DateInput(forms.TextInput):
    """A text box for a date shown dd/mm/yyyy: a browser's own date input shows the
    order of the browser's language (mm/dd/yyyy in an English browser), this does not."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "autocomplete": "off",
            "class": "date",
            "size": 10,
        }
        super().__init__(attrs={**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, str) and _ISO.match(value.strip()):
            try:  # an initial value in ISO form (a draft read from an article)
                value = parse_date(value)
            except DateError:
                pass
        if isinstance(value, dt.date):
            return value.strftime(DISPLAY)
        return super().format_value(value)


class TypedDateField(forms.DateField):
    """A date typed day first (:func:`parse_date`)."""

    widget = DateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str) and not value.strip():
            return None
        try:
            return parse_date(value)
        except DateError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None
