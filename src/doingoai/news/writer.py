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


def _capital(text: str) -> str:
    return f"{text[0].upper()}{text[1:]}" if text else text


def _lead(activity, *, unit: str, partners: list[str], agreements: list[str], at: str) -> str:
    """Who did what with whom, where: the first sentence after the date."""
    kind, with_partners = activity.kind, _join(partners)
    if kind == "delegation_out":
        lead = f"đoàn công tác của {unit} đã đến thăm, làm việc"
        return lead + (f" với {with_partners}" if with_partners else "") + at
    if kind == "delegation_in":
        lead = f"{unit} đã tiếp và làm việc với đoàn"
        return lead + (f" {with_partners}" if with_partners else " đại biểu quốc tế") + at
    if kind == "signing":
        signed = f"“{agreements[0]}”" if agreements else "thỏa thuận hợp tác"
        return (
            f"{unit}"
            + (f" và {with_partners}" if with_partners else "")
            + f" đã ký kết {signed}{at}"
        )
    lead = f"{unit} đã tổ chức {_lower_first(activity.title)}"
    if with_partners:
        lead += f" với sự tham gia của {with_partners}"
    if "truc tuyen" not in fold(activity.title):
        lead += FORMAT_WORDS.get(activity.format, "")
    return lead + at


#: how an event was held, when its title does not say it already
FORMAT_WORDS = {
    "online": " theo hình thức trực tuyến",
    "hybrid": " theo hình thức trực tiếp kết hợp trực tuyến",
}


def _participants(activity) -> str | None:
    if not activity.participants_total:
        return None
    noun = KIND_NOUNS.get(activity.kind, "hoạt động")
    sentence = f"{_capital(noun)} có sự tham dự của {activity.participants_total} đại biểu"
    if activity.participants_women:
        sentence += f", trong đó có {activity.participants_women} đại biểu nữ"
    return sentence + "."


def _resource_sentence(resource, unit: str) -> str:
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
    return sentence + "."


def _closing(activity, places) -> str:
    """The outcomes as written, or the usual closing words of the press."""
    noun = KIND_NOUNS.get(activity.kind, "hoạt động")
    if activity.outcomes:
        outcomes = activity.outcomes.strip()
        if fold(outcomes.split(" ", 1)[0]) in PURPOSE_VERBS:
            outcomes = f"{_capital(noun)} nhằm {_lower_first(outcomes)}"
        return outcomes
    countries = sorted({p.country for p in places if p.country != "VN"})
    sides = (
        "phụ nữ Việt Nam và " + _join([country_name(c, "vi") for c in countries])
        if countries
        else "các bên"
    )
    return (
        f"{_capital(noun)} góp phần tăng cường sự hiểu biết, "
        f"tình đoàn kết, hữu nghị và hợp tác giữa {sides}."
    )


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
    place_text = where(places)
    lead = _lead(
        activity,
        unit=unit,
        partners=partners,
        agreements=agreements,
        at=f" tại {place_text}" if place_text else "",
    )
    date_text = when(activity.start_date, activity.end_date)
    paragraphs = [f"{date_text}, {lead}." if date_text else f"{_capital(lead)}."]
    if agreements and activity.kind != "signing":
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
    paragraphs += [s for s in [_participants(activity)] if s]
    paragraphs += [_resource_sentence(r, unit) for r in resources]
    paragraphs += [_closing(activity, places), unit]
    return activity.title, "\n\n".join(paragraphs)
