"""Money amounts as Vietnamese news articles write them.

``find_amounts(text)`` returns every amount with its offsets:

- "2,5 tỷ đồng", "500.000.000 đồng", "50.000 USD", "1,2 triệu euro",
  "30 nghìn đô la Mỹ", "1 tỷ 200 triệu đồng", "300 triệu VNĐ";
- "hơn 9 triệu USD" / "trên 2 tỷ đồng": ``over=True``;
- "4 bộ máy may (trị giá 10 triệu đồng/máy)", "20 suất học bổng, mỗi suất
  2 triệu đồng": ``quantity`` × ``unit_value`` = ``value``;
- an amount in parentheses that restates the previous one in another
  currency ("(tương đương khoảng 1,2 tỷ đồng)") and a total that repeats
  quantity × unit value are not counted twice.

Numbers use the Vietnamese convention: "." groups thousands and "," is the
decimal mark; "50,000 USD" (three digits after a comma, no multiplier) is
read the English way as fifty thousand.

``direction`` is left "unknown" here; :mod:`doingoai.news.extraction`
decides it from the sentence (who gives, who receives).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from doingoai.core.numbers import NumberError
from doingoai.core.numbers import parse_number as _parse

__all__ = ["Amount", "find_amounts", "is_approximate", "parse_number", "CURRENCIES"]


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str
    direction: str = "unknown"  # "received" | "given" | "unknown"
    text: str = ""
    quantity: int | None = None
    unit_value: Decimal | None = None
    over: bool = False
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    #: introduced as a total ("tổng trị giá", "tổng kinh phí")
    total: bool = field(default=False, compare=False)

    def to_json(self) -> dict:
        value = self.value
        number = int(value) if value == value.to_integral_value() else float(value)
        unit = self.unit_value
        if unit is not None:
            unit = int(unit) if unit == unit.to_integral_value() else float(unit)
        return {
            "value": number,
            "currency": self.currency,
            "direction": self.direction,
            "text": self.text,
            "quantity": self.quantity,
            "unit_value": unit,
            "over": self.over,
        }

    def with_direction(self, direction: str) -> Amount:
        return replace(self, direction=direction)


def is_approximate(amount: dict) -> bool:
    """ "hơn 9 triệu USD", "khoảng 2 tỷ đồng": a rounded figure (often a period's total,
    "tổng nguồn lực huy động nhiệm kỳ qua … hơn 9 triệu USD"), never an aid record's
    exact value: the review page shows it unticked."""
    text = (amount.get("text") or "").strip()
    return bool(amount.get("over")) or bool(_APPROX_START.match(text))


_APPROX_START = re.compile(r"(?:hơn|trên|ngoài|vượt|gần|khoảng|xấp xỉ|ngót)\b", re.IGNORECASE)


# Currency words, longest first; value: ISO 4217 code.
CURRENCIES: list[tuple[str, str]] = [
    (r"đô[\s-]?la\s+Mỹ", "USD"),
    # "2 triệu đô la Australia" ("Autralia" as one page misspells it)
    (r"đô[\s-]?la\s+(?:Úc|Au?str?alia|Ô-?xtrây-?li-?a)", "AUD"),
    (r"đô[\s-]?la\s+Singapore", "SGD"),
    (r"đô[\s-]?la\s+Canada", "CAD"),
    (r"đô[\s-]?la\s+New\s+Zealand|đô[\s-]?la\s+Niu\s+Di-?lân", "NZD"),
    (r"đô[\s-]?la", "USD"),
    (r"CAD|C\$", "CAD"),
    (r"NZD|NZ\$", "NZD"),
    (r"SGD", "SGD"),
    (r"US\$|USD|\$", "USD"),
    (r"AUD", "AUD"),
    # "600.000 ơ-rô": the euro as Vietnamese spells it
    (r"[Ee]uro|EURO|EUR|€|[Ơơ]-?rô", "EUR"),
    (r"[Yy][êe]n\s+Nhật|[Yy][êe]n|JPY", "JPY"),
    (r"[Ww]on(?:\s+Hàn\s+Quốc)?|KRW", "KRW"),
    (r"[Nn]hân\s+dân\s+tệ|NDT|CNY", "CNY"),
    (r"[Kk][íi]p(?:\s+Lào)?|LAK", "LAK"),
    (r"(?:[Tt]ân\s+)?Đài\s+tệ|TWD", "TWD"),
    (r"[Bb]ạt(?:\s+Thái)?|[Bb]aht|THB", "THB"),
    (r"[Bb]ảng\s+Anh|GBP", "GBP"),
    (r"[Rr]iel|KHR", "KHR"),
    (r"CHF|[Ff]ranc\s+Thụy\s+Sĩ", "CHF"),
    (r"SEK|[Kk]rona\s+Thụy\s+Điển|[Cc]uron\s+Thụy\s+Điển", "SEK"),
    (r"NOK|[Kk]rone\s+Na\s+Uy|[Cc]uron\s+Na\s+Uy", "NOK"),
    (r"DKK|[Kk]rone\s+Đan\s+Mạch|[Cc]uron\s+Đan\s+Mạch", "DKK"),
    # "hơn 30 đồng chí": comrades, not đồng
    (
        r"(?:[Đđ]ồng(?![ \t]+(?:chí|bào|thời|ý|hành|nghiệp|tâm|chủ\s+trì|tổ\s+chức|đội|minh|loạt|"
        r"bộ|đều|lòng|hương|cảm|tình|nghĩa|môn|sáng\s+lập|viên|thuận|phục|ruộng|bằng|cỏ|xu\b))"
        r"|VNĐ|VND|vnđ|VNđ|đ(?![\w]))",
        "VND",
    ),
]
_CURRENCY_RE = "|".join(f"(?:{pat})" for pat, _ in CURRENCIES)
_CURRENCY_COMPILED = [(re.compile(f"(?:{pat})$"), code) for pat, code in CURRENCIES]

_MULTIPLIERS = {
    "nghìn": 1000,
    "ngàn": 1000,
    "triệu": 10**6,
    "tr": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
    "trăm": 100,
}
_MULT_RE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ|trăm)"
_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"

_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})\s*(?P<mult>{_MULT_RE}(?:\s+{_MULT_RE})?)?"
    rf"(?P<more>(?:\s+(?:{_NUM})\s*{_MULT_RE})*)"
    # "1 triệu 147 nghìn 533 đô la Mỹ": the units after the thousands
    r"(?:(?:(?<=nghìn)|(?<=ngàn))\s+(?P<units>\d{1,3}))?"
    rf"\s*(?P<cur>{_CURRENCY_RE})(?![\w])"
    r"(?:\s*/\s*(?P<per>(?:một\s+)?[^\W\d]+(?:\s+(?:học\s+bổng|quà|sinh|viên|gia\s+đình))?))?",
    re.UNICODE,
)
_PREFIX_OVER = re.compile(r"(?:hơn|trên|ngoài|vượt)\s*$", re.IGNORECASE)
_PREFIX_ANY = re.compile(r"(?:hơn|trên|gần|khoảng|xấp xỉ|ngót|gần)\s*$", re.IGNORECASE)
_EQUIV = re.compile(
    r"[(,]\s*(?:tương\s+đương|tương\s+ứng|quy\s+đổi|khoảng|tức)\b[^()]*$", re.IGNORECASE
)
_EACH = re.compile(
    # "mỗi suất học bổng của sinh viên trị giá 3 triệu đồng", "mỗi suất quà trị giá trên
    # 500 nghìn đồng"
    r"mỗi\s+(?P<noun>[^\W\d]+)(?:\s+[^\W\d]+){0,5}?\s*(?:trị\s+giá|"
    r"giá\s+trị|là|có|được|hỗ\s+trợ|gồm|:)?(?:\s+(?:trên|hơn|gần|khoảng))?\s*$",
    re.IGNORECASE,
)
# "4 bộ máy may", "20 suất học bổng", "100 phần quà"
_COUNT = re.compile(
    r"(?<![\d.,/])(?P<q>\d{1,3}(?:\.\d{3})+|\d{1,5})\s+(?P<noun>bộ|chiếc|cái|suất|phần|xe|máy|căn|ngôi|con|tấn|"
    r"bao|thùng|học\s+bổng|em|hộ|người|phụ\s+nữ|hội\s+viên|học\s+sinh|sinh\s+viên|"
    r"công\s+trình|giếng|cặp|bò|lợn|nhà|túi|gói|kg|chương\s+trình|dự\s+án|khoản)\b",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\b[Tt]ổng\s+(?:cộng|số\s+tiền|trị\s+giá|giá\s+trị|kinh\s+phí|mức|vốn|nguồn\s+vốn|"
    r"ngân\s+sách|số)\b[^.;\n]{0,50}$"
)
#: the parts of an amount listed after it in its sentence: "... cho bốn dự án ..., cụ thể:"
_PARTS_FOLLOW = re.compile(
    r"[^.;\n]{0,160}?\b(?i:cụ\s+thể)\s*:|"
    # "Gói tín dụng trị giá 25 triệu USD bao gồm 15 triệu USD do IFC ... và 10 triệu USD"
    r"[ \t]*,?[ \t]*(?i:bao\s+gồm|gồm\s+có)\b"
)
#: a loss or a cost of damage, or an economy's figure: not money given or received
_DAMAGE = re.compile(
    r"(?i:\b(?:thiệt\s+hại|tổn\s+thất|thu\s+nhập\s+bình\s+quân|kim\s+ngạch|"
    # an economy's figures: "thu nhập bình quân đầu người khoảng 700 USD", "127 dự án đầu tư
    # ... với số vốn đăng ký xấp xỉ 302 triệu USD"
    r"vốn\s+đăng\s+ký|GDP|"
    # a farm's prices and profits seen on a study visit: "giá bình quân 50 euro/cành, lợi
    # nhuận ... khoảng 20 triệu bath/năm (khoảng 14 tỷ đồng)"
    r"giá\s+bình\s+quân|lợi\s+nhuận|doanh\s+thu|"
    # "Tính trung bình giá trị viện trợ trên 2 triệu USD/năm": an average, background
    r"tính\s+trung\s+bình|"
    # wages, living allowances, remittances, loans and sums paid to traffickers: "mức lương
    # khoảng 2 triệu won/tháng", "Mức sinh hoạt phí ... là 1.350 USD/người", "gửi về 500
    # triệu USD", "vay từ 5 đến 50 triệu đồng", "phải trả từ 150 đến 200 triệu đồng"
    r"\b(?:mức|tiền|trả)\s+lương\b|sinh\s+hoạt\s+phí|kiều\s+hối|gửi\s+về|\bvay\s+từ|"
    r"phải\s+trả))"
)
#: a company's own investment in its factory, and its exports, just before the amount:
#: "với tổng vốn đầu tư 136 triệu USD", "có tổng mức đầu tư hơn 971 tỷ đồng", "'rót' 1.500
#: tỷ đồng", "hằng năm xuất khẩu khoảng 300 triệu USD". A donor's "đầu tư 3 triệu USD xây
#: dựng trường học" is aid, and an ODA share after the project's total ("tổng mức đầu tư 50
#: triệu USD, trong đó vốn ODA ... 40 triệu USD") is read: only the words just before count.
_INVESTMENT = re.compile(
    r"(?i:(?:\b(?:vốn|mức|quy\s+mô)\s+(?:đăng\s+ký\s+)?đầu\s+tư(?:\s+(?:là|của\s+dự\s+án))?"
    r"|\brót\W?|\bxuất\s+khẩu)(?:\s+(?:khoảng|hơn|gần|trên|thêm|đạt|xấp\s+xỉ))?\s*)$"
)
#: the parts of the amount just read: "..., trong đó có 1 triệu đồng tiền mặt và ..."
_PART_OF = re.compile(r"[^.;\n]*?(?i:\btrong\s+đó(?:\s+(?:có|gồm))?)[^.;\n]{0,40}$")
_PER_TIME = {"tháng", "năm", "ngày", "tuần", "giờ", "lượt", "kỳ", "quý"}
_SENTENCE_END = re.compile(r"[.!?;\n](?:\s|$)")
#: the end of a sentence, not of a clause (";" goes on with the same total's parts)
_FULL_STOP = re.compile(r"[.!?\n](?:\s|$)")


def parse_number(raw: str, *, with_multiplier: bool = False) -> Decimal | None:
    """A number as printed: ``core.numbers.parse_number`` (the Vietnamese way first).
    A printed "50,000" cannot be sent back to its writer: before a multiplier it is
    read the Vietnamese way (50,000 triệu = 50 triệu), alone the English way (fifty
    thousand); None when it is not a number."""
    try:
        return _parse(raw)
    except NumberError as exc:
        if exc.readings is None:
            return None
        small, large = exc.readings
        return small if with_multiplier else large


def _currency(word: str) -> str:
    for pattern, code in _CURRENCY_COMPILED:
        if pattern.match(word):
            return code
    return "VND"


def _clause_start(text: str, pos: int) -> int:
    """Start of the sentence that contains ``pos``."""
    cut = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        cut = m.end()
    return cut


def _value(m: re.Match) -> Decimal | None:
    mult = m.group("mult")
    number = parse_number(m.group("num"), with_multiplier=bool(mult or m.group("more")))
    if number is None:
        return None
    factor = 1
    if mult:
        for word in mult.split():
            factor *= _MULTIPLIERS[word]
    total = number * factor
    for part in re.finditer(rf"({_NUM})\s*({_MULT_RE})", m.group("more") or ""):
        extra = parse_number(part.group(1), with_multiplier=True)
        if extra is not None:
            total += extra * _MULTIPLIERS[part.group(2)]
    if m.group("units"):
        total += int(m.group("units"))
    return total


#: "Từ năm 2006 đến nay, ... đã giải ngân", "từ năm 1996, đến nay đã hỗ trợ"
_CUMULATIVE = re.compile(
    r"(?i:từ\s+(?:năm\s+)?\d{4}|từ\s+tháng\s+\d{1,2}/\d{4})[^.;\n]{0,80}?đến\s+nay|"
    # "5 năm qua, Sở GD-ĐT đã phối hợp ... trao hơn 1.200 suất học bổng với tổng trị giá
    # trên 3 tỷ đồng", "Tính đến nay, ...", "lũy kế ..."
    r"(?i:\b\d+\s+năm\s+qua\b|\bnhững\s+năm\s+qua\b|\btính\s+(?:đến|tới)\s+nay\b|"
    r"\blũy\s+kế\b|\bluỹ\s+kế\b|"
    # "Cho đến nay, Quỹ đã hỗ trợ hơn 500 dự án ... với tổng giá trị tài trợ lên đến hơn 16
    # triệu USD", "Tính đến năm nay, Quỹ đã trao ...", "tổng số tiền học bổng tích lũy",
    # "Trong 3 thập kỷ hoạt động tại Việt Nam, ... đã đầu tư hơn 3,3 tỉ euro", "Trong năm
    # vừa qua đã có hơn 5 tỷ đồng ..."
    r"\bcho\s+(?:đến|tới)\s+nay\b|\btính\s+(?:đến|tới)\s+năm\s+nay\b|\btích\s+lũy\b|"
    r"\btrong\s+\d+\s+thập\s+(?:kỷ|niên)\b|\btrong\s+năm\s+(?:vừa\s+)?qua\b|"
    # "Qua 16 năm tổ chức, quỹ học bổng đã ... trao tặng hơn 4.000 suất học bổng trị giá hơn
    # 4,3 tỉ đồng", "Từ khi Việt Nam và Hoa Kỳ ký Biên bản ghi nhớ ... năm 2015, ... đã cung
    # cấp hơn 11 triệu USD"
    r"\bqua\s+\d+\s+năm\b|\btừ\s+khi\b)"
)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence of ``pos`` starts: after a full stop and a space, or a line's end
    (a ";" does not end it, as it does for :func:`_clause_start`). The reader's other fields
    use it too (:mod:`doingoai.news.extraction`)."""
    return max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1


def _cumulative(text: str, pos: int) -> bool:
    """Is the amount at ``pos`` in a sentence counting since a past year?"""
    return bool(_CUMULATIVE.search(text, sentence_start(text, pos), pos))


def _repeats(found: list[Amount], value, currency: str, quantity, unit_value) -> bool:
    """A total that repeats quantity x unit value already read, or the unit value said
    again ("Mỗi suất quà trị giá 1 triệu đồng" under a photo)."""
    return any(
        a.quantity
        and a.currency == currency
        and ((quantity is None and a.value == value) or (unit_value and a.unit_value == unit_value))
        for a in found
    )


#: the foreign side's share of a total that includes other money, written right after it:
#: "tổng kinh phí thực hiện là 240.000 EUR ..., trong đó Bread for the World tại Việt Nam tài
#: trợ 185.000 EUR", "tổng kinh phí gần 150 triệu đồng (phía Canada hỗ trợ 89 triệu đồng)",
#: "hơn 20 triệu USD; trong đó, vốn vay Quỹ phát triển Ả-rập Xê-út là hơn 10.000.000 USD"
_SHARE = re.compile(
    r"(?:\b[Tt]rong[ \t]+đó|\()[ \t,:]*(?P<giver>[^.;\n()]{2,90}?)[ \t]+"
    r"(?:tài[ \t]+trợ|hỗ[ \t]+trợ|viện[ \t]+trợ|là)[ \t]+"
    # "Liên minh châu Âu cam kết tài trợ không hoàn lại 600.000 ơ-rô"
    r"(?:không[ \t]+hoàn[ \t]+lại[ \t]+)?(?:(?i:là|khoảng|hơn|gần|trên)[ \t]+)?$"
)
#: a share that is the Vietnamese side's own (counterpart money, the family's part): the
#: total stands
_HOME_SHARE = re.compile(
    r"(?i:đối[ \t]+ứng|ngân[ \t]+sách|nhà[ \t]+nước|\btỉnh\b|\bhuyện\b|\bxã\b|địa[ \t]+phương|"
    r"nhân[ \t]+dân|gia[ \t]+đình|người[ \t]+dân|xã[ \t]+hội[ \t]+hóa|còn[ \t]+lại)|"
    r"(?<!tại[ \t])Việt[ \t]+Nam"
)


def _share_of(text: str, found: list[Amount], value, currency: str, start: int) -> Amount | None:
    """The total just read whose foreign share the amount at ``start`` is, if it is one."""
    if not found:
        return None
    total = found[-1]
    if total.currency != currency or value >= total.value or start - total.end > 200:
        return None
    m = _SHARE.search(text, total.end, start)
    # right after the total, or after its restatement in brackets ("240.000 EUR (tương
    # đương 5,7 tỷ đồng theo tỷ giá thời điểm hiện tại), trong đó ...")
    if (
        m is None
        or not re.fullmatch(r"\s*(?:\([^()]*\))?\s*[,;.]?\s*", text[total.end : m.start()])
        or _HOME_SHARE.search(m.group("giver"))
    ):
        return None
    return total


#: the giver of a part listed after a foreign share: ", UNDP tài trợ 500.000 Euro"
_PART_GIVER = re.compile(
    r"^[ \t]*[,;][ \t]*(?P<giver>[^.;\n()]{2,60}?)[ \t]+(?:tài[ \t]+trợ|viện[ \t]+trợ|hỗ[ \t]+trợ)"
    r"(?:[ \t]+không[ \t]+hoàn[ \t]+lại)?[ \t]+(?:(?i:là|khoảng|hơn|gần|trên)[ \t]+)?$"
)


def _another_share(text: str, after: int, start: int) -> bool:
    """Is the amount at ``start`` a second foreign donor's share of the total ("Trong đó,
    vốn ODA do EU viện trợ không hoàn lại 14 triệu Euro, UNDP tài trợ 500.000 Euro, vốn đối
    ứng 1,1 triệu Euro ..."): the labels' convention lists each donor's share, not the
    counterpart."""
    m = _PART_GIVER.match(text[after:start])
    return bool(m) and not _HOME_SHARE.search(m.group("giver"))


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in ``text``, in order (direction left "unknown")."""
    found: list[Amount] = []
    restated: list[Amount] = []
    shared: list[Amount] = []  # totals replaced by the foreign share written after them
    skipped_end = -1
    for m in _AMOUNT.finditer(text):
        value = _value(m)
        # "Từ năm 1996 đến nay, Tổ chức Plan International đã hỗ trợ Quảng Trị hơn 798 tỷ
        # đồng": a running total since a past year, background to the reported aid
        if value is None or value == 0 or _cumulative(text, m.start()):
            continue
        currency = _currency(m.group("cur"))
        start, end = m.start(), m.end()
        before = text[max(0, start - 40) : start]
        # A bare "đ" after a small number without multiplier is too weak.
        if m.group("cur") == "đ" and not m.group("mult") and value < 1000:
            continue
        over = bool(_PREFIX_OVER.search(before))
        pre = _PREFIX_ANY.search(before)
        span_start = pre.start() + max(0, start - 40) if pre else start
        per = m.group("per")
        quantity = None
        unit_value = None
        if per and per.split()[-1].lower() in _PER_TIME:
            per = None  # a rate ("/tháng"): keep the amount, drop the rate
            end = m.end("cur")
        clause = _clause_start(text, start)
        head = text[clause:start]
        share_of = _share_of(text, found, value, currency, start)
        if share_of is not None:
            found.remove(share_of)
            shared.append(replace(share_of, end=end))  # its other parts follow the share
        elif (
            any(
                t.currency == currency
                and value < t.value
                and not _FULL_STOP.search(text, t.end, start)
                for t in shared
            )
            and not _another_share(text, max([skipped_end, *(a.end for a in found)]), start)
        ) or _same_as_skipped(text, skipped_end, start):
            # the other parts of a total whose foreign share was read ("vốn đối ứng của tỉnh
            # 55.000 EUR (1,3 tỷ đồng)")
            skipped_end = end
            continue
        elif _loss_or_part(text, head, found, start) or (
            # "13 triệu đồng/suất (tăng 1,5 triệu đồng so với năm 2021)": a rise, not money
            re.search(
                r"(?i:\b(?:tăng|giảm)[ \t]+(?:thêm[ \t]+)?)$", text[max(0, start - 12) : start]
            )
            and re.match(r"\s*so\s+với\b", text[m.end() :])
        ):
            skipped_end = end
            continue
        each = _EACH.search(head)
        if per or each:
            unit_value = value
            noun = (per or each.group("noun")).split()[-1].lower()
            chosen = _count_of(text, noun, head, clause, end)
            if chosen is not None:
                quantity = int(chosen.group("q").replace(".", ""))
                value = unit_value * quantity
        amount = Amount(
            value=value,
            currency=currency,
            text=text[span_start:end],
            quantity=quantity,
            unit_value=unit_value,
            over=over,
            start=span_start,
            end=end,
        )
        # from the approximation word on: "1,7 triệu đô la New Zealand (gần 25 nghìn tỉ
        # đồng)" restates in another currency
        if _restates(text, found, span_start, currency):
            restated.append(amount)
            continue
        if _repeats(found, value, currency, quantity, unit_value) or any(
            r.value == value and r.currency == currency for r in restated
        ):
            # "... hơn 48,2 tỷ đồng, tương đương 2.166.000 USD. Trong đó, vốn viện trợ từ
            # ... là 2.166.000 USD": the restatement said again
            continue
        total = next((a for a in found if a.total), None)
        if (
            total is not None
            and value < total.value
            and (
                currency == total.currency
                or ("đô" in text[span_start:end].lower() and total.currency in _DOLLARS)
            )
        ):
            # "Úc sẽ cung cấp gói hỗ trợ có tổng trị giá 4,2 triệu đô la Úc ... 2,1 triệu đô
            # la Úc sẽ được dành cho ...": the parts listed after the total
            continue
        wide = text[max(0, start - 90) : start]
        found, amount = _as_total(text, found, amount, wide, start, end)
        found.append(amount)
    return _drop_unit_parts(text, _drop_rounded(found, restated))


def _count_of(text: str, noun: str, head: str, clause: int, end: int) -> re.Match | None:
    """How many of ``noun`` an amount "each" or "/noun" ending at ``end`` is counted for:
    in its sentence before it, else the sentence before, else the next sentence, else the
    one count of that noun in the article."""
    counts = list(_COUNT.finditer(head))
    if not counts and clause > 0:
        # "Trao 100 suất học bổng. Mỗi suất trị giá 2 triệu đồng."
        previous = text[_clause_start(text, clause - 2) : clause]
        counts = list(_COUNT.finditer(previous))
    chosen = None
    for c in reversed(counts):
        if _noun(c) == noun:
            chosen = c
            break
    if chosen is None and counts:
        chosen = counts[-1]
    if chosen is None:
        # "4 triệu đồng/học sinh. Đợt trao học bổng lần này Quỹ trao cho 90 học sinh,
        # trong đó có 47 học sinh giỏi": the first count of that noun in the next
        # sentence
        after = _SENTENCE_END.search(text, end)
        if after:
            following = _SENTENCE_END.search(text, after.end())
            following = following.start() if following else len(text)
            chosen = next(
                (c for c in _COUNT.finditer(text, after.end(), following) if _noun(c) == noun),
                None,
            )
    if chosen is None:
        # "Mỗi hộ được hỗ trợ 2,5 triệu đồng" with "270 hộ" said elsewhere: the one count
        # of that noun in the article
        chosen = _only_count(text, noun)
    return chosen


def _noun(count: re.Match) -> str:
    """What a count counts, by its last word: "học sinh" for "90 học sinh" is "sinh", as
    an amount's "/học sinh" is."""
    return count.group("noun").split()[-1].lower()


def _only_count(text: str, noun: str) -> re.Match | None:
    """The count of ``noun`` ("270 hộ") when the article gives one number of it."""
    counts = [c for c in _COUNT.finditer(text) if _noun(c) == noun]
    if len({c.group("q") for c in counts}) == 1:
        return counts[0]
    return None


def _drop_unit_parts(text: str, found: list[Amount]) -> list[Amount]:
    """The share of one beneficiary when the total is given too: "khoản hỗ trợ 4 triệu
    đồng" to each of "315 hộ dân" beside "tổng trị giá 1,26 tỷ đồng". Only the total is
    listed. The value of each gift whose count is not read ("với mỗi suất quà trị giá
    800.000 đồng" after "40 gia đình ... và 20 gia đình") is no amount either: the labels
    of the real articles never list it (nine articles of the corpus)."""
    kept = []
    for a in found:
        larger = [
            b
            for b in found
            if b is not a
            and b.currency == a.currency
            and b.unit_value is None
            and b.value > a.value
        ]
        if a.unit_value is not None and a.quantity is None:
            continue
        if larger and a.unit_value is None:
            sentence = text[_clause_start(text, a.start) : a.end + 120]
            counts = {int(c.group("q").replace(".", "")) for c in _COUNT.finditer(sentence)}
            if any(a.value * q == b.value for q in counts for b in larger):
                continue
        kept.append(a)
    return kept


#: a company's factory or business, and aid, in the sentence of an investment's amount
_COMPANY = re.compile(
    r"(?i:\b(?:nhà\s+máy|khu\s+công\s+nghiệp|nhà\s+đầu\s+tư|FDI|doanh\s+nghiệp|tập\s+đoàn|"
    r"công\s+ty|chứng\s+nhận\s+đầu\s+tư)\b)"
)
_AID = re.compile(
    r"(?i:\b(?:viện\s+trợ|tài\s+trợ|ODA|không\s+hoàn\s+lại|vốn\s+vay|khoản\s+vay|"
    r"hỗ\s+trợ)\b)"
)


def _same_as_skipped(text: str, skipped_end: int, start: int) -> bool:
    """Is the amount at ``start`` the one set aside just before, in another currency ("...
    55.000 EUR (1,3 tỷ đồng)", "tổng mức đầu tư hơn 971 tỷ đồng, tương đương 42 triệu USD")?"""
    between = text[skipped_end:start] if 0 <= skipped_end and start - skipped_end < 40 else ""
    return bool(re.fullmatch(r"\s*\(\s*", between) or _EQUIV.search(between))


def _a_companys(text: str, start: int) -> bool:
    """Is the investment whose amount starts at ``start`` a company's own (its sentence
    names a factory, a company or an investor, and no aid)? A project's "tổng mức đầu tư"
    in a donor's story is the aid the labels count."""
    stop = _FULL_STOP.search(text, start)
    sentence = text[sentence_start(text, start) : stop.start() if stop else len(text)]
    return bool(_COMPANY.search(sentence)) and not _AID.search(sentence)


def _loss_or_part(text: str, head: str, found: list[Amount], start: int) -> bool:
    """Is the amount at ``start`` a loss ("Lũ lụt gây thiệt hại tổng cộng hơn 30 nghìn tỷ
    đồng") or a part of the amount just read ("mỗi phần quà trị giá 1,5 triệu đồng, trong đó
    có 1 triệu đồng tiền mặt và 500.000 đồng bằng hiện vật")?"""
    if _DAMAGE.search(head) or (_INVESTMENT.search(head[-60:]) and _a_companys(text, start)):
        return True
    return bool(found) and bool(_PART_OF.match(text, max(found[-1].end, start - 80), start))


def _as_total(
    text: str, found: list[Amount], amount: Amount, before: str, start: int, end: int
) -> tuple[list[Amount], Amount]:
    """The amounts found so far and ``amount``, marked as a total when it is one."""
    if _PARTS_FOLLOW.match(text, end):
        # "vừa tài trợ hơn 70.000 đô-la Mỹ cho bốn dự án ..., cụ thể: ... 20.000 USD ...":
        # the total, its parts follow
        return found, replace(amount, total=True)
    if _TOTAL.search(before):
        # "Tổng trị giá quà tặng là 36.800.000 đồng": the total, not its parts listed before
        # it in the same paragraph
        paragraph = text.rfind("\n", 0, start) + 1
        kept = [a for a in found if a.start < paragraph or a.currency != amount.currency]
        return kept, replace(amount, total=True)
    return found, amount


#: currencies a bare "đô la" may stand for in an article about one of them
_DOLLARS = {"USD", "AUD", "CAD", "NZD", "SGD", "HKD"}


def _restates(text: str, found: list[Amount], start: int, currency: str) -> bool:
    """Does the amount at ``start`` restate the previous one in another currency ("1 triệu
    USD (22,7 tỷ đồng)", "(tương đương khoảng 1,2 tỷ đồng)")?"""
    if not found or start - found[-1].end >= 60 or currency == found[-1].currency:
        return False
    between = text[found[-1].end : start]
    return bool(_EQUIV.search(between) or re.fullmatch(r"\s*\(\s*", between))


def _drop_rounded(found: list[Amount], restated: list[Amount]) -> list[Amount]:
    """ "hơn 22 tỷ đồng" (a headline) rounds "22,7 tỷ đồng" said elsewhere: one amount."""
    rounded = [a for a in found if not a.text[:1].isdigit()]  # "hơn", "khoảng", "gần" ...
    for a in rounded:
        # "gần 200 tỷ đồng" rounds "khoảng 199,5 tỷ đồng" up: the figure may be below it
        below = a.text[:3].lower() in ("gần", "khoảng", "xấp")
        low = a.value * Decimal("0.9") if below else a.value
        if any(
            b is not a and b.currency == a.currency and low <= b.value <= a.value * Decimal("1.1")
            for b in [*found, *restated]
        ):
            found.remove(a)
    return found
