"""Text normalization shared by search, matching and news reading.

``fold`` turns any spelling into one comparable form: lower case, no
Vietnamese diacritics (đ -> d included), punctuation and hyphens become
spaces, runs of whitespace collapse. "Chăm-pa-sắc", "Chămpasăk" and
"CHAMPASAK" fold to "cham pa sac", "champasak", "champasak"; ``squash``
also removes the spaces so transliterations written in pieces meet.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_marks(value: str) -> str:
    """Remove combining marks (diacritics) and map đ/Đ to d/D."""
    value = value.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(value: str | None) -> str:
    """Lower-case, diacritic-free, punctuation-free form of ``value``."""
    if not value:
        return ""
    value = strip_marks(unicodedata.normalize("NFC", value)).lower()
    value = _PUNCT.sub(" ", value).replace("_", " ")
    return _SPACES.sub(" ", value).strip()


def squash(value: str | None) -> str:
    """``fold`` without spaces: "Chăm-pa-sắc" -> "champasac"."""
    return fold(value).replace(" ", "")
