"""Countries and subdivisions: ISO 3166 codes from pycountry, Vietnamese country names
from babel (pycountry's Vietnamese names are wrong)."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale
from django.utils import translation

from .text import squash, vietnamese_sort_key

# Vietnamese exonyms for the provinces the organization works with most, which
# ISO's romanized names do not carry. Aliases help search and matching.
SUBDIVISION_ALIASES = {
    "LA-AT": ["Attapeu", "Attapư", "Át-ta-pư", "Atapeu"],
    "LA-XE": ["Sê Kông", "Sekong", "Xekong", "Xê Kông", "Sê-kông"],
    "LA-SL": ["Salavan", "Saravan", "Saravane", "Sa-la-van"],
    "LA-CH": ["Chămpasăk", "Champasak", "Champassak", "Chăm-pa-sắc", "Chăm Pa Xắc"],
    "LA-VT": ["Viêng Chăn (thủ đô)", "Vientiane Capital", "Thủ đô Viêng Chăn"],
    "LA-VI": ["Viêng Chăn", "Vientiane"],
    "LA-XI": ["Xiêng Khoảng", "Xiengkhouang", "Xieng Khouang"],
    "LA-HO": ["Hủa Phăn", "Houaphan", "Huaphan"],
    "LA-LP": ["Luông Pha Băng", "Luang Prabang", "Luangphrabang"],
    "LA-SV": ["Savannakhệt", "Savannakhet", "Xa-van-na-khẹt"],
    "LA-KH": ["Khăm Muồn", "Khammouan", "Khammouane"],
    "LA-BL": ["Bôlykhămxay", "Bolikhamxai", "Borikhamxay"],
    "LA-OU": ["Phông Xa Lỳ", "Phongsaly", "Phongsali"],
    "LA-LM": ["Luổng Nậm Thà", "Luang Namtha"],
    "LA-OD": ["U Đôm Xay", "Oudomxay", "Oudomxai"],
    "LA-BK": ["Bò Kẹo", "Bokeo"],
    "LA-XA": ["Xay Nha Bu Ly", "Sayaboury", "Xaignabouli"],
    "LA-XS": ["Xay Sổm Bun", "Xaisomboun", "Xaysomboun"],
    "KH-12": ["Phnôm Pênh", "Phnom Penh"],
    "KH-16": ["Ratanakiri", "Rattanakiri", "Ratanak Kiri"],
    "KH-11": ["Mondulkiri", "Mondul Kiri", "Môn-đun-ki-ri"],
}


@lru_cache(maxsize=4)
def country_names(language: str = "vi") -> dict[str, str]:
    territories = Locale.parse(language).territories
    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = territories.get(c.alpha_2) or c.name
    return out


def country_name(code: str | None, language: str | None = None) -> str:
    if not code:
        return ""
    language = (language or translation.get_language() or "vi")[:2]
    return country_names(language if language in ("vi", "en") else "vi").get(code.upper(), code)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    language = (language or translation.get_language() or "vi")[:2]
    return list(_sorted_countries(language if language in ("vi", "en") else "vi"))


@lru_cache(maxsize=4)
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(country_names(language).items(), key=lambda kv: vietnamese_sort_key(kv[1])))


def is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=(code or "").upper()) is not None


@lru_cache(maxsize=512)
def subdivisions_of(country: str) -> dict[str, str]:
    subs = pycountry.subdivisions.get(country_code=country.upper()) or []
    return {s.code: s.name for s in subs}


def subdivision_name(code: str | None) -> str:
    if not code:
        return ""
    aliases = SUBDIVISION_ALIASES.get(code.upper())
    if aliases:
        return aliases[0]
    sub = pycountry.subdivisions.get(code=code.upper())
    return sub.name if sub else code


def subdivision_aliases(code: str | None) -> list[str]:
    if not code:
        return []
    names = list(SUBDIVISION_ALIASES.get(code.upper(), []))
    sub = pycountry.subdivisions.get(code=code.upper())
    if sub and sub.name not in names:
        names.append(sub.name)
    return names


def subdivision_error(country: str, value: str) -> str:
    """The message for a province or state that is not one of ``country``'s."""
    from django.utils.translation import gettext

    return gettext(
        "“%(value)s” is not a province or state of %(country)s (ISO 3166-2, e.g. %(example)s)."
    ) % {
        "value": value,
        "country": country_name(country),
        "example": next(iter(subdivisions_of(country)), "—"),
    }


def find_country(text: str) -> str | None:
    """ISO alpha-2 code for a code or a Vietnamese/English name, or None."""
    if not text:
        return None
    text = text.strip()
    if len(text) == 2 and is_country(text):
        return text.upper()
    wanted = squash(text)
    for lang in ("vi", "en"):
        for code, name in country_names(lang).items():
            if squash(name) == wanted:
                return code
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def find_subdivision(country: str, text: str) -> str | None:
    """ISO 3166-2 code within ``country`` for a code or any known spelling."""
    if not text or not country:
        return None
    text = text.strip()
    subs = subdivisions_of(country)
    if text.upper() in subs:
        return text.upper()
    if f"{country.upper()}-{text.upper()}" in subs:
        return f"{country.upper()}-{text.upper()}"
    wanted = squash(text)
    for code, name in subs.items():
        if squash(name) == wanted or any(
            squash(a) == wanted for a in SUBDIVISION_ALIASES.get(code, [])
        ):
            return code
    return None
