import datetime as dt
import io
import shutil
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook
from tests.reports.conftest import data_for_the_module
from tests.texts import docx_text, pdf_text

from doingoai.reports.documents import render_review_report, render_unit_report
from doingoai.reports.periods import make_period

_report_data, data = data_for_the_module()

TODAY = dt.date(2025, 11, 1)


def report(world, username, unit, fmt, **period):
    return render_unit_report(
        unit=unit, period=make_period(**period), user=world.user(username), fmt=fmt, today=TODAY
    )


def test_word_report_holds_the_figures(data, output_dir):
    w = data.world
    raw = report(w, "daklak", w.daklak, "docx", term="XIII")
    (output_dir / "report-daklak-XIII.docx").write_bytes(raw)
    text = docx_text(raw)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "HỘI LHPN TỈNH ĐẮK LẮK" in text
    assert "Số:" in text and "/BC-" in text
    assert "Đắk Lắk, ngày 01 tháng 11 năm 2025" in text
    assert "Tổng kết công tác đối ngoại nhiệm kỳ XIII (2022–2027)" in text
    assert "I. TÌNH HÌNH CHUNG" in text and "1. Hoạt động đối ngoại" in text
    assert "a) Hoạt động theo loại hình" in text
    assert "Hỗ trợ | Lào | 1 | 40.000.000" in text
    assert "Tiếp nhận | Lào | 1 | 500.000.000 | 20.000" in text
    assert "TM. BAN THƯỜNG VỤ" in text and "Nơi nhận:" in text
    # Times New Roman throughout
    doc = Document(io.BytesIO(raw))
    assert doc.styles["Normal"].font.name == "Times New Roman"
    sizes = {r.font.size.pt for p in doc.paragraphs for r in p.runs if r.font.size}
    assert sizes <= {11, 12, 13, 14}


def test_province_report_never_contains_another_province(data):
    w = data.world
    for username in ("daklak", "trunguong", "admin"):
        text = docx_text(report(w, username, w.daklak, "docx", term="XIII"))
        assert "JICA" not in text and "Nhật Bản" not in text and "Hà Nội" not in text
    text = docx_text(report(w, "hanoi", w.hanoi, "docx", term="XIII"))
    assert "Lào" not in text and "40.000.000" not in text


def test_excel_report_one_sheet_per_table(data):
    w = data.world
    wb = load_workbook(io.BytesIO(report(w, "trunguong", w.central, "xlsx", year=2024)))
    assert "Hoạt động theo loại" in wb.sheetnames
    assert "Theo đơn vị" in wb.sheetnames
    # a sheet per table: the report's own (activities, delegations, partners,
    # agreements, resources by country, partner, form, regime, stage, units below, news)
    # and the sections other apps add (the targets)
    own = [name for name in wb.sheetnames if name != "Chỉ tiêu"]
    assert len(own) == 15
    for name in ("Danh sách đoàn", "Cam kết theo đối tác", "Theo giai đoạn"):
        assert name in own
    ws = wb["Nguồn lực theo quốc gia"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [1, "Hỗ trợ", "Lào", 1, 40_000_000, 1600] in rows


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pdf_renders_vietnamese(data, output_dir):
    w = data.world
    raw = report(w, "daklak", w.daklak, "pdf", term="XIII")
    assert raw.startswith(b"%PDF")
    pdf = output_dir / "report-daklak-XIII.pdf"
    pdf.write_bytes(raw)
    text = pdf_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Tổng kết công tác đối ngoại nhiệm kỳ XIII" in text
    assert "40.000.000" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Liberation-Serif" in fonts or "TimesNewRoman" in fonts.replace(" ", "")
    prefix = output_dir / "report-daklak-XIII-page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(prefix)], check=True
    )
    pages = sorted(output_dir.glob("report-daklak-XIII-page*.png"))
    assert pages and pages[0].stat().st_size > 10_000


def test_review_report(data, output_dir):
    w = data.world
    user = w.user("daklak")
    raw = render_review_report(
        agreement=data.agreement, user=user, fmt="docx", end=dt.date(2025, 6, 30), today=TODAY
    )
    (output_dir / "review-report.docx").write_bytes(raw)
    text = docx_text(raw)
    assert "KẾT QUẢ ĐÁNH GIÁ" in text
    assert "Hai bên thực hiện tốt các nội dung cam kết." in text
    assert "Đoàn công tác Hội LHPN tỉnh Đắk Lắk thăm 4 tỉnh Nam Lào" in text
    assert "4 bộ máy may" in text and "40.000.000" in text
    assert "Hội LHPN tỉnh Chămpasăk (Lào)" in text
    pdf = render_review_report(
        agreement=data.agreement, user=user, fmt="pdf", end=dt.date(2025, 6, 30), today=TODAY
    )
    assert pdf.startswith(b"%PDF")
    (output_dir / "review-report.pdf").write_bytes(pdf)
