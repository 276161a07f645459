"""The Excel report's body cells keep their border and number format when their style
is set once per format and copied (``documents.layout.xlsx_bytes``)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from doingoai.documents.layout import Block, Document, Signer, Table, xlsx_bytes


def test_body_cells_styled_as_each_alone():
    table = Table(
        title="Bảng 1",
        header=["Đơn vị", "Số", "Tiền", "USD", "Tỷ lệ", "Ngày"],
        rows=[["a", "1", "2", "3", "4", "5"]] * 3,
        raw=[
            ["Hà Nội", 3, Decimal(40_000_000), 12.5, 0.25, dt.date(2024, 1, 2)],
            ["Đắk Lắk", 0, Decimal("1.5"), Decimal(2), 1, dt.date(2025, 3, 4)],
            ["Tổng", "—", None, 7, "x", "—"],
        ],
        formats={1: "int", 2: "money", 3: "usd", 4: "pct"},
    )
    doc = Document(
        issuer_parent="HỘI LHPN VIỆT NAM",
        issuer="BAN THƯỜNG VỤ",
        symbol="Số: 1/BC",
        place="Hà Nội",
        date=dt.date(2025, 1, 1),
        kind="BÁO CÁO",
        title="Thử",
        sections=[Block(number="I.", title="Số liệu", level=1, tables=[table])],
        signer=Signer(authority="TM. BAN THƯỜNG VỤ", title="CHỦ TỊCH"),
    )
    ws = load_workbook(io.BytesIO(xlsx_bytes(doc))).worksheets[0]
    first = 7  # four title rows, a blank row, the header
    expected = {
        (0, 1): "#,##0",
        (0, 2): "#,##0",
        (0, 3): "#,##0.00",
        (0, 4): "0.0%",
        (1, 1): "#,##0",
        (1, 2): "#,##0",
        (1, 3): "#,##0.00",
        (1, 4): "0.0%",
        (2, 3): "#,##0.00",
    }
    for r in range(3):
        for c in range(6):
            cell = ws.cell(row=first + r, column=c + 1)
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
            if c == 5 and r < 2:
                assert cell.is_date, (r, c)
            else:
                assert cell.number_format == expected.get((r, c), "General"), (r, c)
