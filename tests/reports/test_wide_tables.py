"""Tables of seven columns or more stay readable on portrait A4 (issue 16): set in a
smaller type (10.5 pt) when they would not fit in the normal one, with columns sized by
their content (no word broken, figures on one line, long text given the room left), the
same in Word and in the PDF."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from docx import Document as Word
from docx.oxml.ns import qn
from tests.texts import pdf_text

from doingoai.documents import layout

HEADER = ["TT", "Đoàn", "Thời gian", "Quốc gia", "Số thành viên", "Kinh phí", "Mục đích", "Kết quả"]
ROW = [
    1,
    "Đoàn ra: Đoàn công tác Hội LHPN tỉnh Đắk Lắk thăm, làm việc với Hội LHPN 4 tỉnh Nam Lào",
    "25/06/2024 – 01/07/2024",
    "Lào",
    "4 (trưởng đoàn: Nguyễn Thị Hoa)",
    "Ngân sách của Hội",
    "Ký kết, triển khai thỏa thuận hợp tác: sơ kết giữa kỳ thỏa thuận hợp tác",
    "Tăng cường sự hiểu biết, tình đoàn kết, mối quan hệ truyền thống hữu nghị và hợp tác "
    "giữa phụ nữ hai nước; trao 4 bộ máy may cho phụ nữ nghèo tại Chămpasăk",
]


def document(*tables) -> layout.Document:
    return layout.Document(
        "HỘI LHPN VIỆT NAM",
        "HỘI LHPN TỈNH ĐẮK LẮK",
        "Số: 1/BC-HPN",
        "Đắk Lắk",
        layout.dt.date(2025, 11, 1),
        "BÁO CÁO",
        "Thử bảng rộng",
        [layout.Block("I.", "BẢNG", 1, tables=list(tables))],
        layout.Signer.of(name="Trần Thị Hương"),
    )


def wide_table():
    return layout.Table("Bảng 1. Danh sách đoàn", HEADER, [ROW, [2, *ROW[1:]]])


def narrow_table():
    return layout.Table("Bảng 2. Theo năm", ["Loại hình", "2022", "2023"], [["Đoàn ra", 1, 2]])


def test_which_tables_are_wide_and_how_their_columns_are_sized():
    wide, narrow = wide_table(), narrow_table()
    assert wide.wide and not narrow.wide
    years = layout.Table("Năm", ["Loại hình", *map(str, range(2022, 2028))], [["Đoàn ra"] * 7])
    assert not years.wide  # seven short columns fit in the normal type
    weights = wide.column_weights()
    least, _wish = wide._room_wanted()
    for i, (weight, low) in enumerate(zip(weights, least, strict=True)):
        assert weight >= low - 1e-9, HEADER[i]  # no column below its longest word
    # long text gets the room left: the delegation and its result, not the number
    assert weights[1] > 2 * weights[0] and weights[7] > weights[5]
    shares = [float(s) for s in wide.column_shares()]
    assert abs(sum(shares) - 100) < 0.1


def test_word_sets_wide_tables_smaller_with_their_columns_on_the_grid():
    word = Word(io.BytesIO(layout.docx_bytes(document(wide_table(), narrow_table()))))
    wide, narrow = [t for t in word.tables if len(t.columns) in (8, 3)]
    sizes = {
        r.font.size.pt for c in wide.rows[1].cells for p in c.paragraphs for r in p.runs if r.text
    }
    assert sizes == {10.5}
    sizes = {
        r.font.size.pt for c in narrow.rows[1].cells for p in c.paragraphs for r in p.runs if r.text
    }
    assert sizes == {12}
    grid = [int(c.get(qn("w:w"))) for c in wide._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(grid) / 567 - 16.5) < 0.1  # twips: the whole text width
    assert grid[1] > 2 * grid[0] and grid[7] > grid[5]
    margins = wide._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins is not None  # narrow cell margins in the wide table


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_gives_the_same_columns_and_breaks_no_word(tmp_path):
    doc = document(wide_table())
    html = layout.html(doc)
    assert 'class="data wide"' in html
    shares = re.findall(r'<col style="width: ([\d.]+)%">', html)
    assert shares == wide_table().column_shares()
    pdf = tmp_path / "wide.pdf"
    pdf.write_bytes(layout.pdf_bytes(doc))
    text = pdf_text(pdf)
    words = set(text.split())
    for word in ("TT", "Đoàn", "Quốc", "thành", "Kinh", "phí", "Chămpasăk", "25/06/2024"):
        assert word in words, word  # never broken across lines
