"""Rendering a report ``content.Document`` as Word, PDF and Excel."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from doingoai.core.exports import xlsx_bytes

from . import content
from .figures import scoped, unit_figures
from .hooks import report_sections

FONT = "Times New Roman"


# -- Word ---------------------------------------------------------------------


def _font(run, size=14, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    return run


def _para(
    container, text="", size=14, bold=False, italic=False, align=None, indent=False, space_after=6
):
    p = container.add_paragraph()
    if text:
        _font(p.add_run(text), size, bold, italic)
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1)
    return p


def _no_borders(table):
    tbl = table._tbl
    pr = tbl.tblPr
    borders = pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"})
        borders.append(el)
    pr.append(borders)


def _cell_text(cell, lines, size=13, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    cell.paragraphs[0].text = ""
    first = True
    for line in lines:
        if isinstance(line, tuple):
            text, opts = line
        else:
            text, opts = line, {}
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = opts.get("align", align)
        p.paragraph_format.space_after = Pt(0)
        _font(
            p.add_run(text),
            opts.get("size", size),
            opts.get("bold", bold),
            opts.get("italic", italic),
        )


def docx_bytes(doc: content.Document) -> bytes:
    word = WordDocument()
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    # heading block: issuing unit (left), national title and motto (right)
    head = word.add_table(rows=2, cols=2)
    _no_borders(head)
    head.autofit = False
    widths = (Cm(6.5), Cm(9.5))
    for row in head.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = w
    _cell_text(
        head.cell(0, 0),
        [
            (doc.issuer_parent, {"size": 13}),
            (doc.issuer, {"size": 13, "bold": True}),
            ("_______", {"size": 13, "bold": True}),
        ],
    )
    _cell_text(
        head.cell(0, 1),
        [
            (content.NATIONAL_TITLE, {"size": 13, "bold": True}),
            (content.MOTTO, {"size": 14, "bold": True}),
            ("_______________________", {"size": 13, "bold": True}),
        ],
    )
    _cell_text(head.cell(1, 0), [(doc.symbol, {"size": 13})])
    _cell_text(head.cell(1, 1), [(doc.place_date, {"size": 14, "italic": True})])

    _para(word, "", space_after=6)
    _para(word, doc.kind, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    _para(word, doc.title, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=12)

    def block(b: content.Block):
        size = 14
        p = _para(word, "", size, indent=b.level > 1)
        _font(p.add_run(f"{b.number} {b.title}"), size, bold=b.level <= 2, italic=b.level == 3)
        for text in b.paragraphs:
            _para(word, text, 14, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
        for t in b.tables:
            table(t)
        for child in b.children:
            block(child)

    def table(t: content.Table):
        _para(word, t.title, 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=3)
        tbl = word.add_table(rows=1, cols=len(t.header))
        tbl.style = "Table Grid"
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, h in enumerate(t.header):
            _cell_text(tbl.rows[0].cells[i], [h], size=12, bold=True)
        for row in t.rows:
            cells = tbl.add_row().cells
            for i, value in enumerate(row):
                align = (
                    WD_ALIGN_PARAGRAPH.RIGHT
                    if i in t.numeric
                    else WD_ALIGN_PARAGRAPH.CENTER
                    if i == 0 and t.header[0] == "TT"
                    else WD_ALIGN_PARAGRAPH.LEFT
                )
                _cell_text(cells[i], [str(value)], size=12, align=align)
        if not t.rows:
            cells = tbl.add_row().cells
            merged = cells[0].merge(cells[-1])
            _cell_text(merged, ["Không có số liệu"], size=12, italic=True)
        _para(word, "", space_after=6)

    for b in doc.sections:
        block(b)

    # signature block: recipients (left), signer (right)
    sig = word.add_table(rows=1, cols=2)
    _no_borders(sig)
    _cell_text(
        sig.cell(0, 0),
        [("Nơi nhận:", {"size": 12, "bold": True, "italic": True})]
        + [(f"- {r}", {"size": 11}) for r in doc.recipients],
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _cell_text(
        sig.cell(0, 1),
        [
            (doc.signer_role, {"size": 14, "bold": True}),
            (doc.signer_title, {"size": 14, "bold": True}),
            ("", {}),
            ("", {}),
            ("", {}),
            (doc.signer_name or "", {"size": 14, "bold": True}),
        ],
    )
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# -- PDF ----------------------------------------------------------------------


def html(doc: content.Document) -> str:
    return render_to_string("reports/document.html", {"doc": doc})


def pdf_bytes(doc: content.Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(doc)).write_pdf()


# -- Excel --------------------------------------------------------------------


def _xlsx_value(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def xlsx_report_bytes(doc: content.Document) -> bytes:
    sheets = {}
    used = set()
    for t in doc.tables():
        name = (t.sheet or t.title)[:31]
        for ch in "[]:*?/\\":
            name = name.replace(ch, "-")
        base, n = name, 2
        while name in used:
            suffix = f" ({n})"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        used.add(name)
        data = t.raw if t.raw is not None else t.rows
        sheets[name] = [list(t.header)] + [[_xlsx_value(v) for v in row] for row in data]
    if not sheets:
        sheets["Báo cáo"] = [[doc.title]]
    return xlsx_bytes(sheets)


RENDERERS = {"docx": docx_bytes, "pdf": pdf_bytes, "xlsx": xlsx_report_bytes}


# -- the reports --------------------------------------------------------------


def render_unit_report(
    *, unit, period, user, fmt: str, progress=None, today: dt.date | None = None
) -> bytes:
    if progress:
        progress(1, 3, "figures")
    fig = unit_figures(unit=unit, period=period, user=user, today=today)
    if progress:
        progress(2, 3, "document")
    with translation.override("vi"):
        doc = content.unit_report(fig, today=today)
        extra = report_sections.gather(unit, period, user)
        if extra:  # before the closing assessment, renumbered in order
            doc.sections[-1:-1] = extra
            for i, block in enumerate(doc.sections):
                block.number = content.ROMAN[i] + "."
    data = RENDERERS[fmt](doc)
    if progress:
        progress(3, 3, fmt)
    return data


def review_data(*, agreement, user, start=None, end=None) -> dict:
    start = start or agreement.start_date or agreement.signed_date or dt.date(2000, 1, 1)
    end = end or min(dt.date.today(), agreement.end_date or dt.date.today())
    if end < start:
        end = start
    acts = scoped("activities.Activity", user)
    activities = []
    if acts is not None:
        activities = list(
            acts.filter(Q(agreements=agreement) | Q(review__agreement=agreement))
            .filter(start_date__gte=start, start_date__lte=end)
            .distinct()
            .order_by("start_date", "pk")
        )
    res = scoped("resources.Resource", user)
    resources = []
    if res is not None:
        resources = list(
            res.filter(agreement=agreement, date__gte=start, date__lte=end).order_by("date", "pk")
        )
    reviews = list(
        agreement.reviews.filter(
            Q(held_date__gte=start, held_date__lte=end)
            | Q(held_date__isnull=True, scheduled_date__gte=start, scheduled_date__lte=end)
        ).order_by("scheduled_date")
    )
    return {
        "agreement": agreement,
        "start": start,
        "end": end,
        "commitments": list(agreement.commitments.all()),
        "activities": activities,
        "resources": resources,
        "reviews": reviews,
    }


def render_review_report(
    *, agreement, user, fmt: str, start=None, end=None, today: dt.date | None = None
) -> bytes:
    data = review_data(agreement=agreement, user=user, start=start, end=end)
    with translation.override("vi"):
        doc = content.review_report(data, today=today)
    return RENDERERS[fmt](doc)
