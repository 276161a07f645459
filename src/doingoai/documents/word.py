"""The Word form of a :class:`~doingoai.documents.layout.Document` (python-docx)."""

from __future__ import annotations

import io
from copy import deepcopy

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .layout import FONT, MOTTO, NATIONAL_TITLE, WIDE_TYPE, Block, Document, Table

CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


def _fonts(element):
    """Times New Roman for every script, and no theme font overriding it."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _font(run, size=14, bold=False, italic=False):
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    _fonts(run._element)
    return run


def _para(container, text="", size=14, *, bold=False, italic=False, align=None, indent=False):
    p = container.add_paragraph()
    if text:
        _font(p.add_run(text), size, bold, italic)
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(6), Pt(0)
    if align is not None:
        p.alignment = align
    if indent:
        fmt.first_line_indent = Cm(1)
    return p


def _no_borders(table):
    pr = table._tbl.tblPr
    borders = pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    pr.append(borders)


def _row_flag(row, name):
    """``w:cantSplit`` (the row stays on one page), ``w:tblHeader`` (repeated on each)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement(f"w:{name}"))


def _cell_text(cell, lines, size=13, bold=False, italic=False, align=CENTER):
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        text, opts = line if isinstance(line, tuple) else (line, {})
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = opts.get("align", align)
        p.paragraph_format.space_after = Pt(0)
        _font(
            p.add_run(text),
            opts.get("size", size),
            opts.get("bold", bold),
            opts.get("italic", italic),
        )


def _styles(word):
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element)
    for level in (1, 2, 3):
        style = word.styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.font.bold = level <= 2
        style.font.italic = level == 3
        style.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(style.element)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(6), Pt(3)
        fmt.first_line_indent = Cm(1) if level > 1 else None
        fmt.keep_with_next = True


def _page(section, *, landscape: bool = False) -> None:
    """A4 with the body's margins (20 mm top and bottom, 30 mm left, 15 mm right: the
    PDF's), turned for an appendix of wide tables (Decree 30 allows landscape pages for
    tables). A new section copies the one before it: each is set in full."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def _page_numbers(section, *, restart: bool = False) -> None:
    """Decree 30: pages numbered from 1 in Arabic figures, 13 pt, upright, centred in the
    top margin, none on the first page; ``restart``: this section (an appendix) numbers
    its pages on its own, from 1."""
    section.different_first_page_header_footer = True
    sect = section._sectPr
    if restart:
        start = OxmlElement("w:pgNumType")
        start.set(qn("w:start"), "1")
        sect.insert_element_before(
            start, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
            "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
        )  # fmt: skip
    header = section.header
    if restart or not header.is_linked_to_previous:
        return  # an appendix's section shows its header as the body's, counting anew
    p = header.paragraphs[0]
    p.alignment = CENTER
    run = _font(p.add_run(), 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        else:
            node = OxmlElement("w:instrText")
            node.set(XML_SPACE, "preserve")
            node.text = text
        run._r.append(node)


def _appendix_head(word, doc: Document, b: Block):
    """Decree 30, form 2.1: "Phụ lục I" (bold), the title in capitals (bold), the line
    "(Kèm theo Báo cáo số … ngày … của …)" in italics, a short rule."""
    heading = word.add_paragraph(style="Heading 1")
    heading.alignment = CENTER
    heading.paragraph_format.first_line_indent = None
    heading.paragraph_format.space_after = Pt(0)
    _font(heading.add_run(f"Phụ lục {b.number}"), 14, True)
    _para(word, b.title, bold=True, align=CENTER).paragraph_format.space_after = Pt(0)
    _para(word, doc.attachment_line, italic=True, align=CENTER).paragraph_format.space_after = Pt(0)
    _para(word, "_______", bold=True, align=CENTER).paragraph_format.space_after = Pt(12)
    _contents(word, b)


def _heading_block(word, doc: Document):
    head = word.add_table(rows=2, cols=2)
    _no_borders(head)
    head.autofit = False
    widths = (Cm(6.5), Cm(10))
    for row in head.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = w
    # the grid too: LibreOffice lays a table out by its grid, not its cells' widths (the
    # national title wrapped in two lines in a half-page column)
    for col, w in zip(head._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w.twips))
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
            (NATIONAL_TITLE, {"size": 13, "bold": True}),
            (MOTTO, {"size": 14, "bold": True}),
            ("_______________________", {"size": 13, "bold": True}),
        ],
    )
    _cell_text(head.cell(1, 0), [(doc.symbol, {"size": 13})])
    _cell_text(head.cell(1, 1), [(doc.place_date, {"size": 14, "italic": True})])
    _para(word)
    _para(word, doc.kind, bold=True, align=CENTER).paragraph_format.space_after = Pt(0)
    _para(word, doc.title, bold=True, align=CENTER).paragraph_format.space_after = Pt(12)
    if doc.addressee:
        _para(word, doc.addressee, align=CENTER).paragraph_format.space_after = Pt(12)


def _table(word, t: Table):
    caption = _para(word, t.title, 13, bold=True, align=CENTER)
    caption.paragraph_format.keep_with_next = True
    tbl = word.add_table(rows=1, cols=len(t.header))
    tbl.style = "Table Grid"
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = tbl.rows[0]
    _row_flag(header, "tblHeader")
    _row_flag(header, "cantSplit")
    size = WIDE_SIZE if t.wide else 12
    for i, h in enumerate(t.header):
        _cell_text(header.cells[i], [h], size=size, bold=True)
    numbered = bool(t.header) and t.header[0] == "TT"
    widths = _widths(t) if t.rows else None
    prototype = None
    for values in t.rows:
        texts = [str(value) for value in values]
        plain = not any("\n" in x or "\t" in x for x in texts)
        if prototype is not None and plain:
            # python-docx spends ~1 ms a cell on its run properties: a national report's
            # thousands of cells are copies of the first row's XML with their own text
            tbl._tbl.append(_copy_row(prototype, texts))
            continue
        row = tbl.add_row()
        _row_flag(row, "cantSplit")
        for i, text in enumerate(texts):
            align = RIGHT if i in t.numeric else CENTER if i == 0 and numbered else LEFT
            _cell_text(row.cells[i], [text], size=size, align=align)
        _cell_widths([row], widths)
        if prototype is None and plain:
            prototype = row._tr
    if t.wide:
        _narrow_margins(tbl)
    if not t.rows:
        cells = tbl.add_row().cells
        _cell_text(cells[0].merge(cells[-1]), ["Không có số liệu"], size=12, italic=True)
    else:
        _grid_widths(tbl, widths)
        _cell_widths(tbl.rows[:1], widths)
    if t.note:  # on the page of the table's last row
        for cell in tbl.rows[-1].cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
        note = _para(word, t.note, 12, italic=True, align=JUSTIFY)
        note.paragraph_format.space_before = Pt(3)
    _para(word)


MIN_COLUMN = Cm(1.0)
WIDE_SIZE = WIDE_TYPE  # the type of a table of seven columns or more (``Table.wide``)


def _narrow_margins(tbl) -> None:
    """Cells of a wide table keep 1 mm on each side (Word's default is 1.9 mm)."""
    pr = tbl._tbl.tblPr
    margins = pr.makeelement(qn("w:tblCellMar"), {})
    for edge in ("left", "right"):
        margins.append(margins.makeelement(qn(f"w:{edge}"), {qn("w:w"): "57", qn("w:type"): "dxa"}))
    pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _widths(t: Table) -> list:
    """Columns as wide as their content needs (``Table.column_weights``: the same as the
    PDF's) across the text's width (``Table.width_cm``: a landscape page's is wider), set
    on the grid and every cell: Word and LibreOffice lay out the same."""
    room = Cm(t.width_cm)
    weights = t.column_weights()
    total = sum(weights)
    widths = [max(MIN_COLUMN, int(room * w / total)) for w in weights]
    over = sum(widths) - room
    if over > 0:  # the narrow columns took their minimum: take it from the wide ones
        wide = [i for i, w in enumerate(widths) if w > MIN_COLUMN]
        spare = sum(widths[i] - MIN_COLUMN for i in wide)
        for i in wide:
            widths[i] -= int(over * (widths[i] - MIN_COLUMN) / spare)
    return widths


def _grid_widths(tbl, widths) -> None:
    tbl.autofit = False
    for col, w in zip(tbl._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(w / 635)))  # EMU to twips


def _cell_widths(rows, widths) -> None:
    for row in rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def _copy_row(prototype, texts):
    """A copy of ``prototype`` (a ``w:tr`` of one run a cell) holding ``texts``."""
    tr = deepcopy(prototype)
    for tc, text in zip(tr.iter(qn("w:tc")), texts, strict=True):
        run = tc.findall(f".//{qn('w:r')}")[-1]  # the cell's text run (after an empty one)
        node = run.find(qn("w:t"))
        if not text:  # an empty cell has a run without text, as python-docx writes it
            if node is not None:
                run.remove(node)
            continue
        if node is None:
            node = run.makeelement(qn("w:t"), {})
            run.append(node)
        node.text = text
        if text != text.strip():
            node.set(XML_SPACE, "preserve")
        else:
            node.attrib.pop(XML_SPACE, None)
    return tr


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _contents(word, b: Block):
    """A block's paragraphs, its tables, then its children's blocks."""
    for text in b.paragraphs:
        _para(word, text, align=JUSTIFY, indent=True)
    for t in b.tables:
        _table(word, t)
    for child in b.children:
        _block(word, child)


def _block(word, b: Block):
    heading = word.add_paragraph(style=f"Heading {min(b.level, 3)}")
    _font(heading.add_run(f"{b.number} {b.title}".strip()), 14, b.level <= 2, b.level == 3)
    _contents(word, b)


def _signature(word, doc: Document):
    for text in doc.closing:  # kept on the page of the signer block
        _para(word, text, align=JUSTIFY, indent=True).paragraph_format.keep_with_next = True
    sig = word.add_table(rows=1, cols=2)
    _no_borders(sig)
    _row_flag(sig.rows[0], "cantSplit")
    _cell_text(
        sig.cell(0, 0),
        [("Nơi nhận:", {"size": 12, "bold": True, "italic": True})]
        + [(f"- {r}", {"size": 11}) for r in doc.recipients],
        align=LEFT,
    )
    lines = [(line, {"size": 14, "bold": True}) for line in doc.signer.lines]
    lines += [("", {})] * 4 + [(doc.signer.name, {"size": 14, "bold": True})]
    _cell_text(sig.cell(0, 1), lines)


def render(doc: Document) -> bytes:
    word = WordDocument()
    _styles(word)
    _page(word.sections[0])
    _page_numbers(word.sections[0])
    _heading_block(word, doc)
    for b in doc.sections:
        _block(word, b)
    _signature(word, doc)
    for b in doc.appendices:  # each on a new page, its pages numbered on their own
        section = word.add_section(WD_SECTION.NEW_PAGE)
        _page(section, landscape=b.landscape)
        _page_numbers(section, restart=True)
        _appendix_head(word, doc, b)
    word.core_properties.title = f"{doc.kind} {doc.title}"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
