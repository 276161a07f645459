"""Dates as Vietnamese news articles write them.

``find_dates(text, published=None)`` returns every date expression with its
offsets, resolved to a ``(start, end)`` pair of :class:`datetime.date`:

- "Từ ngày 25/6 đến 1/7", "từ 25-27/6", "25 đến 27/6/2023", "15 và 16/8", "11&12/8",
  "Từ 26 đến 28-12-2003", "từ ngày 21 (thứ ba) đến ngày 23 tháng 8 năm 2018"
- "ngày 28/4", "28/04/2022", "ngày 5 tháng 3 năm 2023",
  "từ ngày 5 đến ngày 7 tháng 3 năm 2023"
- "tháng 6/2023", "tháng 6 năm 2023": a month only. We return the first and
  last day of the month (``precision == "month"``); the extractor uses them
  as start and end only when the article gives no exact day.

A date written without its year takes the year that puts it nearest to
``published`` (or to today when the publication date is unknown), at most
three months ahead: a report published on 3 January about "ngày 28/12" means
last December, an announcement published on 14 September of "ngày 19/9" this
September. A year other than the publication's taken for a day more than three
months from it, or for a day of the next year, is a guess (``DateHit.guessed``:
"11/10" in an article of 13 March, last October or this one; "14-1" in one of 15
November): the extractor leaves such a date for the officer. A
range whose end month is before its start month crosses a year end.

``parse_dateline(line)`` reads the publication line of a web article
("H.Y 28/04/2022 - 22:04 (GMT+7)", "Thứ Năm, 28/04/2022 22:04").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateHit", "find_dates", "parse_dateline", "resolve_year"]


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    first: date
    last: date
    precision: str  # "day" or "month"
    has_year: bool
    #: its year read from elsewhere in the sentence or the headline, not written with it
    inferred: bool = False
    #: written without its year, which is not the publication's and puts the day more
    #: than three months from it: either year may be meant
    guessed: bool = False


_D = r"(?P<{n}>[0-3]?\d)"
_M = r"(?P<{n}>[01]?\d)"
_Y = r"(?P<{n}>(?:19|20)\d\d)"
_SEP = r"\s*[/.\-]\s*"
_DM = _D.format(n="d1") + r"\s*/\s*" + _M.format(n="m1") + r"(?:\s*/\s*" + _Y.format(n="y1") + ")?"


def _day_range(
    lead: str,
    joiners: str,
    *,
    month_sep: str,
    year_sep: str = "",
    after: str = "",
    year_required: bool = False,
):
    """A span of days in one month: ``lead`` d1 ``joiners`` (ngày) d2 ``month_sep`` m2
    (``year_sep`` y2) ``after`` — "25-27/6", "15 đến 19-9", "5 đến ngày 7 tháng 3 năm 2023".
    ``year_sep`` defaults to ``month_sep``; ``year_required``: only with the year written."""
    return re.compile(
        lead
        + _D.format(n="d1")
        # "từ ngày 21 (thứ ba) đến ngày 23 tháng 8 năm 2018": the first day's weekday
        + r"(?:\s*\((?:[Tt]hứ\s+\w+|[Cc]hủ\s+nhật)\))?"
        + r"\s*(?:"
        + joiners
        + r")\s*(?:ngày\s+)?"
        + _D.format(n="d2")
        + month_sep
        + _M.format(n="m2")
        + r"(?:"
        + (year_sep or month_sep)
        + _Y.format(n="y2")
        + (")" if year_required else ")?")
        + after
    )


_PATTERNS = [
    # từ ngày 25/6 đến (ngày) 1/7(/2024)
    re.compile(
        r"(?:[Tt]ừ\s+)?(?:(?:các\s+)?ngày\s+)?"
        + _DM
        + r"\s*(?:đến|tới|[-–—])\s*(?:hết\s+)?(?:ngày\s+)?"
        + _D.format(n="d2")
        + r"\s*/\s*"
        + _M.format(n="m2")
        + r"(?:\s*/\s*"
        + _Y.format(n="y2")
        + r")?(?!\s*/?\d)"
    ),
    # từ (ngày) 25-27/6(/2023), 15 và 16/8, "trong 2 ngày 11&12/8"
    _day_range(
        r"(?:[Tt]ừ\s+)?(?:(?:hai|2|các|trong\s+\w+)\s+)?(?:ngày\s+)?",
        r"đến|tới|và|[-–—&]",
        month_sep=r"\s*/\s*",
        after=r"(?!\s*/?\d)",
    ),
    # "trong hai ngày 7, 8/2", "Ngày 28, 29/6/2023": two days listed, then the month
    _day_range(
        r"(?:[Tt]ừ\s+)?(?:(?:hai|2|các|trong\s+\w+)\s+)?(?:ngày|(?<![\w])Ngày)\s+",
        r",",
        month_sep=r"\s*/\s*",
        after=r"(?!\s*/?\d)",
    ),
    # từ ngày 15 đến 19-9, trong hai ngày 25 và 26-5 (a dash between day and month),
    # "Ngày 5 đến ngày 9-12-2017"
    _day_range(
        r"(?:[Tt]ừ\s+)?(?:(?:hai|2|các)\s+)?(?:ngày|(?<![\w])Ngày)\s+",
        r"đến|tới|và",
        month_sep="-",
        after=r"(?![\d/-])",
    ),
    # "Từ 26 đến 28-12-2003": "từ" with no "ngày", the dash-written month and its year
    _day_range(
        r"(?<![\w])[Tt]ừ\s+",
        r"đến|tới",
        month_sep="-",
        after=r"(?![\d/-])",
        year_required=True,
    ),
    # từ ngày 5 đến ngày 7 tháng 3 (năm 2023), "ngày mồng 5 đến mồng 7 tháng 3", "Ngày 25 và
    # 26 tháng 1 năm 2022", "Ngày 16-18 tháng 12 năm 2014"
    _day_range(
        r"(?:[Tt]ừ\s+)?(?:ngày|(?<![\w])Ngày)\s+(?:mồng\s+|mùng\s+)?",
        r"đến|tới|và|[-–—]",
        month_sep=r"\s+tháng\s+",
        year_sep=r"\s*(?:năm|,|/)\s*",
    ),
    # ngày 5 tháng 3 (năm 2023), "ngày mồng 5 tháng 11 năm 2013"
    re.compile(
        r"(?:[Nn]gày\s+(?:mồng\s+|mùng\s+)?)"
        + _D.format(n="d1")
        + r"\s+tháng\s+"
        + _M.format(n="m1")
        + r"(?:\s*(?:năm|,|/)\s*"
        + _Y.format(n="y1")
        + ")?"
    ),
    # 28/04/2022, ngày 28/4, 28-4-2022
    re.compile(
        r"(?:[Nn]gày\s+)?(?<![\d/.])"
        + _D.format(n="d1")
        + r"\s*/\s*"
        + _M.format(n="m1")
        + r"(?:\s*/\s*"
        + _Y.format(n="y1")
        + r")?(?![\d/])"
    ),
    re.compile(
        r"(?<![\d/.])"
        + _D.format(n="d1")
        + r"[.\-]"
        + _M.format(n="m1")
        + r"[.\-]"
        + _Y.format(n="y1")
        + r"(?!\d)"
    ),
    # tháng 6/2023, tháng 6 năm 2023
    re.compile(r"[Tt]háng\s+" + _M.format(n="mm") + r"\s*(?:/|năm|,)\s*" + _Y.format(n="yy")),
    # "Sáng 13-3", "chiều 2-7", "ngày 28-12": day and month joined by a dash, after a time of
    # day or "ngày" (a bare "13-3" may be a score or a count)
    # "Sáng 17.7", "Chiều ngày 15- 8": a dot as some papers write it, a space slipped in
    re.compile(
        r"(?:(?<![\w])(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Nn]gày|[Hh]ôm)\s+(?:nay\s+|qua\s+)?"
        r"(?:ngày\s+)?\(?)"
        + _D.format(n="d1")
        # "Ngày 14 – 11 tại Đắk Lắk": the dash spaced on both sides
        + r"(?:[ \t]?[-–][ \t]?|\.)"
        + _M.format(n="m1")
        + r"(?![\d/\-]|\.\d)"
    ),
    # "Trong 2 ngày 18 - 19.11", "Ngày 5 – 6.3, tại TP Cần Thơ": a span of days, the month
    # after a dot
    _day_range(
        r"(?:[Tt]ừ\s+)?(?:(?:hai|2|các|trong\s+\w+)\s+)?(?:ngày|(?<![\w])Ngày)\s+",
        r"đến|tới|và|[-–—]",
        month_sep=r"\.",
        after=r"(?![\d/\-]|\.\d)",
    ),
]

# Numbers after these words are not dates ("Nghị quyết số 12/NQ", "tỷ lệ 3/4").
_NOT_DATE_BEFORE = re.compile(r"(?:số|tỷ lệ|tỉ lệ|khoản|điểm|Điều|mục|phần|lần)\s*$", re.IGNORECASE)


def resolve_year(day: int, month: int, reference: date | None) -> date | None:
    """The date ``day/month`` nearest to ``reference`` (today if ``None``), in the future
    only within :data:`AHEAD_DAYS` (an announcement): a report published on 3 January
    about "ngày 28/12" means last December, one published on 14 September announcing
    "ngày 19/9" this September."""
    ref = reference or date.today()
    best = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if value > ref and (value - ref).days > AHEAD_DAYS:
            continue
        distance = abs((value - ref).days)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


#: how far after the publication an undated day may be (an event announced)
AHEAD_DAYS = 92


def guessed_year(value: date, reference: date | None) -> bool:
    """A day given a year other than the publication's more than :data:`AHEAD_DAYS`
    from it: "11/10" read on 13 March 2019 is 153 days back in 2018, 212 ahead in 2019;
    or a day of the next year, after the publication: "14-1" read on 15 November 2017
    (an announcement, or a slip for "14-11": the year 2018 is written nowhere)."""
    return (
        reference is not None
        and value.year != reference.year
        and (abs((value - reference).days) > AHEAD_DAYS or value > reference)
    )


def _mk(day: int, month: int, year: int | None, ref: date | None) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return resolve_year(day, month, ref)


def _int(m: re.Match, name: str) -> int | None:
    try:
        value = m.group(name)
    except IndexError:
        return None
    return int(value) if value else None


def find_dates(text: str, published: date | None = None) -> list[DateHit]:
    """Every date expression in ``text``, in order, without overlaps."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if _NOT_DATE_BEFORE.search(text[max(0, s - 12) : s]):
                continue
            hit = _resolve(m, text, published)
            if hit is None:
                continue
            hits.append(hit)
            taken.append((s, e))
    hits.sort(key=lambda h: h.start)
    return _ranges_share_year(text, hits)


#: the words joining the two ends of a range ("từ ngày 28 tháng 2 đến ngày 03 tháng 3 năm
#: 2023", "từ 30/11 đến 2/12/2022")
_RANGE_JOIN = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+)?$")


def _ranges_share_year(text: str, hits: list[DateHit]) -> list[DateHit]:
    """Two days joined as a range ("từ ngày 28 tháng 2 đến ngày 03 tháng 3 năm 2023") are
    one span; its first end, written without its year, takes the year of the second (the
    year before when its month comes later: "từ 28/12 đến 3/1/2024")."""
    out: list[DateHit] = []
    k = 0
    while k < len(hits):
        a = hits[k]
        b = hits[k + 1] if k + 1 < len(hits) else None
        if (
            b is not None
            and a.precision == "day"
            and b.precision == "day"
            and b.has_year
            and b.start - a.end <= 16
            and _RANGE_JOIN.match(text[a.end : b.start])
        ):
            first = a.first
            if not a.has_year:
                year = b.first.year - (1 if a.first.month > b.first.month else 0)
                try:
                    first = a.first.replace(year=year)
                except ValueError:
                    first = None
            if first is not None and 0 < (b.last - first).days <= 62:
                out.append(
                    DateHit(a.start, b.end, text[a.start : b.end], first, b.last, "day", True)
                )
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _resolve(m: re.Match, text: str, ref: date | None) -> DateHit | None:
    groups = m.groupdict()
    s, e = m.span()
    if "mm" in groups:
        month, year = _int(m, "mm"), _int(m, "yy")
        if not month or not 1 <= month <= 12:
            return None
        last_day = calendar.monthrange(year, month)[1]
        return DateHit(
            s, e, m.group(0), date(year, month, 1), date(year, month, last_day), "month", True
        )
    d1, m1, y1 = _int(m, "d1"), _int(m, "m1"), _int(m, "y1")
    d2, m2, y2 = _int(m, "d2"), _int(m, "m2"), _int(m, "y2")
    if d2 is None:
        first = _mk(d1, m1, y1, ref)
        if first is None:
            return None
        guess = y1 is None and guessed_year(first, ref)
        return DateHit(s, e, m.group(0), first, first, "day", y1 is not None, guessed=guess)
    if m1 is None:
        m1 = m2
    year2 = y2
    last = _mk(d2, m2, year2, ref)
    if last is None:
        return None
    year1 = y1 if y1 is not None else (last.year if (m1, d1) <= (m2, d2) else last.year - 1)
    first = _mk(d1, m1, year1, None)
    if first is None or first > last:
        return None
    has_year = y1 is not None or y2 is not None
    guess = not has_year and guessed_year(last, ref)
    return DateHit(s, e, m.group(0), first, last, "day", has_year, guessed=guess)


_DATELINE = re.compile(
    # "22/08/2024", and "22-08-2024" or "22.08.2024" (one separator throughout)
    r"(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)"
    r"(?:\s*[-,|]?\s*(?P<hh>[0-2]?\d)\s*[:h]\s*(?P<mi>[0-5]\d))?"
)


#: (not ``calendar.month_name``, which follows the process's locale)
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_ENGLISH_DATELINE = re.compile(
    rf"(?P<m>{'|'.join(_ENGLISH_MONTHS)})\s+(?P<d>[0-3]?\d),\s*(?P<y>(?:19|20)\d\d)"
)


def parse_dateline(line: str) -> date | None:
    """Publication date of a dateline such as "H.Y 28/04/2022 - 22:04 (GMT+7)".

    Only short lines that hold little else than a full date (and a time, a
    weekday, a byline or a time zone) count as datelines.
    """
    line = line.strip()
    if not line or len(line) > 80:
        return None
    english = _ENGLISH_DATELINE.fullmatch(line)
    if english:
        # "November 21, 2014": a site that dates its Vietnamese pages in English
        month = _ENGLISH_MONTHS.index(english.group("m")) + 1
        try:
            return date(int(english.group("y")), month, int(english.group("d")))
        except ValueError:
            return None
    m = _DATELINE.search(line)
    if not m:
        return None
    rest = (line[: m.start()] + " " + line[m.end() :]).strip()
    rest = re.sub(
        # "Cập nhật lúc 22:46, Thứ hai, 31/08/2015 (GMT+7)", "10:04 - Thứ Tư, 02/10/2024 Lượt
        # xem: 3673 In bài viết": the time before the date, the update word, the page's counter
        r"\(?GMT\s*[+-]\s*\d+\)?|\bThứ\s+\w+|Chủ\s+nhật|\b[0-2]?\d:[0-5]\d\b|"
        r"\bCập\s+nhật(?:\s+lúc)?|\bLượt\s+xem\s*:?\s*[\d.]+|\bIn\s+bài\s+viết|[,|\-–:]",
        " ",
        rest,
    )
    words = rest.split()
    if len(words) > 4:
        return None
    if m.group("hh") is None and not re.search(r"GMT|Thứ|Chủ nhật|Cập nhật|\d:\d", line):
        # A bare date line: accept only when nothing else is on it but a byline.
        if len(words) > 3:
            return None
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
