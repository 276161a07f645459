"""Long lists in appendices (Decree 30/2020: each appendix on a new page, its pages
numbered on their own), the body keeping the leading rows and one line for the rest;
the PDF assembled from parts laid out separately and kept under the hash of their HTML
(a change to the body's figures lays out the body alone)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from decimal import Decimal

import pytest
from django.core.cache import cache
from docx import Document as Word
from docx.oxml.ns import qn
from openpyxl import load_workbook
from tests.reports.conftest import data_for_the_module
from tests.reports.test_signable import daklak_report as report
from tests.reports.test_signable import needs_poppler, soffice_pdf
from tests.reports.test_signable import pdf_pages as pages_of

from doingoai.activities.models import Activity
from doingoai.core.samples import make
from doingoai.documents import layout
from doingoai.resources.models import Resource

APPENDIX = '<div class="appendix-head">'
COUNTRIES = "DE FR GB US KR CN AU CA IT ES NL SE NO DK FI BE CH AT NZ SG".split()


def _donors(data):
    """Đắk Lắk receives aid from 20 partners in 20 countries: 21 countries with the
    Lao partner, too many rows for the body's resources by country."""
    for i, country in enumerate(COUNTRIES, 1):
        partner = make("partners", data.world.daklak, name_vi=f"Nhà tài trợ {i}", country=country)
        make(
            "resources",
            data.world.daklak,
            title=f"Tài trợ {i}",
            direction=Resource.Direction.RECEIVED,
            quantity=Decimal(1),
            unit_value=Decimal(1_000_000 * i),
            currency="VND",
            date=dt.date(2024, 3, 1),
            partner=partner,
        )


# the report data and the donors, made once for the module's tests
_report_data, data = data_for_the_module(more=_donors)


@pytest.fixture
def donors(data):
    return data


@needs_poppler
def test_pdf_body_keeps_the_leading_rows_and_the_appendix_the_full_list(
    donors, tmp_path, output_dir
):
    raw = report(donors, "pdf")
    (output_dir / "report-daklak-XIII-appendix.pdf").write_bytes(raw)
    pages = pages_of(raw, tmp_path)
    (signed,) = [i for i, p in enumerate(pages) if "TM. BAN THƯỜNG VỤ" in p]
    body, appendix = pages[: signed + 1], pages[signed + 1 :]
    body_text = "".join(body)
    # the body: the 5 largest donors by country, the 16 other countries in one line
    assert "Các quốc gia khác (16)" in body_text
    assert "Đức" not in body_text.split("Nguồn lực theo quốc gia của đối tác")[1].split("Bảng")[0]
    assert "Danh sách đầy đủ tại Phụ lục II." in body_text
    # each appendix: a new page, its heading as Decree 30's form 2.1 (no page number on
    # its first page), then its pages numbered on their own from 2
    starts = [i for i, p in enumerate(appendix) if p.strip().startswith("Phụ lục")]
    heads = [appendix[i].strip().split("\n")[:2] for i in starts]
    assert [[x.strip() for x in h] for h in heads] == [
        ["Phụ lục I", "QUAN HỆ VỚI CÁC ĐỐI TÁC"],
        ["Phụ lục II", "VẬN ĐỘNG VÀ HỖ TRỢ NGUỒN LỰC"],
    ]
    for start, end in zip(starts, [*starts[1:], len(appendix)], strict=True):
        assert "(Kèm theo Báo cáo số /BC-HPN ngày 01/11/2025 của Hội LHPN tỉnh Đắk Lắk)" in (
            " ".join(appendix[start].split())
        )
        for number, page in enumerate(appendix[start + 1 : end], 2):
            assert page.strip().split("\n")[0].strip() == str(number)
    text = "".join(appendix[starts[1] :])
    assert "Đức" in text and "Nhà tài trợ 1 " in text  # every country, every partner


def test_word_appendix_is_a_section_numbered_on_its_own(donors):
    word = Word(io.BytesIO(report(donors, "docx")))
    assert len(word.sections) == 3  # the body, two appendices
    body, *appendices = word.sections
    assert body.different_first_page_header_footer
    assert "PAGE" in body.header._element.xml
    for section in appendices:
        start = section._sectPr.find(qn("w:pgNumType"))
        assert start is not None and start.get(qn("w:start")) == "1"
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[-2:] == ["Phụ lục I", "Phụ lục II"]
    # the body's table of resources by country: 5 countries and the rest in one line
    tables = [t for t in word.tables if len(t.columns) == 6]
    (digest, full) = [t for t in tables if t.rows[0].cells[2].text == "Quốc gia"]

    def received(table):
        return [[c.text for c in r.cells] for r in table.rows[1:] if r.cells[1].text == "Tiếp nhận"]

    assert len(received(digest)) == 5 + 1 and len(received(full)) == 21
    assert received(digest)[-1][2] == "Các quốc gia khác (16)"
    # the rest line adds up what it stands for; the aid given keeps its own line
    assert sum(int(r[4].replace(".", "")) for r in received(digest)) == sum(
        int(r[4].replace(".", "")) for r in received(full)
    )
    assert [[c.text for c in r.cells][1:3] for r in digest.rows[1:2]] == [["Hỗ trợ", "Lào"]]


def test_excel_keeps_the_full_tables_a_sheet_each(donors):
    book = load_workbook(io.BytesIO(report(donors, "xlsx")))
    ws = book["Nguồn lực theo quốc gia"]
    names = [ws.cell(row=r, column=3).value for r in range(7, ws.max_row + 1)]
    assert len([n for n in names if n]) == 22 and "Các quốc gia khác (16)" not in names
    assert "Đức" in names  # received 21 countries, given 1
    assert not any(s.endswith("(2)") for s in book.sheetnames)  # no sheet for the digest


@needs_poppler
def test_a_change_lays_out_the_body_alone_and_gives_what_a_fresh_render_gives(
    donors, tmp_path, monkeypatch
):
    before = " ".join(" ".join(pages_of(report(donors, "pdf"), tmp_path)).split())
    (held,) = re.findall(r"đã chủ trì tổ chức (\d+) hoạt động", before)
    laid_out = []
    render = layout._render

    def counted(source):
        laid_out.append(source)
        return render(source)

    monkeypatch.setattr(layout, "_render", counted)
    make(  # the body's figures change (activities), the appendix (aid) does not
        "activities",
        donors.world.daklak,
        title="Hội thảo mới",
        kind=Activity.Kind.WORKSHOP,
        start_date=dt.date(2025, 5, 5),
        partners=[donors.lao],
    )
    assembled = report(donors, "pdf")
    again = len(laid_out)
    # runs of the body only, and not all of them: the appendices and the body's runs
    # whose figures did not move came from the cache
    assert again and not any(APPENDIX in source for source in laid_out)
    cache.clear()
    laid_out.clear()
    fresh = report(donors, "pdf")
    appendices = [source for source in laid_out if APPENDIX in source]
    assert len(appendices) == 2 and len(laid_out) - 2 > again
    a, b = pages_of(assembled, tmp_path), pages_of(fresh, tmp_path)
    assert a == b and len(a) == len(b) > 2
    after = " ".join(" ".join(a).split())
    assert f"đã chủ trì tổ chức {int(held) + 1} hoạt động" in after


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice"
)
def test_libreoffice_numbers_each_appendix_of_the_word_report_on_its_own(donors, tmp_path):
    pages = soffice_pdf(report(donors, "docx"), "docx", tmp_path)
    firsts = [p.strip().split("\n")[0].strip() for p in pages]
    starts = [i for i, line in enumerate(firsts) if line.startswith("Phụ lục")]
    assert [firsts[i] for i in starts] == ["Phụ lục I", "Phụ lục II"]
    assert "Nơi nhận" in pages[starts[0] - 1]  # the body ends in the signer block
    assert firsts[1 : starts[0]] == [str(n) for n in range(2, starts[0] + 1)]
    for start, end in zip(starts, [*starts[1:], len(pages)], strict=True):
        assert firsts[start + 1 : end] == [str(n) for n in range(2, end - start + 1)]
