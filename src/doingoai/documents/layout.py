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

import copy
import datetime as dt
import functools
import io
import re
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


#: tables of this many columns or more are set in a smaller type
WIDE_COLUMNS = 7
#: an appendix with a table of this many columns or more is set on landscape pages
LANDSCAPE_COLUMNS = 10
#: the average length (characters) beyond which a text column gets no more room
LONG_TEXT = 48
#: the type sizes (pt) of tables and of wide tables, the average width of a character
#: (in em, Times New Roman with Vietnamese diacritics) and a cell's padding (characters)
TABLE_TYPE, WIDE_TYPE = 12, 10.5
CHAR_EM = 0.47
CELL_PADDING = 2
#: a header this long or shorter is kept on one line when the table has room
SHORT_HEADER = 12
BOLD = 1.4  # a bold header's characters against the body's
TEXT_WIDTH_CM = 16.5  # A4 less the 30 mm and 15 mm margins
LANDSCAPE_WIDTH_CM = 25.2  # A4 turned, the same margins


def _room(width_cm: float, size_pt: float) -> float:
    """How many characters of ``size_pt`` type a table ``width_cm`` wide holds."""
    return width_cm / (size_pt * CHAR_EM * 2.54 / 72)


@dataclass
class Digest:
    """How the body shows a table too long for it (the full table goes to an appendix):
    of each group of rows (the values of column ``group``, e.g. the direction), the
    leading rows (the largest of raw column ``rank`` first, when given), then one line
    ``rest`` adding up the columns ``sums`` of the others; the table's last ``totals``
    rows (a "Tổng cộng" line) as they are."""

    rest: str  # "Các quốc gia khác"
    sums: set[int]
    label: int = 1  # the column the ``rest`` label goes in
    group: int | None = None
    rank: int | None = None
    totals: int = 0
    counted: bool = True  # the rest's label says how many rows it adds up
    leading: int = 10  # rows kept of each group


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
    #: the leading rows of a table given in full in an appendix: no Excel sheet of its
    #: own (the workbook holds the full table)
    summary: bool = False
    #: how the body shows it when it is too long (else it goes wholly to an appendix)
    digest: Digest | None = None
    #: the width of the text it spans: an appendix on landscape pages is wider
    width_cm: float = TEXT_WIDTH_CM

    @property
    def wide(self) -> bool:
        """Seven columns or more that would not fit in the normal type: set smaller."""
        if len(self.header) < WIDE_COLUMNS:
            return False
        return sum(self._room_wanted()[1]) > _room(self.width_cm, TABLE_TYPE)

    def _room_wanted(self) -> tuple[list[float], list[float]]:
        # read for the type size and for the widths, in Word and PDF: measured once
        known = self.__dict__.get("_wanted")
        if known is None:
            known = self.__dict__["_wanted"] = self._measure()
        return known

    def _measure(self) -> tuple[list[float], list[float]]:
        """(least, wished) width of each column in characters: no word is ever broken
        (each column at least as wide as its longest word, the header's in bold),
        figures stay on one line; a short header on one line, a column of long text as
        wide as its average length (capped: the longest texts wrap in any layout)."""
        least, wish = [], []
        for i, head in enumerate(self.header):
            head = str(head)
            values = [str(r[i]) for r in self.rows if i < len(r)]
            word = max((len(w) for v in values for w in v.split()), default=0)
            head_word = max((len(w) for w in head.split()), default=0) * BOLD
            longest = max((len(v) for v in values), default=0)
            low = max(word, head_word, longest if i in self.numeric else 0) + CELL_PADDING
            volume = sum(len(v) for v in values) / len(values) if values else 0
            # a short header on one line, a longer one on two
            header = len(head) * BOLD / (1 if len(head) <= SHORT_HEADER else 2)
            least.append(low)
            wish.append(max(low, header + CELL_PADDING, min(volume, LONG_TEXT) + CELL_PADDING))
        return least, wish

    def column_weights(self, width_cm: float = 0) -> list[float]:
        """How wide each column should be (in characters; the renderers scale them to the
        table's width): every column its least width; what room is left first to the
        columns wishing more (long text, short headers), then to the text columns."""
        room = _room(width_cm or self.width_cm, WIDE_TYPE if self.wide else TABLE_TYPE)
        least, wish = self._room_wanted()
        spare = room - sum(least)
        extra = sum(wish) - sum(least)
        if spare <= 0:
            return least
        if extra > spare:
            return [lo + spare * (w - lo) / extra for lo, w in zip(least, wish, strict=True)]
        text = [
            i
            for i in range(len(wish))
            if i not in self.numeric and not (i == 0 and self.header[0] == "TT")
        ]
        left = room - sum(wish)
        if text and left > 0:
            share = sum(wish[i] for i in text)
            wish = [w + (left * w / share if i in text else 0) for i, w in enumerate(wish)]
        return wish

    @property
    def landscape(self) -> bool:
        """So many columns that an appendix holding the table is set on landscape pages
        (Decree 30 allows it for tables)."""
        return len(self.header) >= LANDSCAPE_COLUMNS

    @property
    def body_html(self) -> str:
        """The body rows as HTML for the PDF, as the template wrote them (a Python loop:
        a national report's thousands of cells took a quarter of a second through the
        template language, on every request, to find the parts' hashes)."""
        from django.utils.formats import localize
        from django.utils.html import conditional_escape, escape
        from django.utils.safestring import mark_safe

        if not self.rows:
            empty = f'<td class="empty" colspan="{len(self.header)}">Không có số liệu</td>'
            return mark_safe(f"<tr>{empty}</tr>\n")

        def text(v) -> str:
            return conditional_escape(localize(v))

        numbered = bool(self.header) and self.header[0] == "TT"
        kinds = [
            "num" if i in self.numeric else "first" if i == 0 and numbered else ""
            for i in range(max(len(r) for r in self.rows))
        ]
        return mark_safe(
            "".join(
                "<tr>"
                + "".join(
                    f'<td class="{kinds[i]}">{escape(v) if type(v) is str else text(v)}</td>'
                    for i, v in enumerate(row)
                )
                + "</tr>\n"
                for row in self.rows
            )
        )

    def column_shares(self) -> list[str]:
        """The columns' widths in percent of the table ("12.50"), for the PDF."""
        weights = self.column_weights()
        total = sum(weights) or 1
        return [f"{100 * w / total:.2f}" for w in weights]


@dataclass
class Block:
    """A numbered heading ("I.", "1.", "a)") with its paragraphs, tables and children."""

    number: str
    title: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        """An appendix holding a table of so many columns is set on landscape pages."""
        return any(t.landscape for t in tables_of([self]))


def tables_of(blocks):
    """The tables of ``blocks`` and of their children, in order."""
    for block in blocks:
        yield from block.tables
        yield from tables_of(block.children)


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
    #: the issuing body as named in running text ("Hội LHPN tỉnh Đắk Lắk"), for the line
    #: under an appendix's title
    issued_by: str = ""

    @property
    def place_date(self) -> str:
        # Decree 30: days below 10 and the months 1 and 2 take a leading zero
        d = self.date
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{self.place}, ngày {d.day:02d} tháng {month} năm {d.year}"

    @property
    def attachment_line(self) -> str:
        """The line under an appendix's title (Decree 30, form 2.1): "(Kèm theo Báo cáo
        số 12/BC-HPN ngày 04/12/2026 của Hội LHPN tỉnh Đắk Lắk)"."""
        number = self.symbol.removeprefix("Số:").strip()
        kind = self.kind[:1] + self.kind[1:].lower()
        of = f" của {self.issued_by}" if self.issued_by else ""
        return f"(Kèm theo {kind} số {number} ngày {self.date:%d/%m/%Y}{of})"

    def tables(self) -> list[Table]:
        return [*tables_of(self.sections), *tables_of(self.appendices)]


#: a table of more rows than this goes to an appendix (Decree 30: long lists in
#: appendices, each starting on a new page), the body keeping its digest
BODY_ROWS = 15


def _digest(t: Table, note: str) -> Table:
    """The body's form of ``t``: its leading rows and one line for the rest."""
    from .formatting import vn_number

    d = t.digest
    raw = t.raw if t.raw is not None else t.rows
    cut = len(t.rows) - d.totals
    groups: dict = {}
    for printed, values in zip(t.rows[:cut], raw[:cut], strict=True):
        groups.setdefault(values[d.group] if d.group is not None else None, []).append(
            (printed, values)
        )
    rows, raws = [], []
    for key, members in groups.items():
        if d.rank is not None:
            members = sorted(members, key=lambda m: -(m[1][d.rank] or 0))
        for printed, values in members[: d.leading]:
            rows.append(printed)
            raws.append(values)
        others = members[d.leading :]
        if not others:
            continue
        line = [""] * len(t.header)
        if d.group is not None:
            line[d.group] = key
        line[d.label] = f"{d.rest} ({vn_number(len(others))})" if d.counted else d.rest
        for c in d.sums:
            line[c] = sum((m[1][c] or 0 for m in others), 0)
        raws.append(line)
        rows.append([vn_number(v) if c in d.sums else v for c, v in enumerate(line)])
    if t.header and t.header[0] == "TT":  # numbered anew: the ranking may reorder them
        n = 0
        for i, (printed, values) in enumerate(zip(rows, raws, strict=True)):
            if printed[0] != "":
                n += 1
                rows[i], raws[i] = [n, *printed[1:]], [n, *values[1:]]
    rows += t.rows[cut:]
    raws += list(raw[cut:])
    return Table(
        t.title,
        t.header,
        rows,
        sheet=t.sheet,
        numeric=t.numeric,
        raw=raws,
        formats=t.formats,
        note=" ".join(x for x in (t.note, note) if x),
        summary=True,
    )


def move_long_tables(doc: Document, appendix_title) -> None:
    """Every table of the body longer than ``BODY_ROWS`` rows goes to an appendix, the
    body keeping its digest (or, without one, a line saying where the list is). The
    tables of one numbered section of level ``2`` go to one appendix, titled
    ``appendix_title(section)``; appendices are numbered I, II, … in order."""
    appendices: dict[int, Block] = {}

    def appendix_for(section: Block) -> Block:
        if id(section) not in appendices:
            number = ROMAN[len(doc.appendices)]
            block = Block(number, appendix_title(section), 0)
            appendices[id(section)] = block
            doc.appendices.append(block)
        return appendices[id(section)]

    def walk(block: Block, section: Block | None):
        kept = []
        for t in block.tables:
            data = len(t.rows) - (t.digest.totals if t.digest else 0)
            if data <= BODY_ROWS:
                kept.append(t)
                continue
            target = appendix_for(section or block)
            target.tables.append(t)
            where = f"Phụ lục {target.number}"
            if t.digest:
                kept.append(_digest(t, f"Danh sách đầy đủ tại {where}."))
            else:
                name = re.sub(r"^Bảng \d+\.\s*", "", t.title)
                block.paragraphs.append(f"{name}: xem {where} kèm theo báo cáo.")
        block.tables = kept
        for child in block.children:
            walk(child, section or (child if child.level == 2 else None))

    for b in doc.sections:
        walk(b, None)
    for b in doc.appendices:
        if b.landscape:
            for t in tables_of([b]):
                t.width_cm = LANDSCAPE_WIDTH_CM


def file_name(*parts: str) -> str:
    """An ASCII file name with the Vietnamese letters transliterated: "Đắk Lắk" gives
    "dak-lak" (``slugify`` alone drops the "Đ")."""
    return slugify(fold(" ".join(str(p) for p in parts))) or "tai-lieu"


# -- Word ---------------------------------------------------------------------


def docx_bytes(doc: Document) -> bytes:
    """The Word file, kept under the hash of the document's content (``_kept_file``)."""
    from .word import render

    return _kept_file("docx", doc, "python-docx", lambda: render(doc))


def _kept_file(fmt: str, doc: Document, library: str, compute) -> bytes:
    """``compute()``'s file of ``doc`` kept in the cache under the hash of the document's
    content (its blocks, tables, figures and signer as text, the language, the writing
    library's version): a report asked for again after a change that altered none of its
    content (an edit of a record it does not show, a save that moves no figure) is not
    written again, in any format. (The PDF's parts are kept under their HTML's hash.)"""
    import dataclasses
    import hashlib
    import json

    from django.utils import translation

    def plain(value):
        return sorted(value, key=str) if isinstance(value, set | frozenset) else str(value)

    try:
        content = json.dumps(dataclasses.asdict(doc), default=plain, ensure_ascii=False)
    except (TypeError, ValueError):  # a document holding what JSON cannot key
        return compute()
    digest = hashlib.sha256(
        f"{fmt}\x1f{translation.get_language()}\x1f{_version(library)}\x1f{content}".encode()
    ).hexdigest()
    return _kept(f"{fmt}file:{digest}", compute)


# -- PDF ----------------------------------------------------------------------

#: a laid-out part is kept this long, and only when its PDF is at most this large
PART_TIMEOUT = 7 * 24 * 3600
PART_MAX_BYTES = 4 * 1024 * 1024


def html(doc: Document) -> str:
    """The body: heading block, sections, closing and signer block."""
    return render_to_string("documents/decree30.html", {"doc": doc})


def html_parts(doc: Document) -> list[str]:
    """The body and each appendix, each an HTML document of its own: an appendix
    begins on a new page and its pages are numbered on their own (Decree 30/2020,
    Appendix I: "số trang của Phụ lục được đánh riêng theo từng Phụ lục")."""
    return [html(doc)] + [
        render_to_string(
            "documents/appendix.html",
            {"doc": doc, "b": b, "landscape": b.landscape},
        )
        for b in doc.appendices
    ]


def _key(kind: str, text: str, library: str = "weasyprint") -> str:
    """The cache key of ``text`` written by this version of ``library`` (read from the
    package's metadata: importing WeasyPrint takes a server worker about half a second,
    and a report whose parts all come from the cache needs none of it)."""
    import hashlib

    digest = hashlib.sha256(f"{_version(library)}\x1f{text}".encode()).hexdigest()
    return f"{kind}:{digest}"


@functools.cache
def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def _kept(key: str, compute):
    """``compute()``'s PDF kept under ``key`` (when not too large); one worker computes
    it at a time (``get_or_compute``), the others wait for it."""
    from django.core.cache import cache

    from doingoai.core.caching import get_or_compute

    def store(value) -> None:  # a PDF, or a run's PDF and what follows from it
        if len(value[0] if isinstance(value, tuple) else value) <= PART_MAX_BYTES:
            cache.set(key, value, PART_TIMEOUT)

    return get_or_compute(key, compute, store=store, wait=30.0)


@functools.cache
def _fetcher():
    """One URL fetcher for every layout, fetching nothing but ``data:`` URLs (a document
    is made of its own HTML and styles). WeasyPrint's default builds a new one, and with
    it an SSL context, for each document: 20 ms a part."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


@functools.lru_cache(maxsize=16)
def _stylesheet(text: str):
    """A ``<style>`` block parsed once (each layout parsed it again: 18 ms)."""
    import weasyprint

    return weasyprint.CSS(string=text, url_fetcher=_fetcher())


STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def _render(source: str):
    """``source`` laid out by WeasyPrint, its style blocks taken from the parsed ones."""
    import weasyprint

    sheets = [_stylesheet(text) for text in STYLE.findall(source)]
    html = weasyprint.HTML(string=STYLE.sub("", source), url_fetcher=_fetcher())
    return html.render(stylesheets=sheets)


def warm_up() -> None:
    """Import WeasyPrint and lay out one line in the documents' style, in a server's
    parent process before it forks its workers: the import, Pango's fonts and the parsed
    style are then shared, not paid (~0.5 s) by each worker's first PDF."""
    source = render_to_string("documents/appendix.html", {"doc": None, "b": Block("I", "", 0)})
    _render(source).write_pdf()


def part_pdf(source: str) -> bytes:
    """One part laid out and written by WeasyPrint, kept in the cache under the hash of
    its HTML (and WeasyPrint's version): identical HTML lays out identically, so a change
    that alters the body's figures lays out the body alone, not the appendices."""
    return _kept(_key("pdfpart", source), lambda: _render(source).write_pdf())


# The body in runs: a change to one figure lays out again the run that holds it, not the
# eleven pages of a national report. The body's HTML is cut before each numbered heading
# (``CHUNK``, a heading kept with what follows it) and before the closing. A run is laid
# out as a document of its own that begins with an empty block as tall as what the run
# before it left on its last page (with that page's bottom margin, so the margins between
# the two collapse as in one document), its pages numbered on from that page; its first
# page is then drawn over the last page of the run before (pypdf). The pages, their text
# and its position are those of the body laid out at once (``tests/documents/
# test_runs.py`` compares them). Each run is kept under the hash of its HTML with
# what follows from it (pages, where its last page ends, its headings for the bookmarks):
# when a figure changes and its run keeps its length, the runs after it are taken from
# the cache as they are.

CHUNK = "<!--chunk-->"
#: a run this short (characters of HTML) takes the next one in: each run's PDF carries
#: its own font subsets (~15 kB), the national body would weigh five times its 75 kB
SHORT_RUN = 1500
HEADINGS_ONLY = re.compile(r"\s*(<h[234]>[^<]*</h[234]>\s*)+", re.S)


def body_runs(source: str) -> tuple[str, list[str]]:
    """The body document's head and its runs (the HTML between the chunk marks, a run
    holding only headings joined to the next one)."""
    head, inner = source.split("<body>", 1)
    inner = inner.rsplit("</body>", 1)[0]
    runs: list[str] = []
    for piece in inner.split(CHUNK):
        if runs and (HEADINGS_ONLY.fullmatch(runs[-1]) or len(runs[-1]) < SHORT_RUN):
            runs[-1] += piece
        else:
            runs.append(piece)
    return head, runs


def _run_source(head: str, run: str, before: dict | None, top: float) -> str:
    if before is None:
        return f"{head}<body>{run}</body></html>"
    page = before["page"] + before["pages"] - 1  # the number of the page it begins on
    carry = before["bottom"] - top
    return (
        head.replace(
            "</head>", f"<style>@page :first {{ counter-reset: page {page} }}</style></head>"
        )
        + f'<body><div style="height: {carry!r}px; margin-bottom: {before["margin"]!r}px"></div>'
        + f"{run}</body></html>"
    )


def _lay_out_run(source: str, page: int) -> tuple[bytes, dict]:
    document = _render(source)
    last = document.pages[-1]._page_box.children[0].children[0].children[-1]
    first_body = document.pages[0]._page_box.children[0].children[0]
    marks = [
        (i, level, label, y)
        for i, p in enumerate(document.pages)
        for level, label, (_x, y), _state in p.bookmarks
    ]
    meta = {
        "page": page,
        "pages": len(document.pages),
        "bottom": last.border_box_y() + last.border_height(),
        "margin": last.margin_bottom,
        "top": first_body.content_box_y(),
        "marks": marks,
    }
    return document.write_pdf(), meta


def _runs(source: str) -> list[tuple[bytes, dict]]:
    """The body's runs laid out one after the other (or taken from the cache)."""
    head, runs = body_runs(source)
    out: list[tuple[bytes, dict]] = []
    before, top, page = None, 0.0, 1
    for run in runs:
        text = _run_source(head, run, before, top)
        data, meta = _kept(
            _key("pdfrun", f"{page}\x1f{text}"),
            lambda text=text, page=page: _lay_out_run(text, page),
        )
        if before is None:
            top = meta["top"]
        out.append((data, meta))
        before, page = meta, page + meta["pages"] - 1
    return out


def _join_runs(writer, runs: list[tuple[bytes, dict]]) -> None:
    """The runs' pages into ``writer``, each run's first page drawn over the page before,
    and the bookmarks of their headings, nested by level."""
    from pypdf import PdfReader
    from pypdf.generic import Fit

    marks = []
    for k, (data, meta) in enumerate(runs):
        reader = PdfReader(io.BytesIO(data))
        offset = len(writer.pages) - (1 if k else 0)
        if k:
            _overlay(writer, writer.pages[-1], reader.pages[0], f"/Run{k}")
        if len(reader.pages) > (1 if k else 0):
            writer.append(reader, pages=(1 if k else 0, len(reader.pages)), import_outline=False)
        marks += [(offset + i, level, label, y) for i, level, label, y in meta["marks"]]
    parents: list[tuple[int, object]] = []
    for index, level, label, y in marks:
        while parents and parents[-1][0] >= level:
            parents.pop()
        height = float(writer.pages[index].mediabox.height)
        item = writer.add_outline_item(
            title=label,
            page_number=index,
            parent=parents[-1][1] if parents else None,
            fit=Fit.xyz(left=0, top=height - y * 0.75),
        )
        parents.append((level, item))


def _overlay(writer, page, over, name: str) -> None:
    """``over`` (a page of another PDF) drawn on ``page`` of ``writer``: its content
    stream and resources made a form XObject that the page draws after its own content.
    (pypdf's ``merge_page`` parses both content streams to rename their resources: 60 ms
    a page; a form keeps its own resources and needs no parsing.)"""
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    def stream(data: bytes):
        s = DecodedStreamObject()
        s.set_data(data)
        return s

    contents = over["/Contents"].get_object()
    parts = contents if isinstance(contents, ArrayObject) else [contents]
    form = stream(b"\n".join(part.get_object().get_data() for part in parts))
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject([FloatObject(v) for v in over.mediabox])
    form[NameObject("/Resources")] = over["/Resources"].get_object().clone(writer)
    ref = writer._add_object(form.flate_encode())
    resources = page["/Resources"].get_object()
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[NameObject(name)] = ref
    own = page["/Contents"].get_object()
    own = list(own) if isinstance(own, ArrayObject) else [page.raw_get("/Contents")]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(stream(b"q"))]
        + own
        + [writer._add_object(stream(f"Q q {name} Do Q".encode()))]
    )


def join_pdfs(parts: list[bytes], body: list[tuple[bytes, dict]] | None = None) -> bytes:
    """The pages of the body's ``runs`` (if given) then of ``parts``, one after the other
    in one PDF, with their bookmarks and the first part's title."""
    from pypdf import PdfReader, PdfWriter

    if not body and len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    if body:
        _join_runs(writer, body)
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
    first = PdfReader(io.BytesIO(body[0][0] if body else parts[0]))
    if first.metadata:
        writer.add_metadata({k: v for k, v in first.metadata.items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bytes(doc: Document) -> bytes:
    """The body laid out in runs and each appendix on its own (or taken from the cache),
    then joined; the joined file is kept too, under the hash of the parts' HTML."""
    sources = html_parts(doc)
    whole = _key("pdfjoined", "\x1f".join(_key("pdfpart", s) for s in sources))
    return _kept(
        whole, lambda: join_pdfs([part_pdf(s) for s in sources[1:]], body=_runs(sources[0]))
    )


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
    place and date, the table's title), with real number formats; kept under the hash
    of the document's content (``_kept_file``)."""
    return _kept_file("xlsx", doc, "openpyxl", lambda: _workbook(doc))


def _workbook(doc: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from doingoai.core.exports import set_cell

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    used: set[str] = set()
    tables = [t for t in doc.tables() if not t.summary] or [Table(doc.title, [doc.kind], [])]
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
        # a body cell's style (border, number format) set once per format and copied
        # to the others: openpyxl hashes the style objects on every assignment, which
        # was most of the time of a national report's thousands of cells
        styles: dict = {}
        for r, row in enumerate(data, head + 1):
            for c, value in enumerate(row, 1):
                cell = set_cell(ws.cell(row=r, column=c), _xlsx_value(value))
                fmt = NUMBER_FORMATS.get(t.formats.get(c - 1, ""))
                if not (fmt and isinstance(cell.value, int | float)):
                    fmt = None
                dated = isinstance(cell.value, dt.date | dt.time)  # openpyxl formats them
                known = None if dated else styles.get(fmt)
                if known is not None:
                    cell._style = copy.copy(known)
                    continue
                cell.border = box
                if fmt:
                    cell.number_format = fmt
                if not dated:
                    styles[fmt] = copy.copy(cell._style)
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
