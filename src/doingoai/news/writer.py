"""Writing a news draft from an activity, in the usual style of the organization's
press: who, what, when, where, with whom, what was agreed or given.

The text is Vietnamese whatever the interface language: it is written for the
Vietnamese press. Amounts are formatted the Vietnamese way (40.000.000 ₫).
"""

from __future__ import annotations

import re
from datetime import date

from doingoai.core.countries import country_name, subdivision_name
from doingoai.core.text import fold

KIND_NOUNS = {
    "delegation_out": "chuyến công tác",
    "delegation_in": "buổi tiếp đoàn",
    "conference": "hội nghị",
    "review_meeting": "hội nghị",
    "workshop": "hội thảo",
    "signing": "lễ ký kết",
    "exhibition": "triển lãm",
    "ceremony": "buổi lễ",
    "online_event": "sự kiện",
    "aid_handover": "buổi trao tặng",
    "other": "hoạt động",
}


# countries whose first-level divisions Vietnamese calls "tỉnh"
PROVINCE_COUNTRIES = {"LA", "KH", "TH", "CN", "MN", "PH", "ID"}
# outcomes that start with one of these verbs read "<the activity> nhằm ..."
PURPOSE_VERBS = {
    "tang",
    "gop",
    "thuc",
    "nang",
    "day",
    "mo",
    "cung",
    "tao",
    "huong",
    "ho",
    "chia",
    "trao",
    "ket",
    "phat",
    "quang",
}


_GIVING_VERB = re.compile(
    r"^(?:trao\s+tặng|trao|tặng|bàn\s+giao|hỗ\s+trợ|tiếp\s+nhận|"
    r"nhận)\s+",
    re.IGNORECASE,
)


def _day(d: date) -> str:
    return f"{d.day}/{d.month}"


def when(start: date | None, end: date | None) -> str:
    """ "Ngày 28/4/2022", "Từ ngày 25/6 đến ngày 1/7/2024", "Từ ngày 30/12/2023 đến
    ngày 2/1/2024"."""
    if start is None:
        return ""
    if end is None or end == start:
        return f"Ngày {_day(start)}/{start.year}"
    if start.year == end.year:
        return f"Từ ngày {_day(start)} đến ngày {_day(end)}/{end.year}"
    return f"Từ ngày {_day(start)}/{start.year} đến ngày {_day(end)}/{end.year}"


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def where(places) -> str:
    """ "các tỉnh Attapeu, Sê Kông, Salavan và Chămpasăk (Lào)", "thành phố Hà Nội"."""
    by_country: dict[str, list[str]] = {}
    for place in places:
        label = place.city or ""
        sub = subdivision_name(place.subdivision) if place.subdivision else ""
        if sub and label and (fold(label) in fold(sub) or fold(sub) in fold(label)):
            label = label if len(label) <= len(sub) else sub
        elif sub and label:
            label = f"{label}, {sub}"
        elif sub:
            label = sub
        by_country.setdefault(place.country, [])
        if label and label not in by_country[place.country]:
            by_country[place.country].append(label)
    parts = []
    for country, labels in by_country.items():
        name = country_name(country, "vi")
        if country == "VN":
            parts.append(_join(labels) or name)
        elif labels:
            prefix = ""
            if len(labels) > 1:
                prefix = "các tỉnh " if country in PROVINCE_COUNTRIES else "các địa phương "
            parts.append(f"{prefix}{_join(labels)} ({name})")
        else:
            parts.append(name)
    return "; ".join(parts)


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _money(resource) -> str:
    from doingoai.resources.money import format_money

    total = format_money(resource.amount, resource.currency)
    if resource.quantity and resource.quantity != 1:
        unit_value = format_money(resource.unit_value, resource.currency)
        quantity = f"{resource.quantity.normalize():f}"
        return f"{total} ({quantity} × {unit_value})"
    return total


def write_article(activity, *, resources=None, events=None) -> tuple[str, str]:
    """(headline, text) of a news draft about ``activity``."""
    unit = activity.unit.name
    partners = [p.name_vi for p in activity.partners.all()]
    places = list(activity.places.all())
    agreements = [a.title for a in activity.agreements.all()]
    if resources is None:
        resources = list(activity.resources.all()) if hasattr(activity, "resources") else []
    if events is None:
        events = list(activity.events.order_by("start_date", "pk"))
    kind = activity.kind
    place_text = where(places)
    at = f" tại {place_text}" if place_text else ""
    with_partners = _join(partners)
    date_text = when(activity.start_date, activity.end_date)
    title_lc = _lower_first(activity.title)

    if kind == "delegation_out":
        lead = f"đoàn công tác của {unit} đã đến thăm, làm việc"
        lead += f" với {with_partners}" if with_partners else ""
        lead += at
    elif kind == "delegation_in":
        lead = f"{unit} đã tiếp và làm việc với đoàn"
        lead += f" {with_partners}" if with_partners else " đại biểu quốc tế"
        lead += at
    elif kind == "signing":
        signed = f"“{agreements[0]}”" if agreements else "thỏa thuận hợp tác"
        lead = f"{unit}"
        lead += f" và {with_partners}" if with_partners else ""
        lead += f" đã ký kết {signed}{at}"
    else:
        lead = f"{unit} đã tổ chức {title_lc}"
        if with_partners:
            lead += f" với sự tham gia của {with_partners}"
        if "truc tuyen" in fold(activity.title):
            pass
        elif activity.format == "online":
            lead += " theo hình thức trực tuyến"
        elif activity.format == "hybrid":
            lead += " theo hình thức trực tiếp kết hợp trực tuyến"
        lead += at
    paragraphs = [f"{date_text}, {lead}." if date_text else f"{lead[0].upper()}{lead[1:]}."]

    if agreements and kind != "signing":
        quoted = _join([f"“{a}”" for a in agreements])
        paragraphs.append(f"Hoạt động nằm trong khuôn khổ thực hiện {quoted}.")
    if events:
        items = "; ".join(_lower_first(e.title) for e in events)
        paragraphs.append(f"Trong khuôn khổ chương trình, các đại biểu đã tham gia: {items}.")
    if activity.topics:
        paragraphs.append(
            "Tại đây, các đại biểu đã trao đổi, chia sẻ kinh nghiệm về "
            f"{_join([_lower_first(t) for t in activity.topics])}."
        )
    if activity.participants_total:
        noun = KIND_NOUNS.get(kind, "hoạt động")
        sentence = (
            f"{noun[0].upper()}{noun[1:]} có sự tham dự của {activity.participants_total} đại biểu"
        )
        if activity.participants_women:
            sentence += f", trong đó có {activity.participants_women} đại biểu nữ"
        paragraphs.append(sentence + ".")
    for resource in resources:
        beneficiaries = resource.beneficiaries or (
            resource.partner.name_vi if resource.partner_id else ""
        )
        what = _GIVING_VERB.sub("", _lower_first(resource.title)) or _lower_first(resource.title)
        if resource.direction == "given":
            sentence = f"Dịp này, {unit} đã trao tặng {what}, trị giá {_money(resource)}"
            if beneficiaries and " cho " not in f" {what} ":
                sentence += f" cho {_lower_first(beneficiaries)}"
        else:
            donor = resource.partner.name_vi if resource.partner_id else "các đối tác"
            sentence = f"Dịp này, {donor} đã hỗ trợ {unit} {what}, trị giá {_money(resource)}"
        paragraphs.append(sentence + ".")
    if activity.outcomes:
        outcomes = activity.outcomes.strip()
        first = fold(outcomes.split(" ", 1)[0])
        if first in PURPOSE_VERBS:
            noun = KIND_NOUNS.get(kind, "hoạt động")
            outcomes = f"{noun[0].upper()}{noun[1:]} nhằm {_lower_first(outcomes)}"
        paragraphs.append(outcomes)
    else:
        noun = KIND_NOUNS.get(kind, "hoạt động")
        countries = sorted({p.country for p in places if p.country != "VN"})
        sides = (
            "phụ nữ Việt Nam và " + _join([country_name(c, "vi") for c in countries])
            if countries
            else "các bên"
        )
        paragraphs.append(
            f"{noun[0].upper()}{noun[1:]} góp phần tăng cường sự hiểu biết, "
            f"tình đoàn kết, hữu nghị và hợp tác giữa {sides}."
        )
    paragraphs.append(unit)
    return activity.title, "\n\n".join(paragraphs)
