"""The head of a document (Decree 30/2020): the issuing body at the left and the national
title at the right never run into each other, whatever the body's name (seen on the
central report: "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM" ran into "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from doingoai.documents import layout

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def first_page_words(raw: bytes, tmp_path) -> list[tuple[float, float, float, str]]:
    pdf = tmp_path / "head.pdf"
    pdf.write_bytes(raw)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(a), float(b), float(c), w) for a, b, c, _d, w in WORD.findall(out)]


@pytest.mark.parametrize(
    "parent, issuer",
    [
        ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "BAN QUỐC TẾ"),
        ("HỘI LHPN VIỆT NAM", "HỘI LHPN THÀNH PHỐ HỒ CHÍ MINH"),
        ("HỘI LHPN TỈNH ĐẮK LẮK", "HỘI LHPN XÃ HÒA PHÚ"),
    ],
)
def test_the_issuing_body_and_the_national_title_never_overlap(parent, issuer, tmp_path):
    doc = layout.Document(
        parent,
        issuer,
        "Số: 12/BC-HPN",
        "Hà Nội",
        dt.date(2026, 12, 5),
        "BÁO CÁO",
        "Tổng kết công tác đối ngoại",
        [layout.Block("I.", "TÌNH HÌNH CHUNG", 1, paragraphs=["Nội dung."])],
        layout.Signer.of(name="Trần Thị Hương"),
    )
    words = first_page_words(layout.pdf_bytes(doc), tmp_path)
    title = next(w for w in words if w[3] == "CỘNG")
    # the national title starts where nothing of the issuing body reaches
    left_of_title = [w for w in words if w[0] < title[0] and w[1] < title[1] + 40]
    assert left_of_title, "the issuing body is at the left of the national title"
    assert max(w[2] for w in left_of_title) < title[0] - 3, left_of_title
    # and the title stays within the page's text width (A4 less 15 mm at the right)
    line = [w for w in words if abs(w[1] - title[1]) < 2 and w[0] >= title[0]]
    assert max(w[2] for w in line) <= (210 - 15) / 25.4 * 72 + 0.5
