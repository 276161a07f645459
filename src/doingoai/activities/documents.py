"""The documents of a delegation generated from its records, in the shared Decree
30/2020/NĐ-CP layout (:mod:`doingoai.documents.layout`, Word, PDF and Excel like every
other report): the request before the trip (tờ trình đề nghị cử đoàn / đón đoàn) and the
result report after it (báo cáo kết quả chuyến công tác).

The report's text parts are the officer's: :func:`draft_report` and :func:`draft_agreed`
draft them from the trip's records (events and their outcomes, gifts handed over, the
open commitments of the agreements served); the activity's form offers the drafts to
edit before the report is submitted."""

from __future__ import annotations

from django.utils import timezone

from doingoai.core.dates import DateError, parse_date
from doingoai.documents.formatting import vn_date, vn_number, vnd
from doingoai.documents.issuers import issuer_lines, place_of, signer
from doingoai.documents.layout import Block, Document, Table, file_name

from .models import Activity

FORMATS = ("docx", "pdf")
TO_WRITE = "………………………………………………………………"
FUNDING_VI = {
    "union": "Ngân sách của Hội",
    "partner": "Đối tác đài thọ",
    "project": "Kinh phí dự án",
    "mixed": "Nhiều nguồn",
}
ROLES_VI = {
    "head": "Trưởng đoàn",
    "deputy": "Phó trưởng đoàn",
    "member": "Thành viên",
    "interpreter": "Phiên dịch",
    "guest": "Khách nước ngoài",
}
EVENT_KINDS_VI = {
    "conference": "Hội nghị",
    "review_meeting": "Hội nghị sơ kết, tổng kết",
    "workshop": "Hội thảo",
    "signing": "Lễ ký kết",
    "exhibition": "Triển lãm",
    "ceremony": "Lễ",
    "online_event": "Sự kiện trực tuyến",
    "aid_handover": "Trao tặng hỗ trợ",
    "other": "Làm việc",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _dates(a: Activity) -> str:
    if a.end_date and a.end_date != a.start_date:
        return f"từ ngày {vn_date(a.start_date)} đến ngày {vn_date(a.end_date)}"
    return f"ngày {vn_date(a.start_date)}"


def _where(a: Activity) -> str:
    return a.places_label or "…"


def _going_out(a: Activity) -> bool:
    return a.kind == Activity.Kind.DELEGATION_OUT


def _members_table(a: Activity, number: int) -> Table:
    rows = [
        [n, m.name, m.position or "—", m.unit_name or "—", ROLES_VI.get(m.role, "Thành viên")]
        for n, m in enumerate(a.members.all(), 1)
    ]
    return Table(
        f"Bảng {number}. Thành phần đoàn",
        ["TT", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò trong đoàn"],
        rows,
        sheet="Thành phần đoàn",
    )


def _events(a: Activity) -> list[Activity]:
    return list(a.events.order_by("start_date", "pk").prefetch_related("places"))


def _programme_table(a: Activity, number: int, *, with_results: bool) -> Table:
    header = ["TT", "Ngày", "Hoạt động", "Địa điểm"]
    rows = []
    for n, e in enumerate(_events(a), 1):
        row = [n, vn_date(e.start_date), f"{EVENT_KINDS_VI.get(e.kind, '')}: {e.title}"]
        row.append(e.places_label or _where(a))
        if with_results:
            row.append(e.outcomes.strip() or "—")
        rows.append(row)
    if with_results:
        header.append("Kết quả")
    title = "Các hoạt động đã thực hiện" if with_results else "Chương trình làm việc dự kiến"
    return Table(f"Bảng {number}. {title}", header, rows, sheet="Chương trình")


def _names(items, attr) -> str:
    return "; ".join(getattr(x, attr) for x in items)


def _addressee(a: Activity) -> str:
    if a.unit.level == "central":
        return "Kính gửi: Ban Bí thư Trung ương Đảng"
    return "Kính gửi: Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam"


def request_document(a: Activity, *, today=None) -> Document:
    """Tờ trình đề nghị cử đoàn (or đón đoàn): the plan before the trip."""
    today = today or timezone.localdate()
    top, issuer = issuer_lines(a.unit)
    what = "cử đoàn đi công tác" if _going_out(a) else "đón đoàn"
    if a.kind == Activity.Kind.CONFERENCE:
        what = "tổ chức hội nghị quốc tế"
    partners = list(a.partners.all())
    agreements = list(a.agreements.all())
    need = Block(
        "I.",
        "SỰ CẦN THIẾT VÀ MỤC ĐÍCH",
        1,
        paragraphs=_lines(a.purpose) or [a.title],
    )
    if agreements:
        need.paragraphs.append("Hoạt động nhằm thực hiện: " + _names(agreements, "title") + ".")
    plan = Block("II.", "NỘI DUNG KẾ HOẠCH", 1)
    when = f"{_dates(a).capitalize()}, tại {_where(a)}."
    plan.children += [
        Block("1.", "Thời gian, địa điểm", 2, paragraphs=[when]),
        Block(
            "2.",
            "Đối tác mời, làm việc" if _going_out(a) else "Đoàn khách",
            2,
            paragraphs=[_names(partners, "name_vi") + "." if partners else "…"],
        ),
        Block("3.", "Thành phần đoàn", 2, tables=[_members_table(a, 1)]),
    ]
    if a.events.exists():
        plan.children.append(
            Block(
                "4.",
                "Chương trình làm việc",
                2,
                tables=[_programme_table(a, 2, with_results=False)],
            )
        )
    cost = vnd(a.estimated_cost) if a.estimated_cost else "…"
    funding = FUNDING_VI.get(a.funding_source, "…")
    money = Block(
        "III.",
        "KINH PHÍ VÀ QUÀ TẶNG",
        1,
        children=[
            Block("1.", "Kinh phí", 2, paragraphs=[f"Nguồn kinh phí: {funding}. Dự toán: {cost}."]),
            Block("2.", "Quà tặng dự kiến", 2, paragraphs=_lines(a.gifts_planned) or ["Không."]),
        ],
    )
    return Document(
        issuer_parent=top,
        issuer=issuer,
        symbol="Số:       /TTr-HPN",
        place=place_of(a.unit),
        date=today,
        kind="TỜ TRÌNH",
        title=f"Về việc đề nghị {what}: {a.title}",
        addressee=_addressee(a),
        sections=[need, plan, money],
        signer=signer(a.unit),
        closing=[f"{a.unit.name} kính trình xem xét, cho chủ trương./."],
        recipients=["Như trên;", "Lưu: VT."],
    )


def _gifts_table(gifts: list, number: int) -> Table:
    rows = [
        [
            n,
            vn_date(g.date),
            g.title,
            str(g.partner or "—"),
            vn_number(g.quantity, 2 if g.quantity % 1 else 0),
            f"{vn_number(g.amount)} {g.currency}",
        ]
        for n, g in enumerate(gifts, 1)
    ]
    return Table(
        f"Bảng {number}. Quà tặng, hỗ trợ đã trao",
        ["TT", "Ngày", "Nội dung", "Bên nhận", "Số lượng", "Trị giá"],
        rows,
        sheet="Quà tặng",
        numeric={4, 5},
    )


def agreed_rows(text: str) -> list[list[str]]:
    """The lines of "agreed with the partners": ``what; who does it; by when``."""
    rows = []
    for line in _lines(text):
        parts = [p.strip() for p in line.split(";", 2)] + ["", ""]
        rows.append([parts[0], parts[1] or "—", parts[2] or "—"])
    return rows


def agreed_errors(text: str) -> list[str]:
    """What is wrong with the lines of "agreed with the partners" (the deadlines)."""
    from django.utils.translation import gettext as _

    errors = []
    for n, line in enumerate(_lines(text), 1):
        parts = [p.strip() for p in line.split(";", 2)]
        if len(parts) == 3 and parts[2]:
            try:
                parse_date(parts[2])
            except DateError as e:
                errors.append(_("Line %(n)d: %(error)s") % {"n": n, "error": e})
    return errors


def report_document(a: Activity, gifts: list | None = None, *, today=None) -> Document:
    """Báo cáo kết quả chuyến công tác: what was done, results, what was agreed with
    each side's duties and deadlines, proposals — from the trip's records and the
    officer's text."""
    today = today or timezone.localdate()
    gifts = gifts or []
    top, issuer = issuer_lines(a.unit)
    basis = f"{_dates(a).capitalize()}, đoàn công tác của {a.unit.name} "
    basis += "đã làm việc tại " if _going_out(a) else "đã đón đoàn và làm việc tại "
    basis += f"{_where(a)}."
    if a.decision_number:
        basis = (
            f"Thực hiện Quyết định số {a.decision_number} ngày {vn_date(a.decision_date)} "
            f"của {a.decision_body or '…'}, " + basis[0].lower() + basis[1:]
        )
    general = Block(
        "I.",
        "THÀNH PHẦN, THỜI GIAN, ĐỊA ĐIỂM",
        1,
        paragraphs=[basis],
        tables=[_members_table(a, 1)],
    )
    done = Block("1.", "Các hoạt động đã thực hiện", 2)
    done.tables.append(_programme_table(a, 2, with_results=True))
    results = Block(
        "2.", "Kết quả", 2, paragraphs=_lines(a.report or draft_report(a, gifts)) or [TO_WRITE]
    )
    handed = Block("3.", "Quà tặng, hỗ trợ đã trao", 2)
    if gifts:
        handed.tables.append(_gifts_table(gifts, 3))
    else:
        handed.paragraphs.append("Không.")
    outcome = Block("II.", "KẾT QUẢ CHUYẾN CÔNG TÁC", 1, children=[done, results, handed])
    agreed = Block(
        "III.",
        "NỘI DUNG ĐÃ THỐNG NHẤT VỚI ĐỐI TÁC",
        1,
        tables=[
            Table(
                f"Bảng {4 if gifts else 3}. Nội dung đã thống nhất, trách nhiệm và thời hạn",
                ["TT", "Nội dung", "Bên thực hiện", "Thời hạn"],
                [[n, *row] for n, row in enumerate(agreed_rows(a.report_agreed), 1)],
                sheet="Đã thống nhất",
            )
        ],
    )
    proposals = Block(
        "IV.", "KIẾN NGHỊ, ĐỀ XUẤT", 1, paragraphs=_lines(a.report_proposals) or [TO_WRITE]
    )
    return Document(
        issuer_parent=top,
        issuer=issuer,
        symbol="Số:       /BC-HPN",
        place=place_of(a.unit),
        date=today,
        kind="BÁO CÁO",
        title=f"Kết quả chuyến công tác: {a.title}",
        sections=[general, outcome, agreed, proposals],
        signer=signer(a.unit),
        recipients=["Đoàn Chủ tịch TW Hội (để báo cáo);", "Ban Quốc tế TW Hội;", "Lưu: VT."]
        if a.unit.level != "central"
        else ["Ban Bí thư Trung ương Đảng (để báo cáo);", "Lưu: VT."],
    )


def draft_report(a: Activity, gifts: list | None = None) -> str:
    """What was done and its results, drafted from the trip's records."""
    lines = [f"{_dates(a).capitalize()}, đoàn đã làm việc tại {_where(a)}."]
    for e in _events(a):
        text = f"- {vn_date(e.start_date)}: {e.title}."
        if e.outcomes.strip():
            text += " " + " ".join(_lines(e.outcomes))
        lines.append(text)
    for g in gifts or []:
        value = f"{vn_number(g.amount)} {g.currency}"
        lines.append(f"- Trao tặng {g.title} cho {g.partner or '…'} ({value}).")
    if a.outcomes.strip():
        lines += _lines(a.outcomes)
    return "\n".join(lines)


def draft_agreed(a: Activity) -> str:
    """What was agreed, drafted from the open commitments of the agreements served
    (``what; who; by when``), to edit."""
    from doingoai.agreements.models import Commitment

    open_ = Commitment.objects.filter(
        agreement__in=a.agreements.all(),
        state__in=[Commitment.State.PLANNED, Commitment.State.IN_PROGRESS],
    ).order_by("due_date", "pk")
    lines = []
    for c in open_:
        due = vn_date(c.due_date) if c.due_date else ""
        lines.append("; ".join([" ".join(_lines(c.description)), c.responsible, due]).rstrip("; "))
    return "\n".join(lines)


def trip_gifts(activity: Activity, user) -> list:
    """What was handed over on the trip and at its events (the resources app's records
    through ``hooks.activity_resources``), in ``user``'s scope."""
    from doingoai.core.scope import VIEW

    from .hooks import activity_resources

    gifts = list(activity_resources.gather(activity, user))
    for event in Activity.objects.restrict(user, VIEW).filter(parent=activity):
        gifts += activity_resources.gather(event, user)
    return [g for g in gifts if getattr(g, "direction", "") == "given"]


def download_name(prefix: str, a: Activity) -> str:
    return file_name(prefix, a.title)[:80]
