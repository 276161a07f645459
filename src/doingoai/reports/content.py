"""The content of a report, independent of its format: a Vietnamese administrative
document (Decree 30/2020/NĐ-CP) made of a heading block, numbered sections,
paragraphs and tables, and a signature block. Word, PDF and Excel render it."""

from __future__ import annotations

import datetime as dt

from doingoai.core.countries import country_name
from doingoai.documents.formatting import usd, vn_date, vn_number, vnd
from doingoai.documents.issuers import issuer_lines, place_of, signer
from doingoai.documents.layout import (
    MOTTO,
    NATIONAL_TITLE,
    ROMAN,
    Block,
    Digest,
    Document,
    Signer,
    Table,
)
from doingoai.organization.models import Unit

from .figures import ZERO

__all__ = [
    "MOTTO",
    "NATIONAL_TITLE",
    "ROMAN",
    "Block",
    "Document",
    "Signer",
    "Table",
    "review_report",
    "unit_report",
]


# Vietnamese names of the kinds, so a report reads right whatever the UI language
ACTIVITY_KINDS_VI = {
    "delegation_out": "Đoàn ra",
    "delegation_in": "Đoàn vào",
    "conference": "Hội nghị",
    "review_meeting": "Hội nghị sơ kết, tổng kết",
    "workshop": "Hội thảo",
    "signing": "Lễ ký kết",
    "exhibition": "Triển lãm, trưng bày",
    "ceremony": "Lễ, nghi lễ",
    "online_event": "Sự kiện trực tuyến",
    "aid_handover": "Trao tặng hỗ trợ",
    "other": "Khác",
}
RESOURCE_KINDS_VI = {
    "cash": "Tiền mặt",
    "in_kind": "Hiện vật",
    "project": "Dự án",
    "technical_assistance": "Hỗ trợ kỹ thuật",
    "scholarship": "Học bổng",
}
DIRECTIONS_VI = {"received": "Tiếp nhận", "given": "Hỗ trợ đối tác"}


def _places(activity) -> str:
    label = getattr(activity, "places_label", "")
    return (label() if callable(label) else label) or "—"


def kind_vi(k: dict) -> str:
    return ACTIVITY_KINDS_VI.get(k["kind"], k["label"])


def _share(part, whole):
    """A share as a fraction for Excel's percentage format (None without a whole)."""
    return round(part / whole, 4) if whole else None


def _pct(part, whole) -> str:
    if not whole:
        return "—"
    return f"{vn_number(100 * part / whole, 1)}%"


# -- the term / year report of a unit ---------------------------------------


#: the narrative sections of a term or year report, written by the unit (key, heading)
NARRATIVE = [
    ("assessment", "Đánh giá chung"),
    ("highlights", "Những kết quả nổi bật ngoài số liệu"),
    ("limits", "Hạn chế và nguyên nhân"),
    ("lessons", "Bài học kinh nghiệm"),
    ("directions", "Phương hướng, nhiệm vụ và đề xuất kỳ tới"),
]
TO_WRITE = "………………………………………………………………"


def symbol(number: str = "", code: str = "BC-HPN") -> str:
    """ "Số: 12/BC-HPN", or room for the number before it is issued."""
    return f"Số: {number}/{code}" if number else f"Số:       /{code}"


def narrative_block(texts: dict | None, *, unit, today) -> Block:
    """III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG: the unit's own text, dotted lines where
    nothing is written yet."""
    texts = texts or {}
    block = Block("III.", "ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG", 1)
    for i, (key, heading) in enumerate(NARRATIVE, 1):
        lines = [x.strip() for x in (texts.get(key) or "").splitlines() if x.strip()]
        block.children.append(Block(f"{i}.", heading, 2, paragraphs=lines or [TO_WRITE]))
    return block


def source_note(unit, today) -> str:
    return (
        "Số liệu trong báo cáo được tổng hợp từ hệ thống doingoai theo phạm vi dữ liệu "
        f"của {unit.name}, bao gồm các đơn vị trực thuộc và các đơn vị đã hợp nhất vào đơn vị "
        f"(số liệu tính đến ngày {vn_date(today)})."
    )


def unit_report(
    fig: dict,
    *,
    today: dt.date | None = None,
    narrative: dict | None = None,
    number: str = "",
    signed_by: Signer | None = None,
) -> Document:
    unit, period = fig["unit"], fig["period"]
    today = today or dt.date.today()
    a, p, g, r = fig["activities"], fig["partners"], fig["agreements"], fig["resources"]
    more = fig.get("report") or {}  # what only the report reads (``records.report_figures``)
    g = {**g, **more.get("agreements", {})}
    top, name = issuer_lines(unit)

    general = Block(
        "I.",
        "TÌNH HÌNH CHUNG",
        1,
        paragraphs=[
            f"Trong {period.label_vi}, {unit.name} đã chủ trì tổ chức {vn_number(a['total'])} "
            f"hoạt động đối ngoại, trong đó {vn_number(a['intl_events'])} hoạt động có sự tham gia "
            f"của đối tác quốc tế; cử {vn_number(a['delegations_out'])} đoàn ra và đón "
            f"{vn_number(a['delegations_in'])} đoàn vào.",
            f"Đã làm việc với {vn_number(p['total'])} đối tác thuộc {vn_number(p['countries'])} "
            f"quốc gia và vùng lãnh thổ, trong đó có {vn_number(p['new'])} đối tác mới; ký kết "
            f"{vn_number(g['signed'])} thỏa thuận hợp tác, hiện có {vn_number(g['in_force'])} "
            f"thỏa thuận đang có hiệu lực.",
            f"Tổng nguồn lực vận động được là {vn_number(r['received']['items'])} khoản, trị giá "
            f"{vnd(r['received']['vnd'])} (tương đương {usd(r['received']['usd'])}); đã hỗ trợ "
            f"đối tác {vn_number(r['given']['items'])} khoản, trị giá {vnd(r['given']['vnd'])} "
            f"(tương đương {usd(r['given']['usd'])}).",
        ],
    )

    # 1. activities
    acts = Block("1.", "Hoạt động đối ngoại", 2)
    total = a["total"]
    acts.children.append(
        Block(
            "a)",
            "Hoạt động theo loại hình",
            3,
            tables=[
                Table(
                    "Bảng 1. Hoạt động đối ngoại theo loại hình",
                    ["TT", "Loại hình hoạt động", "Số hoạt động", "Tỷ lệ"],
                    [
                        [
                            i,
                            ACTIVITY_KINDS_VI.get(k["kind"], k["label"]),
                            vn_number(k["n"]),
                            _pct(k["n"], total),
                        ]
                        for i, k in enumerate(a["by_kind"], 1)
                    ]
                    + [["", "Tổng cộng", vn_number(total), _pct(total, total)]],
                    sheet="Hoạt động theo loại",
                    numeric={2, 3},
                    raw=[
                        [
                            i,
                            ACTIVITY_KINDS_VI.get(k["kind"], k["label"]),
                            k["n"],
                            _share(k["n"], total),
                        ]
                        for i, k in enumerate(a["by_kind"], 1)
                    ]
                    + [["", "Tổng cộng", total, _share(total, total)]],
                    formats={2: "int", 3: "pct"},
                )
            ],
            paragraphs=[
                f"Đoàn ra: {vn_number(a['delegations_out'])}; đoàn vào: "
                f"{vn_number(a['delegations_in'])}; tổng số lượt người tham dự: "
                f"{vn_number(a['participants'])}, trong đó nữ: {vn_number(a['women'])}."
            ],
        )
    )
    years = a.get("years", [])
    if years:
        header = ["Loại hình", *[str(y) for y in years]]
        rows = [
            [ACTIVITY_KINDS_VI.get(k["kind"], k["label"]), *[vn_number(v) for v in k["values"]]]
            for k in a["kinds"]
        ]
        rows.append(["Tổng cộng", *[vn_number(y["n"]) for y in a["by_year"]]])
        raw = [[ACTIVITY_KINDS_VI.get(k["kind"], k["label"]), *k["values"]] for k in a["kinds"]]
        raw.append(["Tổng cộng", *[y["n"] for y in a["by_year"]]])
        acts.children.append(
            Block(
                "b)",
                "Hoạt động qua các năm",
                3,
                tables=[
                    Table(
                        "Bảng 2. Hoạt động đối ngoại qua các năm",
                        header,
                        rows,
                        sheet="Hoạt động theo năm",
                        numeric=set(range(1, len(header))),
                        raw=raw,
                        formats=dict.fromkeys(range(1, len(header)), "int"),
                    )
                ],
            )
        )

    # 2. partners
    partners = Block(
        "2.",
        "Quan hệ với các đối tác",
        2,
        paragraphs=[
            f"Tổng số đối tác đã làm việc: {vn_number(p['total'])}, trong đó đối tác mới: "
            f"{vn_number(p['new'])}."
        ],
        tables=[
            Table(
                "Bảng 3. Đối tác theo quốc gia",
                ["TT", "Quốc gia", "Số đối tác", "Trong đó đối tác mới"],
                [
                    [i, c["name"], vn_number(c["n"]), vn_number(c["new"])]
                    for i, c in enumerate(p["by_country"], 1)
                ]
                + [["", "Tổng cộng", vn_number(p["total"]), vn_number(p["new"])]],
                sheet="Đối tác theo quốc gia",
                numeric={2, 3},
                raw=[[i, c["name"], c["n"], c["new"]] for i, c in enumerate(p["by_country"], 1)]
                + [["", "Tổng cộng", p["total"], p["new"]]],
                formats={2: "int", 3: "int"},
                digest=Digest("Các quốc gia khác", {2, 3}, totals=1),
            )
        ],
    )

    # 3. agreements
    agr_rows = [
        ("Thỏa thuận ký kết trong kỳ", g["signed"]),
        ("Trong đó: ký mới (lần đầu)", g.get("new", 0)),
        ("Trong đó: ký tiếp (gia hạn)", g["renewed"]),
        ("Thỏa thuận đã sơ kết, tổng kết trong kỳ", g["reviewed"]),
        ("Trong đó: sơ kết giữa kỳ", g.get("reviewed_mid_term", 0)),
        ("Trong đó: tổng kết khi kết thúc", g.get("reviewed_final", 0)),
    ]
    if g.get("reviewed_yearly"):  # only where the unit reviews its agreements yearly
        agr_rows.append(("Trong đó: đánh giá hằng năm", g["reviewed_yearly"]))
    agr_rows += [
        ("Thỏa thuận hết hạn trong kỳ", g.get("ended", 0)),
        ("Trong đó: đã ký tiếp", g.get("ended_renewed", 0)),
        ("Thỏa thuận đang có hiệu lực", g["in_force"]),
        ("Thỏa thuận sắp hết hạn (trong 90 ngày)", g["expiring"]),
        ("Thỏa thuận đến hạn hoặc quá hạn đánh giá", g["review_due"]),
    ]
    agreements = Block(
        "3.",
        "Ký kết và thực hiện các thỏa thuận hợp tác",
        2,
        children=yearly_blocks(g),
        tables=[
            Table(
                f"Bảng 4. Thỏa thuận hợp tác (tình trạng tính đến ngày {vn_date(fig['today'])})",
                ["TT", "Nội dung", "Số lượng"],
                [[i, label, vn_number(n)] for i, (label, n) in enumerate(agr_rows, 1)],
                sheet="Thỏa thuận",
                numeric={2},
                raw=[[i, label, n] for i, (label, n) in enumerate(agr_rows, 1)],
                formats={2: "int"},
            )
        ],
    )

    # 4. resources
    def money_rows(items, label_key):
        rows, raw = [], []
        for i, x in enumerate(items, 1):
            direction = "Tiếp nhận" if x["direction"] == "received" else "Hỗ trợ"
            label = (
                RESOURCE_KINDS_VI.get(x["kind"], x[label_key])
                if label_key == "label"
                else x[label_key]
            )
            rows.append(
                [
                    i,
                    direction,
                    label,
                    vn_number(x["items"]),
                    vn_number(x["vnd"]),
                    vn_number(x["usd"]),
                ]
            )
            raw.append([i, direction, label, x["items"], x["vnd"], x["usd"]])
        return rows, raw

    header = ["TT", "Chiều", "", "Số khoản", "Trị giá (VND)", "Trị giá (USD)"]
    res = Block(
        "4.",
        "Vận động và hỗ trợ nguồn lực",
        2,
        paragraphs=[
            f"Tiếp nhận: {vn_number(r['received']['items'])} khoản, {vnd(r['received']['vnd'])} "
            f"({usd(r['received']['usd'])}). Hỗ trợ đối tác: {vn_number(r['given']['items'])} "
            f"khoản, {vnd(r['given']['vnd'])} ({usd(r['given']['usd'])}).",
        ],
    )
    no_rate = r["received"]["no_rate"] + r["given"]["no_rate"]
    if no_rate:
        res.paragraphs.append(
            f"Ghi chú: {vn_number(no_rate)} khoản chưa có tỷ giá quy đổi nên chưa được tính "
            "vào tổng trị giá VND/USD."
        )
    for letter, key, label, sheet, title in (
        (
            "a)",
            "by_country",
            "Quốc gia",
            "Nguồn lực theo quốc gia",
            "Bảng 5. Nguồn lực theo quốc gia của đối tác",
        ),
        ("b)", "by_partner", "Đối tác", "Nguồn lực theo đối tác", "Bảng 6. Nguồn lực theo đối tác"),
        (
            "c)",
            "by_kind",
            "Hình thức",
            "Nguồn lực theo hình thức",
            "Bảng 7. Nguồn lực theo hình thức",
        ),
    ):
        rows, raw = money_rows(r[key], "label" if key == "by_kind" else "name")
        h = list(header)
        h[2] = label
        res.children.append(
            Block(
                letter,
                title.split(". ", 1)[1],
                3,
                tables=[
                    Table(
                        title,
                        h,
                        rows,
                        sheet=sheet,
                        numeric={3, 4, 5},
                        raw=raw,
                        formats={3: "int", 4: "money", 5: "money"},
                        digest=None
                        if key == "by_kind"
                        else Digest(
                            "Các quốc gia khác" if key == "by_country" else "Các đối tác khác",
                            {3, 4, 5},
                            label=2,
                            group=1,
                            # the partners past the leading ones are one row already
                            counted=key == "by_country",
                            leading=MONEY_LEADING,
                        ),
                    )
                ],
            )
        )

    res.children.append(regime_block(r.get("by_regime", [])))
    res.children += stage_blocks(r, more.get("stages") or {})
    given = [x for x in r["by_country"] if x["direction"] == "given"]
    if given:
        named = "; ".join(
            f"{x['name']}: {vn_number(x['items'])} khoản, {vnd(x['vnd'])}"
            for x in given[:GIVEN_NAMED]
        )
        if len(given) > GIVEN_NAMED:  # the largest first; the others counted
            named += f" và {vn_number(len(given) - GIVEN_NAMED)} quốc gia khác"
        res.paragraphs.append(f"Hỗ trợ, viện trợ cho đối tác nước ngoài: {named}.")
    parts = [acts]
    if more.get("delegations"):
        parts.append(delegations_block(more["delegations"]))
    parts += [partners, agreements, res]
    if more.get("news") is not None:
        parts.append(news_block(more["news"], period))
    results = Block("II.", "KẾT QUẢ THỰC HIỆN", 1, children=parts)

    # per unit below
    if fig["units"]:
        results.children.append(units_block(fig["units"], fig["units_without_events"]))
    for i, child in enumerate(results.children, 1):
        child.number = f"{i}."

    return Document(
        issuer_parent=top,
        issuer=name,
        symbol=symbol(number),
        place=place_of(unit),
        date=today,
        kind="BÁO CÁO",
        title=f"Tổng kết công tác đối ngoại {period.label_vi}",
        sections=[general, results, narrative_block(narrative, unit=unit, today=today)],
        signer=signed_by or signer(unit),
        closing=[source_note(unit, today)],
        issued_by=unit.name,
        recipients=[
            "Ban Quốc tế TW Hội LHPN Việt Nam;"
            if unit.level != Unit.Level.CENTRAL
            else "Đoàn Chủ tịch TW Hội;",
            "Lưu: VT.",
        ],
    )


RATINGS_VI = {
    1: "Không hiệu quả",
    2: "Hiệu quả một phần",
    3: "Hiệu quả",
    4: "Rất hiệu quả",
    5: "Xuất sắc",
}


def yearly_blocks(g: dict) -> list[Block]:
    """The yearly reviews held in the period, apart from the mid-term and final ones:
    a table of them, when the records hold any."""
    rows = g.get("yearly_reviews") or []
    if not rows:
        return []
    printed = [
        [
            i,
            x["agreement"],
            x["partners"] or "—",
            vn_date(x["held"]),
            RATINGS_VI.get(x["rating"], "Chưa đánh giá"),
        ]
        for i, x in enumerate(rows, 1)
    ]
    paragraphs = [
        f"Trong kỳ đã đánh giá hằng năm {vn_number(g['reviewed_yearly'])} thỏa thuận "
        f"({vn_number(len(rows) + g.get('yearly_more', 0))} lượt đánh giá)."
    ]
    if g.get("yearly_more"):
        paragraphs.append(
            f"Bảng liệt kê {vn_number(len(rows))} lượt đánh giá gần nhất; "
            f"{vn_number(g['yearly_more'])} lượt khác xem trên hệ thống doingoai."
        )
    return [
        Block(
            "",
            "Đánh giá hằng năm các thỏa thuận",
            3,
            paragraphs=paragraphs,
            tables=[
                Table(
                    "Các lượt đánh giá hằng năm thỏa thuận hợp tác",
                    ["TT", "Thỏa thuận", "Đối tác", "Ngày đánh giá", "Mức độ hiệu quả"],
                    printed,
                    sheet="Đánh giá hằng năm",
                )
            ],
        )
    ]


def regime_block(rows: list[dict]) -> Block:
    """d) The aid by the legal regime it falls under, from the resource's date."""
    printed = [
        [
            i,
            DIRECTIONS_VI.get(x["direction"], x["direction"]),
            x["label"],
            vn_number(x["items"]),
            vn_number(x["vnd"]),
            vn_number(x["usd"]),
        ]
        for i, x in enumerate(rows, 1)
    ]
    raw = [
        [
            i,
            DIRECTIONS_VI.get(x["direction"], x["direction"]),
            x["label"],
            x["items"],
            x["vnd"],
            x["usd"],
        ]
        for i, x in enumerate(rows, 1)
    ]
    return Block(
        "d)",
        "Nguồn lực theo chế độ pháp lý",
        3,
        paragraphs=[
            "Viện trợ không hoàn lại tiếp nhận trước ngày 08/12/2025 thực hiện theo Nghị định "
            "80/2020/NĐ-CP, từ ngày 08/12/2025 theo Nghị định 313/2025/NĐ-CP; viện trợ cho "
            "đối tác nước ngoài từ ngân sách nhà nước theo Nghị định 305/2025/NĐ-CP (theo ngày "
            "của từng khoản)."
        ],
        tables=[
            Table(
                "Bảng 8. Nguồn lực theo chế độ pháp lý",
                ["TT", "Chiều", "Chế độ pháp lý", "Số khoản", "Trị giá (VND)", "Trị giá (USD)"],
                printed,
                sheet="Theo chế độ pháp lý",
                numeric={3, 4, 5},
                raw=raw,
                formats={3: "int", 4: "money", 5: "money"},
            )
        ],
    )


UNIT_MEASURES = ("activities", "intl_events", "agreements", "received_vnd", "given_vnd")


def units_block(units: list[dict], without_events: list) -> Block:
    """Per unit below: a table of the units with something to count; the units with
    nothing at all collapsed into one paragraph ("98 đơn vị chưa có hoạt động đối ngoại:
    …") instead of pages of zeros."""
    active = [row for row in units if any(row[m] for m in UNIT_MEASURES)]
    idle = [row["unit"] for row in units if not any(row[m] for m in UNIT_MEASURES)]
    rows, raw = [], []
    for i, row in enumerate(active, 1):
        values = [row[m] for m in UNIT_MEASURES]
        rows.append([i, row["unit"].name, *[vn_number(v) for v in values]])
        raw.append([i, row["unit"].name, *values])
    paragraphs = [
        f"Có {vn_number(len(units) - len(without_events))}/{vn_number(len(units))} "
        "đơn vị trực thuộc đã tổ chức ít nhất 01 sự kiện với đối tác quốc tế."
    ]
    idle_ids = {u.pk for u in idle}
    quiet = [u for u in without_events if u.pk not in idle_ids]
    if quiet:
        paragraphs.append(
            f"{vn_number(len(quiet))} đơn vị có hoạt động đối ngoại nhưng chưa tổ chức sự kiện "
            "với đối tác quốc tế: " + ", ".join(u.name for u in quiet) + "."
        )
    if idle:
        paragraphs.append(
            f"{vn_number(len(idle))} đơn vị chưa có hoạt động đối ngoại: "
            + ", ".join(u.name for u in idle)
            + "."
        )
    return Block(
        "5.",
        "Kết quả theo đơn vị trực thuộc",
        2,
        paragraphs=paragraphs,
        tables=[]
        if not rows
        else [
            Table(
                "Bảng 9. Kết quả theo đơn vị trực thuộc (các đơn vị có hoạt động)",
                [
                    "TT",
                    "Đơn vị",
                    "Hoạt động",
                    "Có đối tác quốc tế",
                    "Thỏa thuận ký",
                    "Tiếp nhận (VND)",
                    "Hỗ trợ (VND)",
                ],
                rows,
                sheet="Theo đơn vị",
                numeric={2, 3, 4, 5, 6},
                raw=raw,
                formats={2: "int", 3: "int", 4: "int", 5: "money", 6: "money"},
                digest=Digest("Các đơn vị khác", {2, 3, 4, 5, 6}, rank=2),
            )
        ],
    )


#: the main purposes of a delegation (``Activity.Purpose``; "none": not recorded)
PURPOSES_VI = {
    "visit": "Thăm và làm việc",
    "study": "Học tập kinh nghiệm, khảo sát",
    "conference": "Dự hội nghị, hội thảo quốc tế",
    "agreement": "Ký kết, triển khai thỏa thuận hợp tác",
    "resources": "Vận động nguồn lực",
    "other": "Khác",
    "none": "Chưa ghi mục đích",
}
STAGES_VI = {"pledged": "Hứa tài trợ", "committed": "Đã cam kết", "disbursed": "Đã giải ngân"}
FUNDING_VI = {
    "union": "Ngân sách của Hội",
    "partner": "Đối tác đài thọ",
    "project": "Dự án",
    "mixed": "Nhiều nguồn",
}


def _dates(start, end) -> str:
    if end and end != start:
        return f"{vn_date(start)} – {vn_date(end)}"
    return vn_date(start)


def delegations_block(d: dict) -> Block:
    """Đoàn ra, đoàn vào: by country, by purpose, and the table of the delegations
    (number, dates, country, members, funding, purpose, result)."""
    total = d["out"] + d["in"]
    block = Block(
        "",
        "Đoàn ra, đoàn vào",
        2,
        paragraphs=[
            f"Trong kỳ đã cử {vn_number(d['out'])} đoàn ra và đón {vn_number(d['in'])} đoàn vào "
            "(các đoàn đã đi, đã đón; không tính các đoàn đã hủy, không được duyệt hoặc "
            "còn là kế hoạch)."
        ],
    )
    if not total:
        return block
    rows = [[i, x["name"], x["out"], x["in"]] for i, x in enumerate(d["by_country"], 1)]
    block.children.append(
        Block(
            "a)",
            "Theo quốc gia",
            3,
            tables=[
                Table(
                    "Đoàn ra, đoàn vào theo quốc gia",
                    ["TT", "Quốc gia", "Đoàn ra", "Đoàn vào"],
                    [[i, n, vn_number(o), vn_number(v)] for i, n, o, v in rows],
                    sheet="Đoàn theo quốc gia",
                    numeric={2, 3},
                    raw=rows,
                    formats={2: "int", 3: "int"},
                    digest=Digest("Các quốc gia khác", {2, 3}),
                )
            ],
        )
    )
    rows = [
        [i, PURPOSES_VI.get(x["purpose"], x["purpose"]), x["out"], x["in"]]
        for i, x in enumerate(d["by_purpose"], 1)
    ]
    block.children.append(
        Block(
            "b)",
            "Theo mục đích",
            3,
            paragraphs=["Theo mục đích chính ghi trong hồ sơ của mỗi đoàn; mỗi đoàn tính một lần."],
            tables=[
                Table(
                    "Đoàn ra, đoàn vào theo mục đích",
                    ["TT", "Mục đích", "Đoàn ra", "Đoàn vào"],
                    [[i, n, vn_number(o), vn_number(v)] for i, n, o, v in rows],
                    sheet="Đoàn theo mục đích",
                    numeric={2, 3},
                    raw=rows,
                    formats={2: "int", 3: "int"},
                )
            ],
        )
    )
    printed, raw = [], []
    for i, x in enumerate(d["rows"], 1):
        kind = "Đoàn ra" if x["kind"] == "delegation_out" else "Đoàn vào"
        members = vn_number(x["members"]) + (f" (trưởng đoàn: {x['head']})" if x["head"] else "")
        funding = FUNDING_VI.get(x["funding"], x["funding"]) or "—"
        line = [
            i,
            f"{kind}: {x['title']}",
            _dates(x["start"], x["end"]),
            x["countries"] or "—",
            members,
            funding,
            ": ".join(
                p for p in (PURPOSES_VI.get(x.get("main_purpose") or "", ""), x["purpose"]) if p
            )
            or "—",
            x["result"] or "—",
        ]
        printed.append(line)
        raw.append(line[:4] + [x["members"], *line[5:]])
    paragraphs = []
    if d["more"]:
        paragraphs.append(
            f"Bảng liệt kê {vn_number(len(d['rows']))} đoàn gần nhất; {vn_number(d['more'])} "
            "đoàn khác xem danh sách hoạt động trên hệ thống doingoai."
        )
    block.children.append(
        Block(
            "c)",
            "Danh sách đoàn ra, đoàn vào",
            3,
            paragraphs=paragraphs,
            tables=[
                Table(
                    "Danh sách đoàn ra, đoàn vào",
                    [
                        "TT",
                        "Đoàn",
                        "Thời gian",
                        "Quốc gia",
                        "Số thành viên",
                        "Kinh phí",
                        "Mục đích",
                        "Kết quả",
                    ],
                    printed,
                    sheet="Danh sách đoàn",
                    # the members with the head's name: text that wraps, not a figure
                    numeric=set(),
                    raw=raw,
                    formats={4: "int"},
                )
            ],
        )
    )
    return block


#: the stages that count as committed: a disbursed item was committed first
COMMITTED_STAGES = ("committed", "disbursed")


def _stage_cells(cells: dict) -> list:
    """[items, committed VND, USD, disbursed VND, USD]: committed counts everything
    committed or further along (disbursed), disbursed only what was disbursed."""
    g = cells.get("disbursed")

    def committed(money: str):
        return sum(((cells[s][money] or ZERO) for s in COMMITTED_STAGES if s in cells), ZERO)

    return [
        sum(x["items"] for x in cells.values()),
        committed("vnd"),
        committed("usd"),
        g["vnd"] if g else ZERO,
        g["usd"] if g else ZERO,
    ]


COMMITTED_NOTE = (
    "Cột “Đã cam kết” gồm các khoản đã cam kết và các khoản đã giải ngân (khoản đã giải "
    "ngân là khoản đã được cam kết); cột “Đã giải ngân” chỉ gồm các khoản đã giải ngân; "
    "“Số khoản” gồm cả các khoản mới hứa tài trợ."
)


STAGE_HEADER = [
    "Số khoản",
    "Đã cam kết (VND)",
    "Đã cam kết (USD)",
    "Đã giải ngân (VND)",
    "Đã giải ngân (USD)",
]


#: the countries and partners of each direction the body's money tables name (the
#: appendix lists them all)
MONEY_LEADING = 5
#: the countries named in the sentence on the aid given
GIVEN_NAMED = 10


def _money_table(title, sheet, label, lines, rest) -> Table:
    """Rows ``[direction, name, items, committed vnd, usd, disbursed vnd, usd]``."""
    raw = [[i, *line] for i, line in enumerate(lines, 1)]
    printed = [[i, d, n, *[vn_number(v) for v in rest]] for i, d, n, *rest in raw]
    return Table(
        title,
        ["TT", "Chiều", label, *STAGE_HEADER],
        printed,
        sheet=sheet,
        numeric={3, 4, 5, 6, 7},
        raw=raw,
        formats={3: "int", 4: "money", 5: "money", 6: "money", 7: "money"},
        note=COMMITTED_NOTE,
        digest=Digest(rest, {3, 4, 5, 6, 7}, label=2, group=1, rank=4, leading=MONEY_LEADING),
    )


def stage_blocks(r: dict, stages: dict) -> list[Block]:
    """e) by stage and form (cash, in kind, other), f) by country, g) by the partners
    named in the report: committed and disbursed, VND and USD."""
    if not stages:
        return []
    from .records import stage_totals

    forms = {"cash": "cash", "in_kind": "in_kind"}
    lines = []
    grid: dict = {}
    for x in stages["by_stage"]:
        key = (x["direction"], x["stage"])
        cell = grid.setdefault(key, {"items": 0, "cash": ZERO, "in_kind": ZERO, "other": ZERO})
        cell["items"] += x["items"]
        cell[forms.get(x["kind"], "other")] += x["vnd"] or ZERO
        cell.setdefault("vnd", ZERO)
        cell.setdefault("usd", ZERO)
        cell["vnd"] += x["vnd"] or ZERO
        cell["usd"] += x["usd"] or ZERO
    order = list(STAGES_VI)
    for (direction, stage), c in sorted(
        grid.items(), key=lambda kv: (kv[0][0] != "received", order.index(kv[0][1]))
    ):
        lines.append(
            [
                DIRECTIONS_VI.get(direction, direction),
                STAGES_VI.get(stage, stage),
                c["items"],
                c["cash"],
                c["in_kind"],
                c["other"],
                c["vnd"],
                c["usd"],
            ]
        )
    raw = [[i, *line] for i, line in enumerate(lines, 1)]
    by_stage = Table(
        "Nguồn lực theo giai đoạn và hình thức",
        [
            "TT",
            "Chiều",
            "Giai đoạn",
            "Số khoản",
            "Tiền mặt (VND)",
            "Hiện vật (VND)",
            "Hình thức khác (VND)",
            "Tổng (VND)",
            "Tổng (USD)",
        ],
        [[i, d, st, n, *[vn_number(v) for v in rest]] for i, d, st, n, *rest in raw],
        sheet="Theo giai đoạn",
        numeric={3, 4, 5, 6, 7, 8},
        raw=raw,
        formats={3: "int", 4: "money", 5: "money", 6: "money", 7: "money", 8: "money"},
    )
    countries = stage_totals(stages["by_country"], "country")
    by_country = _money_table(
        "Nguồn lực đã cam kết, đã giải ngân theo quốc gia",
        "Cam kết theo quốc gia",
        "Quốc gia",
        [
            [DIRECTIONS_VI.get(d, d), country_name(c, "vi") or "—", *_stage_cells(cells)]
            for (d, c), cells in sorted(
                countries.items(), key=lambda kv: (kv[0][0] != "received", kv[0][1])
            )
        ],
        "Các quốc gia khác",
    )
    partners = stage_totals(stages["by_partner"], "partner_id")
    lines = []
    for x in r["by_partner"]:
        cells = partners.get((x["direction"], x.get("partner_id"))) if x.get("partner_id") else None
        if cells is None:
            continue
        country = country_name(x.get("country") or "", "vi")
        name = f"{x['name']} ({country})" if country else x["name"]
        lines.append(
            [DIRECTIONS_VI.get(x["direction"], x["direction"]), name, *_stage_cells(cells)]
        )
    by_partner = _money_table(
        "Nguồn lực đã cam kết, đã giải ngân theo đối tác",
        "Cam kết theo đối tác",
        "Đối tác (quốc gia)",
        lines,
        "Các đối tác khác",
    )
    note = (
        "Mỗi khoản được tính theo giai đoạn đã ghi nhận (hứa tài trợ, đã cam kết, đã giải "
        "ngân); trị giá quy đổi theo tỷ giá của ngày phát sinh."
    )
    return [
        Block(
            "e)", "Nguồn lực theo giai đoạn và hình thức", 3, paragraphs=[note], tables=[by_stage]
        ),
        Block("f)", "Đã cam kết, đã giải ngân theo quốc gia", 3, tables=[by_country]),
        Block("g)", "Đã cam kết, đã giải ngân theo đối tác", 3, tables=[by_partner]),
    ]


def news_block(n: dict, period) -> Block:
    rows = [[y["year"], y["n"]] for y in n["by_year"]]
    return Block(
        "",
        "Công tác thông tin đối ngoại",
        2,
        paragraphs=[
            f"Trong {period.label_vi} đã đăng {vn_number(n['published'])} tin, bài về hoạt động "
            f"đối ngoại, trong đó {vn_number(n['with_activity'])} tin, bài gắn với hoạt động "
            "đã ghi nhận trên hệ thống."
        ],
        tables=[
            Table(
                "Tin, bài đối ngoại đã đăng theo năm",
                ["Năm", "Số tin, bài"],
                [[str(y), vn_number(c)] for y, c in rows],
                sheet="Thông tin đối ngoại",
                numeric={1},
                raw=[[str(y), c] for y, c in rows],
                formats={1: "int"},
            )
        ]
        if n["published"]
        else [],
    )


# -- the review report of one agreement --------------------------------------


def review_report(data: dict, *, today: dt.date | None = None) -> Document:
    today = today or dt.date.today()
    ag = data["agreement"]
    unit = ag.unit
    top, name = issuer_lines(unit)
    start, end = data["start"], data["end"]
    info = [
        ["Tên thỏa thuận", ag.title],
        ["Số, ký hiệu", ag.reference or "—"],
        ["Các bên Việt Nam", ", ".join(u.name for u in ag.units.all()) or unit.name],
        [
            "Các đối tác",
            ", ".join(f"{p.name_vi} ({country_name(p.country, 'vi')})" for p in ag.partners.all())
            or "—",
        ],
        ["Ngày ký", vn_date(ag.signed_date)],
        ["Thời hạn", f"{vn_date(ag.start_date)} – {vn_date(ag.end_date)}"],
        ["Tình trạng", str(ag.get_status_display())],
        ["Lĩnh vực hợp tác", ", ".join(ag.areas or []) or "—"],
    ]
    general = Block(
        "I.",
        "THÔNG TIN CHUNG VỀ THỎA THUẬN",
        1,
        tables=[
            Table(
                "Bảng 1. Thông tin thỏa thuận", ["Nội dung", "Thông tin"], info, sheet="Thông tin"
            )
        ],
    )

    commitments = data["commitments"]
    done = sum(1 for c in commitments if c.state == c.State.DONE)
    committed = Block(
        "1.",
        "Các nội dung đã cam kết",
        2,
        paragraphs=[
            f"Thỏa thuận có {vn_number(len(commitments))} nội dung cam kết, đã hoàn thành "
            f"{vn_number(done)} ({_pct(done, len(commitments))})."
        ],
        tables=[
            Table(
                "Bảng 2. Nội dung cam kết và tình hình thực hiện",
                ["TT", "Nội dung cam kết", "Bên thực hiện", "Thời hạn", "Tình trạng"],
                [
                    [
                        i,
                        c.description,
                        c.responsible or "—",
                        vn_date(c.due_date),
                        str(c.get_state_display()),
                    ]
                    for i, c in enumerate(commitments, 1)
                ],
                sheet="Cam kết",
            )
        ],
    )

    activities = data["activities"]
    done_block = Block(
        "2.",
        "Các hoạt động đã triển khai",
        2,
        paragraphs=[
            f"Từ {vn_date(start)} đến {vn_date(end)} đã triển khai {vn_number(len(activities))} "
            "hoạt động trong khuôn khổ thỏa thuận."
        ],
        tables=[
            Table(
                "Bảng 3. Hoạt động đã triển khai",
                ["TT", "Thời gian", "Hoạt động", "Loại hình", "Địa điểm"],
                [
                    [
                        i,
                        vn_date(x.start_date),
                        x.title,
                        ACTIVITY_KINDS_VI.get(x.kind, str(x.get_kind_display())),
                        _places(x),
                    ]
                    for i, x in enumerate(activities, 1)
                ],
                sheet="Hoạt động",
            )
        ],
    )

    resources = data["resources"]
    tot_vnd = sum((x.amount_vnd or 0) for x in resources)
    tot_usd = sum((x.amount_usd or 0) for x in resources)
    mobilized = Block(
        "3.",
        "Nguồn lực đã huy động",
        2,
        paragraphs=[
            f"Tổng cộng {vn_number(len(resources))} khoản, trị giá {vnd(tot_vnd)} "
            f"(tương đương {usd(tot_usd)})."
        ],
        tables=[
            Table(
                "Bảng 4. Nguồn lực trong khuôn khổ thỏa thuận",
                ["TT", "Ngày", "Nội dung", "Chiều", "Số tiền", "Trị giá (VND)", "Trị giá (USD)"],
                [
                    [
                        i,
                        vn_date(x.date),
                        x.title,
                        DIRECTIONS_VI.get(x.direction, x.direction),
                        f"{vn_number(x.amount, 2)} {x.currency}",
                        vn_number(x.amount_vnd),
                        vn_number(x.amount_usd),
                    ]
                    for i, x in enumerate(resources, 1)
                ],
                sheet="Nguồn lực",
                numeric={4, 5, 6},
            )
        ],
    )

    reviews = data["reviews"]
    findings = Block("III.", "KẾT QUẢ ĐÁNH GIÁ", 1)
    for i, rv in enumerate(reviews, 1):
        when = vn_date(rv.held_date) if rv.held_date else (f"dự kiến {vn_date(rv.scheduled_date)}")
        paras = [
            f"Thời gian: {when}. Mức độ hiệu quả: "
            f"{rv.get_rating_display() if rv.rating else 'chưa đánh giá'}."
        ]
        paras += [line for line in (rv.findings or "").splitlines() if line.strip()] or [
            "Chưa có nội dung đánh giá."
        ]
        findings.children.append(Block(f"{i}.", str(rv.get_kind_display()), 2, paragraphs=paras))
    if not reviews:
        findings.paragraphs.append("Chưa có kỳ đánh giá nào trong giai đoạn này.")

    return Document(
        issuer_parent=top,
        issuer=name,
        symbol="Số:       /BC-HPN",
        place=place_of(unit),
        date=today,
        kind="BÁO CÁO",
        title=f"Kết quả thực hiện {ag.title} (từ {vn_date(start)} đến {vn_date(end)})",
        sections=[
            general,
            Block("II.", "KẾT QUẢ THỰC HIỆN", 1, children=[committed, done_block, mobilized]),
            findings,
        ],
        signer=signer(unit),
        recipients=["Các bên ký kết thỏa thuận;", "Lưu: VT."],
    )
