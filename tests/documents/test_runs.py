"""The PDF body laid out in runs (a change to one figure lays out again the run holding it)
gives the pages the body laid out at once gives: the same pages, the same text at the
same places (the pages rendered to images are identical), the same bookmarks; and a
changed figure lays out its own run alone."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
import weasyprint
from django.core.cache import cache
from PIL import Image, ImageChops
from pypdf import PdfReader
from tests.reports.test_signable import pdf_pages as text

from doingoai.documents import layout

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils")


def document(figure: int = 1234) -> layout.Document:
    """Sections of every shape: paragraphs alone, tables long enough to cross a page
    (their header repeated), headings following each other, a note under a table."""
    blocks = []
    for n in range(1, 7):
        children = []
        for m, rows in enumerate((3, 14, 0, 9)):
            table = layout.Table(
                f"Bảng {n}.{m}. Hoạt động theo đơn vị",
                ["TT", "Đơn vị", "Hoạt động", "Đối tác"],
                [[str(i), f"Hội LHPN xã {n}-{i}", f"{figure + i:,}".replace(",", "."), str(i)]
                 for i in range(1, rows + 1)],
                numeric={2, 3},
                note="Số hoạt động do đơn vị chủ trì." if m == 1 else "",
            )  # fmt: skip
            children.append(
                layout.Block(
                    f"{m + 1}.",
                    f"Kết quả {n}.{m}",
                    2,
                    paragraphs=[f"Trong kỳ đã tổ chức {figure * n + m} hoạt động. " * (m + 1)],
                    tables=[table] if rows else [],
                )
            )
        blocks.append(layout.Block(layout.ROMAN[n - 1] + ".", f"PHẦN {n}", 1, children=children))
    return layout.Document(
        "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM",
        "BAN QUỐC TẾ",
        "Số: 12/BC-HPN",
        "Hà Nội",
        dt.date(2026, 12, 5),
        "BÁO CÁO",
        "Tổng kết công tác đối ngoại",
        blocks,
        layout.Signer.of(name="Trần Thị Hương"),
        closing=["Trên đây là báo cáo tổng kết công tác đối ngoại."],
        recipients=["Ban Thường vụ", "Lưu: VT, BQT"],
    )


def pages(raw: bytes, tmp_path, name: str) -> list[Image.Image]:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(raw)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / name)], check=True)
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob(f"{name}-*.png"))]


def bookmarks(raw: bytes) -> list[tuple[int, str, int]]:
    reader = PdfReader(io.BytesIO(raw))
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def test_the_body_in_runs_is_the_body_laid_out_at_once(tmp_path):
    cache.clear()
    source = layout.html(document())
    head, runs = layout.body_runs(source)
    assert len(runs) > 6
    whole = weasyprint.HTML(string=source).write_pdf()
    joined = layout.join_pdfs([], body=layout._runs(source))
    a, b = pages(joined, tmp_path, "runs"), pages(whole, tmp_path, "whole")
    assert len(a) == len(b) >= 5
    for n, (x, y) in enumerate(zip(a, b, strict=True), 1):
        assert x.size == y.size and ImageChops.difference(x, y).getbbox() is None, n
    assert text(joined, tmp_path) == text(whole, tmp_path)
    assert bookmarks(joined) == bookmarks(whole) and len(bookmarks(whole)) > 20
    # page numbers run on across the runs: 2, 3, … at the top of every page but the first
    numbers = [page.strip().split("\n")[0].strip() for page in text(joined, tmp_path)[1:]]
    assert numbers == [str(n) for n in range(2, len(a) + 1)]


def test_a_changed_figure_lays_out_its_run_alone(monkeypatch):
    cache.clear()
    layout.pdf_bytes(document())
    laid_out = []
    render = layout._render

    def counted(source):
        laid_out.append(source)
        return render(source)

    monkeypatch.setattr(layout, "_render", counted)
    changed = document()
    changed.sections[3].children[1].paragraphs = ["Trong kỳ đã tổ chức 9999 hoạt động. " * 2]
    layout.pdf_bytes(changed)
    assert len(laid_out) == 1 and "9999 hoạt động" in laid_out[0]
