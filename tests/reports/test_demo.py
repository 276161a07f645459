"""The dashboard and the reports on the demo data give the figures the records imply."""

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from tests.conftest import records_for_the_module

from doingoai.iati.export import export_iati, validate
from doingoai.reports.documents import render_unit_report
from doingoai.reports.figures import unit_figures
from doingoai.reports.periods import make_period


def _load(world):
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())


_demo = records_for_the_module(_load)  # loaded once for the module's tests


@pytest.fixture
def demo(_demo, world):
    return world


def test_demo_figures_reports_and_iati(demo, login, output_dir):
    w = demo
    # the four sewing machines: 40,000,000 VND given to partners in Laos
    fig = unit_figures(unit=w.daklak, period=make_period(year=2024), user=w.user("daklak"))
    given = {c["country"]: c for c in fig["resources"]["by_country"] if c["direction"] == "given"}
    assert given["LA"]["vnd"] == Decimal(40_000_000)
    assert fig["resources"]["given"]["vnd"] >= Decimal(40_000_000)
    assert fig["activities"]["delegations_out"] >= 1

    # the central union's previous term XII: 83 aid items, just over 9 million USD
    fig = unit_figures(unit=w.central, period=make_period(term="XII"), user=w.user("trunguong"))
    received = fig["resources"]["received"]
    assert received["items"] == 83
    assert Decimal(9_000_000) < received["usd"] < Decimal(9_100_000)
    assert received["no_rate"] == 0

    # the same on the dashboard, and the number links to the 83 rows
    client = login("trunguong")
    response = client.get(reverse("dashboard"), {"unit": w.central.pk, "term": "XII"})
    assert response.status_code == 200
    assert response.context["fig"]["resources"]["received"]["items"] == 83
    list_page = client.get(response.context["fig"]["resources"]["received"]["url"])
    assert list_page.context["table"].paginator.count == 83
    html = response.content.decode()
    assert "9.046.718 USD" in html

    # the Word report holds them
    raw = render_unit_report(
        unit=w.central, period=make_period(term="XII"), user=w.user("trunguong"), fmt="docx"
    )
    (output_dir / "report-central-XII.docx").write_bytes(raw)
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "83 khoản" in text and "9.046.718 USD" in text

    raw = render_unit_report(
        unit=w.daklak,
        period=make_period(year=2024),
        user=w.user("daklak"),
        fmt="docx",
        today=dt.date(2025, 1, 10),
    )
    cells = [
        " | ".join(c.text for c in row.cells)
        for t in Document(io.BytesIO(raw)).tables
        for row in t.rows
    ]
    assert any("Hỗ trợ | Lào | 1 | 40.000.000" in c for c in cells)
    # a province's report never contains another province's records
    assert not any("Hà Nội" in c for c in cells)

    # IATI: validates; the pledge without a partner is listed with its reason
    result = export_iati(user=w.user("admin"))
    (output_dir / "iati-demo.xml").write_bytes(result.xml)
    assert validate(result.xml) == []
    assert len(result.exported) >= 83
    assert any("Thụy Sĩ" in s.title for s in result.skipped)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_demo_daklak_term_report_pages(demo, output_dir):
    """The Đắk Lắk term XIII report on the demo data, every page rendered to PNG under
    test-output/ to be looked at (docs/img holds its first and signature pages): the
    seed trip in the delegation table, the gifts as aid given, the women abroad and the
    protection counts."""
    w = demo
    pdf = render_unit_report(
        unit=w.daklak,
        period=make_period(term="XIII"),
        user=w.user("daklak"),
        fmt="pdf",
        today=dt.date(2025, 11, 1),
    )
    path = output_dir / "report-daklak-XIII-demo.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "70", "-png", str(path), str(output_dir / "report-daklak-XIII-demo")],
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Danh sách đoàn ra, đoàn vào" in text and "25/06/2024" in text
    assert "CÔNG TÁC VỚI PHỤ NỮ VIỆT NAM Ở NƯỚC NGOÀI" in text
    assert "< 5" in text and "Hư cấu" not in text
    assert "TM. BAN THƯỜNG VỤ" in text.split("\f")[-2]
