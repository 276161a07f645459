"""A table's body rows in Word are copies of its first row's XML with their own text
(python-docx's run properties cost ~1 ms a cell: the national report's thousands of
cells took 4 s). Every row must read, look and break exactly as when each cell is
written through python-docx."""

from __future__ import annotations

import io

from docx import Document as Word
from docx.oxml.ns import qn
from tests.reports.test_wide_tables import document

from doingoai.documents import layout, word

ROWS = [
    [1, "Hội LHPN tỉnh Đắk Lắk", "12", ""],
    [2, "", "0", "Lào"],
    [3, "  thụt lề  ", "1.234", "Campuchia"],
    [4, "hai dòng\nmột ô", "5", "Lào"],  # a line break: written through python-docx
    [5, "Hội LHPN xã Ea Kao", "", "Trung Quốc"],
]


def render(rows) -> Word:
    table = layout.Table("Bảng 1. Thử", ["TT", "Đơn vị", "Số", "Quốc gia"], rows, numeric={2})
    return Word(io.BytesIO(layout.docx_bytes(document(table))))


def body_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")


def test_every_copied_row_holds_its_own_text_and_keeps_the_first_row_s_form():
    table = body_table(render(ROWS))
    got = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert got == [[str(v) for v in row] for row in ROWS]
    first = table.rows[1]
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # never split across pages
        assert [c.width for c in row.cells] == [c.width for c in first.cells]
        number = row.cells[2].paragraphs[0]
        assert number.alignment == word.RIGHT  # numbers right-aligned on every row
        runs = [r for p in row.cells[1].paragraphs for r in p.runs if r.text]
        assert all(r.font.name == layout.FONT and r.font.size.pt == 12 for r in runs)
    # leading and trailing spaces survive (xml:space="preserve")
    assert table.rows[3].cells[1].text == "  thụt lề  "


def test_thousands_of_rows_each_hold_their_own_text():
    """Speed is measured in bench/ (the national report in Word); here only that the
    copies do not share or lose text."""
    rows = [[i, f"Hội LHPN xã số {i}", str(i % 7), "" if i % 5 else "Lào"] for i in range(1, 3001)]
    table = body_table(render(rows))
    got = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert got == [[str(v) for v in row] for row in rows]
