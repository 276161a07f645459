"""A Vietnamese administrative document (Decree 30/2020/NĐ-CP) and its Word, PDF and
Excel forms.

The small API: build a :class:`Document` (issuing body, number and symbol, place and date,
kind and summary, numbered :class:`Block` sections holding paragraphs and :class:`Table`
objects, a :class:`Signer`, the recipients, appendices), then call :func:`docx_bytes`,
:func:`pdf_bytes` or :func:`xlsx_bytes`. :func:`file_name` gives an ASCII file name
("bao-cao-dak-lak-nk-xiii"). Reports, submissions (tờ trình) and post-trip reports share it.

The layout: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman
(Liberation Serif, its metric twin, in the PDF), the national title and motto at the right,
the issuing body at the left; Word heading styles for the numbered sections (navigation
pane, table of contents); table rows never split across pages and table headers repeat.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.text import slugify

from doingoai.core.text import fold

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

#: Excel number formats of a column kind: counts as integers, money with thousands
#: separators, shares as percentages
NUMBER_FORMATS = {"int": "#,##0", "money": "#,##0", "usd": "#,##0.00", "pct": "0.0%"}


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list]  # text as printed (Word, PDF)
    sheet: str = ""  # short name of the Excel sheet
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    raw: list[list] | None = None  # values for Excel (numbers as numbers)
    formats: dict[int, str] = field(default_factory=dict)  # column -> NUMBER_FORMATS key
    note: str = ""  # printed under the table (what a column counts)


@dataclass
class Block:
    """A numbered heading ("I.", "1.", "a)") with its paragraphs, tables and children."""

    number: str
    title: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)


@dataclass
class Signer:
    """The signer block: "TM. BAN THƯỜNG VỤ" / "CHỦ TỊCH" (signing for the standing
    committee) or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" (a deputy signing for the chair), room
    for the signature, then the name."""

    authority: str  # "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "" when signing in her own name
    title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str = ""

    @classmethod
    def of(cls, *, collective: str = "BAN THƯỜNG VỤ", deputy: bool = False, name: str = ""):
        if deputy:
            return cls("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name)
        return cls(f"TM. {collective}", "CHỦ TỊCH", name)

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.authority, self.title) if line]


@dataclass
class Document:
    issuer_parent: str
    issuer: str
    symbol: str  # "Số: 12/BC-HPN"
    place: str
    date: dt.date
    kind: str  # "BÁO CÁO", "TỜ TRÌNH"
    title: str  # the summary under the kind
    sections: list[Block]
    signer: Signer
    recipients: list[str] = field(default_factory=list)
    appendices: list[Block] = field(default_factory=list)
    #: "Kính gửi: …" under the summary (a submission, a letter); empty for a report
    addressee: str = ""
    #: the closing paragraphs, kept on the page of the signer block (never a page with
    #: the signature alone)
    closing: list[str] = field(default_factory=list)

    @property
    def place_date(self) -> str:
        # Decree 30: days below 10 and the months 1 and 2 take a leading zero
        d = self.date
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{self.place}, ngày {d.day:02d} tháng {month} năm {d.year}"

    def tables(self) -> list[Table]:
        out = []

        def walk(blocks):
            for b in blocks:
                out.extend(b.tables)
                walk(b.children)

        walk(self.sections)
        walk(self.appendices)
        return out


def file_name(*parts: str) -> str:
    """An ASCII file name with the Vietnamese letters transliterated: "Đắk Lắk" gives
    "dak-lak" (``slugify`` alone drops the "Đ")."""
    return slugify(fold(" ".join(str(p) for p in parts))) or "tai-lieu"


# -- Word ---------------------------------------------------------------------


def docx_bytes(doc: Document) -> bytes:
    from .word import render

    return render(doc)


# -- PDF ----------------------------------------------------------------------


def html(doc: Document) -> str:
    return render_to_string("documents/decree30.html", {"doc": doc})


def pdf_bytes(doc: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(doc)).write_pdf()


# -- Excel --------------------------------------------------------------------


def _xlsx_value(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _sheet_name(t: Table, used: set[str]) -> str:
    name = (t.sheet or t.title)[:31]
    for ch in "[]:*?/\\":
        name = name.replace(ch, "-")
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def xlsx_bytes(doc: Document) -> bytes:
    """A sheet per table, each under a title block (issuing body, kind and summary,
    place and date, the table's title), with real number formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from doingoai.core.exports import set_cell

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    used: set[str] = set()
    tables = doc.tables() or [Table(doc.title, [doc.kind], [])]
    for t in tables:
        ws = wb.create_sheet(_sheet_name(t, used))
        width = max(len(t.header), 3)
        title_rows = [
            (doc.issuer, Font(bold=True, size=12)),
            (f"{doc.kind}: {doc.title}", Font(bold=True, size=13)),
            (f"{doc.symbol} — {doc.place_date}", Font(italic=True)),
            (t.title, Font(bold=True, size=12)),
        ]
        for r, (text, font) in enumerate(title_rows, 1):
            cell = set_cell(ws.cell(row=r, column=1), text)
            cell.font = font
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        head = len(title_rows) + 2
        for c, h in enumerate(t.header, 1):
            cell = set_cell(ws.cell(row=head, column=c), h)
            cell.font = Font(bold=True)
            cell.border = box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        data = t.raw if t.raw is not None else t.rows
        for r, row in enumerate(data, head + 1):
            for c, value in enumerate(row, 1):
                cell = set_cell(ws.cell(row=r, column=c), _xlsx_value(value))
                cell.border = box
                fmt = NUMBER_FORMATS.get(t.formats.get(c - 1, ""))
                if fmt and isinstance(cell.value, int | float):
                    cell.number_format = fmt
        if t.note:
            r = head + len(data) + 2
            cell = set_cell(ws.cell(row=r, column=1), t.note)
            cell.font = Font(italic=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            ws.row_dimensions[r].height = 15 * (1 + len(t.note) // 90)
        ws.freeze_panes = ws.cell(row=head + 1, column=1)
        for c, h in enumerate(t.header, 1):
            longest = max([len(str(h))] + [len(str(row[c - 1])) for row in t.rows[:200]])
            ws.column_dimensions[get_column_letter(c)].width = min(max(6, longest + 2), 60)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


RENDERERS = {"docx": docx_bytes, "pdf": pdf_bytes, "xlsx": xlsx_bytes}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def render(doc: Document, fmt: str) -> bytes:
    return RENDERERS[fmt](doc)
