"""The IATI codelists the importer needs (Country, Currency, OrganisationType,
TransactionType), copied from ``../shared/iati/codelists`` into ``codelists.json`` by
``bench/iati/copy_codelists.py`` so the package works on its own."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

PATH = Path(__file__).with_name("codelists.json")


@cache
def codelist(name: str) -> dict[str, dict]:
    """``code -> {"name": English name, "withdrawn": bool}`` of one codelist."""
    return json.loads(PATH.read_text(encoding="utf-8"))[name]


def is_iati_country(code: str) -> bool:
    return (code or "").upper() in codelist("Country")


def is_iati_currency(code: str) -> bool:
    return (code or "").upper() in codelist("Currency")


def country_label(code: str) -> str:
    """“LA (Lào)”: the code and its name in the current language (IATI's English name
    for the codes ISO lacks, e.g. XK Kosovo)."""
    from doingoai.core.countries import country_name, is_country

    code = (code or "").upper()
    item = codelist("Country").get(code)
    if is_country(code):
        return f"{code} ({country_name(code)})"
    return f"{code} ({item['name']})" if item else code
