"""The documents of a delegation generated from its records, in a simple layout of
Decree 30/2020/NĐ-CP (Vietnamese administrative documents): the request before the trip
(tờ trình đề nghị cử đoàn) and the result report after it (báo cáo kết quả chuyến công
tác), as Word (python-docx) and PDF (WeasyPrint) from one description.

TODO(issue 16): move onto the shared Decree 30 layout of issue 16 when it is merged."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import escape

from .models import Activity

FONT = "Times New Roman"


@dataclass
class Doc:
    """One administrative document: the issuing unit, number, place, title, subject,
    addressee, sections (heading, paragraphs, optional table) and the signature."""

    unit: str
    number: str
    place: str
    title: str
    subject: str
    to: str = ""
    sections: list[tuple[str, list[str], list[list[str]] | None]] = field(default_factory=list)
    signer: str = "CHỦ TỊCH"
    recipients: list[str] = field(default_factory=lambda: ["Như trên;", "Lưu: VT."])


def _date_line(place: str) -> str:
    today = timezone.localdate()
    return f"{place}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}"


def _d(day) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def _dates(a: Activity) -> str:
    if a.end_date and a.end_date != a.start_date:
        return f"từ ngày {_d(a.start_date)} đến ngày {_d(a.end_date)}"
    return f"ngày {_d(a.start_date)}"


def _members_table(a: Activity) -> list[list[str]]:
    rows = [["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò"]]
    for n, m in enumerate(a.members.all(), 1):
        rows.append([str(n), m.name, m.position, m.unit_name, m.get_role_display()])
    return rows


def _place_of(a: Activity) -> str:
    return a.places_label or "…"


def request_doc(a: Activity) -> Doc:
    """Tờ trình đề nghị cử đoàn: the plan before the trip."""
    kind = "cử đoàn đi" if a.kind == Activity.Kind.DELEGATION_OUT else "đón đoàn"
    cost = f"{a.estimated_cost:,.0f}".replace(",", ".") + " đồng" if a.estimated_cost else "…"
    partners = "; ".join(p.name_vi for p in a.partners.all()) or "…"
    agreements = "; ".join(x.title for x in a.agreements.all())
    return Doc(
        unit=a.unit.name,
        number="Số:      /TTr-HLHPN",
        place=a.unit.area_name or "Hà Nội",
        title="TỜ TRÌNH",
        subject=f"Về việc đề nghị {kind} {a.title}",
        to="Kính gửi: Ban Thường vụ Trung ương Hội LHPN Việt Nam",
        sections=[
            ("1. Mục đích, chương trình", [a.purpose or a.title], None),
            ("2. Thời gian, địa điểm", [f"{_dates(a).capitalize()}, tại {_place_of(a)}."], None),
            ("3. Đối tác mời, làm việc", [partners], None),
            ("4. Thỏa thuận hợp tác thực hiện", [agreements or "Không."], None),
            ("5. Thành phần đoàn", [], _members_table(a)),
            (
                "6. Kinh phí",
                [f"Nguồn kinh phí: {a.get_funding_source_display() or '…'}. Dự toán: {cost}."],
                None,
            ),
        ],
    )


def _events_table(a: Activity) -> list[list[str]]:
    rows = [["Ngày", "Hoạt động", "Địa điểm"]]
    for e in a.events.order_by("start_date", "pk").prefetch_related("places"):
        rows.append([_d(e.start_date), f"{e.get_kind_display()}: {e.title}", e.places_label])
    return rows


def draft_report(a: Activity, gifts: list | None = None) -> str:
    """The text of the result report drafted from the trip's records (edited by the
    officer before submitting)."""
    lines = [f"Đoàn công tác {_dates(a)} tại {_place_of(a)}."]
    for e in a.events.order_by("start_date", "pk"):
        lines.append(f"- {_d(e.start_date)}: {e.title}." + (f" {e.outcomes}" if e.outcomes else ""))
    for g in gifts or []:
        lines.append(f"- Trao tặng: {g.title} ({g.partner or ''}).")
    if a.outcomes:
        lines.append(a.outcomes)
    return "\n".join(lines)


def report_doc(a: Activity, gifts: list | None = None) -> Doc:
    """Báo cáo kết quả chuyến công tác: what happened, from the trip's records."""
    gift_rows = [["Quà tặng, hỗ trợ", "Bên nhận", "Số lượng", "Thành tiền"]] + [
        [
            g.title,
            str(g.partner or ""),
            f"{g.quantity:.0f}",
            f"{g.amount:,.0f} {g.currency}".replace(",", "."),
        ]
        for g in gifts or []
    ]
    text = a.report or draft_report(a, gifts)
    return Doc(
        unit=a.unit.name,
        number="Số:      /BC-HLHPN",
        place=a.unit.area_name or "Hà Nội",
        title="BÁO CÁO",
        subject=f"Kết quả chuyến công tác: {a.title}",
        sections=[
            ("I. Thành phần đoàn", [], _members_table(a)),
            ("II. Thời gian, địa điểm", [f"{_dates(a).capitalize()}, tại {_place_of(a)}."], None),
            ("III. Các hoạt động", [], _events_table(a)),
            ("IV. Kết quả, nội dung đã thống nhất, kiến nghị", text.splitlines(), None),
            ("V. Quà tặng và hỗ trợ đã trao", [] if gifts else ["Không."],
             gift_rows if gifts else None),
        ],
    )  # fmt: skip


def to_docx(doc: Doc) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = Document()
    section = d.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = d.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)

    def para(cell_or_doc, text, *, bold=False, italic=False, center=False, size=None, under=False):
        p = cell_or_doc.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, under
        if size:
            run.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    head = d.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    left.paragraphs[0].text = ""
    para(left, "HỘI LHPN VIỆT NAM", center=True, size=13)
    para(left, doc.unit.upper(), bold=True, center=True, size=13)
    para(left, doc.number, center=True, size=13)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, size=13)
    para(right, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True, under=True)
    para(right, _date_line(doc.place), italic=True, center=True)
    para(d, doc.title, bold=True, center=True)
    para(d, doc.subject, bold=True, center=True)
    if doc.to:
        para(d, doc.to, center=True)
    for heading, paragraphs, table in doc.sections:
        para(d, heading, bold=True)
        for text in paragraphs:
            para(d, text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if table:
            t = d.add_table(rows=0, cols=len(table[0]))
            t.style = "Table Grid"
            for i, row in enumerate(table):
                cells = t.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = value
                    for run in cell.paragraphs[0].runs:
                        run.bold = i == 0
                        run.font.size = Pt(12)
    foot = d.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    para(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in doc.recipients:
        para(left, f"- {line}", size=11)
    para(right, "TM. BAN THƯỜNG VỤ", bold=True, center=True)
    para(right, doc.signer, bold=True, center=True)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; }
.head { width: 100%; border-collapse: collapse; } .head td { text-align: center;
 vertical-align: top; font-size: 13pt; width: 50%; }
.motto { font-weight: bold; text-decoration: underline; font-size: 14pt; }
.date { font-style: italic; font-size: 14pt; } h1 { font-size: 14pt; text-align: center;
 margin: 18pt 0 0; } .subject { text-align: center; font-weight: bold; }
.to { text-align: center; } h2 { font-size: 14pt; } p { text-align: justify; margin: 4pt 0; }
.grid { border-collapse: collapse; width: 100%; font-size: 12pt; }
.grid td, .grid th { border: 1px solid #000; padding: 2pt 4pt; }
.foot { width: 100%; margin-top: 18pt; } .foot td { vertical-align: top; width: 50%; }
.sign { text-align: center; font-weight: bold; } .recipients { font-size: 11pt; }
"""


def to_html(doc: Doc) -> str:
    e = escape
    parts = [
        f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>",
        "<table class='head'><tr><td>HỘI LHPN VIỆT NAM<br><b>"
        f"{e(doc.unit.upper())}</b><br>{e(doc.number)}</td><td><b>CỘNG HÒA XÃ HỘI CHỦ "
        "NGHĨA VIỆT NAM</b><br><span class='motto'>Độc lập - Tự do - Hạnh phúc</span><br>"
        f"<span class='date'>{e(_date_line(doc.place))}</span></td></tr></table>",
        f"<h1>{e(doc.title)}</h1><p class='subject'>{e(doc.subject)}</p>",
    ]
    if doc.to:
        parts.append(f"<p class='to'>{e(doc.to)}</p>")
    for heading, paragraphs, table in doc.sections:
        parts.append(f"<h2>{e(heading)}</h2>")
        parts += [f"<p>{e(t)}</p>" for t in paragraphs]
        if table:
            head = "".join(f"<th>{e(c)}</th>" for c in table[0])
            body = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in table[1:]
            )
            parts.append(f"<table class='grid'><tr>{head}</tr>{body}</table>")
    recipients = "<br>".join(f"- {e(r)}" for r in doc.recipients)
    parts.append(
        "<table class='foot'><tr><td class='recipients'><b><i>Nơi nhận:</i></b><br>"
        f"{recipients}</td><td class='sign'>TM. BAN THƯỜNG VỤ<br>{e(doc.signer)}</td></tr>"
        "</table></body></html>"
    )
    return "".join(parts)


def to_pdf(doc: Doc) -> bytes:
    from weasyprint import HTML

    return HTML(string=to_html(doc)).write_pdf()
