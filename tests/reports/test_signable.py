"""The defects that kept the Đắk Lắk term XIII report from being signed as it came out
(issue 16): signer block, heading styles, rows split across pages, pages of zeros,
file name, Excel title and formats, the review report's period and signer, the menu."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from docx import Document as Word
from docx.oxml.ns import qn
from openpyxl import load_workbook
from tests.reports.conftest import data_for_the_module
from tests.texts import pdf_text

from doingoai.documents import layout
from doingoai.reports.documents import render_review_report, render_unit_report
from doingoai.reports.periods import make_period

_report_data, data = data_for_the_module()

TODAY = dt.date(2025, 11, 1)
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")


def daklak_report(data, fmt):
    w = data.world
    return render_unit_report(
        unit=w.daklak, period=make_period(term="XIII"), user=w.user("daklak"), fmt=fmt, today=TODAY
    )


def pdf_pages(raw: bytes, tmp_path) -> list[str]:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(raw)
    text = pdf_text(pdf)
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def signature_cell(word) -> str:
    return word.tables[-1].cell(0, 1).text


def test_word_signer_block_is_the_chair_with_her_name(data):
    word = Word(io.BytesIO(daklak_report(data, "docx")))
    lines = [x for x in signature_cell(word).splitlines() if x.strip()]
    assert lines == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trần Thị Hương"]
    assert "Nơi nhận:" in word.tables[-1].cell(0, 0).text


@needs_poppler
def test_pdf_signer_block_every_page_looked_at(data, tmp_path, output_dir):
    raw = daklak_report(data, "pdf")
    (output_dir / "report-daklak-XIII-signable.pdf").write_bytes(raw)
    pages = pdf_pages(raw, tmp_path)
    last = pages[-1]
    assert "TM. BAN THƯỜNG VỤ" in last and "CHỦ TỊCH" in last and "Trần Thị Hương" in last
    assert "Bảng 7" not in last.split("TM. BAN THƯỜNG VỤ")[1]
    assert "5. Phương hướng, nhiệm vụ và đề xuất kỳ tới" in "".join(pages)
    # Decree 30: every page but the first has its number alone at the top, centred
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0].strip().split("\n")[0]
    for number, page in enumerate(pages[1:], 2):
        lines = page.strip().split("\n")
        assert lines[0].strip() == str(number) and len(lines) > 1


def test_word_uses_heading_styles_and_the_narrative_has_room(data):
    word = Word(io.BytesIO(daklak_report(data, "docx")))
    headings = {}
    for p in word.paragraphs:
        if p.style.name.startswith("Heading"):
            headings[p.text] = p.style.name
    assert headings["I. TÌNH HÌNH CHUNG"] == "Heading 1"
    assert headings["III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG"] == "Heading 1"
    assert headings["1. Hoạt động đối ngoại"] == "Heading 2"
    assert headings["a) Hoạt động theo loại hình"] == "Heading 3"
    for heading in ("Hạn chế và nguyên nhân", "Bài học kinh nghiệm"):
        assert any(heading in h for h in headings)
    assert word.styles["Heading 1"].font.name == "Times New Roman"


def test_word_rows_never_split_and_headers_repeat(data):
    word = Word(io.BytesIO(daklak_report(data, "docx")))
    data_tables = [t for t in word.tables[1:-1]]
    assert len(data_tables) >= 6
    for t in data_tables:
        header = t.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        for row in t.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    section = word.sections[0]
    assert round(section.left_margin.cm) == 3 and round(section.top_margin.cm) == 2
    assert 1.5 <= round(section.right_margin.cm, 1) <= 2


@needs_poppler
def test_pdf_rows_never_split_and_the_header_repeats(tmp_path, output_dir):
    names = [f"Xã thứ {i} có tên rất dài để dòng xuống hàng trong ô của bảng" for i in range(90)]
    table = layout.Table(
        "Bảng 1. Thử",
        ["TT", "Đơn vị", "Hoạt động"],
        [[i, f"{name} mã{i:03d}", f"{i * 7}"] for i, name in enumerate(names, 1)],
        numeric={2},
    )
    doc = layout.Document(
        "HỘI LHPN VIỆT NAM",
        "HỘI LHPN TỈNH ĐẮK LẮK",
        "Số: 1/BC-HPN",
        "Đắk Lắk",
        TODAY,
        "BÁO CÁO",
        "Thử",
        [layout.Block("I.", "BẢNG", 1, tables=[table])],
        layout.Signer.of(name="Trần Thị Hương"),
    )
    raw = layout.pdf_bytes(doc)
    (output_dir / "layout-long-table.pdf").write_bytes(raw)
    pages = pdf_pages(raw, tmp_path)
    assert len(pages) >= 3
    for page in pages[1:]:
        if "mã0" in page:
            assert "TT" in page and "Hoạt động" in page  # the header again
    for i in range(1, 91):  # the row's code and its figure on the page of its name start
        (page,) = [p for p in pages if f"mã{i:03d}" in p]
        assert f"Xã thứ {i - 1} " in page


def test_units_without_anything_are_one_paragraph(data):
    w = data.world
    raw = render_unit_report(
        unit=w.central, period=make_period(term="XIII"), user=w.user("trunguong"), fmt="docx"
    )
    word = Word(io.BytesIO(raw))
    text = "\n".join(p.text for p in word.paragraphs)
    (units,) = [t for t in word.tables if t.rows[0].cells[1].text == "Đơn vị"]
    names = [row.cells[1].text for row in units.rows[1:]]
    assert names == ["Hội LHPN thành phố Hà Nội", "Hội LHPN tỉnh Đắk Lắk"] or sorted(names) == [
        "Hội LHPN thành phố Hà Nội",
        "Hội LHPN tỉnh Đắk Lắk",
    ]
    (idle,) = [p for p in text.splitlines() if "đơn vị chưa có hoạt động đối ngoại: " in p]
    assert idle.startswith("32 đơn vị chưa có hoạt động đối ngoại: ")
    assert "Hội LHPN tỉnh Gia Lai" in idle and "Đắk Lắk" not in idle


def test_file_name_keeps_dak_lak(data, login):
    w = data.world
    response = login("daklak").get(f"/reports/unit/{w.daklak.pk}/?term=XIII&format=docx")
    assert response.status_code == 200
    assert 'filename="bao-cao-doi-ngoai-dak-lak-nk-xiii.docx"' in response["Content-Disposition"]


def test_excel_title_block_formats_and_shares(data):
    wb = load_workbook(io.BytesIO(daklak_report(data, "xlsx")))
    ws = wb["Hoạt động theo loại"]
    assert ws["A1"].value == "HỘI LHPN TỈNH ĐẮK LẮK"
    assert "Tổng kết công tác đối ngoại nhiệm kỳ XIII" in ws["A2"].value
    assert ws["A4"].value == "Bảng 1. Hoạt động đối ngoại theo loại hình"
    header = [c.value for c in ws[6]]
    assert header == ["TT", "Loại hình hoạt động", "Số hoạt động", "Tỷ lệ"]
    rows = [r for r in ws.iter_rows(min_row=7) if r[1].value]
    assert rows and all(r[3].value is not None for r in rows)
    assert rows[-1][1].value == "Tổng cộng" and rows[-1][3].value == 1
    assert all(r[2].number_format == "#,##0" and r[3].number_format == "0.0%" for r in rows)
    assert isinstance(rows[0][2].value, int)
    money = wb["Nguồn lực theo quốc gia"]
    cells = [r[4] for r in money.iter_rows(min_row=7) if r[4].value is not None]
    assert cells and all(c.number_format == "#,##0" for c in cells)


def test_review_report_covers_the_review_and_is_signed(data):
    raw = render_review_report(
        agreement=data.agreement, user=data.world.user("daklak"), fmt="docx", today=TODAY
    )
    word = Word(io.BytesIO(raw))
    text = "\n".join(p.text for p in word.paragraphs)
    # the mid-term review held on 27/06/2024: from the start of the agreement to it
    assert "(từ 01/06/2022 đến 27/06/2024)" in text
    assert "04/12" not in text and "01/11/2025)" not in text
    lines = [x for x in signature_cell(word).splitlines() if x.strip()]
    assert lines == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Trần Thị Hương"]


def test_reports_in_the_menu(_report_data, world, login):
    page = login("daklak").get("/").content.decode()
    assert 'href="/reports/"' in page


def test_deputy_signs_for_the_chair(_report_data, world):
    from doingoai.reports.content import signer

    lead = world.user("daklak_lead")
    lead.position = "Phó Chủ tịch"
    lead.save()
    block = signer(world.daklak)
    assert block.lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and block.name == "Trần Thị Hương"


def test_aid_tables_name_the_legal_regime_from_the_resources_date(data):
    from decimal import Decimal

    from doingoai.core.samples import make
    from doingoai.resources.models import Resource

    make(
        "resources",
        data.world.daklak,
        title="Tài trợ sau Nghị định 313",
        direction=Resource.Direction.RECEIVED,
        quantity=Decimal(1),
        unit_value=Decimal(100_000_000),
        currency="VND",
        date=dt.date(2025, 12, 8),
        partner=data.lao,
    )
    word = Word(io.BytesIO(daklak_report(data, "docx")))
    (table,) = [t for t in word.tables if t.rows[0].cells[-4:][0].text == "Chế độ pháp lý"]
    rows = [[c.text for c in row.cells][:5] for row in table.rows[1:]]
    assert rows == [
        ["1", "Tiếp nhận", "Nghị định 80/2020/NĐ-CP (tiếp nhận trước 08/12/2025)", "1",
         "500.000.000"],
        ["2", "Tiếp nhận", "Nghị định 313/2025/NĐ-CP (tiếp nhận từ 08/12/2025)", "1",
         "100.000.000"],
        ["3", "Hỗ trợ đối tác", "Nghị định 305/2025/NĐ-CP (viện trợ từ ngân sách nhà nước)",
         "1", "40.000.000"],
    ]  # fmt: skip


needs_soffice = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (libreoffice-writer-nogui, -calc-nogui) or poppler-utils",
)


def soffice_pdf(raw: bytes, suffix: str, tmp_path) -> list[str]:
    """The file converted to PDF by LibreOffice, headless, and that PDF's pages as text."""
    source = tmp_path / f"report.{suffix}"
    source.write_bytes(raw)
    profile = tmp_path / "lo-profile"  # its own profile: no clash with another LibreOffice
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return pdf_pages((tmp_path / "report.pdf").read_bytes(), tmp_path)


@needs_soffice
def test_libreoffice_opens_the_word_and_excel_reports(data, tmp_path, output_dir):
    """The Word report as LibreOffice lays it out ends in the signer block (the chair,
    her name), with "Nơi nhận"; the Excel report converts with its title block."""
    pages = soffice_pdf(daklak_report(data, "docx"), "docx", tmp_path)
    (output_dir / "report-daklak-XIII-libreoffice.pdf").write_bytes(
        (tmp_path / "report.pdf").read_bytes()
    )
    last = pages[-1]
    assert "TM. BAN THƯỜNG VỤ" in last and "CHỦ TỊCH" in last and "Trần Thị Hương" in last
    assert "Nơi nhận" in last
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    sheets = soffice_pdf(daklak_report(data, "xlsx"), "xlsx", tmp_path)
    text = "\n".join(sheets)
    assert "Hoạt động đối ngoại theo loại hình" in text and "TỔNG KẾT" in text.upper()
