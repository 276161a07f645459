"""A report asked for again after a change that altered none of its content is not
written again, in Word or in Excel (the PDF's parts are kept the same way, see
test_appendices); a change to what it shows writes it again at once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document as Word
from openpyxl import load_workbook
from tests.reports.conftest import data_for_the_module

from doingoai.activities.models import Activity
from doingoai.core.samples import make
from doingoai.documents import layout, word
from doingoai.reports.documents import unit_document
from doingoai.reports.periods import make_period

_report_data, data = data_for_the_module()

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 4)


@pytest.fixture
def written(monkeypatch):
    """The formats actually written (not taken from the cache), in order."""
    calls = []
    to_word, to_workbook = word.render, layout._workbook

    def counted_word(doc):
        calls.append("docx")
        return to_word(doc)

    def counted_workbook(doc):
        calls.append("xlsx")
        return to_workbook(doc)

    monkeypatch.setattr(word, "render", counted_word)
    monkeypatch.setattr(layout, "_workbook", counted_workbook)
    return calls


def get(client, unit, fmt):
    page = client.get(f"/reports/unit/{unit.pk}/", {"term": "XIII", "format": fmt})
    assert page.status_code == 200
    return page.content


def cells(raw: bytes) -> list:
    return [list(ws.values) for ws in load_workbook(io.BytesIO(raw)).worksheets]


def text_of(raw: bytes) -> str:
    return " ".join(p.text for p in Word(io.BytesIO(raw)).paragraphs)


def test_a_change_elsewhere_does_not_write_the_report_again(data, login, written):
    w = data.world
    client = login("daklak")
    first = {fmt: get(client, w.daklak, fmt) for fmt in ("docx", "xlsx")}
    assert written == ["docx", "xlsx"]
    # a partner added in Hà Nội: every page is rendered again, Đắk Lắk's report is the same
    make("partners", w.hanoi, name_vi="Quỹ Hữu nghị mới")
    again = {fmt: get(client, w.daklak, fmt) for fmt in ("docx", "xlsx")}
    assert written == ["docx", "xlsx"] and again == first

    # an activity of Đắk Lắk: the report's figures move, both files are written again
    held = text_of(first["docx"])
    make(
        "activities",
        w.daklak,
        title="Hội thảo mới",
        kind=Activity.Kind.WORKSHOP,
        start_date=dt.date(2025, 5, 5),
        partners=[data.lao],
    )
    after = {fmt: get(client, w.daklak, fmt) for fmt in ("docx", "xlsx")}
    assert written == ["docx", "xlsx", "docx", "xlsx"]
    assert text_of(after["docx"]) != held
    assert cells(after["xlsx"]) != cells(first["xlsx"])


def test_the_key_is_the_content_not_the_writers_measurements(data, written):
    """Writing a document measures its tables' columns (kept on the table): the same
    document before and after a writer read it is one file."""

    def document():
        return unit_document(
            unit=data.world.daklak,
            period=make_period(term="XIII"),
            user=data.world.user("daklak"),
            today=TODAY,
        )

    doc = document()
    first = layout.render(doc, "docx")  # measures doc's tables
    assert layout.render(doc, "docx") == first
    assert layout.render(document(), "docx") == first
    assert written == ["docx"]
