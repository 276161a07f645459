"""Building spreadsheets for the import tests."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from doingoai.imports.spreadsheet import DATA_SHEET


def workbook(headers: list[str], rows: list[list], path: Path | None = None):
    """An .xlsx with ``headers`` in row 1 and ``rows`` below; bytes, or written to ``path``."""
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    if path is not None:
        path.write_bytes(out.getvalue())
        return path
    return out.getvalue()
