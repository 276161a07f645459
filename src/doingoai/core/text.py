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

from django.db.models import F, Func, OrderBy

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


# ------------------------------------------------------------ Vietnamese order
#
# Names are sorted in the Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ
# p q r s t u ư v x y (the Latin letters f j w z of foreign names in their Latin
# places), tones only deciding between words that are otherwise equal, in the
# dictionary's order: none, huyền (à), hỏi (ả), ngã (ã), sắc (á), nặng (ạ); then
# lower case before upper case. This is the order of ICU's Vietnamese collation
# (CLDR "vi"), which PostgreSQL offers as "vi-x-icu"; SQLite has no ICU, so each
# SQLite connection gets a function ``vietnamese_key`` (``vietnamese_sort_key``) to
# sort by. (A SQLite collation calling Python for every comparison took 12 s to sort
# 100,000 partners; a key computed once per row, 0.7 s, and an index on it, nothing.)

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {ch: i for i, ch in enumerate(_ALPHABET)}
#: tones in the dictionary's order (index 0: no tone)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
#: the PostgreSQL ICU collation, and the SQLite function registered on each connection
PG_COLLATION = "vi-x-icu"
SQLITE_FUNCTION = "vietnamese_key"


def _primary(ch: str) -> int:
    """Spaces and punctuation (by code point: ICU orders punctuation its own way, the
    letters, tones and case are what matter here), then digits, then the Vietnamese
    alphabet, then any other letter by code point (a weight is never a surrogate)."""
    if ch in _LETTER:
        return 0x2000 + _LETTER[ch]
    if ch.isdigit():
        return 0x1000 + unicodedata.digit(ch, 0)
    code = ord(ch)
    if ch.isalpha():
        if code < 0xA800:
            return 0x3000 + code  # up to 0xD7FF, below the surrogates
        return min(0xE000 + code - 0xA800, 0x10FFFF)
    return 0x10 + min(code, 0xFEF)


_VIET_LETTERS = {"a\u0306", "a\u0302", "e\u0302", "o\u0302", "o\u031b", "u\u031b"}


def _weights(ch: str) -> tuple[str, str, str]:
    """(letter, tone, case) weights of one character."""
    lower = ch.lower()
    base, *marks = unicodedata.normalize("NFD", lower) or [lower]
    tone = 0
    for mark in marks:
        if base + mark in _VIET_LETTERS:
            base = unicodedata.normalize("NFC", base + mark)
        elif mark in _TONES:
            tone = max(tone, _TONES[mark])
        else:
            tone = max(tone, 6 + max(ord(mark) - 0x300, 0))  # ü, ö, ç: after the tones
    return chr(_primary(base)), chr(0x20 + tone), chr(0x20 + (ch != lower))


class _Weights(dict):
    """A ``str.translate`` table: a character to its three weights, filled as
    characters come."""

    def __missing__(self, code: int) -> str:
        weights = self[code] = "".join(_weights(chr(code)))
        return weights


_TABLE = _Weights()


def vietnamese_sort_key(value: str | None) -> str:
    """A string whose plain (code point) order is the Vietnamese alphabetical order
    of ``value``: the letters first, then the tones, then the case."""
    if not value:
        return ""
    w = unicodedata.normalize("NFC", value).translate(_TABLE)
    return f"{w[0::3]}\x01{w[1::3]}\x01{w[2::3]}"


def register_sqlite_function(sender=None, connection=None, **kwargs) -> None:
    """``connection_created`` receiver: SQLite connections learn ``vietnamese_key``."""
    if connection is not None and connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_FUNCTION, 1, vietnamese_sort_key, deterministic=True
        )


class VietnameseOrder(Func):
    """What to sort a text by in Vietnamese order: ``expression COLLATE "vi-x-icu"`` on
    PostgreSQL, ``vietnamese_key(expression)`` on SQLite. Deterministic on both, so an
    index on it serves a sorted list (``Index(VietnameseOrder("name_vi"), ...)``)."""

    function = "VIETNAMESE_KEY"
    arity = 1

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="%(expressions)s COLLATE %(collation)s",
            collation=connection.ops.quote_name(PG_COLLATION),
            **extra_context,
        )


def vietnamese_order(field: str, *, descending: bool = False) -> OrderBy:
    """An ``order_by`` term sorting the text field ``field`` (``"name_vi"``,
    ``"partner__name_vi"``, ``"-title"``) in Vietnamese alphabetical order."""
    if field.startswith("-"):
        field, descending = field[1:], not descending
    return OrderBy(VietnameseOrder(F(field)), descending=descending)


def _is_text_field(model, path: str) -> bool:
    from django.core.exceptions import FieldDoesNotExist
    from django.db.models import CharField, TextField

    field = None
    for part in path.split("__"):
        if model is None:
            return False
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        model = field.related_model
    return (
        isinstance(field, (CharField, TextField))
        and not field.choices
        and field.name not in NOT_NAMES
    )


#: text fields that are codes, not names: sorted as they are
NOT_NAMES = {"path", "code", "currency", "country", "subdivision", "username", "reference"}


def collated(ordering, model) -> list:
    """``ordering`` (names and expressions) with every name of a text field that holds
    a name or a title turned into ``vietnamese_order``."""
    out = []
    for term in ordering:
        if isinstance(term, str) and term not in ("?",) and _is_text_field(model, term.lstrip("-")):
            out.append(vietnamese_order(term))
        else:
            out.append(term)
    return out
