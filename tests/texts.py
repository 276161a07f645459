"""The text a person reads in a generated document, for tests to assert on: a Word
file's paragraphs and table rows, a PDF's text as ``pdftotext -layout`` lays it out."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from docx import Document


def docx_text(data: bytes) -> str:
    """The paragraphs, then each table row with its cells joined by " | "."""
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    """The PDF's text in its layout, pages separated by form feeds."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
