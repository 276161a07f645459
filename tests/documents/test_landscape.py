"""An appendix holding a table of many columns (the national targets by unit: 14) is set
on landscape pages, in the PDF, in Word and as LibreOffice lays the Word file out; the
body and an appendix of narrow tables stay portrait, and the wide table's columns
share the landscape width."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from docx import Document as Word
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from pypdf import PdfReader
from tests.reports.test_signable import soffice_pdf

from doingoai.documents import layout

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")

WIDE = ["TT", "Đơn vị"] + [f"Chỉ tiêu {i}" for i in range(1, 13)]


def document() -> layout.Document:
    wide = layout.Table(
        "Bảng 1. Chỉ tiêu theo đơn vị",
        WIDE,
        [
            [str(n), f"Hội LHPN tỉnh {n}"] + [f"{n * i}/{n * 2}" for i in range(12)]
            for n in range(1, 41)
        ],
        numeric=set(range(2, 14)),
    )
    narrow = layout.Table(
        "Bảng 2. Đối tác",
        ["TT", "Đối tác", "Quốc gia"],
        [[str(n), f"Đối tác {n}", "Lào"] for n in range(1, 31)],
    )
    return layout.Document(
        "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
        "BAN QUỐC TẾ",
        "Số: 12/BC-HPN",
        "Hà Nội",
        dt.date(2026, 12, 5),
        "BÁO CÁO",
        "Tổng kết công tác đối ngoại",
        [
            layout.Block(
                "I.",
                "KẾT QUẢ",
                1,
                children=[
                    layout.Block("1.", "Chỉ tiêu", 2, tables=[wide]),
                    layout.Block("2.", "Đối tác", 2, tables=[narrow]),
                ],
            )
        ],
        layout.Signer.of(name="Trần Thị Hương"),
    )


def moved() -> layout.Document:
    doc = document()
    layout.move_long_tables(doc, lambda section: section.title.upper())
    return doc


def test_the_wide_appendix_alone_is_landscape_and_its_columns_use_the_width():
    doc = moved()
    assert [b.landscape for b in doc.appendices] == [True, False]
    wide = doc.appendices[0].tables[0]
    narrow = doc.appendices[1].tables[0]
    assert wide.width_cm > narrow.width_cm == layout.TEXT_WIDTH_CM


def page_turns(raw: bytes) -> list[str]:
    return [
        "landscape" if p.mediabox.width > p.mediabox.height else "portrait"
        for p in PdfReader(io.BytesIO(raw)).pages
    ]


def appendix_starts(pages: list[str]) -> list[int]:
    return [i for i, text in enumerate(pages) if text.strip().startswith("Phụ lục")]


def test_pdf_sets_the_wide_appendix_on_landscape_pages(tmp_path):
    from tests.reports.test_signable import pdf_pages

    raw = layout.pdf_bytes(moved())
    turns = page_turns(raw)
    first, second = appendix_starts(pdf_pages(raw, tmp_path))
    assert set(turns[:first]) == {"portrait"}
    assert set(turns[first:second]) == {"landscape"}
    assert set(turns[second:]) == {"portrait"}


def test_word_turns_the_wide_appendix_section():
    word = Word(io.BytesIO(layout.docx_bytes(moved())))
    body, wide, narrow = word.sections
    assert [s.orientation for s in word.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]

    def cm(length):
        return round(length / Cm(1), 1)

    assert (cm(wide.page_width), cm(wide.page_height)) == (29.7, 21.0)
    assert (cm(narrow.page_width), cm(narrow.page_height)) == (21.0, 29.7)
    assert (cm(body.page_width), cm(body.page_height)) == (21.0, 29.7)
    # the wide table spans the turned page's text (25.2 cm), not the portrait's 16.5 cm
    table = next(t for t in word.tables if len(t.columns) == len(WIDE))
    assert sum(c.width for c in table.rows[1].cells) > Cm(24)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice")
def test_libreoffice_lays_the_word_appendix_out_landscape(tmp_path):
    pages = soffice_pdf(layout.docx_bytes(moved()), "docx", tmp_path)
    turns = page_turns((tmp_path / "report.pdf").read_bytes())
    firsts = [p.strip().split("\n")[0].strip() for p in pages]
    first, second = [i for i, line in enumerate(firsts) if line.startswith("Phụ lục")]
    assert set(turns[:first]) == {"portrait"}
    assert set(turns[first:second]) == {"landscape"}
    assert set(turns[second:]) == {"portrait"}
    # every row of the wide table on its pages, none split off on a portrait page
    assert "tỉnh 40" in "".join(pages[first:second])
