"""Reading a Vietnamese news article into the facts of a draft activity.

``extract(text, title=None, published=None)`` finds, with plain rules and
the gazetteer (no model, no database):

- ``kind`` of the main activity, and for a trip the ``events`` within it;
- ``start_date`` / ``end_date`` (see :mod:`doingoai.news.dates` for the
  forms and the year rule; a month-only date gives the first and last day of
  the month and ``date_precision == "month"``);
- ``units``: units of the Women's Union (Hội LHPN) as written;
- ``partners``: foreign and international organisations as written; a list
  such as "Hội LHPN các tỉnh Attapeu, Sê Kông" is expanded to one partner per
  province, and a collective name ("Hội LHPN 4 tỉnh Nam Lào") is dropped when
  its members are named;
- ``places``: the places below country level where the activity took place,
  foreign or Vietnamese, as first written with their level word ("thủ đô Phnom
  Penh", "huyện Tràng Định", "Trạm kiểm soát cửa khẩu quốc tế Nam Giang"): after a
  location word ("tại", "ở", "đến" ...) or after such a place in an address;
  ``countries`` (ISO 3166-1, foreign only) and ``subdivisions`` (ISO 3166-2);
- ``overseas``: overseas Vietnamese associations ("Hội Phụ nữ Việt Nam tại
  Hungary"), neither units nor partners;
- ``amounts`` with their direction (``received`` from partners, ``given`` to
  them), ``agreement`` (the cooperation agreement named), ``topics``;
- ``spans``: ``(field, start, end)`` offsets into ``text`` for highlighting.
  Offsets index the NFC form of ``text`` (the same string for ordinary input).

Page furniture, captions, datelines and bylines (see
:func:`doingoai.news.documents.segment`) are skipped but keep their offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from doingoai.core.text import fold, squash

from . import model
from .amounts import Amount, find_amounts, is_approximate
from .amounts import sentence_start as _sentence_start
from .dates import DateHit, find_dates
from .documents import segment
from .gazetteer import (
    VI_SYLLABLE,
    PlaceHit,
    PlaceMatch,
    find_places,
    fold_with_offsets,
    match_place,
    vietnamese_locality_names,
)

__all__ = ["KINDS", "Event", "Extraction", "extract"]

KINDS = (
    "delegation_out",
    "delegation_in",
    "conference",
    "review_meeting",
    "workshop",
    "signing",
    "exhibition",
    "ceremony",
    "online_event",
    "aid_handover",
    "other",
)

JSON_KEYS = (
    "title",
    "published",
    "start_date",
    "end_date",
    "kind",
    "units",
    "partners",
    "places",
    "countries",
    "amounts",
    "agreement",
)


@dataclass
class Event:
    kind: str
    label: str
    place: str | None = None
    start: int = 0
    end: int = 0

    def to_json(self) -> dict:
        return {"kind": self.kind, "label": self.label, "place": self.place}


@dataclass
class Extraction:
    title: str | None = None
    published: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    date_precision: str | None = None
    kind: str = "other"
    units: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    subdivisions: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    #: sums the amount selector takes for background (another project, a period's total):
    #: listed for the officer, unticked (``model.amount_probability``)
    amounts_aside: list[Amount] = field(default_factory=list)
    agreement: str | None = None
    topics: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    #: fields the reader could not fill with confidence, for the officer to check first
    unsure: list[str] = field(default_factory=list)
    #: why each of them is unsure: field -> reason (see :data:`DOUBTS`)
    doubts: dict[str, str] = field(default_factory=dict)
    #: the date as written when its year is nowhere (text, dateline, publication date)
    date_without_year: str | None = None
    #: overseas Vietnamese women's associations ("Hội Phụ nữ Việt Nam tại Hungary"):
    #: neither units of the union nor foreign partners
    overseas: list[str] = field(default_factory=list)
    #: what the kind classifier reads (headline, body) and the rules' own kind, before the
    #: classifier has its say (bench/news_kind.py trains on them; not part of the JSON)
    kind_reading: tuple = field(default=(), repr=False, compare=False)

    def doubt(self, name: str, reason: str) -> None:
        """Mark field ``name`` unsure, for ``reason`` (the first reason given is kept)."""
        if name not in self.unsure:
            self.unsure.append(name)
        self.doubts.setdefault(name, reason)

    def to_json(self) -> dict:
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "title": self.title,
            "published": iso(self.published),
            "start_date": iso(self.start_date),
            "end_date": iso(self.end_date),
            "kind": self.kind,
            "units": list(self.units),
            "partners": list(self.partners),
            "places": list(self.places),
            "countries": list(self.countries),
            "amounts": [a.to_json() for a in self.amounts],
            "amounts_aside": [a.to_json() for a in self.amounts_aside],
            "agreement": self.agreement,
            "subdivisions": list(self.subdivisions),
            "topics": list(self.topics),
            "date_precision": self.date_precision,
            "events": [e.to_json() for e in self.events],
            "spans": [list(s) for s in self.spans],
            "unsure": list(self.unsure),
            "doubts": dict(self.doubts),
            "date_without_year": self.date_without_year,
            "overseas": list(self.overseas),
        }


# --- organisations ---------------------------------------------------------------

#: "Trung ương Hội ...", "TW Hội ...", "TƯ Hội ...": the central union, named as written
_CENTRAL = r"(?:Trung\s+ương|Trung\s+Ương|TW|T\.Ư\.?|TƯ|T\.W)\s+"
#: the bodies like the union abroad, a youth union and a trade union ("Tỉnh Đoàn Savannakhet",
#: "Đoàn Thanh niên NDCM Lào tỉnh Salavan", "Liên hiệp Công đoàn tỉnh Salavan", the Chinese
#: "Tổng Công hội tỉnh Vân Nam"); a Vietnamese one names no foreign place and is dropped
#: like every other body. A bare "Đoàn" (a delegation, mostly) is a head only before "Lào".
_YOUTH_HEAD = (
    rf"(?:(?:Tỉnh|Thành|Khu)\s+[Đđ]oàn(?:\s+[Tt]hanh\s+niên)?|"
    rf"(?:{_CENTRAL})?(?:Đoàn\s+[Tt]hanh\s+niên|Đoàn\s+TNCS|Đoàn(?=\s+Lào\b)))"
)
_TRADE_UNION_HEAD = rf"(?:(?:{_CENTRAL})?(?:Liên\s+hiệp\s+|Tổng\s+)?Công\s+đoàn|Tổng\s+Công\s+hội)"
_WU_HEAD = (
    # "Hội liên hiệp phụ nữ Việt Nam", "Hội Liên Hiệp Phụ Nữ": the press writes it in any case,
    # and sometimes with a slipped mark ("Hội Liên hiêp phụ nữ Việt Nam")
    # "Hội LH Phụ nữ VN": the union's acronym half written out
    rf"(?:{_CENTRAL})?(?:Hội\s+LHPN\s*VN\b|Hội\s+(?i:liên\s+hi[ệêe]p\s+phụ\s+nữ)|Hội\s+LHPN|"
    r"Hội\s+LH\s+(?i:phụ\s+nữ)|"
    r"Hội\s+Phụ\s+nữ|Liên\s+hiệp\s+Phụ\s+nữ|Hội\s+phụ\s+nữ|"
    r"Liên\s+hiệp\s+Hội\s+Phụ\s+nữ|Tổ\s+chức\s+Phụ\s+nữ|Liên\s+đoàn\s+Phụ\s+nữ|"
    r"Hiệp\s+hội\s+Phụ\s+nữ)"
)
#: a capital letter that starts a name
_CAP = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]"
#: a party's central commissions, named for what they do ("Ban Đối ngoại Trung ương Đảng")
_PARTY_COMMISSIONS = r"Đối\s+ngoại|Tổ\s+chức|Tuyên\s+giáo|Dân\s+vận|Kinh\s+tế"
#: a party, one of its commissions or its central committee, up to the word "Đảng"
_PARTY_BODY = rf"(?:Ban\s+(?:{_PARTY_COMMISSIONS}|[Cc]hấp\s+hành)\s+(?:Trung\s+ương\s+)?)?Đảng"
_OTHER_HEAD = (
    # a foreign state's authorities, named by its country: "các cơ quan chức năng của
    # Micronesia", "lực lượng chức năng Micronesia", "hải quân Trung Quốc", "công an Dubai"
    r"(?:(?:[Cc]ác\s+)?(?:[Cc]ơ\s+quan\s+(?:chức\s+năng|hữu\s+quan)|[Ll]ực\s+lượng\s+chức\s+năng)"
    r"(?:\s+của)?(?=\s+[A-ZĐ])|[Hh]ải\s+quân|"
    # "Hải quan Lào", "Hải quan Côn Minh (Trung Quốc)": a foreign state's customs
    r"Hải\s+quan(?!\s+viên)|[Cc]ông\s+an(?!\s+nhân\s+dân)|[Cc]ảnh\s+sát|"
    # "Lực lượng Phòng vệ Bờ biển Nhật Bản", "Tuần duyên Hoa Kỳ": a foreign state's forces
    r"Lực\s+lượng|Tuần\s+duyên|"
    r"Hiệp\s+hội|Liên\s+đoàn|Đại\s+[Ss]ứ\s+[Qq]uán|(?i:Tổng\s+Lãnh\s+sự\s+quán)|"
    r"(?i:Lãnh\s+sự\s+quán)|Trường\s+Đại\s+học|Đại\s+học|Sở|Bộ(?!\s+trưởng)|Ủy\s+ban|"
    r"Uỷ\s+ban|Mặt\s+trận|[Cc]hính\s+quyền|(?<![Pp]hi\s)Chính\s+[Pp]hủ|Quỹ|Phòng\s+Thương\s+mại|"
    # "viện trợ không hoàn lại của chính phủ Nhật Bản": the press writes it in lower case
    # (not "tổ chức phi chính phủ Plan": a kind of body)
    rf"(?<![Pp]hi\s)(?<=\s)chính\s+phủ(?=[ \t]+{_CAP})|"
    # "Tổ chức Diễn đàn ...", "Tổ chức Lễ ...": the verb "to organise", not an organisation
    r"Tổ\s+chức(?!\s+(?:Diễn\s+đàn|Hội\s+nghị|Hội\s+thảo|Lễ|Tọa\s+đàm|Toạ\s+đàm|Đại\s+hội|"
    r"[Cc]hương\s+trình|[Tt]riển\s+lãm|[Hh]ội\s+chợ))|"
    # "phối hợp với tổ chức Hagar Quốc tế": the noun after a preposition, before a name
    r"(?:(?<=với\s)|(?<=của\s)|(?<=và\s)|(?<=giữa\s)|(?<=cùng\s))tổ\s+chức"
    r"(?=\s+(?!(?:Diễn\s+đàn|Hội|Lễ|Tọa\s+đàm|Toạ\s+đàm|Đại\s+hội|Chương\s+trình|Triển\s+lãm)\b)"
    rf"{_CAP})|"
    r"Viện|Trung\s+tâm|Cơ\s+quan|Tập\s+đoàn|[Cc]ông\s+ty|Thượng\s+viện|Ngân\s+hàng|"
    # "Văn phòng MIA Hoa Kỳ", "Văn phòng Quốc hội Lào", "Bệnh viện thực hành Clermont-Ferrand"
    # (not the office of a post or of a Vietnamese body: "Văn phòng Tổng thống Hàn Quốc",
    # "Văn phòng Trung ương Liên minh ...", "Văn phòng UBND tỉnh")
    r"Văn\s+phòng(?=\s+[A-ZĐ])(?!\s+(?:Tổng\s+thống|Thủ\s+tướng|Phó|Chủ\s+tịch|Trung\s+ương|"
    r"T\.Ư|TƯ|TW|Ngoại\s+sự|Thường\s+trực|UBND|HĐND|Chính\s+phủ|Bộ|Tỉnh|Thành)\b)|"
    r"Bệnh\s+viện|"
    # "Đảng Cộng sản Trung Quốc", "Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào": a
    # foreign party and its central commissions
    rf"{_PARTY_BODY}(?=\s+(?:Cộng\s+sản|Nhân\s+dân|Xã\s+hội|Dân\s+chủ|Lao\s+động|"
    r"Tự\s+do|Bảo\s+thủ|Công\s+nhân)\b)|"
    # "Cục Lưu trữ Pháp", "Tổng cục Văn hóa Nhật Bản": a foreign state's department (the
    # name must reach a foreign place, as every head's here)
    r"Tổng\s+[Cc]ục(?!\s+trưởng)|Cục(?!\s+trưởng)|"
    # the bodies like the union abroad (above) and "Chính hiệp tỉnh Vân Nam"
    rf"{_YOUTH_HEAD}|{_TRADE_UNION_HEAD}|Chính\s+hiệp|"
    r"Hạ\s+viện|Quốc\s+hội|Hội\s+đồng|Mạng\s+lưới|Hội\s+người\s+Việt|Liên\s+minh|"
    # "Liên hiệp các hội văn hóa nghệ thuật thành phố Daegu"
    r"Liên\s+hiệp\s+các\s+(?i:hội|tổ\s+chức)|"
    r"Hội(?=\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|\s+chữ\s+thập\s+đỏ\b|\s+hữu\s+nghị\b|"
    # "Hội nhà văn Lào", "Hội chữ Thập đỏ Hà Lan": a profession's association in lower case
    r"\s+(?i:nhà\s+(?:văn|báo|thơ)|nghệ\s+sĩ|nhạc\s+sĩ|họa\s+sĩ|mỹ\s+thuật|nhiếp\s+ảnh|"
    r"điện\s+ảnh|kiến\s+trúc\s+sư|luật\s+gia|y\s+học|doanh\s+nhân|cựu\s+chiến\s+binh|"
    r"nông\s+dân|sinh\s+viên|chữ\s+thập\s+đỏ)\b))"
)
#: a post whose holder's name may follow the body it is of ("Bộ trưởng Bộ Ngoại giao
#: Trung Quốc Vương Nghị", "Chủ tịch Hội Phụ nữ Lào ...")
_POST_BEFORE = re.compile(
    r"(?i:(?:phó\s+|thứ\s+)?(?:bộ\s+trưởng|thứ\s+trưởng|chủ\s+tịch|giám\s+đốc|cục\s+trưởng|"
    r"viện\s+trưởng|hiệu\s+trưởng|trưởng\s+ban|đại\s+sứ|thống\s+đốc|thị\s+trưởng|"
    r"tỉnh\s+trưởng|tổng\s+thư\s+ký|bí\s+thư))[ \t]+$"
)
#: lower-case words that end an organisation's name ("... Hàn Quốc đã trao", "với")
_NAME_STOP = {
    "với",
    "của",
    "đã",
    "đang",
    "sẽ",
    "là",
    "được",
    "bị",
    "cho",
    "đến",
    "tới",
    "sang",
    "để",
    "nhằm",
    "do",
    "về",
    "có",
    "từ",
    "trong",
    "theo",
    "cùng",
    "tiếp",
    "làm",
    "thăm",
    "dự",
    "gặp",
    "tổ",
    "ký",
    "trao",
    "tặng",
    "nhận",
    "phối",
    "tham",
    "chủ",
    "đồng",
    "bà",
    "ông",
    "chị",
    "anh",
    "các",
    "những",
    "này",
    "đó",
    "khi",
    "sau",
    "trước",
    "nhân",
    "vào",
    "tại",
    "ở",
    "mà",
    "như",
    "thì",
    "hay",
    "hoặc",
    "giữa",
    "ngày",
    "năm",
    "tháng",
}
_HEAD_RE = re.compile(rf"(?P<wu>{_WU_HEAD})|(?P<other>{_OTHER_HEAD})")
#: a count before a level word: "các tỉnh", "4 tỉnh", "hai tỉnh"
_COUNT = r"(?:các|\d+|hai|ba|bốn|năm)"
_LEVEL = (
    r"(?:TP\.?|(?i:tỉnh|thành\s+phố|thủ\s+đô|huyện|xã|phường|thị\s+xã|thị\s+trấn|"
    r"quận|bản|cụm\s+bản|khu\s+vực|vùng|khu\s+tự\s+trị(?:\s+dân\s+tộc\s+\w+)?[ \t]*-?))"
)
#: an acronym inserted after the head ("Hội Liên hiệp Phụ nữ (LHPN) tỉnh Gia Lai"): dropped
_INSERTED_ACRONYM = re.compile(r"\s*\((?:LHPN|LHPNVN|LHPN\s+VN)\)")
#: centrally-run cities: a list "Hội LHPN 15 tỉnh, thành: Hà Nội, ..." gives "Hội LHPN TP Hà Nội"
_CENTRAL_CITIES = {"01", "79", "48", "31", "92"}
#: an overseas Vietnamese women's association ("Hội Phụ nữ Việt Nam tại Hungary", "...
#: thành phố Kiev", "Liên Hiệp hội Phụ nữ Việt Nam tại Châu Âu"): neither a unit nor a partner
_OVERSEAS_TAIL = re.compile(
    r"[ \t]+(?:Việt\s+Nam|VN)[ \t]+(?:tại|ở|thành\s+phố|vùng|khu\s+vực)[ \t]+"
    # "Liên hiệp Hội Phụ nữ Việt Nam tại châu Âu": a continent written in lower case
    r"(?:châu[ \t]+)?"
    r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸ][\w-]*"
    r"(?:[ \t]+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸ][\w-]*)*"
)
_LOWER_OK = {
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "xã",
    "phường",
    "quận",
    "thị",
    "trấn",
    "các",
    "vì",
    "cấp",
    "hiệp",
    "nữ",
    "nghiệp",
    "quán",
    "sự",
    "học",
    "tế",
    "quốc",
    "dân",
    "chủ",
    "nhân",
    "hòa",
    "hoà",
    "bình",
    "phát",
    "triển",
    "tộc",
    "ương",
    "đô",
    "ngoại",
    "vụ",
    "thương",
    "mại",
    "công",
    "doanh",
    "hội",
    "bản",
    "khu",
    "vực",
    "vùng",
    "trị",
}
# International organisations: alias -> ISO country of the organisation ("" if none).
KNOWN_PARTNERS: dict[str, str] = {
    "UN Women": "",
    "UNFPA": "",
    "UNDP": "",
    "UNICEF": "",
    "UNESCO": "",
    "UNHCR": "",
    "UNODC": "",
    "UNAIDS": "",
    "WHO": "",
    "FAO": "",
    "ILO": "",
    "IOM": "",
    "IFAD": "",
    # the rest of the United Nations' specialised and related agencies the press names by
    # their acronyms
    "IAEA": "",
    "WMO": "",
    "ICAO": "",
    "IMO": "",
    "ITU": "",
    "WIPO": "",
    "UPU": "",
    "UNWTO": "",
    "IMF": "",
    # international agricultural research centres (the CGIAR's), the press names by acronym
    "CGIAR": "",
    "IRRI": "",
    "CIAT": "",
    "CIMMYT": "",
    "IWMI": "",
    "WorldFish": "",
    # Australia's agricultural research centre, which funds research in Việt Nam
    "ACIAR": "AU",
    # foreign trade agencies, chambers of commerce and patent offices by acronym
    "JETRO": "JP",
    "KOTRA": "KR",
    "AmCham": "US",
    "KOCHAM": "KR",
    "KORCHAM": "KR",
    "JCCI": "JP",
    "KIPO": "KR",
    "JPO": "JP",
    "EUIPO": "",
    "MASHAV": "IL",
    # the United Kingdom's cultural agency, by its Vietnamese name too
    "British Council": "GB",
    "Hội đồng Anh": "GB",
    "KOICA": "KR",
    "KOFIH": "KR",
    "JICA": "JP",
    "USAID": "US",
    "GIZ": "DE",
    "AusAID": "AU",
    "DFAT": "AU",
    "Oxfam": "",
    "CARE International": "",
    "CARE": "",
    "ActionAid": "",
    "Plan International": "",
    "World Vision": "",
    "Save the Children": "",
    "Tổ chức Cứu trợ trẻ em": "",
    "Adoptionscentrum": "",
    "Quỹ Châu Á": "",
    "The Asia Foundation": "",
    "Hanns Seidel": "DE",
    "Friedrich Ebert": "DE",
    "Rosa Luxemburg": "DE",
    "Konrad Adenauer": "DE",
    "ADB": "",
    "Ngân hàng Thế giới": "",
    "World Bank": "",
    "Liên minh châu Âu": "",
    "Liên minh Châu Âu": "",
    "EU": "",
    "Good Neighbors": "",
    "ChildFund": "",
    "Helvetas": "CH",
    "SNV": "NL",
    "Pathfinder": "",
    "Marie Stopes": "",
    "Mercy Corps": "",
    "Caritas": "",
    "Heifer": "",
    "Habitat for Humanity": "",
    "ACWO": "",
    "WIDF": "",
    "Korea Foundation": "KR",
    "Liên đoàn Phụ nữ Dân chủ Quốc tế": "",
    "Tầm nhìn Thế giới": "",
    # agencies and NGOs the press names by acronym or short name
    "SIDA": "SE",
    "Sida": "SE",
    "Forum Syd": "SE",
    "Danida": "DK",
    "NORAD": "NO",
    "Enabel": "BE",
    "AFD": "FR",
    "EMWF": "",
    "TAF": "",
    "KWDI": "KR",
    "KOCUN": "KR",
    "Kocun": "KR",
    "Plan Quốc tế": "",
    "PLAN": "",
    # the Vietnamese names of agencies the press also names in full
    "Quỹ Dân số Liên hợp quốc": "",
    "Quỹ Dân số Liên hiệp quốc": "",
    "Quỹ Nhi đồng Liên hợp quốc": "",
    "Quỹ Nhi đồng Liên hiệp quốc": "",
    "Chương trình Phát triển Liên hợp quốc": "",
    "Chương trình Phát triển Liên hiệp quốc": "",
    "Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho phụ nữ": "",
    "Cơ quan Phụ nữ Liên hợp quốc": "",
    "Cơ quan Phụ nữ LHQ": "",
    "Tổ chức Phụ nữ Liên hợp quốc": "",
    "Tổ chức Phụ nữ Liên hiệp quốc": "",
    "Tổ chức Di cư Quốc tế": "",
    "Trung tâm Chính sách Nhân quyền Liên hợp quốc": "KR",
    "Trung tâm Chính sách Nhân quyền Liên hiệp quốc": "KR",
    # international NGOs, foundations and agencies long at work in Việt Nam that the press
    # names without a head word ("do WWF tài trợ", "MAG và UBND tỉnh ký kết"); a country
    # only for a government's agency (an NGO's or a foundation's only when the text says)
    "WWF": "",
    "IUCN": "",
    "WCS": "",
    "Fauna & Flora International": "",
    "FFI": "",
    "HelpAge International": "",
    "HelpAge": "",
    "Humanity & Inclusion": "",
    "Terre des Hommes": "",
    "Aide et Action": "",
    "VSO": "",
    "PSI": "",
    "PATH": "",
    "FHI 360": "",
    "FHI360": "",
    "Quỹ Bill và Melinda Gates": "",
    "Quỹ Bill & Melinda Gates": "",
    "Bill & Melinda Gates Foundation": "",
    "World Share": "KR",
    "Quỹ Khí hậu Xanh": "",
    "VinaCapital Foundation": "",
    "Quỹ tài trợ VinaCapital": "",
    "VCF": "",
    "Johnson & Johnson": "US",
    "Catholic Relief Services": "",
    "ADRA": "",
    "East Meets West": "",
    "Room to Read": "",
    "Operation Smile": "",
    "AIP Foundation": "",
    "MAG": "",
    "PeaceTrees": "",
    "Project RENEW": "",
    "Norwegian People's Aid": "",
    "NPA": "",
    "Quỹ Ford": "",
    "Ford Foundation": "",
    "Atlantic Philanthropies": "",
    "PEPFAR": "US",
    "UNEP": "",
    "UN-Habitat": "",
    "UNIDO": "",
    "WFP": "",
    "UNV": "",
    "OHCHR": "",
    "IFRC": "",
    "ICRC": "",
    "GGGI": "",
    "AECID": "ES",
    "FIDR": "",
    "JOICFP": "",
    "KfW": "DE",
    "Swisscontact": "",
    "Irish Aid": "IE",
    "LuxDev": "LU",
    "Lux-Development": "LU",
    "DFID": "GB",
    "FCDO": "GB",
    "Global Affairs Canada": "CA",
    # government agencies by their Vietnamese names ("Cơ quan Hợp tác quốc tế Nhật Bản
    # (JICA)", or without the acronym): one body with the acronym
    "Cơ quan Hợp tác Quốc tế Nhật Bản": "JP",
    "Tổ chức Hợp tác Quốc tế Nhật Bản": "JP",
    "Cơ quan Hợp tác Quốc tế Hàn Quốc": "KR",
    "Cơ quan Phát triển Quốc tế Hoa Kỳ": "US",
    "Cơ quan Phát triển Quốc tế Mỹ": "US",
    "Cơ quan Phát triển Quốc tế Australia": "AU",
    "Cơ quan Phát triển Quốc tế Úc": "AU",
    "Tổ chức Hợp tác Quốc tế Đức": "DE",
    "Cơ quan Hợp tác Quốc tế Đức": "DE",
    # "Ban Thư ký ASEAN"; "Quỹ Toàn cầu phòng chống AIDS, Lao và Sốt rét", also "Quỹ toàn
    # cầu" alone
    "Ban Thư ký ASEAN": "",
    "Quỹ Toàn cầu phòng chống AIDS, Lao và Sốt rét": "",
    "Quỹ Toàn cầu": "",
    "Quỹ toàn cầu": "",
    "Global Fund": "",
    # short names of two NGOs above ("tổ chức Habitat Việt Nam", "Quỹ AIP")
    "Habitat": "",
    "AIP": "",
    # the European Commission; two agencies the press names by acronym (the US disaster
    # aid office, Germany's research ministry)
    "Ủy ban châu Âu": "",
    "Ủy ban Châu Âu": "",
    "EC": "",
    "OFDA": "US",
    "BMBF": "DE",
    # technology companies whose programmes (online safety, digital skills) the press
    # names without a head word ("buổi trao đổi Cafe cùng Google"); not one named as a
    # tool ("trang Facebook", "BAOTAYNINH.VN trên Google News": see _known_pattern)
    "Google": "",
    "Meta": "",
    "TikTok": "",
    "Intel": "",
    "Qualcomm": "",
    "Cisco": "",
    # Germany's development ministry and Korea's development fund, by their acronyms; the
    # Mekong River Commission (not "MRC" alone: also a migrants' resource centre) and the
    # European Chamber of Commerce
    "BMZ": "DE",
    "EDCF": "KR",
    "Ủy hội sông Mê Công quốc tế": "",
    "Uỷ hội sông Mê Công quốc tế": "",
    "Ủy hội sông Mê Kông quốc tế": "",
    "Uỷ hội sông Mê Kông quốc tế": "",
    "EuroCham": "",
    # Taipei's office, also written "văn phòng ..." in lower case; India's ministry of
    # traditional medicine
    "Văn phòng Kinh tế và Văn hóa Đài Bắc": "TW",
    "AYUSH": "IN",
    "Bộ AYUSH": "IN",
    # the US Peace Corps in Vietnamese, with a capital "Hòa bình" (see _CASE_KEPT)
    "Chương trình Hòa bình": "US",
    "Chương trình Hoà bình": "US",
}

#: the United Nations' agencies, banks and the Red Cross by their official Vietnamese names
#: ("Tổ chức Y tế Thế giới", written as often as "WHO"): name -> the acronym, whose body
#: they name (each name with "Liên hợp quốc" is also known with "Liên hiệp quốc"); known
#: partners, read where the acronym would be
_UN_NAMES = {
    "Tổ chức Y tế Thế giới": "WHO",
    "Tổ chức Lao động Quốc tế": "ILO",
    "Tổ chức Nông lương Liên hợp quốc": "FAO",
    "Tổ chức Lương thực và Nông nghiệp Liên hợp quốc": "FAO",
    "Chương trình Lương thực Thế giới": "WFP",
    "Ngân hàng Phát triển châu Á": "ADB",
    "Quỹ Quốc tế về Phát triển Nông nghiệp": "IFAD",
    "Cơ quan Năng lượng nguyên tử quốc tế": "IAEA",
    "Tổ chức Khí tượng Thế giới": "WMO",
    "Tổ chức Hàng không dân dụng quốc tế": "ICAO",
    "Tổ chức Hàng hải quốc tế": "IMO",
    "Liên minh Viễn thông quốc tế": "ITU",
    "Tổ chức Sở hữu trí tuệ thế giới": "WIPO",
    "Liên minh Bưu chính Thế giới": "UPU",
    "Quỹ Tiền tệ Quốc tế": "IMF",
    "Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc": "UNESCO",
    "Cao ủy Liên hợp quốc về người tị nạn": "UNHCR",
    "Văn phòng Liên hợp quốc về Ma túy và Tội phạm": "UNODC",
    "Văn phòng Liên hợp quốc về chống Ma túy và Tội phạm": "UNODC",
    "Cơ quan Phòng chống Ma túy và Tội phạm Liên hợp quốc": "UNODC",
    "Cơ quan Phòng, chống Ma túy và Tội phạm Liên hợp quốc": "UNODC",
    "Chương trình Môi trường Liên hợp quốc": "UNEP",
    "Tổ chức Phát triển Công nghiệp Liên hợp quốc": "UNIDO",
    "Chương trình Tình nguyện Liên hợp quốc": "UNV",
    "Ủy ban Chữ thập đỏ Quốc tế": "ICRC",
    "Liên đoàn Chữ thập đỏ và Trăng lưỡi liềm đỏ Quốc tế": "IFRC",
    "Hiệp hội Chữ thập đỏ và Trăng lưỡi liềm đỏ quốc tế": "IFRC",
    "Quỹ Quốc tế Bảo vệ Thiên nhiên": "WWF",
}
for _name, _acronym in list(_UN_NAMES.items()):
    if "Liên hợp quốc" in _name:
        _UN_NAMES[_name.replace("Liên hợp quốc", "Liên hiệp quốc")] = _acronym
for _name, _acronym in _UN_NAMES.items():
    KNOWN_PARTNERS[_name] = KNOWN_PARTNERS[_acronym]


#: Known names of one organisation: alias -> the alias that names it in comparisons
#: (:func:`doingoai.news.matching.organisation_key`).
SAME_ORGANISATION: dict[str, str] = {
    "FHI360": "FHI 360",
    "Quỹ Bill & Melinda Gates": "Quỹ Bill và Melinda Gates",
    "Bill & Melinda Gates Foundation": "Quỹ Bill và Melinda Gates",
    "Quỹ tài trợ VinaCapital": "VinaCapital Foundation",
    "VCF": "VinaCapital Foundation",
    "Quỹ Khí hậu Xanh": "GCF",
    "Quỹ Toàn cầu phòng chống AIDS, Lao và Sốt rét": "Quỹ Toàn cầu",
    "Global Fund": "Quỹ Toàn cầu",
    "CARE International": "CARE",
    "Plan Quốc tế": "Plan International",
    "PLAN": "Plan International",
    "Tầm nhìn Thế giới": "World Vision",
    "The Asia Foundation": "Quỹ Châu Á",
    "TAF": "Quỹ Châu Á",
    "World Bank": "Ngân hàng Thế giới",
    "Liên minh Châu Âu": "Liên minh châu Âu",
    "EU": "Liên minh châu Âu",
    "Ủy ban Châu Âu": "Ủy ban châu Âu",
    "EC": "Ủy ban châu Âu",
    "Sida": "SIDA",
    "Kocun": "KOCUN",
    "WIDF": "Liên đoàn Phụ nữ Dân chủ Quốc tế",
    "Quỹ Dân số Liên hợp quốc": "UNFPA",
    "Quỹ Dân số Liên hiệp quốc": "UNFPA",
    "Quỹ Nhi đồng Liên hợp quốc": "UNICEF",
    "Quỹ Nhi đồng Liên hiệp quốc": "UNICEF",
    "Chương trình Phát triển Liên hợp quốc": "UNDP",
    "Chương trình Phát triển Liên hiệp quốc": "UNDP",
    "Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho phụ nữ": "UN Women",
    "Cơ quan Phụ nữ Liên hợp quốc": "UN Women",
    "Cơ quan Phụ nữ LHQ": "UN Women",
    "Tổ chức Phụ nữ Liên hợp quốc": "UN Women",
    "Tổ chức Phụ nữ Liên hiệp quốc": "UN Women",
    "Tổ chức Di cư Quốc tế": "IOM",
    "Trung tâm Chính sách Nhân quyền Liên hợp quốc": "KOCUN",
    "Trung tâm Chính sách Nhân quyền Liên hiệp quốc": "KOCUN",
    "Fauna & Flora International": "FFI",
    "HelpAge International": "HelpAge",
    "Norwegian People's Aid": "NPA",
    "Ford Foundation": "Quỹ Ford",
    "Lux-Development": "LuxDev",
    "Tổ chức Cứu trợ trẻ em": "Save the Children",
    "Adoptionscentrum": "ACS",
    "Cơ quan Hợp tác Quốc tế Nhật Bản": "JICA",
    "Tổ chức Hợp tác Quốc tế Nhật Bản": "JICA",
    "Cơ quan Hợp tác Quốc tế Hàn Quốc": "KOICA",
    "Cơ quan Phát triển Quốc tế Hoa Kỳ": "USAID",
    "Cơ quan Phát triển Quốc tế Mỹ": "USAID",
    "Cơ quan Phát triển Quốc tế Australia": "AusAID",
    "Cơ quan Phát triển Quốc tế Úc": "AusAID",
    "Tổ chức Hợp tác Quốc tế Đức": "GIZ",
    "Cơ quan Hợp tác Quốc tế Đức": "GIZ",
    "Habitat": "Habitat for Humanity",
    "AIP": "AIP Foundation",
    "Ủy hội sông Mê Công quốc tế": "MRC",
    "Uỷ hội sông Mê Công quốc tế": "MRC",
    "Ủy hội sông Mê Kông quốc tế": "MRC",
    "Uỷ hội sông Mê Kông quốc tế": "MRC",
    "Chương trình Hòa bình": "Peace Corps",
    "Chương trình Hoà bình": "Peace Corps",
}
SAME_ORGANISATION.update(_UN_NAMES)
# the United Nations written short ("Quỹ Nhi đồng LHQ") or with "của" ("Quỹ Dân số của
# Liên hiệp quốc"): the same bodies
for _name in [n for n in KNOWN_PARTNERS if re.search(r"Liên (?:hợp|hiệp) quốc$", n)]:
    _un = re.sub(r"Liên (?:hợp|hiệp) quốc$", "", _name)
    for _variant in (_un + "LHQ", _un + "của Liên hợp quốc", _un + "của Liên hiệp quốc"):
        KNOWN_PARTNERS.setdefault(_variant, KNOWN_PARTNERS[_name])
        SAME_ORGANISATION.setdefault(_variant, SAME_ORGANISATION.get(_name, _name))


#: a company's product after its name is the product, not the company ("trên Google
#: News"); the name alone ending a line is a page's share button ("In trang Google")
_PRODUCT_AFTER = {
    "Google": r"(?![ \t]+(?:News|Play|Maps|Meet|Drive|Forms?|Classroom|Sheets|Docs|Translate|"
    r"Search|Scholar|Earth|Chrome)\b)(?![ \t]*(?:\n|$))",
}


#: known names of three words or more read as written only: "Chương trình Hòa bình" is the
#: Peace Corps, "chương trình hòa bình" any peace programme
_CASE_KEPT = {"Chương trình Hòa bình", "Chương trình Hoà bình"}


def _known_pattern(name: str) -> str:
    """A known name; one of three words or more in any case ("Liên đoàn phụ nữ dân chủ
    quốc tế"), an acronym or a short name as written."""
    escaped = re.escape(name).replace("\\ ", r"\s+")
    if len(name.split()) >= 3 and name not in _CASE_KEPT:
        return f"(?i:{escaped})"
    return escaped + _PRODUCT_AFTER.get(name, "")


_KNOWN_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(_known_pattern(k) for k in sorted(KNOWN_PARTNERS, key=len, reverse=True))
    + r")(?![\w])"
)
_KNOWN_BY_FOLD = {fold(k): v for k, v in KNOWN_PARTNERS.items()}
#: the alias that names a known organisation, by the folded name as written
_KNOWN_ALIAS_BY_FOLD = {fold(k): SAME_ORGANISATION.get(k, k) for k in KNOWN_PARTNERS}
_TOKEN = re.compile(r"[\w.]+|[^\w\s]", re.UNICODE)


@dataclass
class _Org:
    name: str
    start: int
    end: int
    is_unit: bool
    family: str  # "wu" (women's union) or "other"
    key: str  # identity for de-duplication
    country: str = ""
    collective: bool = False
    enumerated: bool = False
    #: read from how its name is written, not from a known name or a head word the
    #: reader trusts (a name in a foreign language, a mission named after its envoy, a
    #: unit completed with a province written elsewhere)
    guessed: bool = False


def _foreign_body(org: _Org) -> bool:
    """A partner body not known to be Vietnamese: neither a unit of the union, nor an
    overseas Vietnamese association, nor a body of Việt Nam."""
    return not org.is_unit and org.family != "overseas" and org.country != "VN"


#: the administrative word written before a place name ("thủ đô Phnom Penh")
_PLACE_PREFIX = re.compile(
    r"(tỉnh|thành\s+phố|thủ\s+đô|thu\s+đô|huyện|quận|thị\s+xã|xã|bản|TP\.?)\s+$", re.IGNORECASE
)


#: the words before a place where something happened ("tại tỉnh", "đến thủ đô"); "trên địa
#: bàn X", the area a body serves, only where gifts are handed over (``_HANDED_IN_AREA``; on
#: the 739 articles: 15 wrong places fewer, 2 right ones lost)
_LOCATED_WORD = re.compile(
    r"(?:\b(?:tại|ở|đến|về|sang|tới|thăm|thuộc)|Tại)\s+(?:các\s+)?"
    # "Tại điểm cầu Phú Yên", "tại đầu cầu Hà Nội (Việt Nam) và Seoul": the connection
    # point of an online meeting
    r"(?:(?:điểm|đầu)\s+cầu\s+)?$"
)
#: the next place of a list: "tại huyện Mai Sơn, Yên Châu và xã ..."
_LIST_NEXT = re.compile(
    # "tại đầu cầu Hà Nội (Việt Nam) và Seoul (Hàn Quốc)": a country in parentheses may
    # follow a place of the list
    r"(?:[ \t]*\((?:Việt\s+Nam|Lào|Campuchia|Cam-pu-chia|Hàn\s+Quốc|Nhật\s+Bản|Trung\s+Quốc|"
    r"Thái\s+Lan)\))?"
    r"[ \t]*(?:,|\(|và|;|-|–)[ \t]*(?:(?:tại|ở|thuộc)[ \t]+)?"
)
#: "huyện Cẩm Giàng, Thanh Hà và thành phố Hải Dương": one unknown name between two places
_LIST_GAP = re.compile(
    rf"[ \t]*,[ \t]*(?P<name>{_CAP}[\w'-]*(?:[ \t]+{_CAP}[\w'-]*){{0,2}})[ \t]*(?:,|và)[ \t]*"
)
#: between two names of one list: a comma or "và", with at most three names the gazetteer
#: does not know ("Canada, Đức, Pháp, Hà Lan")
_LIST_SEPARATOR = r"[ \t]*(?:,[ \t]*(?:và[ \t]+)?|và[ \t]+)"
_LIST_ITEMS_GAP = re.compile(
    rf"{_LIST_SEPARATOR}(?:{_CAP}[\w'-]*(?:[ \t]+{_CAP}[\w'-]*)?{_LIST_SEPARATOR}){{0,3}}"
)
#: a named place not in the gazetteer, with its administrative word: "tại huyện Tràng
#: Định", "ở thị xã Móng Cái", "tại thủ đô Bogatá"
_NAMED_PLACE = re.compile(
    r"(?P<p>(?P<level>\b(?i:huyện|quận|thị\s+xã|xã|thị\s+trấn|phường|bản|thủ\s+đô|thu\s+đô|"
    r"thành\s+phố|tỉnh|làng|thôn|ấp)|\bTP\.?)[ \t]*(?<=[ \t]|\.)"
    # "xã biên giới Krông Na": a word of what the place is may come before its name
    r"(?:(?:biên\s+giới|vùng\s+cao|miền\s+núi|ven\s+biển|đảo|vùng\s+biên)[ \t]+)?"
    rf"(?P<name>{_CAP}[\w'-]*(?:[ \t]+{_CAP}[\w'-]*){{0,3}}"
    # "bản Huổi Toóng 2": a village's number is part of its name
    r"(?:(?<=\w)(?P<num>[ \t]+\d{1,2})(?![\w/.:-]|,\d))?))"
)
#: level words whose places are numbered ("bản Huổi Toóng 2", "thôn 3", "ấp Tân Lập 1")
_NUMBERED_LEVEL = re.compile(r"(?i:bản|thôn|ấp|làng)$")
#: a venue where the activity took place: "tại trụ sở Hội LHPN Việt Nam", "tại Trạm
#: kiểm soát cửa khẩu quốc tế Nam Giang", "tại Nhà khách Chính phủ"
_VENUE_HEAD = (
    r"(?P<v>(?i:trụ\s+sở|trạm|nhà\s+khách|nhà\s+văn\s+hóa|"
    r"nhà\s+văn\s+hoá|cung\s+văn\s+hóa|khu\s+di\s+tích|di\s+tích|cửa\s+khẩu|chùa|"
    r"trung\s+tâm\s+hội\s+nghị|hội\s+trường|khách\s+sạn|học\s+viện|đồn\s+biên\s+phòng|"
    r"nhà\s+hát|quảng\s+trường|đền|cơ\s+quan|nhà\s+riêng|"
    # "thăm trường Mầm non Minh Tiến", "Tại Trường tiểu học "B" Khánh Bình", "tại Lữ đoàn
    # xe tăng 201"
    r"trường|bệnh\s+viện|lữ\s+đoàn|sư\s+đoàn|hợp\s+tác\s+xã|làng\s+nghề|nhà\s+máy|"
    # "dâng hoa tại Tượng đài Bác Hồ", "thăm Khu du lịch biển Thiên Cầm", "tại Ký túc xá A3"
    r"tượng\s+đài|đài\s+tưởng\s+niệm|công\s+viên|nhà\s+quốc\s+hội|ký\s+túc\s+xá|"
    r"khu\s+du\s+lịch|khu\s+kinh\s+tế|khu\s+lưu\s+niệm|vườn\s+quốc\s+gia|"
    # "tại Nhà Hữu nghị thành phố", "tại Nhà Triển lãm Mỹ thuật 16 Ngô Quyền"
    r"nhà\s+hữu\s+nghị|nhà\s+triển\s+lãm|phủ\s+chủ\s+tịch|lăng\s+chủ\s+tịch|"
    # "tại Làng trẻ em SOS Vinh", "tại Nhà thi đấu thể thao tỉnh Xiêng Khoảng"
    r"làng\s+trẻ\s+em|nhà\s+thi\s+đấu|sân\s+vận\s+động|cung\s+thiếu\s+nhi|nhà\s+thiếu\s+nhi)\b|"
    # "tại Bảo tàng Dân tộc Quảng Tây" (the union's own museum receives: a unit)
    r"[Bb]ảo\s+tàng(?=\s+(?!Phụ\s+nữ)[A-ZĐ])|"
    # "tại sân bay quốc tế Tân Sơn Nhất", "tầng 3 Tòa tháp Ngôi Sao", "tại Ngôi nhà Xanh
    # Một Liên Hợp Quốc", "thăm Trung tâm Bảo trợ nạn nhân chất độc da cam Đà Nẵng" (the
    # union's own centre receives: a unit)
    r"(?i:sân\s+bay|t[oò]a\s+tháp|t[oò]a\s+nhà|ngôi\s+nhà|trại\s+trẻ)\b|"
    # "khảo sát cảng Tiên Sa", "tại cảng Hải Phòng": a port by its name
    r"(?<![Hh]ải\s)(?<![Cc]ửa\s)[Cc]ảng(?=\s+[A-ZĐ])|"
    r"[Tt]rung\s+tâm(?=\s+(?!Phụ\s+nữ|Vì\s+sự)[A-ZĐ]))"
)
_VENUE = re.compile(rf"(?:\b(?:tại|ở|đến|thăm|khảo\s+sát)|Tại)\s+{_VENUE_HEAD}")
#: "thăm Học viện Quan hệ Lao động và xã hội, Cung Văn hóa Công đoàn": the next venue of
#: a list
_NEXT_VENUE = re.compile(rf",[ \t]+(?:(?:thăm|và)[ \t]+)?{_VENUE_HEAD}")
#: words that go on a venue's name where they would end another: "Hội trường Tỉnh đoàn",
#: "Trường ... mang tên Chủ tịch Hồ Chí Minh", "Học viện Quan hệ Lao động và xã hội",
#: "trụ sở Liên hiệp các tổ chức hữu nghị Việt Nam"
_VENUE_GOES_ON = re.compile(
    r"(?:(?<=Tỉnh)|(?<=tỉnh)|(?<=Thành)|(?<=thành)|(?<=Công)|(?<=công))[ \t]+[Đđ]oàn\b|"
    # "Tượng đài Chủ tịch Kaysone Phomvihane", "Khu lưu niệm Chủ tịch Hồ Chí Minh"
    rf"[ \t]+Chủ[ \t]+tịch(?:[ \t]+{_CAP}[\w'-]*){{2,3}}\b|"
    r"[ \t]+và[ \t]+(?i:xã[ \t]+hội|phát[ \t]+triển|đào[ \t]+tạo|công[ \t]+nghệ)\b|"
    r"(?<=\bhiệp)[ \t]+các[ \t]+(?i:tổ[ \t]+chức)\b|"
    # "Trung tâm Dịch vụ Việc làm của Tỉnh Nghệ An": the province the venue belongs to
    rf"[ \t]+của[ \t]+(?i:tỉnh|thành[ \t]+phố|huyện|quận|thị[ \t]+xã)(?=[ \t]+{_CAP})"
)
_VENUE_STOP = re.compile(
    r"(?:và|với|của|để|đã|do|nhằm|cho|diễn|có|dưới|trong|đoàn|bà|ông|đồng|chị|lãnh|nơi|"
    r"là|được|sẽ|đang|vào|lúc|từ|ngày|sáng|chiều|tối|tham|tổ|chủ|trước|sau|theo|này|"
    r"long|trọng|thân|mật|hai|các|những|gồm|Đoàn|Sáng|Chiều|Ngày|Tại|Chủ|ở|thuộc|thăm|đều|"
    # "đến cảng Đa Ét Xa-lam đón các thuyền viên"
    r"đón)$"
)


#: "Dự kiến, ngày mai, 12/9, tại Phnôm Pênh sẽ diễn ra ...": a place of an event still to
#: come is not where the reported activity took place
_FUTURE = re.compile(
    r"(?i:\bdự\s+kiến\b|\bsắp\s+tới\b|\bngày\s+mai\b|\bsẽ\s+(?:diễn\s+ra|được\s+tổ\s+chức|tổ\s+chức)\b)"
)
#: a journey to come, before its places: "trong tháng 10, chương trình sẽ tiếp tục hành
#: trình đến Hà Tĩnh và Quảng Bình" (after a place it does not make that place's event a
#: future one: "tại tỉnh Thái Nguyên, trong tháng 10, chương trình sẽ tiếp tục ...")
_FUTURE_JOURNEY = re.compile(r"(?i:\bsẽ\s+(?:tiếp\s+tục|đến|tới|thăm|đi)\b)")


_SENTENCE_STOP = re.compile(r"\.(?:\s|$)|\n")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    stop = _SENTENCE_STOP.search(text, end)
    return _sentence_start(text, start), (stop.start() if stop else len(text))


def _announced(work: str, start: int) -> bool:
    """Is the place at ``start`` in a sentence about an event to come (a future word in the
    sentence before it, or right after it: "tại X sẽ diễn ra")?"""
    sentence_start = _sentence_start(work, start)
    after = work[start : start + 60]
    stop = re.search(r"[.;\n]", after)
    return bool(
        _FUTURE.search(work, sentence_start, start)
        or _FUTURE_JOURNEY.search(work, sentence_start, start)
        or _FUTURE.search(after[: stop.start() if stop else len(after)])
    )


_HANDED_IN_AREA = re.compile(r"\b(?:trên[ \t]+)?địa[ \t]+bàn[ \t]+(?:các[ \t]+)?$")
_HANDING = re.compile(r"(?i:\btrao\b|\btặng\b|\bbàn[ \t]+giao\b|\bkhánh[ \t]+thành\b)")


def _is_located(work: str, start: int, lead: tuple[int, int] = (0, 0)) -> bool:
    """Is the place at ``start`` (its administrative word included) written after a
    location word ("tại", "ở", "đến", ...) that does not end a name, and not the place of
    the people who benefit or of the projects funded?"""
    cue = _LOCATED_WORD.search(work, max(0, start - 20), start)
    if cue is None:
        # "trao tặng quà ... trên địa bàn huyện Cẩm Giàng": the area where gifts were handed
        # over (an area named only as served is not a venue)
        cue = _HANDED_IN_AREA.search(work, max(0, start - 20), start)
        if cue is None or not _HANDING.search(work, _sentence_start(work, start), start):
            return False
    if _lives_there(work, cue.start()):
        return False
    return not _after_name(work, cue.start()) and not _beneficiaries_place(work, cue.start(), lead)


#: "tại Bắc Kinh năm 1995", "tại Jakarta, Indonesia năm 1965": a year right after a place
_PLACE_YEAR = re.compile(
    r"(?:[ \t]*,[ \t]*[\w-]+(?:[ \t]+[\w-]+)?)?[ \t]+(?:vào[ \t]+)?năm[ \t]+(\d{4})\b"
)


def _long_ago(work: str, end: int, published: date | None) -> bool:
    """Is the place ending at ``end`` followed by a year well before the article's own
    (its publication, else the latest year it writes)? Then it is the place of a past event
    recalled, not of the one reported."""
    m = _PLACE_YEAR.match(work, end)
    if m is None:
        return False
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", work)]
    ref = published.year if published else max(years, default=0)
    return int(m.group(1)) < ref - 1


#: a named venue or body after "tại" and its address in parentheses
_ADDRESSED = re.compile(
    # "đến tham quan Cơ sở Mỹ Nghệ Sen Việt (xã Tịnh Thới, TP Cao Lãnh)": a venue visited
    rf"(?:\b(?:tại|ở|tham\s+quan)|Tại)[ \t]+{_CAP}[\w'-]*"
    r"(?:[ \t]+(?!(?:với|của|cùng|do|cho|đã|là)\b)[\w&'-]+){0,12}?"
    # an address starts with a number, a name or a level word ("(20 Thụy Khuê, Hà Nội)",
    # "(số đường A6, ..., phường Hưng Phú, ...)"), not with a remark ("(chỉ sau ...)")
    rf"[ \t]*\((?P<address>(?:\d|số\b|{_CAP}|(?i:xã|phường|huyện|quận|tỉnh|thành\s+phố|thị\s+xã|"
    r"thị\s+trấn|thôn|bản|ấp)\b)[^()\n]{2,120})\)"
)


#: "tại 4 huyện, thị xã, thành phố (Thanh Hà, Gia Lộc, ...)": places counted, then named
_COUNTED_PLACES = re.compile(
    r"(?:\b(?:tại|ở)|Tại)[ \t]+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các)[ \t]+"
    r"(?:(?i:huyện|xã|phường|tỉnh|quận|thị\s+xã|thành\s+phố|thị\s+trấn|thôn|bản)[ \t]*,?[ \t]*)+"
    r"\((?P<list>[^()\n]{3,200})\)"
)


#: "Việt kiều đang sinh sống tại tỉnh Kampong cham": where people live, not where the
#: reported activity took place
_RESIDENCE = re.compile(
    r"(?i:\b(?:sinh\s+sống|sống|cư\s+trú|định\s+cư|sinh\s+sống\s+và\s+làm\s+việc|"
    # "sinh viên Lào, Campuchia đang học tập tại TPHCM": where they study
    r"học\s+tập|du\s+học|theo\s+học|quê|"
    # "cán bộ ngoại giao ... và các tổ chức quốc tế đang làm việc tại Hà Nội": where they work
    r"đang\s+làm\s+việc|"
    # "“Người mẹ thứ hai” của sinh viên Lào tại Đà Nẵng", "chị em phụ nữ Việt Nam tại Kiev":
    # where the students or the community live
    # "WVI đã có hơn 25 năm hoạt động tại Thanh Hóa": where a body has long worked
    r"\d+\s+năm\s+hoạt\s+động|"
    r"(?:(?:lưu|du)\s+học\s+sinh|sinh\s+viên|học\s+viên)(?:\s+(?:Lào|Campuchia|Cam-pu-chia|"
    r"nước\s+ngoài|quốc\s+tế))?|"
    r"(?:phụ\s+nữ|người|cộng\s+đồng|kiều\s+bào|bà\s+con)\s+Việt(?:\s+Nam)?))[ \t]+$|"
    # "hơn 300 phụ nữ đến từ các khu công nghiệp tại Hà Nội": where they come from
    r"(?i:\bđến\s+từ\s+(?:\S+[ \t]+){0,6}?)$|"
    # "tình hình tội phạm mua bán người tại tỉnh Quảng Trị": the background of a situation
    r"(?i:\b(?:tình\s+hình|thực\s+trạng)\s+(?:\S+[ \t]+){0,10}?)$|"
    # "bà Phạt (70 tuổi) ở bản Phiêng Xang", "chị Lan ở xã ...": where a person lives
    rf"\b(?:bà|ông|chị|anh|em|cháu)[ \t]+(?:{_CAP}\w*[ \t]+){{1,4}}(?:\(\d+[ \t]+tuổi\)[ \t]+)?$|"
    r"\(\d+[ \t]+tuổi,[ \t]+(?:quê[ \t]+)?$"
)


#: where people live, before a list of countries: "sinh sống tại", "định cư ở", "tập
#: trung đông nhất ở"
_RESIDES_IN = re.compile(
    r"(?i:\b(?:sinh\s+sống|định\s+cư|cư\s+trú|tập\s+trung(?:\s+đông(?:\s+nhất)?)?"
    # "cộng đồng người Việt Nam tại Hoa Kỳ quyên góp": where the donors live
    r"|người\s+Việt(?:\s+Nam)?|kiều\s+bào|Việt\s+kiều))"
    r"[ \t]+(?:ở|tại)[ \t]+(?:(?:các\s+)?nước[ \t]+)?$"
)


def _residence_countries(work: str, hits) -> set[int]:
    """The starts of the countries written as where people live (:data:`_RESIDES_IN`),
    with the countries listed after the first ("ở Hoa Kỳ, Úc, Canada, Đức và Pháp")."""
    out: set[int] = set()
    previous = None
    for h in sorted(hits, key=lambda h: h.start):
        if _RESIDES_IN.search(work, max(0, h.start - 60), h.start) or (
            previous is not None
            and previous.start in out
            and _LIST_ITEMS_GAP.fullmatch(work, previous.end, h.start)
        ):
            out.add(h.start)
        previous = h
    return out


def _lives_there(work: str, pos: int) -> bool:
    """Do the words before the location word at ``pos`` say the place is where people live,
    study, work or come from, or a situation's background (:data:`_RESIDENCE`)?"""
    return bool(_RESIDENCE.search(work, max(0, pos - 60), pos))


#: "giúp 490 hộ nghèo ở xã Hợp Đức", "người dân tộc thiểu số ở tỉnh Đăk Nông": the place
#: written right after the people who benefit is where they live
_BENEFICIARIES_BEFORE = re.compile(
    r"(?i:\b(?:hộ(?:\s+(?:nghèo|dân|gia\s+đình|cận\s+nghèo))?|người\s+(?:dân|nghèo)|"
    # "đảm bảo an sinh bền vững cho trẻ em tại Thường Xuân"
    r"học\s+sinh|dân\s+tộc\s+thiểu\s+số|cho\s+trẻ\s+em(?:\s+(?:nghèo|gái))?|"
    # "sinh kế bền vững cho phụ nữ nghèo ở ấp Sa Mâu", "90 người khuyết tật ở TP Chí Linh"
    r"phụ\s+nữ\s+(?:nghèo|khó\s+khăn|khuyết\s+tật)|người\s+khuyết\s+tật|"
    r"trẻ\s+em\s+(?:nghèo|khó\s+khăn|khuyết\s+tật)))[ \t]+$"
)
#: the activity of a sentence: a place in it is where the activity took place
_ACTIVITY_WORD = re.compile(
    r"(?i:\blễ\b|\btrao\b|\btặng\b|diễn\s+ra|ký\s+kết|\bký\b|bàn\s+giao|"
    r"khởi\s+động|khởi\s+công|khánh\s+thành|công\s+bố|ra\s+mắt|khai\s+trương|"
    r"hội\s+thảo|hội\s+nghị|tập\s+huấn|\bhọp\b|"
    r"làm\s+việc|\bthăm\b|\btiếp\b|đến\s+dự|tham\s+dự|khai\s+mạc)"
    # "tổ chức lễ ...", not the noun of "Tổ chức Plan International"
    r"|\b(?i:tổ\s+chức)(?!\s+[A-ZĐ])"
)


_PROGRAMME = r"(?:hoạt\s+động|dự\s+án|chương\s+trình|mô\s+hình)"
_PROGRAMME_BEFORE = re.compile(
    r"(?i:\b(?:bắt\s+đầu|đã|đang|tiếp\s+tục)\s+hoạt\s+động\s+$|"
    rf"\b(?:triển\s+khai|thực\s+hiện)\s+(?:\w+\s+){{0,2}}?{_PROGRAMME}\b|"
    rf"{_PROGRAMME}\s+(?:\S+\s+){{0,6}}?(?:được\s+)?(?:triển\s+khai|thực\s+hiện))[^.;\n]*$"
)
_PROGRAMME_AFTER = re.compile(
    r"[^,.;\n]{3,60},[ \t]*(?:(?i:dự\s+án|chương\s+trình)\b|"
    r"(?:\S+[ \t]+){1,4}?(?:triển\s+khai|thực\s+hiện)\b)"
)


def _beneficiaries_place(work: str, cue: int, lead: tuple[int, int] = (0, 0)) -> bool:
    """Is the location word at ``cue`` about who benefits or where funded projects are,
    not where the reported activity took place? Its sentence names no activity (a visit,
    a handover, a meeting ...) before it, and either the people who benefit come right
    before it ("giúp 490 hộ nghèo ở xã ...") or the sentence speaks of projects ("Bảy dự
    án nêu trên sẽ được thực hiện trong năm 2011 tại các tỉnh ...", "Các dự án nhận được
    viện trợ thuộc các tỉnh ...")."""
    sentence_start = _sentence_start(work, cue)
    before = work[sentence_start:cue]
    if not lead[0] <= cue < lead[1] and (
        _PROGRAMME_BEFORE.search(work, max(sentence_start, cue - 60), cue)
        or (cue == _skip_ws(work, sentence_start) and _PROGRAMME_AFTER.match(work, cue))
    ):
        # "triển khai hoạt động Tài chính Vi mô tại thành phố Hưng Yên", "Tại huyện Tiên
        # Lữ, World Vision triển khai ...", "Tại tỉnh Quảng Trị, dự án ...": where a
        # programme runs, not where the reported event took place (unless the lead reports
        # the programme itself: "UN Women vừa triển khai chương trình ... tại Nghệ An")
        return True
    if _ACTIVITY_WORD.search(before):
        # "đã tới thăm và tặng quà 100 hộ dân ở xã Sambor Prei Kuk": the visit was there
        return False
    return bool(
        _BENEFICIARIES_BEFORE.search(work, max(0, cue - 40), cue)
        or re.search(r"(?i:\bdự\s+án\b)", before)
    )


#: the head of an office, or an envoy's title, and the words of its name or country right
#: before "tại/ở": what follows is the seat
_SEAT_HEAD = re.compile(
    r"(?:\b(?i:trung\s+tâm|văn\s+phòng|chi\s+nhánh|sứ\s+quán|lãnh\s+sự\s+quán|ĐSQ)|"
    r"\b(?:Đại\s+sứ|đại\s+sứ|Tổng\s+[Ll]ãnh\s+sự|[Ll]ãnh\s+sự|Trưởng\s+[Đđ]ại\s+diện|"
    r"[Tt]ham\s+tán))(?!\s+(?:quán\b|sự\s+quán\b))"
    rf"(?:[ \t]+(?:{_CAP}[\w'-]*|nước|đặc\s+mệnh\s+toàn\s+quyền|"
    r"hòa|hoà|dân|chủ|nhân|liên|bang|quốc)){0,8}"
    r"[ \t]+$"
)


def _after_name(work: str, pos: int) -> bool:
    """Does the location word at ``pos`` end a name ("Văn phòng Kocun tại Cần Thơ",
    "đại diện KOICA tại Hà Nội")? Then the place is the organisation's seat, not where
    something happened."""
    before = re.search(r"(\S+)[ \t]+$", work[max(0, pos - 40) : pos])
    if not before or not re.match(r"(?:tại|ở)(?!\w)", work[pos : pos + 4]):
        return False
    seat = _SEAT_HEAD.search(work, max(0, pos - 80), pos)
    if seat and not re.search(
        r"(?:\b(?:tại|ở)|Tại)[ \t]+$", work[max(0, seat.start() - 6) : seat.start()]
    ):
        # "các trung tâm ở TPHCM và Cần Thơ", "tiếp nối Trung tâm tại Cần Thơ", "Tổng lãnh
        # sự nước Cộng hòa Singapore tại TPHCM": an office's or an envoy's seat (not "tại
        # Văn phòng ở New York", where the office is the venue)
        return True
    word = before.group(1)
    if not word[0].isupper() or word in {"Sáng", "Chiều", "Tối", "Trưa", "Hôm"}:
        return False
    if re.search(
        r"(?i:sứ\s+quán|lãnh\s+sự\s+quán|ĐSQ)[ \t]+(?:\S+[ \t]+){1,3}$",
        work[max(0, pos - 50) : pos],
    ):
        # "sứ quán Úc tại Hà Nội": a mission's seat, the country notwithstanding
        return True
    # "phụ nữ Lào tại Hà Nội": a country is not a name's end
    two = re.search(r"(\S+[ \t]+)?\S+[ \t]+$", work[max(0, pos - 40) : pos]).group(0)
    return not any(
        (hit := match_place(w)) is not None and hit.kind == "country" for w in (word, two.strip())
    )


def _venue_end(work: str, end: int) -> tuple[int, int]:
    """Where a venue's name ends, from the end of its head word, and how many words
    follow the head: up to a punctuation mark or a function word (at most 10 words)."""
    words, head_end = 0, end
    while words < 10:
        if re.search(r"\bP\.\w", work[head_end:end]) and (
            district := re.match(r",[ \t]*Q\.(?=\w)[\w'-]+", work[end:])
        ):
            # "trạm y tế P.16, Q.4": the district after the ward, as Hồ Chí Minh City
            # writes them
            end += district.end()
            break
        if goes_on := _VENUE_GOES_ON.match(work, end):
            end = goes_on.end()
            words += 1
            continue
        # ("trạm y tế P.Thạnh Mỹ Lợi": a ward or district abbreviated with a dot)
        w = re.match(
            r"[ \t]+(?:\((?:LHPN|LHPNVN)\)[ \t]+)?([\w&'-]+(?:\.(?=\w)[\w&'-]+)?|\"\w\"|“\w”)",
            work[end:],
        )
        if not w:
            # "Khu di tích lịch sử cách mạng Việt Nam - Lào"
            w = re.match(rf"[ \t]+[-–][ \t]+({_CAP}[\w'-]*)", work[end:])
        if not w or _VENUE_STOP.match(w.group(1)):
            break
        if w.group(1) == "tại" and _LEVEL_START.match(work, _skip_ws(work, end + w.end())):
            break  # "Khu di tích ... tại bản Lao Khô": the venue's place follows
        end += w.end()
        words += 1
    return end, words


def _is_named(work: str, head_start: int, end: int) -> bool:
    """Does a venue have a name: a capital or a number after the first letter of its head
    ("trường THCS Cổ Loa", "Ký túc xá A3", "Trung tâm Hội nghị thành phố"), not "tại trường
    học", "tại trường trung học phổ thông", "tại quảng trường tỉnh"?"""
    return any(c.isupper() or c.isdigit() for c in work[head_start + 1 : end])


def _venues(work: str, body_start: int, hits: list[PlaceHit]) -> list[tuple[int, int, str]]:
    """Venues named after "tại" / "ở" / "thăm", and the venues listed after one."""
    out = []
    for m in _VENUE.finditer(work, body_start):
        if _lives_there(work, m.start()):
            continue  # "sinh viên Lào đang theo học tại Trường ...": where they study
        venue = m
        while venue is not None:
            end, words = _venue_end(work, venue.end("v"))
            if words == 0 or not work[end:].strip():
                break  # no name, or cut off by the end of the excerpt
            if not _is_named(work, venue.start("v"), end):
                break  # "tại trường học", "tại trường trung học phổ thông": no name
            start = venue.start("v")
            key = fold(_clean_name(work[start:end]))
            if not any(
                k.startswith("venue:" + key) or ("venue:" + key).startswith(k + " ")
                for _, _, k in out
            ):
                # (not a shorter mention of a venue already named, nor its name running on
                # into the words after it)
                out.append((start, end, "venue:" + key))
            venue = _NEXT_VENUE.match(work, end)
    for m in _NAMED_VENUE.finditer(work, body_start):
        # "tại Cung Thiếu nhi Lạng Sơn", "tại Đường sách Thành phố Hồ Chí Minh": a venue
        # named by its kind (one to three words) and its city, the city ending the name
        v_start = m.start("v")
        if (
            any(h.start == v_start for h in hits)
            or _HEAD_RE.match(work, v_start)
            or _LEVEL_START.match(work, v_start)
        ):
            continue  # a place, an organisation ("tại Hội LHPN tỉnh ...") or a level word
        words = list(re.finditer(r"[\w'-]+", work[v_start : v_start + 60]))[:3]
        for n, w in enumerate(words):
            if n:
                if _VENUE_STOP.match(w.group(0)):
                    break  # "ở TPHCM và Cần Thơ": places, not a venue
                gap = work[v_start + words[n - 1].end() : v_start + w.start()]
                if w.group(0) == "tại" or any(q in gap for q in '"”“»'):
                    break  # "ở VN” tại TP.HCM": a quotation's end or another "tại" ends it
            v_end = v_start + w.end()
            place = next(
                (
                    h
                    for h in hits
                    if h.start > v_end and _BEFORE_PLACE.fullmatch(work, v_end, h.start)
                ),
                None,
            )
            if place is not None:
                if place.match.kind not in ("country", "region"):
                    key = "venue:" + fold(_clean_name(work[v_start : place.end]))
                    out.append((v_start, place.end, key))
                break
    for m in _MISSION_VENUE.finditer(work, body_start):
        # "tại Đại sứ quán Nhật Bản tại Hà Nội", "tại ĐSQ Nhật Bản": the mission's premises
        start, end = m.start("v"), m.end("v")
        out.append((start, end, "venue:" + fold(_clean_name(work[start:end]))))
    return out


#: "tại Cung Thiếu nhi ": a capitalised kind of venue, up to three words, then a place
_NAMED_VENUE = re.compile(rf"(?:\b(?:tại|ở)|Tại)[ \t]+(?P<v>{_CAP})")
_BEFORE_PLACE = re.compile(r"[ \t]+(?:(?i:tỉnh|thành\s+phố|thủ\s+đô|TP\.?)[ \t]*)?")
_LEVEL_START = re.compile(
    r"(?i:tỉnh|thành\s+phố|thủ\s+đô|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|TP\b|bản|làng|thôn)"
)
#: a foreign mission after "tại", with the city of its seat
_MISSION_VENUE = re.compile(
    r"(?:\b(?:tại|ở)|Tại)[ \t]+(?P<v>(?:Đại\s+sứ\s+quán|ĐSQ|Tổng\s+[Ll]ãnh\s+sự\s+quán|"
    rf"Lãnh\s+sự\s+quán)(?:[ \t]+(?:nước[ \t]+)?{_CAP}[\w'-]*){{1,4}}"
    rf"(?:[ \t]+tại[ \t]+{_CAP}[\w'-]*(?:[ \t]+{_CAP}[\w'-]*){{0,2}})?)"
)


_CITY_WITH_COUNTRY = re.compile(
    rf"(?:\b(?:tại|ở)|Tại|Ở)[ \t]+(?P<p>{_CAP}[\w'-]+(?:[ \t]+{_CAP}[\w'-]+){{0,2}})[ \t]*"
    r"\([ \t]*(?P<c>[^()\n,;]{2,20}?)[ \t]*\)"
)


def _unknown_places(work: str, hits, unit_ranges) -> list[tuple[int, int, str]]:
    """Named places the gazetteer does not know, written with their administrative word
    after a location word ("tại huyện Tràng Định")."""
    out = []
    for m in _NAMED_PLACE.finditer(work):
        start, end = m.start("p"), m.end("p")
        if any(h.start < end and start < h.end for h in hits):
            continue  # the gazetteer's own place
        if any(s <= start < e for s, e in unit_ranges):
            continue
        name = m.group("name")
        if m.group("num") and not _NUMBERED_LEVEL.search(m.group("level")):
            name = name[: m.start("num") - m.start("name")]
        # stop before a word that starts another phrase ("huyện Nam Giang Sáng nay")
        words = name.split()
        # ... but "xã Tân Hội, thị xã Cai Lậy": a last word before a comma ends the name
        closed = re.match(r"[ \t]*(?:[,.;)]|$)", work[m.end("name") :]) is not None
        while words and words[-1] in {"Hội", "Đoàn", "Sáng", "Chiều", "Ngày", "Việt"}:
            if closed and len(words) > 1 and m.start("name") + len(name) == m.end("name"):
                break
            words.pop()
        if not words:
            continue
        end = m.start("name") + len(" ".join(words))
        out.append((start, end, "named:" + fold(work[m.start("name") : end])))
    # "tại Marrakech (Morocco)": a foreign city named in its own language, its country after it
    for m in _CITY_WITH_COUNTRY.finditer(work):
        start, end = m.span("p")
        if any(h.start < end and start < h.end for h in hits):
            continue
        if any(s <= start < e for s, e in unit_ranges):
            continue
        if not all(_foreign_name_word(w) for w in m.group("p").split()):
            continue
        if _foreign_country(m.group("c")) is None:
            continue
        out.append((start, end, "named:" + fold(m.group("p"))))
    return out


def _place_at(hits: list[PlaceHit], pos: int) -> PlaceHit | None:
    for hit in hits:
        if hit.start == pos:
            return hit
    return None


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _read_places_list(text: str, pos: int, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Places starting at ``pos`` separated by commas or "và"."""
    found: list[PlaceHit] = []
    while True:
        pos = _skip_ws(text, pos)
        hit = _place_at(hits, pos)
        if hit is None:
            break
        found.append(hit)
        pos = hit.end
        m = re.match(r"\s*(?:,|và|;)\s*(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?", text[pos:])
        if not m:
            # "hai Hội Liên hiệp phụ nữ Hà Nội -Viêng Chăn": a dash joins the places of
            # the two sides, a Vietnamese one and a foreign one
            m = re.match(r"[ \t]*[-–][ \t]*", text[pos:])
            nxt = _place_at(hits, pos + m.end()) if m else None
            if nxt is None or (nxt.match.country == "VN") == (hit.match.country == "VN"):
                break
        if _place_at(hits, _skip_ws(text, pos + m.end())) is None:
            break
        pos += m.end()
    return found


#: the heads that name one body in several ways ("Đoàn Thanh niên NDCM Lào tỉnh Salavan",
#: "Tỉnh Đoàn Salavan"; "Liên hiệp Công đoàn tỉnh Salavan", "Công đoàn tỉnh Salavan")
_BODY_CLASS = (
    # the head as read, and "Đoàn" alone after "Trung ương" ("Ủy viên T.Ư Đoàn ...")
    (re.compile(rf"{_YOUTH_HEAD}|(?:{_CENTRAL})?Đoàn"), "youth"),
    (re.compile(_TRADE_UNION_HEAD), "trade-union"),
)


def _body_class(head: str) -> str | None:
    """ "youth" or "trade-union" for the head of a body like the union abroad."""
    return next((c for rx, c in _BODY_CLASS if rx.fullmatch(head.strip())), None)


def _same_body_key(org: _Org, head: str, hits: list[PlaceHit]) -> _Org:
    """One key for a youth or trade union written in its several forms: the class of body
    and the last foreign place in its name (the province, not the country before it)."""
    inside = [h for h in hits if org.start <= h.start < org.end and h.match.foreign]
    if not inside:
        return org
    committee = _COMMITTEE_OF.match(org.name)
    inner = _HEAD_RE.match(committee.group("body")) if committee else None
    if inner and inner.group("other"):
        # "Ủy ban Trung ương Mặt trận Lào xây dựng đất nước" and "Mặt trận Lào xây dựng đất
        # nước": the body and its central committee, one partner
        head = inner.group(0)
        if _body_class(head) is None:
            return replace(org, key=f"other:{fold(head)}:{inside[0].match.code}")
    cls = _body_class(head)
    if cls is None:
        return org
    return replace(org, key=f"other:{cls}:{inside[-1].match.code}")


_COMMITTEE_OF = re.compile(rf"(?:Ủy|Uỷ)\s+ban\s+{_CENTRAL}(?P<body>\S.*)$")


_LISTED_NEXT = re.compile(rf"[ \t]*(?:,|và)[ \t]*(?P<level>(?:các[ \t]+)?{_LEVEL}[ \t]+)?")
_COUNTED = re.compile(rf"^{_COUNT}\s+")


def _singular_level(written: str) -> str:
    """The level word of a list as one place takes it: "các tỉnh" -> "tỉnh"."""
    return _COUNTED.sub("", " ".join(written.split()))


def _listed_bodies(text, head_start, pos, level, org, hits) -> list[_Org]:
    """ "Tỉnh đoàn các tỉnh U Đôm Xay và Xay Nha Bu Ly", "Chính hiệp tỉnh Vân Nam và Khu tự
    trị dân tộc Choang Quảng Tây", "Công đoàn tỉnh Thừa Thiên Huế và Salavan", "Hội CCB 4
    tỉnh Svay Rieng, Prey Veng, ...", "Mặt trận Đoàn kết Phát triển Tổ quốc Campuchia tỉnh
    Kandal và Takeo": a body written once for several places is one body per foreign place
    (the Vietnamese side's own is not a partner), as the union's lists are."""
    if org is None or org.family != "other" or org.key.startswith("mission:"):
        return []
    head = _clean_name(text[head_start:pos])
    cls = _body_class(head) or fold(head)
    written = _singular_level(level.group(0)) if level else ""
    stem_end = pos
    listed = _read_listed(text, pos + (level.end() if level else 0), written, hits)
    if len(listed) < 2:
        # the places listed after more of the name: the stem is the name up to them
        for hit in hits:
            if not pos < hit.start < org.end:
                continue
            before = _LEVEL_BEFORE.search(text, max(pos, hit.start - 30), hit.start)
            if before is None:
                continue
            written = _singular_level(before.group("level"))
            listed = _read_listed(text, hit.start, written, hits)
            if len(listed) >= 2:
                stem_end = before.start()
                break
    foreign = [(w, h) for w, h in listed if h.match.foreign]
    if len(listed) < 2 or not foreign:
        return []
    stem = _clean_name(text[head_start:stem_end])
    return [
        _Org(
            " ".join(f"{stem} {w} {_PLACE_PREFIX_START.sub('', h.text)}".split()),
            head_start if k == 0 else h.start,
            h.end,
            False,
            "other",
            f"other:{cls}:{h.match.code}",
            h.match.country,
            enumerated=True,
        )
        for k, (w, h) in enumerate(foreign)
    ]


_LEVEL_BEFORE = re.compile(rf"[ \t]+(?P<level>(?:{_COUNT}[ \t]+)?{_LEVEL})[ \t]+$")


def _read_listed(text, at, written, hits) -> list[tuple[str, PlaceHit]]:
    """The places listed from ``at`` ("A, B và C"), each with the level word written
    before it or before the earlier ones."""
    listed: list[tuple[str, PlaceHit]] = []
    while True:
        hit = _place_at(hits, _skip_ws(text, at))
        if hit is None or hit.match.kind == "region":
            break
        if listed and (hit.match.kind == "country") != (listed[0][1].match.kind == "country"):
            break  # "tỉnh Salavan, Lào": the province's country, not one more place
        last = listed[-1][1].match if listed else None
        if (
            last is not None
            and (last.kind, hit.match.kind) == ("city", "subdivision")
            and last.country == hit.match.country
        ):
            break  # "Hải quan Nam Ninh, Quảng Tây": the city's province, not one more place
        listed.append((written, hit))
        nxt = _LISTED_NEXT.match(text, hit.end)
        if not nxt or _place_at(hits, _skip_ws(text, nxt.end())) is None:
            break
        if nxt.group("level"):
            written = _singular_level(nxt.group("level"))
        at = nxt.end()
    return listed


#: the level word a place is written with: "tỉnh Salavan" is named "Salavan" in a list
_PLACE_PREFIX_START = re.compile(r"^(?i:tỉnh|thành\s+phố|TP\.?)\s+")


def _vietnamese_side(org: _Org, head: str, hits: list[PlaceHit]) -> str | None:
    """ "vietnamese" for a body of the Vietnamese side named after Việt Nam before any other
    country, "overseas" for an association of Vietnamese abroad ("Hội ... Việt Nam tại X"),
    None for a foreign body."""
    named = _VIETNAMESE_NAMED.match(org.name)
    if (
        named
        and not head.startswith(("Hội", "Bộ"))
        and named.group("abroad")
        and not org.name.startswith("Cơ quan đại diện")
    ):
        # "Trung tâm Văn hóa Phụ nữ Việt Nam tại Hàn Quốc": a body there; not "(Cơ quan đại
        # diện) Bộ Công an Việt Nam tại Lào", a Vietnamese ministry's office abroad
        named = None
    if named:
        vn_end = org.start + (named.start("abroad") if named.group("abroad") else named.end())
        if any(h.match.foreign and org.start <= h.start < vn_end for h in hits):
            named = None  # "Hội Những người Hàn Quốc yêu Việt Nam": another country first
    if named:
        return "overseas" if named.group("abroad") and head.startswith("Hội") else "vietnamese"
    if re.search(r"(?i:hữu\s+nghị)", org.name) and _first_place_vietnamese(org, hits):
        # "Hội hữu nghị Việt - Lào", "Hội hữu nghị hai tỉnh Bình Dương - Kandal": the
        # Vietnamese side's friendship association names its own country or province first
        return "vietnamese"
    return None


def _first_place_vietnamese(org: _Org, hits: list[PlaceHit]) -> bool:
    """Is the first place named inside ``org``'s name Vietnamese ("Việt" of a pair too)?"""
    inside = [h for h in hits if org.start <= h.start < org.end]
    head = re.search(r"\bViệt\s*[-–]", org.name)
    if head and (not inside or org.name.index(inside[0].text) > head.start()):
        return True
    return bool(inside) and inside[0].match.country == "VN"


#: a body whose name gives Việt Nam before any other country: Vietnamese
_VIETNAMESE_NAMED = re.compile(
    r"\S+(?:\s+\S+)??\s+(?:(?!(?:tại|ở|của)\s)[\w.-]+\s+){0,4}?(?:Việt\s+Nam|\w*VN|Việt\s+kiều)\b"
    r"(?P<abroad>\s+(?:tại|ở)\b)?"
)


def _find_orgs(text: str, hits: list[PlaceHit]) -> list[_Org]:
    orgs: list[_Org] = []
    for m in _HEAD_RE.finditer(text):
        if orgs and m.start() < orgs[-1].end:
            continue
        family = "wu" if m.group("wu") else "other"
        head = m.group(0)
        head_start = m.start()
        pos = m.end()
        if family == "wu":
            acronym = _INSERTED_ACRONYM.match(text, pos)
            if acronym:
                head = text[head_start:pos]  # the name goes on after "(LHPN)"
                pos = acronym.end()
            overseas = _OVERSEAS_TAIL.match(text, pos)
            if overseas:
                # skipped, but it covers its name so that no other rule reads inside it
                name = _clean_name(text[head_start : overseas.end()])
                orgs.append(
                    _Org(
                        name,
                        head_start,
                        overseas.end(),
                        False,
                        "overseas",
                        "overseas:" + fold(name),
                    )
                )
                continue
            if re.search(r"LHPN\s*VN$", head) or re.match(r"[ \t]+VN\b", text[pos:]):
                end = pos if head.endswith("VN") else pos + re.match(r"[ \t]+VN", text[pos:]).end()
                name = _clean_name(text[head_start:end])
                orgs.append(_Org(name, head_start, end, True, "wu", "wu:VN", "VN"))
                continue
        rest = text[pos : pos + 200]
        # "Hội LHPN các cấp", "Hội LHPN cấp TW": not a specific unit.
        if re.match(
            r"\s+(?:các\s+cấp|cấp\s|cơ\s+sở|địa\s+phương|các\s+tỉnh\s*[,.;)]|"
            r"các\s+tỉnh\s*$)",
            rest,
        ):
            continue
        # "TP.Tam Kỳ": the press glues the city's name to "TP."
        level = re.match(rf"\s+(?:{_COUNT}\s+)?(?:{_LEVEL}\s+|TP\.(?={_CAP}))", rest)
        lpos = pos + (level.end() if level else 0)
        if not level:
            lpos = _skip_ws(text, pos)
        places = _read_places_list(text, lpos, hits)
        if not places and family == "wu":
            # "Hội LHPN 15 tỉnh, thành tham gia dự án: Hải Dương, Ninh Bình, ..."
            listed = re.match(
                r"\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+tỉnh(?:,\s*thành(?:\s+phố)?)?"
                r"[^:.\n]{0,40}:\s*",
                rest,
            )
            if listed:
                found = _read_places_list(text, pos + listed.end(), hits)
                if len(found) > 1 and all(p.match.kind == "vn_province" for p in found):
                    orgs.extend(_vn_units(text[head_start:pos], found))
                    continue
        if not places and level:
            direct = _read_places_list(text, _skip_ws(text, pos), hits)
            if direct:
                places, level = direct, None
        if family == "wu" and not places:
            peace = _peace_union(text, head_start, pos, hits)
            if peace is not None:
                orgs.append(peace)
                continue
            listed_peace = _peace_unions_listed(text, head_start, pos)
            if listed_peace:
                orgs.extend(listed_peace)
                continue
        if family == "wu":
            org = _wu_org(text, m.start(), head_start, head, pos, level, places, hits)
            if org is not None:
                orgs.extend(org)
            continue
        org = _other_org(text, head_start, pos, hits)
        listed = _listed_bodies(text, head_start, pos, level, org, hits)
        if listed:
            orgs.extend(listed)
            continue
        if org is not None and org.family == "other":
            org = _same_body_key(org, head, hits)
        if org is not None and re.match(r"Hội\s+người\s+Việt", head):
            # "Hội người Việt Nam tại Nhật Bản": an overseas association, not a partner
            org = _Org(
                org.name, org.start, org.end, False, "overseas", "overseas:" + fold(org.name)
            )
        foreign_looking = (
            org is not None and org.family == "other" and not org.key.startswith("mission:")
        )
        side = _vietnamese_side(org, head, hits) if foreign_looking else None
        if side is not None:
            # "Hội hữu nghị Việt Nam - Nhật Bản", "Hội Việt kiều ...", "Ủy ban Trung ương MTTQ
            # Việt Nam tại Trung Quốc": a Vietnamese body (named after the country pair it
            # works for, or abroad for a visit); it covers its name but is not a partner.
            # "Hội Văn hóa Việt Nam tại Thụy Điển": an association of Vietnamese abroad
            family = side
            org = _Org(
                org.name, org.start, org.end, False, family, f"{family}:{fold(org.name)}", "VN"
            )
        if org is not None:
            orgs.append(org)
    # International organisations by name.
    for m in _KNOWN_RE.finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            inside = next(o for o in orgs if o.start <= m.start() < o.end)
            if inside.is_unit:
                continue
            orgs.remove(inside)
        name = m.group(0)
        start, end = _vietnamese_known_span(text, m)
        orgs.append(
            _Org(
                " ".join(text[start:end].split()),
                start,
                end,
                False,
                "known",
                "known:" + fold(_KNOWN_ALIAS_BY_FOLD[fold(name)]),
                _KNOWN_BY_FOLD[fold(name)],
            )
        )
    orgs[:] = [o for o in orgs if not _party_aside(text, o)]
    _add_missions(text, orgs, hits)
    _add_companies(text, orgs)
    _add_institutions(text, orgs, hits)
    orgs.sort(key=lambda o: o.start)
    _use_acronyms(text, orgs)
    _add_acronym_orgs(text, orgs, hits)
    _add_slash_country_orgs(text, orgs, hits)
    _add_foreign_bodies(text, orgs, hits)
    _add_foreign_schools(text, orgs, hits)
    _add_world_bodies(text, orgs)
    _add_associations_abroad(text, orgs, hits)
    _add_listed_missions(text, orgs, hits)
    _add_quoted_names(text, orgs)
    _add_foreign_provinces(text, orgs, hits)
    _add_described_bodies(text, orgs, hits)
    # the bodies read from their shape alone, where no rule above read a name
    _add_acronyms_with_country(text, orgs)
    _add_foreign_localities(text, orgs, hits)
    # "tổ chức Children of Vietnam (COV)": a body found by its foreign name takes its acronym
    _use_acronyms(text, orgs)
    return orgs


#: the people of a province who act for it: "Đoàn đại biểu tỉnh Kandal", "đoàn cán bộ cấp
#: cao tỉnh Champasak", "lãnh đạo hai tỉnh Sa-la-van và Chăm-pa-sắc", "Phó Tỉnh trưởng tỉnh
#: Luang Prabang", "đại diện các tỉnh Kandal, Tàkeo, Kampot, Preyveng"
_PROVINCE_ACTS = re.compile(
    # "đoàn thành phố Kinokawa": a bare "đoàn" before the level word is a delegation too
    r"(?i:\bđoàn(?:[ \t]+(?:đại[ \t]+biểu|cán[ \t]+bộ(?:[ \t]+cấp[ \t]+cao)?|công[ \t]+tác|"
    # "đoàn thanh thiếu niên tỉnh Gyeongnam (Hàn Quốc) ... sang giao lưu"
    r"thanh[ \t]+(?:thiếu[ \t]+)?niên|học[ \t]+sinh|sinh[ \t]+viên|doanh[ \t]+nghiệp|"
    r"nghệ[ \t]+thuật|văn[ \t]+nghệ|thể[ \t]+thao|y[ \t]+bác[ \t]+sĩ|phụ[ \t]+nữ))?|"
    r"\blãnh[ \t]+đạo(?:[ \t]+và[ \t]+nhân[ \t]+dân(?:[ \t]+các[ \t]+dân[ \t]+tộc)?)?|"
    r"\btỉnh[ \t]+trưởng|\bđại[ \t]+diện(?:[ \t]+lãnh[ \t]+đạo)?|\bchính[ \t]+quyền|"
    # a sister city or province working with the Vietnamese side: "thăm, làm việc với tỉnh
    # Gyeonggi", "đoàn công tác của TP.Niihama", "giữa TP.Hội An và TP.Niihama", "Thủ hiến
    # bang Thuringen"
    r"\blàm[ \t]+việc[ \t]+với|\bđoàn[ \t]+công[ \t]+tác[ \t]+của|\bthủ[ \t]+hiến|"
    r"\bthị[ \t]+trưởng|\bkết[ \t]+nghĩa(?:[ \t]+với)?|\bgiữa[^.;\n]{1,60}?[ \t]và|"
    # "Thống đốc thành phố St. Petersburg", "quan hệ hợp tác hữu nghị với tỉnh Suwon"
    r"\bthống[ \t]+đốc|\bhữu[ \t]+nghị[ \t]+với|\bhợp[ \t]+tác[ \t]+với|"
    # "UBND tỉnh Quảng Nam cùng với tỉnh Sê Kông (Lào) đã tổ chức", "phối hợp cùng tỉnh
    # Kanagawa": a side of the event
    r"\bcùng(?:[ \t]+với)?|\bphối[ \t]+hợp(?:[ \t]+(?:với|cùng))?)"
    # "Đoàn đại biểu của tỉnh Preah Sihanouk"
    r"[ \t]+(?:của[ \t]+)?(?:(?:hai|các|ba|\d+)[ \t]+)?"
    r"(?P<level>tỉnh|bang|thành[ \t]+phố|TP\.(?=[ \t]*$)|TP(?=[ \t]+$))[ \t]*$"
)


#: the same cues before a foreign county or state the gazetteer does not know, written in
#: its own language: "đoàn công tác huyện Yeoncheon", "Chính quyền huyện Yeongyang, tỉnh
#: Gyeongsangbuk", "lãnh đạo bang Mecklenburg Vorpommern"
_LOCALITY_ACTS = re.compile(
    _PROVINCE_ACTS.pattern.replace(r"(?P<level>tỉnh|bang|", r"(?P<level>tỉnh|bang|huyện|quận|")
)
_POST_CUE = re.compile(r"(?i:thủ[ \t]+hiến|thị[ \t]+trưởng|thống[ \t]+đốc|tỉnh[ \t]+trưởng)")
_FOREIGN_LOCALITY = re.compile(
    r"\b(?P<level>(?i:tỉnh|bang|huyện|quận|thành[ \t]+phố))[ \t]+"
    r"(?P<name>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})"
)


def _add_foreign_localities(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """A foreign county or state named in its own language, which the gazetteer does not
    know, is a partner when its delegation, leaders or government act for it (as
    :func:`_add_foreign_provinces`); its country is the one written after it, if any."""
    for m in _FOREIGN_LOCALITY.finditer(text):
        words = m.group("name").split()
        if not all(_foreign_name_word(w) for w in words):
            continue
        start, end = m.start(), m.end()
        if any(h.start < end and m.start("name") < h.end for h in hits):
            continue  # a place the gazetteer knows: the provinces' rule
        if any(o.start < end and start < o.end for o in orgs):
            continue
        before = text[max(0, start - 80) : start] + m.group("level")
        cue = _LOCALITY_ACTS.search(before)
        if cue is None:
            continue
        if re.search(r"\b(?i:công)[ \t]+$", before[: cue.start()]):
            continue  # "Liên hiệp Công đoàn thành phố Seongnam": a body's name, not a delegation
        if _POST_CUE.search(cue.group(0)) and len(words) > 1:
            continue  # "Thủ hiến bang Thuringen Bodo Ramelow": where the holder's name starts
        if "\n" not in text[:start] and m.group("name") in text[end:]:
            continue  # the headline's, named again below: read there (maybe in a body's name)
        folded = fold(" ".join(words))
        if folded in vietnamese_locality_names():
            continue  # "lãnh đạo huyện Kbang", "thành phố Pleiku": Vietnamese places
        key = "locality:" + folded
        if any(o.key == key or fold(o.name).endswith(" " + folded) for o in orgs):
            continue  # "thành phố Suwon" read already, then "tỉnh Suwon"
        after = _country_after(text, end, hits)
        country = after.match.country if after is not None else ""
        name = " ".join(text[start:end].split())
        orgs.append(_Org(name, start, end, False, "other", key, country, guessed=True))
    orgs.sort(key=lambda o: o.start)


def _add_foreign_provinces(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """A foreign province whose delegation, leaders or representatives act for it is a
    partner, as "tỉnh X", when the reader names no body of its country ("Đoàn đại biểu
    tỉnh Kandal thăm, chúc Tết tỉnh An Giang"; not the vice-governors attending with
    their provinces' veterans' associations); each province of a list after the cue too."""
    bodies = {o.country for o in orgs if not o.is_unit and o.family != "overseas"}
    for hit in hits:
        m = hit.match
        if m.kind not in ("subdivision", "city") or not m.foreign or m.country in bodies:
            continue  # (a body of that country named: its province's leaders are guests)
        cue = _PROVINCE_ACTS.search(text, max(0, hit.start - 80), hit.start)
        if cue is None or any(o.start <= hit.start < o.end for o in orgs):
            continue
        level = cue.group("level")
        for listed in _read_places_list(text, hit.start, hits):
            if listed.match.kind not in ("subdivision", "city") or not listed.match.foreign:
                break
            if listed is not hit and listed.match.kind != hit.match.kind:
                break  # "TP.Niihama, tỉnh Ehime": the city's province, not a second partner
            key = f"province:{listed.match.code}"
            if any(o.key == key for o in orgs):
                continue
            start = cue.start("level") if listed is hit else listed.start
            name = f"{level} {listed.text}" if listed is hit else f"{level.lower()} {listed.text}"
            orgs.append(_Org(name, start, listed.end, False, "other", key, listed.match.country))
    orgs.sort(key=lambda o: o.start)


_NAME_WORD = r"(?:[A-Z][\w&'’.-]*|to|of|for|the|and|de|du|des|la|le|et|in)"
#: a body in a foreign language (or by its acronym) that funds: "do Irish Aid tài trợ",
#: "Thư viện do Room to Read hỗ trợ", "do FOTAF tài trợ"; or that the text describes as
#: an NGO: "Les Enfants du Dragon là tổ chức phi chính phủ của Pháp", "(MAG - tổ chức phi
#: chính phủ nhân đạo của Anh)"
_DESCRIBED_BODY = re.compile(
    rf"\bdo[ \t]+(?P<funder>[A-Z][\w&'’.-]*(?:[ \t]+{_NAME_WORD}){{0,5}})[ \t]+(?:đã[ \t]+)?"
    r"(?:tài[ \t]+trợ|hỗ[ \t]+trợ|viện[ \t]+trợ)\b|"
    rf"(?:^|(?<=[.(\n])[ \t]*)(?P<ngo>[A-Z][\w&'’.-]*(?:[ \t]+{_NAME_WORD}){{0,5}})"
    r"(?:[ \t]+là[ \t]+(?:một[ \t]+)?|[ \t]*[-–][ \t]*)tổ[ \t]+chức[ \t]+"
    r"(?:phi[ \t]+chính[ \t]+phủ|từ[ \t]+thiện|nhân[ \t]+đạo|phi[ \t]+lợi[ \t]+nhuận)",
    re.MULTILINE,
)


def _add_described_bodies(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """Bodies named in a foreign language, or by an acronym, that a funding verb or a
    description as an NGO marks as organisations (see :data:`_DESCRIBED_BODY`)."""
    for m in _DESCRIBED_BODY.finditer(text):
        group = "funder" if m.group("funder") else "ngo"
        start, end = m.span(group)
        words = m.group(group).split()
        acronym = len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]) is not None
        if acronym and words[0] in _HOME_ACRONYMS:
            continue
        if any(h.start < end and start < h.end for h in hits):
            continue  # a country or a place ("do Canada tài trợ")
        if not acronym and not (
            # "Room to Read": a word without Vietnamese marks beside a foreign one
            all(_foreign_word(w) or len(w) <= 3 or w.isascii() for w in words)
            and sum(_foreign_word(w) for w in words) >= 1
            and words[-1] not in {"to", "of", "for", "the", "and", "de", "du", "des", "la"}
        ):
            continue
        if any(o.start < end and start < o.end for o in orgs):
            continue  # already read, in full or in part
        name = " ".join(words)
        key = "known:" + fold(name)
        if any(o.key == key for o in orgs):
            continue
        country = ""
        after = re.match(r"[^.;\n]{0,60}?\b(?:của|tại)[ \t]+", text[m.end() : m.end() + 80])
        if group == "ngo" and after:
            hit = _place_at(hits, m.end() + after.end())
            if hit is not None and hit.match.kind == "country" and hit.match.foreign:
                country = hit.match.country
        orgs.append(_Org(name, start, end, False, "other", key, country, guessed=True))
    orgs.sort(key=lambda o: o.start)


def _vietnamese_known_span(text: str, m: re.Match) -> tuple[int, int]:
    """A known name written the Vietnamese way ("Plan Quốc tế") is named as the press
    writes the whole office: "Tổ chức Plan Quốc tế tại Việt Nam"."""
    start, end = m.start(), m.end()
    if not re.search(r"(?i)quốc\s+tế$", m.group(0)):
        return start, end
    before = re.search(r"[Tt]ổ\s+chức[ \t]+$", text[max(0, start - 12) : start])
    if before:
        start -= len(before.group(0))
        office = re.match(r"[ \t]+tại[ \t]+Việt[ \t]+Nam\b", text[end:])
        end += office.end() if office else 0
    return start, end


#: "Hội Phụ nữ Nga “Niềm hy vọng nước Nga”": a foreign body's proper name in quotes
_QUOTED_NAME = re.compile(r"[ \t]*“(?P<q>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸ][^”\n]{2,60})”")


def _add_quoted_names(text: str, orgs: list[_Org]) -> None:
    for at, org in enumerate(orgs):
        if org.is_unit or org.family not in ("wu", "other") or not org.country:
            continue
        m = _QUOTED_NAME.match(text, org.end)
        if not m or any(o.start >= org.end and o.start < m.end() for o in orgs):
            continue
        name = f"{org.name} “{m.group('q')}”"
        orgs[at] = replace(org, name=name, end=m.end(), key=org.key + ":" + fold(m.group("q")))


#: "Trung tâm Nghiên cứu Nông nghiệp Quốc tế của Úc (ACIAR)", "Đảng Đại hội Dân tộc Phi
#: (ANC) cầm quyền của Nam Phi": a foreign body the reader could not bound, named by the
#: acronym the text gives it
_ACRONYM_NAMED = re.compile(
    r"(?P<head>Trung\s+tâm|Viện|[Tt]ổ\s+chức|Quỹ|Đảng|[Cc]ơ\s+quan|Hiệp\s+hội|Liên\s+đoàn|"
    r"Chương\s+trình|Ngân\s+hàng|Liên\s+hiệp|Hội\s+đồng|Ủy\s+ban|Phòng|"
    # "Trường hành chính quốc gia Pháp (ENA)", "Giới chủ các doanh nghiệp Pháp (MEDEF)",
    # "Bộ Đất đai, Hạ tầng, Giao thông và Du lịch Nhật Bản (MLIT)"
    r"Trường|Giới\s+chủ|Bộ(?!\s+trưởng)|"
    # "Tổng cục Phát triển Nông thôn Hàn Quốc (RDA)", "Tổng CĐ Na Uy (LO)"
    r"Tổng\s+cục|Cục|Tổng\s+(?:CĐ|Công\s+đoàn)|"
    # "Hội Luật gia Dân chủ Quốc tế (IADL)" (not "Hội nghị", "Hội thảo")
    r"Hội(?=\s+[A-ZĐ])(?!\s+(?:Nghị|Thảo|Chợ|Trại|Thi|Diễn)\b))\s+"
    # "tổ chức buổi gặp gỡ Đoàn của tổ chức ...": the name starts at the last head
    # ("Cơ quan phòng, chống ma túy Hoa Kỳ (DEA)": a comma inside "phòng, chống")
    r"(?P<words>(?:(?![Tt]ổ\s+chức\s)(?:[^()\n.;,]|,(?=[ \t]*(?:chống\b|[A-ZĐ])))){3,90}?)[ \t]*"
    # "(Veterans of Foreign Wars - VFW)": the name in its own language before the acronym
    r"\((?:(?P<own>[A-Z][A-Za-z]+(?:[ \t]+[A-Za-z]+){1,6})[ \t]+[-–][ \t]+)?"
    # "(UfU)", "(InWEnt)": capitals with small letters between; "(ILV, Hàn Quốc)": with the
    # body's country
    r"(?P<a>[A-Z][A-Z&]{1,7}|[A-Z](?=[A-Za-z]*[A-Z])[A-Za-z]{2,6})"
    r"(?:[ \t]*[,/][ \t]*(?P<ac>[^()\n]{2,20}?))?\)"
)
#: "Việt Nam" in a foreign body's name as the place it served or works in ("Tổ chức Cựu
#: chiến binh Mỹ tham chiến ở Việt Nam (VVA)"), not as its nationality
_IN_VIETNAM = re.compile(r"(?:\b(?:ở|tại)[ \t]+)?Việt[ \t]+Nam")
#: "Liên hiệp Công đoàn thế giới (WFTU)": a world body, of no one country
#: "Hội Luật gia Dân chủ Quốc tế (IADL)": or of all
_WORLD_BODY = re.compile(r"\b(?i:thế[ \t]+giới|quốc[ \t]+tế)$")
#: "Phòng Cảnh sát Liên hợp quốc (UNPOL)", "Ủy ban Phụ nữ ASEAN (ACW)": a body of the United
#: Nations or of a region
_WORLD_BODY_NAMED = re.compile(r"\b(?:(?i:liên[ \t]+hợp[ \t]+quốc)|ASEAN|EU)\b")
#: "Viện Hợp tác phát triển châu Âu (IECD)", "Cơ quan Viện trợ Nhân đạo và Bảo vệ Dân sự
#: thuộc Uỷ ban Châu Âu (ECHO)": a body of a foreign region
_REGION_NAMED = re.compile(
    r"\b(?:(?i:châu|bắc|tây)[ \t]+Âu|(?i:châu)[ \t]+Á|Đông[ \t]+Nam[ \t]+Á|"
    r"Thái[ \t]+Bình[ \t]+Dương)\b"
)
#: "Hội hữu nghị Việt - Nhật (VJFA)": the Vietnamese side's, named after Việt Nam first
_VIET_FIRST = re.compile(r"^[^()]*?\bViệt\b")
#: acronyms of the Vietnamese side ("(LHPN)", "(VUFO)"): never a partner
_HOME_ACRONYMS = {"LHPN", "LHPNVN", "VWU", "VUFO", "UBND", "HĐND", "MTTQ", "TTXVN", "VNA", "TW"} | {
    # acronyms of a kind of body, not of one: "các tổ chức phi chính phủ nước ngoài (PCPNN)"
    "PCPNN",
    "NGO",
    "INGO",
    "NGOs",
    "TCPCPNN",
}


_MISSION_HEAD = re.compile(r"(?i:Đại\s+sứ\s+quán|Tổng\s+lãnh\s+sự\s+quán|Lãnh\s+sự\s+quán|ĐSQ)")


#: "các đại sứ quán: Ireland, Mỹ, Nga", "Đại sứ quán các nước Lào, Campuchia": missions
#: written once before their countries
_MISSIONS_BEFORE_LIST = re.compile(
    r"(?:(?<![\w])các[ \t]+(?P<h1>[Đđ]ại[ \t]+sứ[ \t]+quán|[Tt]ổng[ \t]+[Ll]ãnh[ \t]+sự[ \t]+quán)"
    r"|(?P<h2>Đại[ \t]+sứ[ \t]+quán|Tổng[ \t]+[Ll]ãnh[ \t]+sự[ \t]+quán)[ \t]+các[ \t]+nước)"
    r"[ \t]*:?[ \t]*"
)


def _country_word_at(text: str, pos: int) -> PlaceHit | None:
    """A country the place finder leaves alone in running text ("Nga", also a name), read
    where a list of countries is certain."""
    m = re.match(rf"{_CAP}\w*(?:[ \t]+{_CAP}\w*)?(?=[ \t]*(?:,|và\b|$))", text[pos : pos + 40])
    if m is None:
        return None
    place = match_place(m.group(0))
    if place is None or place.kind != "country":
        return None
    return PlaceHit(pos, pos + m.end(), m.group(0), place)


def _mission_key(mission: str, country: str) -> str:
    """One key per mission of a country, however the rules read it: "Đại sứ quán" or
    "Tổng lãnh sự quán" (as written or folded) and the country's code."""
    return f"mission:{fold(mission)}:{country}"


def _add_missions_before_list(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """One mission per country of "các đại sứ quán: Ireland, Mỹ, Nga" and "Tổng Lãnh sự
    quán các nước Úc, Trung Quốc" ("Đại sứ quán Ireland", "Tổng Lãnh sự quán Úc"), in
    place of a first mission named "... các nước Úc"."""
    for m in _MISSIONS_BEFORE_LIST.finditer(text):
        written = " ".join((m.group("h1") or m.group("h2")).split())
        head = written[0].upper() + written[1:]
        pos = m.end()
        first = True
        while True:
            hit = _place_at(hits, pos) or _country_word_at(text, pos)
            if hit is None or hit.match.kind != "country" or not hit.match.foreign:
                break
            key = _mission_key(written, hit.match.country)
            # the first mission as the organisations' rules read it ("Tổng Lãnh sự quán
            # các nước Úc") is replaced by its name
            orgs[:] = [o for o in orgs if not (o.start <= hit.start < o.end and o.key == key)]
            if not any(o.key == key for o in orgs):
                start = m.start() if first else hit.start
                name = f"{head} {hit.text}"
                orgs.append(_Org(name, start, hit.end, False, "other", key, hit.match.country))
            first = False
            joint = re.match(r"[ \t]*(?:,|và)[ \t]*", text[hit.end :])
            if joint is None:
                break
            pos = hit.end + joint.end()
    orgs.sort(key=lambda o: o.start)


def _add_listed_missions(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """ "bốn Đại sứ quán Canada, New Zealand, Na Uy và Thụy Sĩ tại Hà Nội": one mission per
    country of the list."""
    _add_missions_before_list(text, orgs, hits)
    for org in list(orgs):
        if org.is_unit or not org.key.startswith("mission:"):
            continue
        head = _MISSION_HEAD.match(org.name)
        if head is None:
            continue
        pos = org.end
        while True:
            joint = re.match(r"[ \t]*(?:,|và)[ \t]*", text[pos:])
            hit = _place_at(hits, pos + joint.end()) if joint else None
            if hit is None or hit.match.kind != "country" or not hit.match.foreign:
                break
            key = f"{org.key.rsplit(':', 1)[0]}:{hit.match.country}"
            if not any(o.key == key for o in orgs):
                name = f"{head.group(0)} {hit.text}"
                orgs.append(_Org(name, hit.start, hit.end, False, "other", key, hit.match.country))
            pos = hit.end
    orgs.sort(key=lambda o: o.start)


#: "Tổ chức Plan tại Quảng Trị", "tổ chức OXFAM tại Việt Nam", "Tổ chức Care quốc tế tại
#: Việt Nam", "Tổ chức Blue Dragon International": a body named in a foreign language
_FOREIGN_BODY = re.compile(
    r"(?<![\w])(?P<head>[Tt]ổ[ \t]+chức|Quỹ|Liên[ \t]+đoàn|Mạng[ \t]+lưới)[ \t]+"
    r"(?P<name>[A-Z][\w’'&.-]*(?:[ \t]+(?:[A-Z][\w’'&.-]*|&|of|for|and|the|de|du|für))*)"
    r"(?P<tail>[ \t]+(?:[Qq]uốc[ \t]+tế|International))?"
)


def _foreign_name_word(word: str) -> bool:
    """A word of a name in a foreign language: not a Vietnamese syllable ("Plan", "Care"),
    or an acronym that is not a Vietnamese one ("OXFAM", "WE")."""
    word = re.sub(r"[’']s$", "", word).strip(".-")
    if word.isupper() and word.isalpha() and word not in _HOME_ACRONYMS:
        return fold(word) == word.lower() and len(word) >= 2
    return _foreign_word(word)


def _with_seat(text: str, end: int, hits: list[PlaceHit]) -> int:
    """Where a name ends that goes on with its office's place ("... tại Việt Nam", "Hiệp hội
    doanh nghiệp Nhật Bản tại TP.HCM"), part of the name as written; else ``end``."""
    seat = re.match(r"[ \t]+tại[ \t]+", text[end:])
    hit = _place_at(hits, end + seat.end()) if seat else None
    return hit.end if hit is not None else end


def _add_foreign_bodies(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _FOREIGN_BODY.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in orgs):
            continue
        words = m.group("name").split()
        cut = next((k for k, w in enumerate(words) if w in _CAPITAL_STOP), len(words))
        words = [w for w in (w.rstrip(".-") for w in words[:cut]) if w]
        named = [w for w in words if w[0].isupper()]
        if not named or not all(_foreign_name_word(w) for w in named):
            continue
        end = m.start("name")
        for w in words:
            end = text.index(w, end) + len(w)
        if m.group("tail") and m.end("name") == end:
            end = m.end("tail")
        end = _with_seat(text, end, hits)
        name = " ".join(text[m.start() : end].split())
        known = _KNOWN_RE.search(name)
        key = "known:" + fold(known.group(0)) if known else "other:" + fold(" ".join(words))
        country = next(
            (
                h.match.country
                for h in hits
                if m.end("name") <= h.start < end + 20
                and h.match.kind == "country"
                and h.match.foreign
                and re.match(r"[ \t]*[(/][ \t]*$", text[end : h.start])
            ),
            "",
        )
        orgs.append(_Org(name, m.start(), end, False, "other", key, country, guessed=True))
    orgs.sort(key=lambda o: o.start)


#: "Trường Đại học Aizu", "trường ĐH Nữ sinh Seoul", "Trường trung học Osaka Sakurazuka": a
#: school named in a foreign language (its last word foreign, or a foreign city)
_FOREIGN_SCHOOL = re.compile(
    r"(?<!\w)(?:[Tt]rường[ \t]+(?:(?i:đại[ \t]+học)|ĐH|(?i:cao[ \t]+đẳng)|(?i:trung[ \t]+học))|"
    # "đại học Kyungwoon, đại học Daegu": the press writes a list in lower case
    r"[Đđ]ại[ \t]+học|ĐH)"
    # "trường đại học du lịch Jeju": two words of what it teaches before its name
    rf"(?P<name>(?:[ \t]+[a-zđ]\w*(?=[ \t]+[a-zđ]\w*[ \t]+{_CAP}))?"
    # ("trường Đại học Kyushu và Đại học Nagoya": two schools)
    rf"(?:[ \t]+(?:{_CAP}[\w’'-]*|(?!và\b)[a-zđ]\w*(?=[ \t]+{_CAP}))){{1,5}})"
)


def _school_word(word: str) -> bool:
    """A foreign word of a school's name; a name in capitals ("MAIZURU", "RMIT") too, but
    not a short acronym ("FPT")."""
    if word.isupper() and word.isalpha():
        return len(word) >= 4 and not VI_SYLLABLE.fullmatch(fold(word))
    return _foreign_word(word)


def _add_foreign_schools(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _FOREIGN_SCHOOL.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in orgs):
            continue
        # "đặt tại Đại học Chulalongkorn", "(thuộc ĐH Quốc gia New York ...)": a seat or
        # the body something belongs to, not a school taking part
        if re.search(r"\b(?:tại|ở|thuộc)[ \t]+$", text[max(0, m.start() - 8) : m.start()]):
            continue
        words = m.group("name").split()
        cut = next(
            (k for k, w in enumerate(words) if w in _CAPITAL_STOP or w in _NAME_STOP), len(words)
        )
        words = words[:cut]
        while words and not words[-1][0].isupper():
            words.pop()
        if not words:
            continue
        end = m.start("name")
        for w in words:
            end = text.index(w, end) + len(w)
        last = _place_at(hits, end - len(words[-1]))
        city = last is not None and last.match.foreign and last.match.kind != "country"
        if not city and not _school_word(words[-1]):
            continue
        # one school however its head is written ("Trường đại học MAIZURU", "ĐH Maizuru")
        key = "school:" + fold(words[-1])
        if any(
            o.key == key or (_FOREIGN_SCHOOL.match(o.name) and fold(o.name).endswith(key[7:]))
            for o in orgs
        ):
            continue
        name = " ".join(text[m.start() : end].split())
        country = last.match.country if city else ""
        orgs.append(_Org(name, m.start(), end, False, "other", key, country, guessed=True))
    orgs.sort(key=lambda o: o.start)


#: "Liên đoàn Nữ Hộ sinh Quốc tế", "Hội luật gia dân chủ quốc tế", "Ủy ban Chữ thập Đỏ quốc
#: tế", "Hội đồng Hòa bình thế giới": an international body, named by what it gathers
_WORLD_NAMED = re.compile(
    r"(?<!\w)(?:Hội(?![ \t]+(?:nhập|nghị|thảo|chợ|trại|thi|diễn|đàm|viên|đồng|ý|tụ|họp|ngộ|"
    r"quán|trường|khuyến|Nghị|Thảo|Chợ|Nhập)\b)|Liên[ \t]+đoàn|Hiệp[ \t]+[Hh]ội|Ủy[ \t]+ban|"
    r"Uỷ[ \t]+ban|Hội[ \t]+đồng|Liên[ \t]+hiệp|Liên[ \t]+minh)"
    r"(?P<words>(?:[ \t]+(?:[\w]+|[–-])){1,8}?)[ \t]+(?P<tail>(?i:quốc[ \t]+tế|thế[ \t]+giới))\b"
    # "Hiệp hội Vận tải quốc tế Việt Nam", "... quốc tế của tỉnh": a Vietnamese body's
    r"(?![ \t]+(?:Việt|VN|tỉnh|thành|của|tại[ \t]+Việt))"
    # "Hiệp hội Tình nguyện Quốc tế Daejin": the name goes on, another rule's
    r"(?![ \t]+[A-ZĐ])"
)
_WORLD_STOP = (_NAME_STOP - {"chủ", "đồng", "nhân"}) | {"hội", "nghị", "quốc", "gia"}
_WORLD_INNER_HEAD = re.compile(r"\b(?:Liên\s+hiệp|Liên\s+đoàn|Hiệp\s+hội|Ủy\s+ban|Hội\s+đồng)\b")


def _giving_way(orgs: list[_Org], start: int, end: int, families) -> list[_Org] | None:
    """The bodies read inside ``start``-``end`` that a longer reading of it replaces, or
    None when one of them stands (a unit, another family, or a body reaching outside)."""
    covered = [o for o in orgs if o.start < end and start < o.end]
    if any(
        o.is_unit or o.family not in families or o.start < start or o.end > end for o in covered
    ):
        return None
    return covered


def _add_world_bodies(text: str, orgs: list[_Org]) -> None:
    for m in _WORLD_NAMED.finditer(text):
        words = [w for w in m.group("words").split() if w not in "–-"]
        if any(w in _WORLD_STOP for w in words) or _WORLD_INNER_HEAD.search(m.group("words")):
            continue  # "Hội đồng Chủ tịch Liên hiệp Công đoàn Thế giới": the inner body's
        # a body read from the same start but cut short ("Hiệp hội Chữ thập đỏ - Trăng")
        # gives way; any other reading of these words stands
        covered = _giving_way(orgs, m.start(), m.end(), ("other", "known"))
        if covered is None:
            continue
        for other in covered:
            orgs.remove(other)
        name = " ".join(m.group(0).split())
        key = "world:" + fold(name)
        # "Liên hiệp Công đoàn Thế giới (WFTU)" anywhere in the text: named by the acronym
        given = re.search(
            re.escape(m.group(0)) + r"[ \t]*\((?P<a>[A-Z][A-Z&]{1,7})\)", text, re.IGNORECASE
        )
        if given and not given.group("a").isupper():
            given = None
        if given:
            name, key = given.group("a"), "known:" + fold(given.group("a"))
        orgs.append(_Org(name, m.start(), m.end(), False, "other", key, ""))
    orgs.sort(key=lambda o: o.start)


#: "Hội phẫu thuật hàm mặt và tạo hình Hàn Quốc", "Hội người khuyết tật thành phố Daejeon",
#: "Hội phẫu thuật “Vì nụ cười trẻ thơ” Hàn Quốc": an association abroad named in lower case
#: by what it gathers, its country or city last
_ASSOCIATION_ABROAD = re.compile(
    r"(?<!\w)(?<!Hiệp[ \t])(?<!Tổng[ \t])(?:Hội|Hiệp[ \t]+hội)"
    r"(?![ \t]+(?:nhập|nghị|thảo|chợ|trại|thi|diễn|đàm|viên|đồng|ý|tụ|họp|ngộ|quán|trường|"
    r"khuyến|sở|Nghị|Thảo|Chợ|Nhập)\b)"
    r"(?P<words>(?:[ \t]+(?:[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]\w*|“[^”\n]{1,40}”)){1,8}?)"
    rf"[ \t]+(?:(?:thành[ \t]+phố|tỉnh|TP\.?)[ \t]+)?(?={_CAP})"
)


#: "Hội cựu chiến binh quốc gia Lào": a national body
_ABROAD_STOP = _WORLD_STOP - {"quốc", "gia"}


def _add_associations_abroad(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _ASSOCIATION_ABROAD.finditer(text):
        words = re.sub(r"“[^”]*”", "", m.group("words")).split()
        # "Hội phụ nữ việt nam thành phố Kiev": the Vietnamese abroad, neither unit nor partner
        if any(w in _ABROAD_STOP or fold(w) == "viet" for w in words):
            continue
        hit = _place_at(hits, m.end())
        if hit is None or not hit.match.foreign or hit.match.kind == "region":
            continue
        # "Hội thầy thuốc Campuchia gốc Việt": likewise
        if re.match(r"[ \t]+gốc[ \t]+Việt", text[hit.end :]):
            continue
        end = _with_seat(text, hit.end, hits)
        covered = _giving_way(orgs, m.start(), end, ("other", "known"))
        if covered is None:
            continue
        for other in covered:
            orgs.remove(other)
        name = " ".join(text[m.start() : end].split())
        # one body however it is written: "Hội cựu chiến binh quốc gia Lào", later "Hội cựu
        # chiến binh Lào" and "Hội cựuchiến binh Lào"
        key = "abroad:" + fold(name).replace(" ", "")
        written = set(fold(name).split())
        if any(
            o.key == key or (o.key.startswith("abroad:") and written <= set(fold(o.name).split()))
            for o in orgs
        ):
            continue
        orgs.append(_Org(name, m.start(), end, False, "other", key, hit.match.country))
    orgs.sort(key=lambda o: o.start)


#: "tổ chức GPI/Hàn Quốc": a body named by its acronym, its country after a slash
_SLASH_COUNTRY = re.compile(r"\b(?i:tổ\s+chức)[ \t]+(?P<a>[A-Z][A-Za-z0-9&-]{1,15})/(?=\S)")


#: "các công ty EEEC (Thái Lan), CDC (Singapo), VTT (Phần Lan) và NEF (Anh)", "đại học
#: CUNNY (Hoa kỳ)": a body written only as its acronym, with its country in parentheses,
#: after a word that names a body, or after another such body of one list (not standards
#: or clubs: "tiêu chuẩn ASTM (Mỹ), JIS (Nhật Bản)", "với PSG (Pháp)"; not inside a name:
#: "Viện giao lưu văn hóa Quốc tế IEC (Hàn Quốc)"; not a numeral: "vùng III (Lào)")
_ACRONYM_COUNTRY = re.compile(
    r"(?:(?<![\w])(?P<head>(?i:đại[ \t]+học))[ \t]+)?(?<![\w(/.-])"
    r"(?P<a>(?!(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)\b)[A-Z][A-Z&]{2,7})"
    r"[ \t]*\([ \t]*(?P<c>[^()\n,;]{2,20}?)[ \t]*\)"
)
_ACRONYM_COUNTRY_AFTER = re.compile(
    r"\b(?i:công[ \t]+ty|tập[ \t]+đoàn|tổ[ \t]+chức|cơ[ \t]+quan|hãng|quỹ|chính[ \t]+phủ)[ \t]+$"
)
_ACRONYM_COUNTRY_NEXT = re.compile(r"[ \t]*(?:,|và)[ \t]*")


def _add_acronyms_with_country(text: str, orgs: list[_Org]) -> None:
    listed_end = None  # where the last body of a list ends
    for m in _ACRONYM_COUNTRY.finditer(text):
        acronym = m.group("a")
        start = m.start("head") if m.group("head") else m.start("a")
        cued = m.group("head") or _ACRONYM_COUNTRY_AFTER.search(text, max(0, start - 12), start)
        in_list = listed_end is not None and _ACRONYM_COUNTRY_NEXT.fullmatch(
            text, listed_end, start
        )
        if not cued and not in_list:
            continue
        if acronym in _HOME_ACRONYMS:
            continue
        if any(o.start < m.end() and start < o.end for o in orgs):
            # "KSSA (Hàn Quốc) và CHI (Hoa Kỳ)": the acronym read already, the list goes on
            if any(o.start <= m.start("a") and m.end("a") <= o.end <= m.end() for o in orgs):
                listed_end = m.end()
            continue
        country = _foreign_country(m.group("c"))
        if country is None:
            continue
        listed_end = m.end()
        key = "known:" + fold(acronym)
        if any(o.key == key for o in orgs):
            continue
        name = " ".join(text[start : m.end("a")].split())
        orgs.append(_Org(name, start, m.end("a"), False, "other", key, country.code))
    orgs.sort(key=lambda o: o.start)


def _add_slash_country_orgs(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _SLASH_COUNTRY.finditer(text):
        hit = _place_at(hits, m.end())
        if hit is None or hit.match.kind != "country" or not hit.match.foreign:
            continue
        for other in [o for o in orgs if o.start < hit.end and m.start() < o.end]:
            orgs.remove(other)
        acronym = m.group("a")
        orgs.append(
            _Org(
                acronym,
                m.start(),
                hit.end,
                False,
                "other",
                "known:" + fold(acronym),
                hit.match.country,
            )
        )
    orgs.sort(key=lambda o: o.start)


def _add_acronym_orgs(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _ACRONYM_NAMED.finditer(text):
        # "Bộ Công an Việt Nam phối hợp với Cơ quan phòng, chống ma túy Hoa Kỳ (DEA)", "Bộ
        # Khoa học và Công nghệ Ấn Độ, Quỹ nghiên cứu quốc gia Anusandhan (ANF)": the name
        # starts at the last head before its acronym that begins a new name (not "Cơ quan
        # Viện trợ Nhân đạo ... (ECHO)")
        at = m.start("words")
        # "Trung tâm Văn hóa Hàn Quốc tại Việt Nam, Văn phòng đại diện Tổng cục Du lịch Hàn
        # Quốc (KTO)": a country before a comma ends one body's name; the next starts after
        ends = [h.end for h in hits if h.match.kind == "country" and at <= h.end < m.end()]
        cut = max((e for e in ends if re.match(r"[ \t]*,", text[e : e + 3])), default=None)
        if cut is not None:
            inner = _ACRONYM_NAMED.search(text, cut, m.end())
            if inner is None:
                continue
            m = inner
            at = m.start("words")
        while (inner := _ACRONYM_NAMED.search(text, at, m.end())) is not None:
            at = inner.start() + 1
            if re.search(
                r"(?:,|\b(?:với|và|của|giữa|cùng))[ \t]+$",
                text[max(0, inner.start() - 8) : inner.start()],
            ):
                m = inner
        acronym = m.group("a")
        # a body read from the start of the name, not bounded up to its acronym, gives way
        covered = _giving_way(orgs, m.start(), m.end(), ("other",))
        if acronym in _HOME_ACRONYMS or covered is None:
            continue
        # 'Tổ chức "Cựu chiến binh Mỹ tham chiến tại Việt Nam" (VVA)': a name in quotes
        words = m.group("words").strip('"“”')
        # a name after a head that is only a noun may start in lower case ("Hội đồng hòa
        # bình và hữu nghị Nhật-Việt (JVPF)"); after "tổ chức" it would be the verb's object
        noun_head = m.group("head").startswith("Hội đồng")
        if any(not v.group(0).startswith(("ở", "tại")) for v in _IN_VIETNAM.finditer(words)):
            continue
        # a foreign place in the name, or "của <country>" right after the acronym
        inside = [h for h in hits if m.start("words") <= h.start < m.end("words")]
        after = re.match(r"[^.;\n]{0,20}?\bcủa[ \t]+", text[m.end() : m.end() + 40])
        if after:
            hit = _place_at(hits, m.end() + after.end())
            inside += [hit] if hit is not None else []
        foreign = [h for h in inside if h.match.foreign and h.match.kind == "country"]
        if not foreign and m.group("ac") and (country := _foreign_country(m.group("ac"))):
            # "Tổ chức Làng Hoa sen quốc tế (ILV, Hàn Quốc)": the country beside the acronym
            foreign = [PlaceHit(m.start("ac"), m.end("ac"), m.group("ac"), country)]
        if not foreign:
            # "Cơ quan Trao đổi Hàn lâm Đức (DAAD)": the country that ends the name, which the
            # place finder leaves alone in running text ("Đức", also a given name)
            tail = words.split()
            for n in (1, 2, 3):
                written = " ".join(tail[-n:])
                country = _foreign_country(written) if n < len(tail) else None
                if country is not None:
                    at = m.start("words") + words.rindex(written)
                    foreign = [PlaceHit(at, at + len(written), written, country)]
                    break
        if not (noun_head or re.match(_CAP, words)) and not (
            # a name in lower case after "tổ chức" is the verb's object; after another head, a
            # body's name when a foreign country is written in it ("Viện quốc gia về Nghệ thuật
            # và Nghề nghiệp Pháp (CNAM)", "Viện các vấn đề môi trường độc lập của Đức (UfU)")
            foreign and fold(m.group("head")) != "to chuc"
        ):
            continue
        # "Tổ chức Children’s Hope In Action (CHIA)": a name in a foreign language
        name_words = [re.sub(r"[’']s?$", "", w) for w in words.split()]
        foreign_name = all(_foreign_word(w) or len(w) <= 2 for w in name_words) and any(
            _foreign_word(w) for w in name_words
        )
        own = m.group("own")
        if own:
            own_words = own.split()
            foreign_name = foreign_name or (
                all(_foreign_word(w) or len(w) <= 3 for w in own_words)
                and sum(_foreign_word(w) for w in own_words) >= 2
            )
        world = (
            _WORLD_BODY.search(words.rstrip()) is not None
            or _WORLD_BODY_NAMED.search(words) is not None
            or _REGION_NAMED.search(words) is not None
        )
        if not foreign and not foreign_name and not world:
            continue
        viet = _VIET_FIRST.match(words)
        if viet and not any(
            h.match.foreign and h.start < m.start("words") + viet.end() for h in inside
        ):
            continue
        for other in covered:
            orgs.remove(other)
        country = foreign[0].match.country if foreign else ""
        orgs.append(
            _Org(acronym, m.start(), m.end(), False, "other", "known:" + fold(acronym), country)
        )
    orgs.sort(key=lambda o: o.start)


#: "Đại sứ Cuba tại Việt Nam", "Tổng Lãnh sự Singapore": the mission, named
#: "Đại sứ quán Cuba" / "Tổng lãnh sự quán Singapore" when the text names only its head
_ENVOY = re.compile(
    r"\b(?P<head>(?i:Đại\s+sứ)|(?i:Tổng\s+Lãnh\s+sự)|(?i:Lãnh\s+sự)|ĐSQ)(?!\s+quán)"
    # "Đại sứ đặc mệnh toàn quyền Nhật Bản": the ambassador of Japan
    r"(?:[ \t]+(?i:đặc\s+mệnh\s+toàn\s+quyền))?[ \t]+"
    # "Lãnh sự Vương quốc Campuchia", "Phó Lãnh sự Cộng hòa Dân chủ Nhân dân Lào": the
    # country's state name before its name
    # "Đại sứ đặc mệnh toàn quyền nước Cộng hòa Ấn Độ", "Đại sứ ... Cộng hòa dân chủ nhân dân
    # (CHDCND) Lào": with "nước", the state's name in any case, its acronym after it
    r"(?:nước[ \t]+)?"
    r"(?:(?:Vương[ \t]+quốc|Cộng[ \t]+h(?:òa|oà|oa)(?:[ \t]+(?i:dân[ \t]+chủ[ \t]+nhân[ \t]+dân))?|"
    r"Liên[ \t]+bang|Nhà[ \t]+nước)[ \t]+(?:\([A-ZĐ]{2,8}\)[ \t]+)?)?"
)


def _add_missions(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _ENVOY.finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        hit = _place_at(hits, m.end())
        if hit is None or hit.match.kind != "country" or not hit.match.foreign:
            continue
        head = " ".join(m.group("head").split())
        # "ĐSQ Nhật Bản" is the embassy written short
        # a consul named without the mission: the consulate general, as the press calls
        # the missions in Hồ Chí Minh City and Đà Nẵng ("Lãnh sự Vương quốc Campuchia tại
        # TPHCM": "Tổng lãnh sự quán Campuchia")
        mission = "Đại sứ quán" if fold(head) in ("dai su", "dsq") else "Tổng lãnh sự quán"
        key = _mission_key(mission, hit.match.country)
        if any(o.key == key for o in orgs):
            continue  # the mission is named in full elsewhere
        name = f"{mission} {hit.text}"
        orgs.append(
            _Org(name, m.start(), hit.end, False, "other", key, hit.match.country, guessed=True)
        )


#: "Đại sứ Osius", "Đại sứ Robyn Mudie", "Đại sứ Hoa Kỳ Ted Osius": an ambassador and the
#: name after the title (a country's name first, when written)
_ENVOY_BY_NAME = re.compile(
    r"\b(?i:Đại[ \t]+sứ)(?![ \t]+(?i:quán))[ \t]+(?:(?:ông|bà|ngài|Ngài)[ \t]+)?"
    rf"(?P<name>{_CAP}[\w.'’-]*(?:[ \t]+{_CAP}[\w.'’-]*){{0,5}})"
)


#: an ambassador of a cause or a goodwill ambassador, not a state's envoy
_THEMATIC_ENVOY = re.compile(
    r"(?i:Đại[ \t]+sứ[ \t]+(?:vì|thiện[ \t]+chí|toàn[ \t]+cầu|lưu[ \t]+động))"
)


def _person_words(name: str) -> list[str]:
    """The words of a person's name that are not Vietnamese syllables ("Ted Osius":
    "Ted", "Osius"; "Choi Youngsam": "Youngsam")."""
    return [w.strip(".") for w in name.split() if _foreign_word(w.strip("."))]


def _envoys_named(raw: str) -> dict[str, str]:
    """Country of each ambassador the text names with the country before the name, photo
    captions included ("Đại sứ Hoa Kỳ Ted Osius ... Ảnh: Hà Phượng"): folded name word ->
    country code."""
    named: dict[str, str] = {}
    for m in _ENVOY_BY_NAME.finditer(raw):
        found = [
            h
            for h in find_places(m.group("name"))
            if h.start == 0 and h.match.kind == "country" and h.match.foreign
        ]
        if not found:
            continue
        for word in _person_words(m.group("name")[found[0].end :]):
            named.setdefault(fold(word), found[0].match.country)
    return named


def _add_envoys_by_name(text: str, raw: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    """ "Đại sứ Osius bày tỏ ...": the mission of an ambassador named without a country, when
    the text names his or her country elsewhere (a caption: "Đại sứ Hoa Kỳ Ted Osius") or
    names one foreign country only. A name of Vietnamese syllables alone ("Đại sứ Hoàng Văn
    Lợi") is Việt Nam's own ambassador."""
    if _THEMATIC_ENVOY.search(raw):
        # "Bà Natasha Stott Despoja, Đại sứ vì Phụ nữ và Trẻ em gái của Australia": an
        # ambassador of a cause, no mission; "bà Đại sứ Stott Despoja" is her
        return
    named: dict[str, str] | None = None
    foreign = {h.match.country for h in hits if h.match.kind == "country" and h.match.foreign}
    for m in _ENVOY_BY_NAME.finditer(text):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        if _place_at(hits, m.start("name")) is not None:
            continue  # "Đại sứ Hoa Kỳ": the envoy of a country (_add_missions)
        words = _person_words(m.group("name"))
        if not words:
            continue
        if named is None:
            named = _envoys_named(raw)
        country = next((named[fold(w)] for w in words if fold(w) in named), None)
        if country is None and len(foreign) == 1:
            country = next(iter(foreign))
        if country is None:
            continue
        key = _mission_key("Đại sứ quán", country)
        if any(o.key == key for o in orgs):
            continue
        # the fullest form the text writes ("Hàn Quốc", not "Hàn" of "Việt - Hàn")
        written = max(
            (h.text for h in hits if h.match.kind == "country" and h.match.country == country),
            key=len,
            default=None,
        )
        if written is None:
            continue  # the country only in a caption: no name to give the mission
        orgs.append(
            _Org(
                f"Đại sứ quán {written}",
                m.start(),
                m.end("name"),
                False,
                "other",
                key,
                country,
                guessed=True,
            )
        )
    orgs.sort(key=lambda o: o.start)


def _foreign_word(word: str) -> bool:
    """A word that is not a Vietnamese syllable ("Unilever", "Nestlé"); an acronym in
    capitals ("LHPN") is not taken for one."""
    # "Procter&Gamble": each side of an ampersand
    if "&" in word.strip("&"):
        return any(_foreign_word(part) for part in word.split("&"))
    folded = fold(word)
    return (
        len(folded) > 2
        and folded.isalpha()
        and not word.isupper()
        and not VI_SYLLABLE.fullmatch(folded)
    )


#: capitalised words that start a new phrase, not part of a name
_CAPITAL_STOP = {"Bà", "Ông", "Chị", "Anh", "Tại", "Ngày", "Sáng", "Chiều", "Theo", "Đây", "Đồng"}


#: a company or a foundation named in a foreign language: "công ty TNHH Procter &
#: Gamble", "Quỹ Unilever Việt Nam", "Nestlé Việt Nam", "Tập đoàn Hyundai Motor"
_COMPANY = re.compile(
    rf"(?:(?P<head>[Cc]ông\s+ty|Tập\s+đoàn|Quỹ)(?:\s+(?:TNHH|[Cc]ổ\s+phần|CP))?\s+)?"
    # "Posco E&C", "Procter & Gamble", "Procter&Gamble"
    rf"(?P<name>{_CAP}[\w'’-]*(?:\.\w+)*(?:&[A-Z]\w*)?(?:[ \t]+(?:&[ \t]+)?{_CAP}[\w'’-]*(?:\.\w+)*"
    r"(?:&[A-Z]\w*)?){0,4})"
)


def _add_companies(text: str, orgs: list[_Org]) -> None:
    for m in _COMPANY.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in orgs if o.family != "other"):
            continue
        words = m.group("name").split()
        cut = next((k for k, w in enumerate(words) if w in _CAPITAL_STOP), len(words))
        words = words[:cut]
        if not any(_foreign_word(w) for w in words):
            continue
        if not m.group("head"):
            # no "công ty": a foreign name followed by "Việt Nam" ("Nestlé Việt Nam")
            if (
                len(words) < 3
                or words[-2:] != ["Việt", "Nam"]
                or not all(_foreign_word(w) for w in words[:-2])
            ):
                continue
            if m.start() == 0 or text[m.start() - 1] == "\n":
                continue
        inside = [o for o in orgs if o.start < m.end() and m.start() < o.end]
        for other in inside:
            orgs.remove(other)
        end = m.start("name")
        for w in words:
            end = text.index(w, end) + len(w)
        name = " ".join(text[m.start() : end].split())
        first = next(w for w in words if _foreign_word(w))
        orgs.append(_Org(name, m.start(), end, False, "company", "company:" + fold(first)))


_ACRONYM_AFTER = re.compile(
    # "Tổ chức Good Neighbors International (GNI)": a known name, then more of it
    r"(?:[ \t]+(?:International|Quốc[ \t]+tế|Foundation|Inc\.?))?"
    r"[ \t]*\((?:(?:gọi|viết)\s+tắt\s+(?:là\s+)?)?"
    # "(INWES-APNN)": two acronyms joined by a hyphen name one body
    r"(?P<a>[A-Z][A-Za-z&]{1,9}(?:-[A-Z][A-Z&]{1,9})?(?:\s[A-Z][a-z]{2,8})?)"
    # "(NPA-Na Uy)", "(ACS – Thụy Điển)": the acronym, then the body's country
    r"(?:[ \t]*[-–][ \t]*(?P<country>[A-ZĐ][\w \t]{1,20}?))?\)"
    # "Liên minh Bảo tồn thiên nhiên quốc tế – IUCN": the acronym after a dash
    r"|[ \t]+[–-][ \t]+(?P<dashed>[A-Z]{3,8})(?=[ \t]*[,.;]|[ \t]+(?:và|đã|cùng|với)\b)"
)


def _use_acronyms(text: str, orgs: list[_Org]) -> None:
    """A partner written with its acronym in parentheses is named by the acronym
    ("Viện Phát triển Phụ nữ Hàn Quốc (KWDI)" -> "KWDI")."""
    for org in list(orgs):
        if org not in orgs or org.is_unit or org.family not in ("other", "company", "wu", "known"):
            continue
        if org.key.startswith("locality:"):
            continue  # "tỉnh BenGuet (PhiLippin)": its country, not its acronym
        m = _ACRONYM_AFTER.match(text, org.end)
        acronym = m and (m.group("a") or m.group("dashed"))
        # "(UN Women)", "(InWEnt)", not an English name ("Chương trình Hòa bình (Peace Corps)":
        # the first name written stays)
        if not acronym or not any(c.isupper() for c in acronym.split()[0][1:]):
            continue
        if m.group("dashed") and (org.family == "wu" or acronym in _HOME_ACRONYMS):
            continue
        country = org.country
        if m.group("country") and (place := match_place(m.group("country").strip())):
            if place.kind == "country" and place.foreign:
                country = place.country
        inside = [o for o in orgs if m.start() <= o.start < m.end()]
        for other in inside:
            orgs.remove(other)  # the acronym itself, found as a known name
        at = orgs.index(org)
        orgs[at] = _Org(
            acronym, org.start, m.end(), False, org.family, "known:" + fold(acronym), country
        )
        # the same name written in full elsewhere (a headline before the acronym is given)
        for k, same in enumerate(orgs):
            if same.key == org.key and same is not org and not same.is_unit:
                orgs[k] = _Org(
                    acronym,
                    same.start,
                    same.end,
                    False,
                    same.family,
                    "known:" + fold(acronym),
                    same.country,
                )


#: the union's own institutions and the Vietnamese women's organisations beside it:
#: units of the Vietnamese side, never partners
_WU_INSTITUTION_RE = re.compile(
    r"Bảo\s+tàng\s+Phụ\s+nữ(?:\s+Việt\s+Nam|\s+Nam\s+Bộ)?|"
    r"Học\s+viện\s+Phụ\s+nữ(?:\s+Việt\s+Nam)?|"
    # the VWU's Center for Women and Development, also written "Trung tâm Hỗ trợ Phụ nữ và
    # Phát triển" (CSWD)
    r"Trung\s+tâm\s+(?:[Hh]ỗ\s+trợ\s+)?[Pp]hụ\s+nữ\s+(?:và\s+)?[Pp]hát\s+triển|"
    # the VWU's army women's committee
    r"Ban\s+[Pp]hụ\s+nữ\s+Quân\s+đội|"
    r"[Nn]hà\s+[Vv]ăn\s+(?:hóa|hoá)\s+Phụ\s+nữ(?:\s+(?:TP\.?\s?HCM|TPHCM|TP\.?\s+Hồ\s+Chí\s+Minh))?|"
    r"Hội\s+Nữ\s+(?i:trí\s+thức)(?:\s+Việt\s+Nam)?"
)


#: Vietnamese embassies and consulates ("Đại sứ quán Việt Nam tại Thái Lan") are the
#: Vietnamese side, not partners (nor are Vietnamese women's associations abroad: they
#: are listed apart, ``overseas``)
_VIETNAMESE_ABROAD = re.compile(
    r"(?i:Đại\s+sứ\s+quán|Lãnh\s+sự\s+quán|Tổng\s+lãnh\s+sự\s+quán|Đại\s+sứ|"
    r"Tổng\s+lãnh\s+sự)\s+Việt\s+Nam\b"
)


#: "Việt-Nhật", "Việt - Nga", "Việt–Hàn": a pair of countries closing a name
_PAIR_TAIL = re.compile(rf"[ \t]+Việt[ \t]*[-–][ \t]*{_CAP}\w*")


#: "các ngành giảng dạy bằng tiếng Anh", "Khoa tiếng Hàn Quốc", "ngành Ngôn ngữ Hàn Quốc":
#: a language, not a country of the activity
_LANGUAGE_BEFORE = re.compile(r"(?i:\btiếng|ngôn\s+ngữ)[ \t]+$")


def _a_language(text: str, hit: PlaceHit) -> bool:
    """ "tiếng Anh": a country's name after "tiếng" or "ngôn ngữ" names its language."""
    return hit.match.kind == "country" and bool(
        _LANGUAGE_BEFORE.search(text, max(0, hit.start - 12), hit.start)
    )


def _vietnamese_my(text: str, hit: PlaceHit) -> bool:
    """ "Mỹ Sơn", "Mỹ Tho", "Mỹ Đình": "Mỹ" before a capitalised Vietnamese syllable begins
    a Vietnamese place's name, and "Mỹ Latinh" is Latin America: neither is the United
    States ("Đại sứ Mỹ Ted Osius" is, "Hội hữu nghị Mỹ Việt" too)."""
    if hit.text != "Mỹ":
        return False
    if re.match(r"[ \t]+(?i:la[ \t-]?tinh)\b", text[hit.end : hit.end + 12]):
        return True
    after = re.match(rf"[ \t]+({_CAP}\w*)", text[hit.end : hit.end + 20])
    return (
        after is not None
        and after.group(1) != "Việt"
        and VI_SYLLABLE.fullmatch(fold(after.group(1))) is not None
    )


def _for_peace(text: str, hit: PlaceHit) -> bool:
    """ "vì Hòa bình và Phát triển" (for peace and development) is not the province of
    Hòa Bình: the name of the Cambodian women's union goes on."""
    return fold(hit.text) == "hoa binh" and bool(
        re.search(r"\b[Vv]ì\s+$", text[max(0, hit.start - 5) : hit.start])
    )


def _add_institutions(text: str, orgs: list[_Org], hits: list[PlaceHit]) -> None:
    for m in _WU_INSTITUTION_RE.finditer(text):
        if re.search(r"(?:tại|ở)\s+$", text[max(0, m.start() - 6) : m.start()]):
            continue  # "tại Bảo tàng Phụ nữ Việt Nam": a venue, not a unit taking part
        abroad = _place_at(hits, _skip_ws(text, m.end()))
        if abroad is not None and abroad.match.foreign and abroad.match.kind == "country":
            # "Bảo tàng Phụ nữ Mexico (Museo de la Mujer)": a foreign institution, a partner
            inside = [o for o in orgs if m.start() <= o.start < abroad.end]
            for other in inside:
                orgs.remove(other)
            name = _clean_name(text[m.start() : abroad.end])
            orgs.append(
                _Org(
                    name,
                    m.start(),
                    abroad.end,
                    False,
                    "other",
                    "other:" + fold(name),
                    abroad.match.country,
                )
            )
            continue
        inside = [o for o in orgs if o.start <= m.start() < o.end or m.start() <= o.start < m.end()]
        if any(o.is_unit for o in inside):
            continue
        pair = _PAIR_TAIL.match(text, m.end())
        if pair:
            # "Hội Nữ trí thức Việt-Nhật": an association of Vietnamese abroad (or a
            # friendship body) named after the pair of countries, not the union's own
            for other in inside:
                orgs.remove(other)
            name = _clean_name(text[m.start() : pair.end()])
            orgs.append(
                _Org(name, m.start(), pair.end(), False, "overseas", "overseas:" + fold(name))
            )
            continue
        for other in inside:
            orgs.remove(other)
        name = m.group(0)
        orgs.append(_Org(name, m.start(), m.end(), True, "wu", "institution:" + fold(name)))


_UNNAMED_UNIT = re.compile(
    rf"(?:{_CENTRAL})?(?:Hội\s+Liên\s+hiệp\s+[Pp]hụ\s+nữ|Hội\s+LHPN)\s+(?:tỉnh|thành\s+phố)\b"
)
#: a post held in the unit, before its name ("Chủ tịch Hội LHPN tỉnh Đặng Thị Hồng Nga")
_HOLDER_BEFORE = re.compile(r"(?:Phó\s+)?(?i:chủ\s+tịch)[ \t]+$")


def _complete_from_title(work: str, orgs: list[_Org], hits: list[PlaceHit], title_span) -> None:
    """ "Hội Liên hiệp phụ nữ tỉnh" with no name, in an article whose headline names one
    province ("Một đại biểu Đồng Nai ..."), or, with none in the headline, whose text names
    only one: the unit of that province."""
    provinces = {
        h.match.code: h
        for h in hits
        if title_span[0] <= h.start < title_span[1] and h.match.kind == "vn_province"
    }
    search_from = title_span[1]
    if not provinces:
        # no province in the headline: the one province the whole text names, if it names
        # only one ("Hội Liên hiệp Phụ nữ tỉnh phối hợp ..." in an article where only
        # "Ủy ban nhân dân tỉnh Tuyên Quang" names a province); the headline's own
        # unnamed unit is then its first form
        provinces = {h.match.code: h for h in hits if h.match.kind == "vn_province"}
        search_from = 0
    if len(provinces) != 1:
        return
    (hit,) = provinces.values()
    key = f"wu:{hit.match.code}"
    if any(o.key == key for o in orgs):
        return
    for m in _UNNAMED_UNIT.finditer(work, search_from):
        if any(o.start <= m.start() < o.end for o in orgs):
            continue
        named = re.match(rf"[ \t]+{_CAP}", work[m.end() :])
        if named and (
            any(h.start == m.end() + named.end() - 1 for h in hits)
            or not _HOLDER_BEFORE.search(work, max(0, m.start() - 30), m.start())
        ):
            continue  # "Hội LHPN tỉnh Phú Yên": named; unless a person's name follows her
            # title ("Chủ tịch Hội LHPN tỉnh Đặng Thị Hồng Nga")
        written = re.sub(r"^(?i:tỉnh|thành\s+phố|TP\.?)\s+", "", hit.text)
        name = f"{_clean_name(m.group(0))} {written}"
        orgs.append(_Org(name, m.start(), m.end(), True, "wu", key, "VN", guessed=True))
        orgs.sort(key=lambda o: o.start)
        return


def _clean_name(name: str) -> str:
    """A name as written, on one line, without an inserted "(LHPN)"."""
    return " ".join(_INSERTED_ACRONYM.sub("", name).split())


def _vn_units(head: str, places: list[PlaceHit]) -> list[_Org]:
    """One unit per Vietnamese province of a list, "Hội LHPN tỉnh X" or, for a
    centrally-run city, "Hội LHPN TP X"."""
    head = _clean_name(head)
    out = []
    for p in places:
        level = "TP" if p.match.code in _CENTRAL_CITIES else "tỉnh"
        name = _PLACE_PREFIX_START.sub("", p.text)
        out.append(
            _Org(f"{head} {level} {name}", p.start, p.end, True, "wu", f"wu:{p.match.code}", "VN")
        )
    return out


def _country_after(text: str, end: int, hits: list[PlaceHit]) -> PlaceHit | None:
    """A place in parentheses or after a comma right after ``end``: "(Lào)"."""
    m = re.match(r"\s*(?:\(|,\s*(?:(?:tỉnh|nước|thành\s+phố)\s+)?|[-–]\s*)", text[end : end + 12])
    if not m:
        return None
    hit = _place_at(hits, end + m.end())
    if hit is not None and hit.match.foreign:
        return hit
    return None


#: "... vì hòa bình và phát triển": the name of the Cambodian women's unions
_FOR_PEACE = re.compile(
    r"[ \t]+(?i:vì)[ \t]+(?i:hòa|hoà)[ \t]+(?i:bình)[ \t]+(?i:và)[ \t]+(?i:phát)[ \t]+(?i:triển)"
)


def _peace_union(text: str, head_start: int, pos: int, hits: list[PlaceHit]) -> _Org | None:
    """ "Hội Phụ nữ vì hòa bình và phát triển tỉnh Stung Treng": a Cambodian provincial
    women's union written without "Campuchia" — named by the foreign province after it."""
    tail = _FOR_PEACE.match(text, pos)
    if not tail:
        return None
    level = re.match(r"[ \t]+(?:tỉnh|thành\s+phố|thủ\s+đô)[ \t]+", text[tail.end() :])
    if not level:
        return None
    hit = _place_at(hits, tail.end() + level.end())
    if hit is None or not hit.match.foreign:
        return None
    name = _clean_name(text[head_start : hit.end])
    return _Org(name, head_start, hit.end, False, "wu", f"wu:{hit.match.code}", hit.match.country)


#: "... các huyện Romeas heak, Pônhiakrech, Memôt, Komchaymia thuộc Vương quốc Campuchia",
#: "... 2 tỉnh Tàkeo, Kandal (vương quốc Campuchia)": Cambodian localities the gazetteer may
#: not know, listed after their level word, their country written after them
_CAMBODIAN_LIST = re.compile(
    r"[ \t]+(?:các|hai|ba|bốn|năm|\d+)[ \t]+(?P<level>tỉnh|huyện)[ \t]+"
    rf"(?P<names>{_CAP}[\w'-]*(?:[ \t]+(?!và\b|thuộc\b)[a-z][\w'-]*)?"
    rf"(?:[ \t]*(?:,|và)[ \t]*{_CAP}[\w'-]*(?:[ \t]+(?!và\b|thuộc\b)[a-z][\w'-]*)?)+)"
    r"[ \t]*(?:\(|,)?[ \t]*(?:thuộc[ \t]+)?(?i:vương[ \t]+quốc[ \t]+)?Campuchia\b"
)


def _peace_unions_listed(text: str, head_start: int, pos: int) -> list[_Org]:
    """ "Hội Phụ nữ vì hòa bình và phát triển các huyện Romeas heak, Pônhiakrech, Memôt,
    Komchaymia thuộc Vương quốc Campuchia": one Cambodian women's union per locality."""
    tail = _FOR_PEACE.match(text, pos)
    if not tail:
        return []
    m = _CAMBODIAN_LIST.match(text, tail.end())
    if not m:
        return []
    stem = " ".join(text[head_start : tail.end()].split())
    return _unions_per_locality(stem, m.group("level"), m.group("names"), m.start("names"), "KH")


def _unions_per_locality(
    stem: str,
    level: str,
    names: str,
    names_start: int,
    country: str,
    *,
    span: tuple[int, int] | None = None,
    enumerated: bool = False,
) -> list[_Org]:
    """One union of ``country`` per locality listed after its level word ("... các xã Koki
    và Takró"), named "<stem> <level> <name>"; each spans its own name in the text, or
    ``span`` for all."""
    orgs = []
    for item in re.finditer(r"[^,]+?(?=[ \t]*(?:,|\bvà\b|$))", names):
        name = item.group(0).strip()
        if name.startswith("và "):
            name = name[3:]
        if not name:
            continue
        start, end = span or (names_start + item.start(), names_start + item.end())
        orgs.append(
            _Org(
                f"{stem} {level} {name}",
                start,
                end,
                False,
                "wu",
                f"wu:{country}:{fold(name)}",
                country,
                enumerated=enumerated,
            )
        )
    return orgs


#: "các xã Koki và Takró": local bodies listed by their level word and their names
_LOCAL_LIST = re.compile(
    rf"[ \t]+các[ \t]+(?P<level>xã|huyện|tỉnh|bản|làng)[ \t]+"
    rf"(?P<names>{_CAP}[\w'-]*(?:[ \t]*(?:,|và)[ \t]*{_CAP}[\w'-]*)+)"
)


def _wu_org(text, match_start, head_start, head, pos, level, places, hits) -> list[_Org] | None:
    head_clean = " ".join(head.split())
    if (
        places
        and any(p.match.country == "VN" for p in places)
        and any(p.match.foreign for p in places)
    ):
        # "Hội LHPN Việt Nam và Lào", "Hội LHPN tỉnh Gia Lai và Stung Treng": the two
        # sides together; the Vietnamese province is a unit, the other side is named apart
        vn = [p for p in places if p.match.kind == "vn_province"]
        if len(vn) != 1:
            return None
        places, end = vn, vn[0].end
        name = _clean_name(text[head_start:end])
        return [_Org(name, head_start, end, True, "wu", f"wu:{vn[0].match.code}", "VN")]
    if (
        len(places) > 1
        and places[-1].match.kind == "country"
        and all(
            p.match.kind == "subdivision" and p.match.country == places[-1].match.country
            for p in places[:-1]
        )
    ):
        # "Hội LHPN tỉnh Bolykhămxay, Lào": the province, then its country
        places = places[:-1]
    if places:
        last = places[-1]
        end = last.end
        # "Hội Phụ nữ Campuchia vì Hòa bình và Phát triển" (also in lower case), and the
        # province that may follow ("... vì Hòa bình và Phát triển tỉnh Stung Treng")
        tail = re.match(
            r"\s+[Vv]ì\s+(?i:hòa|hoà)\s+(?i:bình)(?:\s+và\s+(?i:phát)\s+(?i:triển))?",
            text[end:],
        ) or re.match(
            r"\s+[Vv]ì\s+[A-ZĐ]\w*(?:[ \t]+(?:và[ \t]+)?(?:[A-ZĐ]\w*|bình|phát|triển)){0,4}",
            text[end:],
        )
        if tail and len(places) == 1 and not level:
            end += tail.end()
            listed = _LOCAL_LIST.match(text, end)
            if listed and places[0].match.foreign:
                # "Hội phụ nữ Campuchia vì hòa bình và phát triển các xã Koki và Takró": one
                # union per commune listed
                return _unions_per_locality(
                    _clean_name(text[head_start:end]),
                    listed.group("level"),
                    listed.group("names"),
                    listed.start("names"),
                    places[0].match.country,
                    span=(head_start, listed.end()),
                    enumerated=True,
                )
            province = re.match(r"[ \t]+(?:tỉnh|thành\s+phố|thủ\s+đô)[ \t]+", text[end:])
            after = _place_at(hits, end + province.end()) if province else None
            if after is not None and after.match.foreign:
                end = after.end
                places = [after]
        # "Hội Phụ nữ Việt Nam tại Séc"
        at = re.match(r"\s+(?:tại|ở)\s+", text[end:])
        abroad = None
        if at:
            abroad = _place_at(hits, end + at.end())
            if abroad is not None and abroad.match.foreign and abroad.match.kind != "vn_province":
                end = abroad.end
            else:
                abroad = None
        after = _country_after(text, end, hits)
        foreign_hits = [p for p in places if p.match.foreign] + ([abroad] if abroad else [])
        if after is not None:
            foreign_hits.append(after)
        level_text = " ".join(level.group(0).split()) if level else ""
        collective = bool(level and re.match(rf"{_COUNT}\s", level_text))
        if places[0].match.kind == "region" and len(places) == 1:
            # "Hội Phụ nữ 4 tỉnh Nam Lào (Attapư, Chămpasắk, Salavan, Sêkông)": the region's
            # provinces listed after it, one union each
            paren = re.match(r"[ \t]*\(", text[end:])
            listed = _read_places_list(text, end + paren.end(), hits) if paren else []
            if len(listed) > 1 and all(p.match.kind == "subdivision" for p in listed):
                places, foreign_hits = listed, listed
        if foreign_hits:
            country = next((p.match.country for p in foreign_hits), "")
            if len(places) > 1 and all(p.match.kind == "subdivision" for p in places):
                singular = _singular_level(level_text)
                out = []
                for p in places:
                    name = f"{head_clean} {singular} {p.text}".replace("  ", " ")
                    out.append(
                        _Org(
                            name,
                            head_start,
                            p.end,
                            False,
                            "wu",
                            f"wu:{p.match.code}",
                            p.match.country,
                            enumerated=True,
                        )
                    )
                return out
            name = _clean_name(text[head_start:end])
            code = (
                places[0].match.code if len(places) == 1 else ",".join(p.match.code for p in places)
            )
            if places[0].match.kind == "region":
                collective = True
                code = "region:" + places[0].text
            if abroad is not None:
                code += "@" + abroad.match.code
            return [
                _Org(
                    name, head_start, end, False, "wu", f"wu:{code}", country, collective=collective
                )
            ]
        if len(places) == 1:
            p = places[0]
            if p.match.kind == "country" and p.match.country == "VN":
                # "Hội Liên hiệp Phụ nữ Việt Nam tỉnh Long An": the provincial union
                # written with the country's name before its level word
                province = re.match(r"[ \t]+(?:tỉnh|thành\s+phố|TP\.?)[ \t]+", text[p.end :])
                inner = _place_at(hits, p.end + province.end()) if province else None
                if inner is not None and inner.match.kind == "vn_province":
                    name = _clean_name(text[head_start : inner.end])
                    return [
                        _Org(
                            name, head_start, inner.end, True, "wu", f"wu:{inner.match.code}", "VN"
                        )
                    ]
                if province or re.match(rf"[ \t]+{_LEVEL}\b", text[p.end :]):
                    return None  # "Hội Liên hiệp Phụ nữ Việt Nam tỉnh ký kết ...": unnamed
            name = _clean_name(text[head_start : p.end])
            return [_Org(name, head_start, p.end, True, "wu", f"wu:{p.match.code}", "VN")]
        if all(p.match.kind == "vn_province" for p in places):
            # "Hội LHPN 7 tỉnh Quảng Ninh, Cao Bằng, ...": one unit per province
            return _vn_units(text[head_start:pos], places)
        if (
            len(places) == 2
            and places[0].match.kind == "vn_district"
            and places[1].match.kind == "vn_province"
            and not collective
            and re.match(r"[ \t]*,[ \t]*$", text[places[0].end : places[1].start])
        ):
            # "Hội Liên hiệp Phụ nữ (LHPN) quận Liên Chiểu, Đà Nẵng": the district's union;
            # the province after the comma is where the district lies (part of the name's
            # span, so not read as a place of its own)
            d = places[0]
            name = _clean_name(text[head_start : d.end])
            return [_Org(name, head_start, places[1].end, True, "wu", f"wu:{d.match.code}", "VN")]
        return None
    # A district or commune unit: "Hội LHPN huyện Krông Pắc", "xã Ea Tu".
    if level and re.match(
        r"\s+(?i:huyện|xã|phường|thị\s+xã|thị\s+trấn|quận|bản)\s", level.group(0)
    ):
        m = re.match(
            r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸ][\w'-]*"
            r"(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÝỲÚÙỦŨỤÓÒỎÕỌÉÈẺẼẸ0-9][\w'-]*){0,3}",
            text[pos + level.end() :],
        )
        if m:
            end = pos + level.end() + m.end()
            after = _country_after(text, end, hits)
            name = _clean_name(text[head_start:end])
            if after is not None:
                return [
                    _Org(
                        name, head_start, end, False, "wu", "wu:" + fold(name), after.match.country
                    )
                ]
            return [_Org(name, head_start, end, True, "wu", "wu:" + fold(name), "VN")]
    return None


#: "và lao động tỉnh Nagasaki": a second field in lower case, then the body's province
_AND_FIELD_OF_LOCALITY = re.compile(
    r"[ \t]+(?:lao[ \t]+động|thương[ \t]+binh|xã[ \t]+hội|đầu[ \t]+tư|du[ \t]+lịch|"
    r"phúc[ \t]+lợi|thể[ \t]+thao|truyền[ \t]+thông|môi[ \t]+trường|đào[ \t]+tạo|"
    r"phát[ \t]+triển|công[ \t]+nghệ|thương[ \t]+mại|việc[ \t]+làm|văn[ \t]+hóa|"
    r"văn[ \t]+hoá|thông[ \t]+tin|kế[ \t]+hoạch|tài[ \t]+chính|ngoại[ \t]+vụ|vận[ \t]+tải)"
    rf"[ \t]+(?:tỉnh|thành[ \t]+phố|bang)[ \t]+{_CAP}"
)


def _and_goes_on(text: str, pos: int, placed: bool = False) -> bool:
    """Does "và" at ``pos`` join words of one name ("Viện Giáo dục và Thúc đẩy ...")
    rather than two organisations ("Bộ ... Cam-pu-chia và Đại sứ Cuba")? ``placed``: the
    name has reached its place already."""
    nxt = re.match(r"[ \t]+", text[pos:])
    if nxt and not placed and _AND_FIELD_OF_LOCALITY.match(text, pos):
        return True  # "Sở Công nghiệp và lao động tỉnh Nagasaki"
    if not nxt or not re.match(_CAP, text[pos + nxt.end() :]):
        return False
    at = pos + nxt.end()
    return not (
        _HEAD_RE.match(text, at)
        or _ENVOY.match(text, at)
        or text[at:].split(" ", 1)[0] in _CAPITAL_STOP
    )


#: "Nghị quyết 1325 của ", "Công ước 2003 của ": a document cited, before its author
_DOCUMENT_OF = re.compile(
    r"(?i:nghị[ \t]+quyết|công[ \t]+ước)(?:[ \t]+số)?(?:[ \t]+[\w/.-]*\d[\w/.-]*)?[ \t]+của[ \t]+$"
)
#: "... do Chính phủ X tài trợ": the government funds the project of the article
_FUNDED_BY = re.compile(
    r"[ \t]*(?:(?:đã|sẽ|đang|cam\s+kết)[ \t]+)?(?:quyết\s+định[ \t]+)?"
    r"(?:tài\s+trợ|viện\s+trợ|hỗ\s+trợ|cấp\s+vốn|cung\s+cấp\s+(?:vốn|khoản\s+vay)|"
    # "được chính phủ Hoa Kỳ chuyển giao", "Chính phủ Nhật Bản phối hợp với Tổ chức ..."
    r"chuyển\s+giao|trao\s+tặng|phối\s+hợp\s+với)|"
    # "Chính phủ Ấn Độ thông qua Đại sứ quán tại Việt Nam đã ký kết triển khai dự án",
    # "Chính phủ Đức, thông qua KfW cam kết tài trợ", "Chính phủ Mỹ đã thông qua Cơ quan
    # Phát triển Quốc tế Mỹ (USAID)": through its agency
    rf"[ \t]*,?[ \t]+(?:đã[ \t]+)?thông[ \t]+qua[ \t]+(?:{_CAP}|ĐSQ\b)|"
    # "do Chính phủ Ailen và Tổ chức APHEDA tài trợ": with a co-funder
    r"[ \t]+và[ \t]+[^.;\n]{0,60}?[ \t](?:tài\s+trợ|viện\s+trợ)\b"
)
#: "Bộ Nông nghiệp ... và Chính phủ Đức vừa ký kết hiệp định tài chính": the government
#: signs (not "ký ban hành", "ký quyết định": its own acts) ...
_GOVERNMENT_SIGNS = re.compile(
    r"[ \t]*(?:(?:vừa|đã|sẽ|chính\s+thức)[ \t]+)?ký(?:[ \t]+kết)?\b"
    r"(?![ \t]+(?:ban[ \t]+hành|quyết[ \t]+định|sắc[ \t]+lệnh|luật)\b)"
)
#: ... with the Vietnamese side, named in the same sentence
_VIETNAMESE_SIDE = re.compile(
    r"Việt[ \t]+Nam|\bVN\b|\bBộ[ \t]+(?:NN|Nông|Tài|Kế|Ngoại|Y|Giáo|Lao|Công|Tư|Văn|Nội|Khoa)|"
    r"\bUBND\b|\bHội[ \t]+(?:LHPN|Liên[ \t]+hiệp)"
)


def _signs_with_vietnam(text: str, org: _Org) -> bool:
    """Does the government ``org`` sign, with a Vietnamese side named in its sentence?"""
    if not _GOVERNMENT_SIGNS.match(text, org.end):
        return False
    return bool(_VIETNAMESE_SIDE.search(text, *_sentence_around(text, org.start, org.end)))


#: "viện trợ không hoàn lại ... của Chính phủ Nhật Bản", "với sự hợp tác của Cơ quan Hợp
#: tác quốc tế Hàn Quốc (KOICA), Chính phủ Australia và Chính phủ Nhật Bản": the aid or the
#: cooperation of the project is the government's
_GOVERNMENT_AID = re.compile(
    # "bằng nguồn vốn ODA của chính phủ Hàn Quốc", "lô hàng viện trợ khẩn cấp từ Chính phủ
    # Australia"
    # "vật tư y tế và kinh phí từ Chính phủ Hoàng gia Campuchia", "các nhà tài trợ là Chính
    # phủ Hoa Kỳ và Chính phủ Na Uy"
    r"(?:viện\s+trợ|tài\s+trợ|hợp\s+tác|hỗ\s+trợ\s+tài\s+chính|nguồn\s+vốn|vốn\s+ODA|"
    r"ủng\s+hộ|kinh\s+phí)"
    r"[^.;\n]{0,60}?\b(?:của|từ|là|bởi)[ \t]+"
    r"(?:[^.;\n]{0,100}?(?:,|\bvà)[ \t]+)?$|"
    # "Nhà tài trợ/nguồn tài trợ: Chính phủ Úc", "(10.476 USD) của Chính phủ Nhật Bản"
    r"(?i:nhà\s+tài\s+trợ)[^.;\n]{0,30}:[ \t]*$|"
    r"(?:USD|đồng|[Yy]ên|[Ee]uro|EUR)\)?[ \t]+của[ \t]+$"
)


#: a body that funds the activity, named before its verb: "do ICCO-Kerk in Atice, Hà Lan tài
#: trợ", "do tổ chức Hue Help (Anh) tài trợ", "được Ngân hàng Công nghiệp Hàn Quốc tài trợ"
_FUNDER = re.compile(
    rf"(?:(?<=\s)|^)(?:do|được|bởi)[ \t]+(?:[Tt]ổ[ \t]+chức[ \t]+)?"
    rf"(?P<name>{_CAP}[\w&.'’-]*(?:[ \t]+(?:{_CAP}[\w&.'’-]*|\d+|[^\W\d_A-Z]+)){{0,6}}?(?<=\w))"
    r"(?P<suffix>[ \t]*\([ \t]*(?P<c1>[^()\n]{2,20}?)[ \t]*\)|[ \t]*,[ \t]*(?P<c2>\w+(?:[ \t]\w+)?)"
    r"|[ \t]+[–-][ \t]+(?P<c3>\w+(?:[ \t]\w+)?))?"
    r"[ \t]+(?:đã[ \t]+|sẽ[ \t]+)?(?:tài[ \t]+trợ|viện[ \t]+trợ)\b"
)


def _foreign_country(name: str) -> PlaceMatch | None:
    """The foreign country ``name`` names, or None."""
    place = match_place(name.strip())
    return place if place is not None and place.kind == "country" and place.code != "VN" else None


def _funders(work: str, orgs: list[_Org]) -> list[tuple[str, int, int, str]]:
    """Foreign funders the organisations' rules did not read: a name written before "tài
    trợ"/"viện trợ" after "do"/"được"/"bởi", foreign by its country written after it ("(Anh)",
    ", Hà Lan", "– Hàn Quốc") or at its end ("Ngân hàng Công nghiệp Hàn Quốc")."""
    found = []
    for m in _FUNDER.finditer(work):
        name = m.group("name")
        start, end = m.start("name"), m.end("name")
        if any(o.start < end and start < o.end for o in orgs):
            continue  # read by the organisations' rules, right or wrong
        if re.search(r"Việt[ \t]+Nam|\bVN\b|^(?:Hội|Sở|UBND|Ủy|Tỉnh|Huyện|Thành)\b", name):
            continue
        written = m.group("c1") or m.group("c2") or m.group("c3")
        country = _foreign_country(written) if written is not None else None
        if written is not None and country is None:
            continue
        if written is None:
            words = name.split()
            if len(words) < 3 or not any(
                _foreign_country(" ".join(words[-n:])) for n in (1, 2, 3) if n < len(words)
            ):
                continue
        if _foreign_country(name):
            continue  # "do Nhật Bản tài trợ": the country, not a body
        found.append((name, start, end, country.code if country is not None else ""))
    return found


#: "về" + the field of a body's name: a capitalised word within the next two
_ABOUT_FIELD = re.compile(rf"[ \t]+(?:\w+[ \t]+)?{_CAP}")
#: the name of an international body: the United Nations, or a foreign name "Quốc tế"
_INTERNATIONAL = re.compile(
    r"\b(?:Liên\s+[Hh]iệp\s+[Qq]uốc|Liên\s+[Hh]ợp\s+[Qq]uốc|LHQ)\b"
    r"(?:[ \t]+(?:về|tại)(?:[ \t]+(?:\w+[ \t]+)?[A-ZĐ][\w-]*)+(?:[ \t]+và[ \t]+[A-ZĐ][\w-]*)?)?|"
    r"\b[A-Z][a-z]{2,}[ \t]+Quốc[ \t]+tế(?:[ \t]+tại[ \t]+Việt[ \t]+Nam)?|"
    # "Mạng lưới các nhà khoa học nữ khu vực Châu Á - Thái Bình Dương": a regional body
    r"\bkhu[ \t]+vực[ \t]+(?:[Cc]hâu[ \t]+Á(?:[ \t]*[-–]?[ \t]*Thái[ \t]+Bình[ \t]+Dương)?|"
    r"[Cc]hâu[ \t]+Âu|[Cc]hâu[ \t]+Phi|Đông[ \t]+Nam[ \t]+Á|ASEAN|Mỹ[ \t]+La[ \t]*tinh)\b"
)


#: words of a person speaking, after a name: not part of it
_SPEECH_WORDS = {"nói", "cho", "biết", "phát", "biểu", "chia", "sẻ", "khẳng", "nhấn", "bày", "cảm"}


_PAIR_VIET = re.compile(r"[ \t]*[-–][ \t]*Việt(?:[ \t]+Nam)?(?!\w)")
#: "Tổ chức Cựu chiến binh Mỹ tham chiến tại Việt Nam": the veterans' name goes on too
_FRONT_TAIL = re.compile(
    r"[ \t]+(?i:xây[ \t]+dựng[ \t]+đất[ \t]+nước|"
    r"tham[ \t]+chiến[ \t]+(?:tại|ở)[ \t]+Việt[ \t]+Nam)\b"
)


#: a comma inside a ministry's name: its fields listed up to "và" ("Bộ Thông tin, Văn hóa
#: và Du lịch Lào")
_COMMA_IN_NAME = re.compile(
    r",(?=[ \t]+[A-ZĐ]\w*(?:[ \t]+[a-zđ]\w*){0,3}(?:,[ \t]+[A-ZĐ]\w*(?:[ \t]+[a-zđ]\w*){0,3})*"
    r"[ \t]+và[ \t]+[A-ZĐ])"
)


def _other_org(text: str, head_start: int, pos: int, hits: list[PlaceHit]) -> _Org | None:
    """A non-union organisation is kept only when it names a foreign place."""
    end = pos
    last_place_end = None
    foreign = None
    i = pos
    count = 0
    after_place: list[str] = []  # the words read since the last place
    ministry = text.startswith("Bộ", head_start)
    while count < 12:
        if ministry and foreign is None and (comma := _COMMA_IN_NAME.match(text, i)):
            # "Bộ Thông tin, Văn hóa và Du lịch Lào", "Bộ Y tế, Lao động và Phúc lợi xã hội
            # Nhật Bản": a ministry's fields listed with commas, the last after "và"
            i = comma.end()
        m = re.match(r"[ \t]+", text[i:])
        if not m:
            break
        j = i + m.end()
        hit = _place_at(hits, j)
        if hit is not None:
            i = hit.end
            if hit.match.foreign and foreign is None:
                foreign = hit
            last_place_end = hit.end
            # "Mặt trận Lào xây dựng đất nước": the Lao Front's name goes on after the
            # country, in any case
            goes_on = _FRONT_TAIL.match(text, hit.end)
            # "Hội Hữu nghị Nga-Việt": the pair's Vietnamese side ends the name
            if goes_on is None and re.search(r"(?i:hữu\s+nghị)", text[head_start : hit.start]):
                goes_on = _PAIR_VIET.match(text, hit.end)
            if goes_on:
                i = last_place_end = goes_on.end()
            after_place = []
            count += 1
            # "... tại Việt Nam" ends the name
            continue
        w = re.match(r"[\w-]+(?:\.[\w-]+)+|[\w-]+|[–-](?=\s+[A-ZĐ])", text[j:])
        if not w:
            break
        word = w.group(0)
        if (
            word[0].isupper()
            or word[0].isdigit()
            or word in _LOWER_OK
            or word in "–-"
            or (
                word in {"tại", "ở", "thuộc"}
                and _place_at(hits, _skip_ws(text, j + w.end())) is not None
            )
            # "Bộ các vấn đề phụ nữ Cam-pu-chia", "Viện Giáo dục và Thúc đẩy ... Hàn Quốc":
            # lower-case words go on while no word ends the name (the name must still
            # reach a foreign place)
            or (
                word[0].isalpha()
                and word not in _NAME_STOP
                and (
                    word != "và"
                    or _and_goes_on(text, j + w.end(), placed=last_place_end is not None)
                )
            )
            # "Bộ Lao động và Việc làm Hàn Quốc": employment, not "to do"
            or (word == "làm" and after_place and after_place[-1] in ("Việc", "việc"))
            # "Bộ Văn hóa, Cộng đồng và Thanh niên Singapore": community, not "co-"
            or (word == "đồng" and after_place and after_place[-1] in ("Cộng", "cộng"))
            # "Văn phòng Liên Hiệp Quốc về chống Ma túy và Tội phạm", "Ủy ban Quốc gia về
            # Phòng chống mua bán người": "về" and the field the body works in
            or (word == "về" and _ABOUT_FIELD.match(text, j + w.end()))
        ):
            if (
                word[0].isupper()
                and re.match(r"(?:Hội|Hiệp|Đoàn|Ngày|Tại|Theo|Sáng|Chiều)$", word)
                # "Mặt trận Đoàn kết phát triển Tổ quốc Campuchia": unity, not a delegation
                and not re.match(r"[ \t]+kết\b", text[j + w.end() :])
            ):
                break
            if (
                word[0].isupper()
                and len(after_place) >= 2
                and all(w[0].islower() and w not in _LOWER_OK for w in after_place[-2:])
                and _HEAD_RE.match(text, j)
            ):
                break  # "Liên đoàn Lao động tỉnh Lào Cai đề nghị Tổng Công hội ...": another body
            i = j + w.end()
            after_place.append(word)
            count += 1
            continue
        break
    end = last_place_end
    if foreign is None:
        # "Cơ quan Phụ nữ LHQ tại Việt Nam", "tổ chức Hagar Quốc tế tại Việt Nam": an
        # international body names no foreign country
        read_end = max(end or 0, i)
        international = _INTERNATIONAL.search(text, head_start, read_end)
        if international is not None:
            # "... khu vực Châu Á – Thái Bình Dương": the region read whole, past where the
            # name's words stopped
            international = _INTERNATIONAL.match(text, international.start()) or international
        if international is None:
            # "Mạng lưới các nhà khoa học và kỹ sư nữ khu vực Châu Á - Thái Bình Dương": the
            # name goes on over "và" and lower-case words up to the region it is named by
            clause = re.search(r"[.,;:(\n]", text[read_end : read_end + 80])
            stop = read_end + (clause.start() if clause else 80)
            international = _INTERNATIONAL.search(text, read_end, stop)
            if international is not None:
                between = text[read_end : international.start()].split()
                if not between or any(w in _NAME_STOP for w in between):
                    international = None
        if international is None:
            return None
        end = max(end or 0, international.end())
        name = " ".join(text[head_start:end].split())
        return _Org(name, head_start, end, False, "other", f"other:{fold(name)}", "")
    if (
        end is not None
        and 0 < len(after_place) <= 4
        and after_place[0][0].isupper()
        and re.match(r"[ \t]*(?:[.,;:)\n]|$)", text[i : i + 2])
        # "Đại sứ quán Hunggari tại Việt Nam Vizi Katalin nói,": a person speaking follows
        and not any(w in _SPEECH_WORDS for w in after_place)
        # "Bí thư thứ nhất T.Ư Đoàn TNCS Cuba Aylin Alvarez Garcia,": a foreign person's
        # name follows, not more of the body's
        and not any(_foreign_word(w) for w in after_place)
        # "Bộ trưởng Bộ Ngoại giao Trung Quốc Vương Nghị.": the body named in a post's
        # title, its holder's name after it (a name, every word capitalised: not "Chủ tịch
        # Trung tâm Phụ nữ Lào Vì Hòa bình")
        and not (
            all(w[0].isupper() for w in after_place)
            and _POST_BEFORE.search(text, max(0, head_start - 40), head_start)
        )
    ):
        # "Ủy ban T.Ư Mặt trận Lào Xây dựng đất nước.": the name goes on after the place
        # up to the end of the phrase
        end = i
    if end is None or foreign is None:
        return None
    # "Trường Đại học Tổng hợp Flinders thuộc Bang Nam Úc": the name ends before "thuộc"
    # when a name stands before it; the place after still gives the country
    belongs = re.search(r"[ \t]+thuộc[ \t]+", text[pos:end])
    if belongs and re.search(_CAP, text[pos : pos + belongs.start()]):
        name = " ".join(text[head_start : pos + belongs.start()].split())
        return _Org(
            name,
            head_start,
            pos + belongs.start(),
            False,
            "other",
            f"other:{fold(name)}",
            foreign.match.country,
        )
    # "Đại học GaChon - Hàn Quốc", "Tổ chức AEA- Hàn Quốc": the country after a dash gives
    # the country, it is not part of the name (a friendship pair "Hội hữu nghị Lào - Việt
    # Nam" is named by both)
    if foreign.end == end and foreign.match.kind == "country":
        dash = re.search(r"(?P<last>[\w’'&.]+)[ \t]*[–-][ \t]*$", text[head_start : foreign.start])
        before = head_start + dash.end("last") if dash else 0
        if (
            dash
            and (
                _foreign_name_word(dash.group("last"))
                # "Trường Đại học Chung Ang – Hàn Quốc", "Bộ Tư lệnh Thái Bình Dương - Hoa Kỳ":
                # any name but a pair's other side ("Việt Nam - Lào", "Hội hữu nghị Lào - Việt")
                or (
                    # a national body is known by its country ("Ủy ban Quốc gia về Phòng chống
                    # mua bán người - Cam-pu-chia")
                    not re.search(r"(?i:hữu\s+nghị|quốc\s+gia)", text[head_start:before])
                    and dash.group("last") not in ("Việt", "Nam")
                    and not any(h.end == before for h in hits)
                )
            )
        ):
            end = before
    # "Sở Công tác phụ nữ tỉnh Stung Treng (Campuchia)": the country after the name gives
    # the country, it is not part of the name
    name = " ".join(text[head_start:end].split())
    # "các cơ quan chức năng của Indonesia", "cơ quan chức năng Indonesia": one authority
    head = re.sub(r"^cac |\s+cua$", "", fold(text[head_start:pos]))
    key = f"other:{head}:{foreign.match.code}"
    first = re.match(r"[ \t]+(\w+)", text[pos:end])
    if head == "bo" and first and first.group(1)[0].isupper():
        # "Bộ Thông tin, Văn hóa và Du lịch Lào" and "Bộ Khoa học và Công nghệ Lào": two
        # ministries of one country, known apart by the first word of their field ("Bộ
        # Ngoại giao Lào" and "Bộ Ngoại giao nước CHDCND Lào": one)
        key = f"other:{head}:{fold(first.group(1))}:{foreign.match.code}"
    if head in {"dai su quan", "tong lanh su quan", "lanh su quan"}:
        key = _mission_key(head, foreign.match.country)
    return _Org(name, head_start, end, False, "other", key, foreign.match.country)


# --- kinds -------------------------------------------------------------------------

# (folded pattern, kind); specific cues before general ones.
_EVENT_CUES: list[tuple[str, str]] = [
    (r"\b(?:le )?ky ket\b|\bky (?:thoa thuan|bien ban|ban ghi nho|hiep dinh|mou)\b", "signing"),
    (r"\b(?:hoi nghi|hop|buoi hop) (?:so ket|tong ket|danh gia)\b", "review_meeting"),
    (r"\b(?:hoi thao|toa dam)\b", "workshop"),
    (r"\b(?:trien lam|trung bay|hoi cho)\b", "exhibition"),
    (
        r"\b(?:trao tang|ban giao|trao hoc bong|trao qua|trao ho tro|tiep nhan|trao)\b",
        "aid_handover",
    ),
    (r"\b(?:hoi nghi|dien dan)\b", "conference"),
    (r"\b(?:lop )?tap huan\b", "workshop"),
    (r"\b(?:gap mat|hoi dam|gap go|lam viec voi)\b", "other"),
]
_COMPILED_CUES = [(re.compile(p), k) for p, k in _EVENT_CUES]
_CEREMONY = re.compile(r"(?<!\w)[Ll]ễ(?!\w)")
_ONLINE = re.compile(r"\btruc tuyen\b|\bonline\b|\bhybrid\b")
_REVIEW_OBJECT = re.compile(
    r"thoa thuan|ban ghi nho|bien ban ghi nho|chuong trinh hop tac|"
    r"du an|ke hoach hop tac|mou|hiep dinh"
)
_VISIT = re.compile(
    r"\b(?:den |sang )?tham\s*,?\s*(?:va )?lam viec\b|\bchuyen (?:tham|cong tac)\b|"
    r"\bsang tham\b|\bden tham\b|\blam viec tai\b|"
    r"\btham\b(?! (?:gia|du|quan|khao|luan|my|muu|nhung|hoi y|van|so))"
)
_RECEIVE_VISIT = re.compile(
    r"\b(?:tiep|don|hoi kien|tiep xa giao|tiep va lam viec voi)\s+"
    r"(?:\w+\s+){0,6}?doan\b|\btiep doan\b|\bdon doan\b|\bhoi kien\b|"
    r"\btiep xa giao\b"
)
#: "đã tiếp bà Teresa ...", "có buổi tiếp ông ...", "tiếp Đại sứ Cuba": receiving a person
#: (never "tiếp tục", "tiếp nhận", "tiếp cận")
_RECEIVE_PERSON = re.compile(
    r"\b(?:da |co buoi |buoi )tiep (?:xa giao |va lam viec voi )?"
    r"(?:ba|ong|ngai|dai su|tong lanh su|lanh su|truong dai dien|dai dien|pho dai su)\b"
)
#: "Đoàn ... Gyeonggi ... đã làm việc với Hội LHPN tỉnh Nghệ An": a visit only when the
#: visitors are foreign and the hosts the union (the union "làm việc với" a partner at
#: home is not a trip)
_WORK_WITH = re.compile(r"\blam viec voi\b")
_MEETING = re.compile(r"\bbuoi (?:lam viec|tiep|gap|gap mat|hoi dam)\b")
#: "đoàn ... Hội LHPN tỉnh Quảng Trị đã sang thăm và dự hội thảo": "sang" is going abroad
_GO_ABROAD = re.compile(r"\bsang (?:tham|du|lam viec|cong tac)\b")
#: "... tham dự Hội nghị Thượng đỉnh Phụ nữ toàn cầu lần thứ 15 tại Mêhicô": attending an
#: event abroad is a trip out (only when the place named is foreign)
_ATTEND = re.compile(
    r"\b(?:tham du|du)\s+(?:\w+\s+){0,2}?(?:hoi nghi|dai hoi|dien dan|hoi thao|toa dam|"
    r"khoa hop|phien hop)\b"
)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in re.finditer(r"[.!?](?=\s)|\n", text[start:end]):
        cut = start + m.end()
        if text[pos:cut].strip():
            out.append((pos, cut))
        pos = cut
    if text[pos:end].strip():
        out.append((pos, end))
    return out


def _first_cue(folded: str, text: str, start: int, end: int) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    for pattern, kind in _COMPILED_CUES:
        for m in pattern.finditer(folded, start, end):
            if (
                kind == "aid_handover"
                and m.group(0) == "trao"
                and not re.match(r"\s+\d", folded[m.end() : m.end() + 3])
            ):
                continue
            if best is None or m.start() < best[1]:
                best = (kind, m.start(), m.end())
            break
    m = _CEREMONY.search(text, start, end)
    if m and (best is None or m.start() < best[1]):
        # "Lễ ký kết", "Lễ trao tặng", "Lễ khai mạc triển lãm": the specific cue wins.
        specific = None
        for pattern, kind in _COMPILED_CUES[:5]:
            sm = pattern.search(folded, m.end(), min(end, m.end() + 30))
            if sm and kind != "other":
                specific = (kind, m.start(), sm.end())
                break
        best = specific or ("ceremony", m.start(), m.end())
    if best and best[0] == "review_meeting":
        sentence_end = folded.find(".", best[2])
        window = folded[best[2] : sentence_end if sentence_end > 0 else end]
        if not _REVIEW_OBJECT.search(window[:300]):
            best = ("conference", best[1], best[2])
    return best


# --- amounts: direction -----------------------------------------------------------------

_RECEIVED_CUE = re.compile(
    r"\b(?:tiep nhan|nhan duoc|nhan|van dong|huy dong|vien tro|"
    r"nguon luc|ket noi|keu goi|tai tro cua|tai tro tu|do .{1,60} tai tro|"
    r"tu nguon|cam ket tai tro|tai tro|ho tro cua|ho tro tu|"
    # "bằng nguồn vốn ODA của chính phủ Hàn Quốc trị giá 23,7 triệu USD"
    r"nguon von|von oda)\b"
)
_GIVEN_CUE = re.compile(
    # "sự hỗ trợ của Quỹ ...": support from someone, received
    r"\b(?:trao tang|tang|trao|ho tro(?! (?:cua|tu)\b)|ung ho|ban giao|danh tang|tang qua|"
    # "cấp" grants, but "cấp tỉnh và huyện" is a level
    r"cap(?! (?:tinh|huyen|xa|co so|trung uong|tw|hoi|bo|cao|uy|thanh pho|quoc gia)\b))\b"
)


#: the words that make the next "hỗ trợ", "ủng hộ" a noun: "số tiền hỗ trợ", "khoản ủng hộ"
_MONEY_NOUN = re.compile(r"\b(?:so tien|khoan|goi|kinh phi)\s+$")


def _direction(
    amount: Amount, folded: str, text: str, orgs: list[_Org], hits: list[PlaceHit], main_kind: str
) -> str:
    s = max(folded.rfind(".", 0, amount.start), folded.rfind("\n", 0, amount.start)) + 1
    e_candidates = [
        x for x in (folded.find(". ", amount.end), folded.find("\n", amount.end)) if x >= 0
    ]
    e = min(e_candidates) if e_candidates else len(folded)
    before = folded[s : amount.start]
    after = folded[amount.end : e]
    if (
        re.search(r"\bdo .{1,80}\b(?:tai tro|vien tro|ho tro|trao tang|tang)\b", after)
        or re.search(
            # "(trị giá khoảng 18 tỷ đồng) tại tỉnh Thái Nguyên, được tài trợ bởi Công ty ..."
            r"\b(?:tai tro|vien tro) (?:cua|tu|boi)\b",
            after,
        )
        or re.match(
            # "300 triệu đồng từ nguồn quỹ Quốc tế HAI hỗ trợ cho 150 phụ nữ": from a fund
            r"\s*tu nguon (?:quy|von|tai tro|vien tro)\b(?! (?:ngan sach|cua hoi))",
            after,
        )
        # "trên 44 triệu đồng, được Hội vận động các tổ chức phi Chính phủ KSSA (Hàn Quốc)
        # và CHI (Hoa Kỳ) tài trợ": funded by them
        or re.match(r"[\s,]*duoc .{1,100}?\b(?:tai tro|vien tro)\b", after)
    ):
        return "received"
    if re.search(r"\bvien tro (?:khong hoan lai )?cua (?:chinh phu |nha nuoc )?viet nam\b", before):
        # "xây dựng bằng nguồn vốn viện trợ không hoàn lại của Việt Nam, ... với tổng kinh
        # phí hơn 68 tỷ đồng": Việt Nam's own aid, given
        return "given"
    handed = re.search(r"\b(?:trao tang|tang|trao) (?:cho|toi|den)\b", after)
    if handed and any(h.match.foreign and amount.end + handed.end() <= h.start < e for h in hits):
        # "500 suất quà ... đã được trao tặng cho 400 hộ gia đình nghèo ... tại tỉnh Kandal"
        return "given"
    # "1 triệu USD (22,7 tỷ đồng) từ Chính phủ Hàn Quốc": from a partner
    for org in orgs:
        if amount.end <= org.start < e and not org.is_unit and org.family != "overseas":
            if re.search(r"\b(?:tu|cua)\s+$", folded[max(amount.end, org.start - 8) : org.start]):
                return "received"
            break
    recv = [m for m in _RECEIVED_CUE.finditer(before)]
    # "đã trao cho Bộ trưởng An ninh Lào ... số tiền hỗ trợ 50.000 USD": "hỗ trợ" after "số
    # tiền" names the money, not who gives; the verb before it does
    give = [m for m in _GIVEN_CUE.finditer(before) if not _MONEY_NOUN.search(before, 0, m.start())]
    last_recv = recv[-1].start() if recv else -1
    last_give = give[-1].start() if give else -1
    if last_recv > last_give:
        cue = recv[-1].group(0)
        if cue == "tai tro":
            subject = _subject(orgs, s, s + last_recv, folded)
            if subject is not None and _ours(subject):
                return "given"
        return "received"
    if last_give >= 0:
        cue_pos = s + last_give
        subject = _subject(orgs, s, cue_pos, folded)
        if subject is not None:
            return "given" if _ours(subject) else "received"
        if _country_gives(text, s, amount.start):
            # "Úc sẽ cung cấp gói hỗ trợ có tổng trị giá 4,2 triệu đô la Úc": a country gives
            return "received"
        between = [
            o
            for o in orgs
            if cue_pos < o.start < amount.start and not o.is_unit and o.family != "overseas"
        ]
        if between and re.search(
            r"\bcua\s+(?:to chuc\s+)?$",
            folded[max(cue_pos, between[0].start - 16) : between[0].start],
        ):
            # "đợt bàn giao bò thứ 3 của Tổ chức Tầm nhìn thế giới ..., với tổng trị giá trên
            # 330 triệu đồng": the body's own handing over, received
            return "received"
        if between or any(h.match.foreign and cue_pos < h.start < amount.start for h in hits):
            # "tặng Hội chữ thập đỏ Campuchia 50.000 USD": the foreign body (or place) named
            # between the gift and the amount receives it
            return "given"
        # No named giver: look at the recipient.
        recipient = [o for o in orgs if amount.end <= o.start < e]
        recipient_places = [h for h in hits if amount.end <= h.start < e]
        if any(not o.is_unit for o in recipient) or any(h.match.foreign for h in recipient_places):
            return "given"
        if main_kind == "delegation_out":
            return "given"
        if any(not o.is_unit for o in orgs if s <= o.start < e):
            return "received"
        if main_kind == "delegation_in":
            return "received"
        return "unknown"
    if s > 1 and not recv and not give:
        # "Dự án do KOICA tài trợ. Dự án có tổng kinh phí 2,5 tỷ đồng." (also across the
        # blank line between two paragraphs)
        q = s
        while q > 1 and folded[q - 1].isspace():
            q -= 1
        ps = max(folded.rfind(".", 0, q - 1), folded.rfind("\n", 0, q - 1)) + 1
        previous = folded[ps:q]
        if re.search(
            r"\bdo .{1,80}\b(?:tai tro|vien tro)\b|\b(?:tiep nhan|van dong|huy dong)\b", previous
        ):
            return "received"
        if _GIVEN_CUE.search(previous):
            subject = _subject(orgs, ps, s, folded)
            if subject is not None:
                return "given" if _ours(subject) else "received"
    if main_kind == "delegation_out":
        return "given"
    if (
        re.search(r"\b(?:ngan sach|kinh phi|tong von)\b", before)
        and re.search(r"\bdu an\b", folded[s:e])
        and any(o.family == "known" or _foreign_body(o) for o in orgs)
    ):
        # "ngân sách hoạt động ... của dự án đạt gần 1 tỷ 800 triệu đồng" in an article on
        # an international organisation's project, "Tổng kinh phí thực hiện dự án trên 6,6 tỷ
        # đồng" in one on a project of Oxfam and a foreign embassy: its money, received
        return "received"
    return "unknown"


#: the currencies of the neighbours the Vietnamese side gives to: kíp and riel
_HOST_CURRENCIES = {"LAK", "KHR"}

_COUNTRY_GIVES = re.compile(
    r"(?:^|[,;(]\s*|\s)(?P<c>\w+(?:\s\w+)?)\s+(?:sẽ\s+|đã\s+|vừa\s+)?(?:cung\s+cấp|tài\s+trợ|viện\s+trợ)\b"
)


def _country_gives(text: str, start: int, end: int) -> bool:
    """Is a foreign country the subject of a giving verb before the amount?"""
    for m in _COUNTRY_GIVES.finditer(text, start, end):
        words = m.group("c").split()
        if any(_foreign_country(name) for name in (m.group("c"), words[0], words[-1])):
            return True
    return False


def _ours(org: _Org) -> bool:
    """Is ``org`` of the Vietnamese side, which gives when it is the subject: a unit of the
    union, or another Vietnamese body the reader named ("Hội Hữu nghị Việt Nam - Myanmar
    đã trao cho Đại sứ quán Myanmar ... số tiền 540.750.000 đồng")?"""
    return org.is_unit or org.family == "vietnamese"


_RECEIVED_GUEST = re.compile(r"\b(?:don|tiep|don tiep)(?: doan)?\s+$")


def _subject(orgs: list[_Org], start: int, end: int, text: str = "") -> _Org | None:
    """The last organisation before a verb; not one written after "thông qua" (through)
    or "cùng" / "với" (with), which are channels or companions."""
    inside = [
        o
        for o in orgs
        if start <= o.start
        and o.end <= end
        and o.family != "overseas"
        and not (
            text
            and re.search(r"\b(?:thong qua|voi|cung)\s+$", text[max(0, o.start - 12) : o.start])
        )
        # "Hội LHPN TP.HCM đã đón đoàn Hội LHPN tỉnh Champasak và tổ chức trao tặng ...":
        # the guests received are not who gives
        and not (text and _RECEIVED_GUEST.search(text, max(0, o.start - 16), o.start))
    ]
    return inside[-1] if inside else None


def _only_by(work: str, folded: str) -> str:
    """The folded text with "do" only where the text writes "do" (by): "Hội Chữ thập đỏ
    Thổ Nhĩ Kỳ ... để hỗ trợ" is no "do ... hỗ trợ" (funded by), nor are "Đỗ", "độ", "đô"."""
    return re.sub(
        r"\bdo\b",
        lambda m: m.group(0) if work[m.start() : m.end()] in ("do", "Do") else "dx",
        folded,
    )


#: a gift or a grant in the headline or the lead: who gives
_LEAD_GIFT = re.compile(r"\b(?:trao tang|trao|tang qua|tang|tai tro|ho tro|vien tro|ung ho)\b")


def _lead_direction(folded: str, orgs: list[_Org], title_span, lead) -> str | None:
    """The direction of the gift or grant the headline or the lead speaks of: "given"
    when a unit of the union gives, "received" when a partner does; None when unsaid."""
    for s, e in _lead_regions(title_span, lead):
        for m in _LEAD_GIFT.finditer(folded, s, e):
            subject = _subject(orgs, s, m.start(), folded)
            if subject is not None and subject.family != "overseas":
                return "given" if _ours(subject) else "received"
    return None


#: a foreign place that says where a giver is from, not where the gift goes: "cộng đồng
#: người Việt Nam tại Hoa Kỳ", "hai doanh nghiệp Nhật Bản", "Trường Đại học Quốc gia
#: Changwon, Hàn Quốc"
_GIVER_ABROAD = re.compile(
    r"(?:\btai|\b(?:doanh nghiep|cong ty|tap doan|to chuc|hiep hoi|quy|truong|dai hoc|"
    r"nguoi|kieu bao)\b[^,.;:\n]{0,30}?,?)\s*$"
)


def _lead_gift_abroad(folded: str, hits: list[PlaceHit], title_span, lead) -> str | None:
    """ "given" when the headline or the lead has a gift sent to a foreign place and no
    foreign place before the gift ("Tuổi trẻ Quảng Trị hỗ trợ các tỉnh của Lào vật tư y
    tế"; not "Làng Hoa Sen Hàn Quốc hỗ trợ 40 triệu đồng cho người dân Tam Kỳ")."""
    for s, e in _lead_regions(title_span, lead):
        foreign = [
            h.start
            for h in hits
            if s <= h.start < e
            and h.match.foreign
            and not _GIVER_ABROAD.search(folded, max(s, h.start - 40), h.start)
        ]
        for m in _LEAD_GIFT.finditer(folded, s, e):
            if foreign and min(foreign) >= m.end():
                return "given"
    return None


def _lead_regions(title_span, lead) -> list[tuple[int, int]]:
    """The headline (when there is one) and the lead's sentences."""
    return ([title_span] if title_span[1] > title_span[0] else []) + list(lead)


# --- agreements and topics -----------------------------------------------------------------

_AGREEMENT_WORDS = (
    r"Thỏa\s+thuận|Thoả\s+thuận|Biên\s+bản\s+ghi\s+nhớ|Bản\s+ghi\s+nhớ|"
    r"Chương\s+trình\s+hợp\s+tác|Kế\s+hoạch\s+hợp\s+tác|Hiệp\s+định|"
    r"Chương\s+trình\s+hành\s+động|Văn\s+kiện\s+dự\s+án|Biên\s+bản\s+hợp\s+tác"
)
_AGREEMENT_QUOTED = re.compile(
    r"[“\"«]\s*(?P<t>(?:" + _AGREEMENT_WORDS + r")[^”\"»\n]{0,160})"
    r"\s*[”\"»]"
)
_AGREEMENT_PLAIN = re.compile(
    r"(?P<t>(?:" + _AGREEMENT_WORDS + r")(?:\s*\((?:MOU|MoU)\))?"
    r"(?:\s+(?:về|hợp\s+tác|vì|giai\s+đoạn|năm|hữu\s+nghị|hỗ\s+trợ|phát\s+triển|"
    r"[\w–\-]+)){0,12}?)"
    r"(?=\s+(?:giữa|với|nhằm|cho|của|đã|được|tại|trong|và\s+Hội)\b|[,.;:(\n]|$)"
)

# "Biên bản ghi nhớ hợp tác giai đoạn 2024 – 2027 về ...": the name ends with its period.
_AGREEMENT_PERIOD = re.compile(
    r"(?P<t>(?:" + _AGREEMENT_WORDS + r")(?:\s+[\w]+){0,8}?\s+giai\s+đoạn\s+\d{4}\s*[–-]\s*"
    r"\d{4})"
)

TOPICS: list[tuple[str, str]] = [
    (r"binh dang gioi", "bình đẳng giới"),
    (r"can bo nu", "cán bộ nữ"),
    (r"mua ban nguoi", "phòng chống mua bán người"),
    (r"bao luc (?:gia dinh|gioi|tren co so gioi)", "phòng chống bạo lực"),
    (
        r"khoi nghiep|doanh nhan nu|doanh nghiep nu|sinh ke|phat trien kinh te|ket noi san pham",
        "phát triển kinh tế",
    ),
    (r"dao tao nghe|viec lam", "đào tạo nghề, việc làm"),
    (r"bien doi khi hau|thien tai|moi truong", "biến đổi khí hậu, môi trường"),
    (r"hoc bong", "học bổng"),
    (r"suc khoe|y te|dinh duong", "sức khỏe"),
    (r"phu nu viet nam o nuoc ngoai|kieu bao|cong dong nguoi viet", "phụ nữ Việt Nam ở nước ngoài"),
    (r"yeu to nuoc ngoai|ket hon voi nguoi nuoc ngoai|lao dong di cu|di cu", "di cư"),
    (r"tuyen truyen doi ngoai|thong tin doi ngoai", "thông tin đối ngoại"),
    (r"bien gioi", "vùng biên giới"),
    (r"tre em", "trẻ em"),
    (r"chuyen doi so|cong nghe so", "chuyển đổi số"),
    (r"hoa binh|an ninh", "hòa bình, an ninh"),
]


# --- main ------------------------------------------------------------------------------------


#: a first line longer than this is the lead of an excerpt that starts after its headline
_TITLE_MAX = 220


#: "Thứ tư, 22/09/2021" above the headline, with no time: the site's date of today in its
#: header, not the article's publication
_TODAY_HEADER = re.compile(r"(?:Thứ\s+\w+|Chủ\s+nhật)\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}")


def _mask(text: str) -> tuple[str, int | None, str | None, date | None]:
    """Blank out furniture, keeping offsets; return the title line and the dateline date."""
    from .dates import parse_dateline

    lines = segment(text)
    chars = list(text)
    title_end = None
    title = None
    published = None
    for ln in lines:
        if ln.role in ("furniture", "caption", "byline", "dateline", "related"):
            if (
                ln.role == "dateline"
                and published is None
                and not (title is None and _TODAY_HEADER.fullmatch(ln.text.strip()))
            ):
                published = parse_dateline(ln.text)
            for k in range(ln.start, ln.end):
                chars[k] = " "
        elif ln.role == "title" and title is None and len(ln.text.strip()) <= _TITLE_MAX:
            title = ln.text.strip()
            title_end = ln.end
    masked = "".join(chars)
    lead_date = _LEADING_DATELINE.match(masked)
    if published is None and lead_date:
        # "21/09/2018 - Ngày 20/9, dự án ...": the item's date before its lead, a dateline
        published = parse_dateline(lead_date.group("d"))
        if published is not None:
            masked = " " * lead_date.end() + masked[lead_date.end() :]
    return masked, title_end, title, published


#: a full date opening the text, then a dash and the lead on the same line
_LEADING_DATELINE = re.compile(
    r"\s*(?P<d>[0-3]?\d/[01]?\d/(?:19|20)\d\d)[ \t]+[-–][ \t]+(?=[A-ZĐ])"
)


def _same_title(line: str, title: str) -> bool:
    """Is the text's title line the given title (punctuation aside), or one of them the
    other with a site name joined by a dash, bar or colon ("<title> - Báo Phụ nữ")?
    A body line that quotes the title ("... chuyên đề “<title>”.") is not."""
    if squash(line) and squash(line) == squash(title):
        return True
    line_f, title_f = (" ".join(x.lower().split()).strip(" .") for x in (line, title))
    if not line_f or not title_f:
        return False
    short, long = sorted((line_f, title_f), key=len)
    if long.startswith(short) and re.fullmatch(r"\s*[-|–—:·]\s*.{1,40}", long[len(short) :]):
        return True
    return long.endswith(short) and bool(
        re.fullmatch(r"[^\d]{1,40}?\s*[-|–—:·]\s*", long[: len(long) - len(short)])
    )


def _overseas_short_names(orgs: list[_Org], work: str) -> None:
    """ "Hội Phụ nữ thành phố Kiev" in an article about "Hội Phụ nữ Việt Nam thành phố
    Kiev": the overseas association written without "Việt Nam", not a foreign union."""
    tails = set()
    for o in orgs:
        if o.family == "overseas":
            m = re.search(r"(?:Việt\s+Nam|VN)[ \t]+(?:tại|ở)?[ \t]*(.+)$", o.name)
            if m:
                tails.add(fold(m.group(1)))
    if not tails:
        return
    heads = {
        fold(re.split(r"[ \t]+(?:Việt\s+Nam|VN)\b", o.name)[0])
        for o in orgs
        if o.family == "overseas"
    }
    for k, o in enumerate(orgs):
        if not (o.is_unit and o.key == "wu:VN"):
            continue
        head = fold(re.split(r"[ \t]+(?:Việt\s+Nam|VN)\b", o.name)[0])
        if head not in heads:
            continue
        if (
            # "Hội Phụ nữ Việt Nam tạiX lô-va-kia" (a slip) in an article about "Hội Phụ nữ
            # Việt Nam tại Xlô-va-kia"; "Liên hiệp hội phụ nữ Việt Nam" in one about the
            # "Liên hiệp hội phụ nữ Việt Nam tại CHLB Đức": names the union is not called by
            re.fullmatch(r"(?:Hội|Liên\s+hiệp\s+[Hh]ội)\s+[Pp]hụ\s+nữ\s+(?:Việt\s+Nam|VN)", o.name)
            # "thành lập Hội Liên hiệp Phụ nữ Việt Nam tại" (the excerpt cut there) in an
            # article about the "Hội Liên hiệp Phụ nữ Việt Nam tại Nhật Bản"
            or re.match(r"[ \t]+(?:tại|ở)[ \t]*(?:\n|$)", work[o.end : o.end + 12])
        ):
            # the overseas association, not the central union
            orgs[k] = _Org(o.name, o.start, o.end, False, "overseas", "overseas:" + fold(o.name))
    for k, o in enumerate(orgs):
        if (
            o.family == "wu"
            and not o.is_unit
            and any(fold(o.name).endswith(" " + t) for t in tails)
        ):
            orgs[k] = _Org(o.name, o.start, o.end, False, "overseas", "overseas:" + fold(o.name))


#: a membership written in a person's titles ("thành viên Hội đồng Nhà nước Cuba",
#: "Chủ nhiệm Ủy ban 8 của Thượng viện Campuchia")
_MEMBERSHIP = re.compile(
    r"\b(?:[Tt]hành\s+viên|[Ủủ]y\s+viên|[Uu]ỷ\s+viên|[Nn]ghị\s+sĩ|(?<![Đđ]oàn\s)[Đđ]ại\s+biểu|"
    r"[Cc]hủ\s+nhiệm(?:\s+\S+){1,3}\s+của)[ \t]+(?:(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương[ \t]+)?$"
)


#: a foreign party or one of its central commissions, as named by the head above
_PARTY_NAME = re.compile(rf"{_PARTY_BODY}\s")
_PARTY_COMMISSION = re.compile(rf"Ban\s+(?:{_PARTY_COMMISSIONS})\s")
#: the words before a party that takes part in the activity
_PARTY_TAKES_PART = re.compile(
    r"(?i:đoàn|đại\s+biểu|giữa|với|và|tiếp|thăm|chào(?:\s+xã\s+giao)?|cùng|trụ\s+sở)[ \t]+$"
)
#: a post in a party, before its name ("Ủy viên Bộ Chính trị", "Bí thư Ban Chấp hành
#: Trung ương")
_PARTY_POST = re.compile(
    r"(?i:bí\s+thư|ủy\s+viên|uỷ\s+viên|chủ\s+tịch|trưởng\s+ban|phó\s+ban|bộ\s+chính\s+trị|"
    r"thường\s+vụ|thường\s+trực)(?:[^.;,\n()]|\.(?=\S)){0,30}$"
)


#: a kind of body and its country, not a name: "Tổ chức phi Chính phủ Đài Loan"
_KIND_OF_BODY = re.compile(
    r"(?i:tổ[ \t]+chức[ \t]+phi[ \t]+chính[ \t]+phủ)(?:[ \t]+(?i:quốc[ \t]+tế|nước[ \t]+ngoài))?"
    r"[ \t]+(?:của[ \t]+)?(?P<country>\S+(?:[ \t]+\S+){0,2})"
)
#: the words before a body named as the seat of Việt Nam's mission, a heritage title's
#: giver, a union joined
_ASIDE_BEFORE = re.compile(
    r"(?:Việt[ \t]+Nam[ \t]+(?:tại|bên[ \t]+cạnh)|\bbên[ \t]+cạnh|(?i:Ủy|Uỷ)[ \t]+ban[ \t]+"
    r"(?i:quốc[ \t]+gia)|\bđối[ \t]+tác[ \t]+của|\bhội[ \t]+nhập(?:[ \t]+vào)?|"
    r"\b(?i:di[ \t]+sản)[^.;,\n]{0,40}?(?:được|của|do|(?i:thế[ \t]+giới)))[ \t]*$"
)
#: "... UNESCO công nhận", "UNESCO vinh danh": the giver of a title
_ASIDE_AFTER = re.compile(r"[ \t]+(?:đã[ \t]+)?(?:công[ \t]+nhận|vinh[ \t]+danh|ghi[ \t]+danh)\b")


def _party_aside(text: str, org: _Org) -> bool:
    """A foreign party named in a person's titles ("Tổng Bí thư Ban Chấp hành Trung ương
    Đảng Nhân dân Cách mạng Lào") or in the background ("dưới sự lãnh đạo của Đảng Cộng sản
    Cuba", "Đại hội XX Đảng Cộng sản Trung Quốc"), not a body taking part. A party takes
    part as a delegation, a side or a host ("Đoàn đại biểu Đảng Cộng sản Trung Quốc",
    "giữa Đảng Cộng sản Việt Nam và Đảng Cộng sản Trung Quốc"); its commissions ("Ban Đối
    ngoại Trung ương Đảng ...") are named for what they do."""
    if not _PARTY_NAME.match(org.name):
        return False
    if _PARTY_POST.search(text, max(0, org.start - 60), org.start):
        return True
    commission = _PARTY_COMMISSION.match(org.name) is not None
    return not commission and not _PARTY_TAKES_PART.search(text, max(0, org.start - 40), org.start)


def _other_post(work: str, org: _Org, orgs: list[_Org]) -> bool:
    """Is ``org`` one more post in the titles of a person who represents a women's
    organisation named in the same titles ("bà Teresa ..., Ủy viên Bộ Chính trị, thành
    viên Hội đồng Nhà nước Cuba, Tổng Thư ký Hội Liên hiệp Phụ nữ Cuba")? The person's
    other posts are not the partners of the activity."""
    if org.family == "wu" or not _MEMBERSHIP.search(work, max(0, org.start - 40), org.start):
        return False
    clause_start = max(
        work.rfind(";", 0, org.start),
        work.rfind(". ", 0, org.start),
        work.rfind("\n", 0, org.start),
    )
    clause_end = min(
        (
            k
            for k in (work.find(";", org.end), work.find(". ", org.end), work.find("\n", org.end))
            if k >= 0
        ),
        default=len(work),
    )
    return any(
        o is not org
        and not o.is_unit
        and (o.family == "wu" or (o.family == "other" and o.start > org.end))
        and clause_start < o.start < clause_end
        for o in orgs
    )


#: a union named in an anniversary ("Nhân kỷ niệm 93 năm Ngày thành lập Hội Liên hiệp phụ
#: nữ Việt Nam 20/10"): the occasion, not a unit taking part
#: "93 năm Ngày thành lập Hội ...", and the union's present name in a history ("ngày thành
#: lập Hội Phụ nữ phản đế Việt Nam, nay là Hội Liên hiệp Phụ nữ Việt Nam")
_ANNIVERSARY_OF = re.compile(r"(?:(?:[Nn]gày|năm)[ \t]+thành[ \t]+lập|,[ \t]*nay[ \t]+là)[ \t]+$")


#: set to a list to collect, for each article read, its text as read, the title's and the
#: lead's spans, the place candidates and the places taken (bench/news_place_selector.py)
PLACE_TRACE: list | None = None
#: bench/news_amounts.py's hook: each article's sums (work offsets) and their features
AMOUNT_TRACE: list | None = None
#: bench/news_acronyms.py: each article's text and the partners and units read
ACRONYM_TRACE: list | None = None
#: bench/news_countries.py's hook: what each article's candidate countries are read from
COUNTRY_TRACE: list | None = None


def extract(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    use_model: bool = True,
) -> Extraction:
    """Read one article. ``text`` may be raw (with title line and furniture).
    ``use_model`` False reads with the rules alone (what the model is trained on)."""
    text = unicodedata.normalize("NFC", text or "")
    masked, title_end, found_title, dateline = _mask(text)
    if published is None:
        published = dateline
    title = unicodedata.normalize("NFC", title) if title else None
    if title is None:
        title = found_title
    elif found_title is not None and not _same_title(found_title, title):
        # The title was given apart: the line the segmenter took for a title is the
        # first line of the body (it may quote the title: "... chuyên đề “<title>”").
        title_end = None

    # The title, when it is not the text's own title line, is read in front of it.
    prefix = ""
    if title and title_end is None:
        prefix = title + "\n"
    work = prefix + masked
    offset = len(prefix)
    folded = _only_by(work, fold_with_offsets(work))
    if prefix:
        title_span = (0, len(title))
    elif title_end is not None:
        title_span = (0, title_end)
    else:
        title_span = (0, 0)

    result = Extraction(title=title, published=published)
    spans: list[tuple[str, int, int]] = []

    def span(name: str, s: int, e: int) -> None:
        if s - offset >= 0:
            spans.append((name, s - offset, e - offset))

    found_places = find_places(work)
    hits = [
        h
        for h in found_places
        if not _for_peace(work, h) and not _a_language(work, h) and not _vietnamese_my(work, h)
    ]
    # "tại bản Lao Khô": after a level word a name is a place below country level, even
    # when its first word spells a country
    below = [(m.start("name"), m.end("name")) for m in _NAMED_PLACE.finditer(work)]
    hits = [
        h for h in hits if h.match.kind != "country" or not any(s <= h.start < e for s, e in below)
    ]
    orgs = [o for o in _find_orgs(work, hits) if o.is_unit or not _VIETNAMESE_ABROAD.search(o.name)]
    _add_envoys_by_name(work, text, orgs, hits)

    _complete_from_title(work, orgs, hits, title_span)
    _overseas_short_names(orgs, work)

    # Units and partners.
    enumerated_families = {o.family for o in orgs if o.enumerated and not o.is_unit}
    seen_keys: set[str] = set()
    for org in orgs:
        if org.family == "vietnamese":
            continue
        if org.family == "overseas":
            if org.name not in result.overseas:
                result.overseas.append(org.name)
            continue
        if org.is_unit:
            if _ANNIVERSARY_OF.search(work, max(0, org.start - 40), org.start):
                continue  # "93 năm Ngày thành lập Hội Liên hiệp phụ nữ Việt Nam": a date's name
            if org.key not in seen_keys:
                seen_keys.add(org.key)
                result.units.append(org.name)
            span("units", org.start, org.end)
            continue
        if org.collective and org.family in enumerated_families:
            span("partners", org.start, org.end)
            continue
        if _other_post(work, org, orgs):
            continue
        kind_only = _KIND_OF_BODY.fullmatch(org.name)
        if kind_only and _foreign_country(kind_only.group("country")):
            # "Zhinshan Foundation (Tổ chức phi Chính phủ Đài Loan)": what the body is, not
            # its name
            continue
        if _ASIDE_BEFORE.search(work, max(0, org.start - 60), org.start) or _ASIDE_AFTER.match(
            work, org.end
        ):
            # "Đại sứ Việt Nam tại Liên minh châu Âu", "Phái đoàn thường trực Việt Nam bên cạnh
            # UNESCO", "Di sản Thế giới được UNESCO công nhận", "hội nhập Liên minh châu Âu":
            # a body named for Việt Nam's mission to it, a heritage title, a membership
            continue
        if _DOCUMENT_OF.search(work, max(0, org.start - 60), org.start):
            # "Nghị quyết số 1325 của Hội đồng Bảo an Liên hợp quốc về Phụ nữ, Hòa bình và An
            # ninh": the author of a resolution or a convention the article cites
            continue
        if (
            org.key.startswith("other:chinh phu:")
            and not _FUNDED_BY.match(work[org.end : org.end + 40])
            and not _signs_with_vietnam(work, org)
            and not _GOVERNMENT_AID.search(work[max(0, org.start - 160) : org.start])
        ):
            # "Chính phủ Hàn Quốc đã ban hành ...", "1 triệu USD từ Chính phủ Hàn Quốc": a
            # government as a whole acts in the background (it still gives the country and
            # the giver of an amount); it is a partner when the text has it fund the
            # project ("dự án do Chính phủ Ô-xtrây-li-a tài trợ")
            continue
        if org.key not in seen_keys:
            seen_keys.add(org.key)
            result.partners.append(org.name)
        span("partners", org.start, org.end)

    funders = _funders(work, orgs)
    for name, start, end, _ in funders:
        # "do tổ chức Hue Help (Anh) tài trợ", "do Ngân hàng Công nghiệp Hàn Quốc tài trợ":
        # a foreign funder no head word of the rules names
        key = "other:" + fold(name)
        if key not in seen_keys:
            seen_keys.add(key)
            result.partners.append(name)
        span("partners", start, end)

    # Places and countries.
    first_sentences = _sentences(work, title_span[1], len(work))
    lead_span = first_sentences[0] if first_sentences else (0, 0)
    unit_ranges = [(o.start, o.end) for o in orgs] + _seats(work, orgs, hits)
    title_place = re.match(r"\s*([^:\n]{2,30}):", work[title_span[0] : title_span[1]])
    # "do tổ chức Hue Help (Anh) tài trợ": the funder's country, written after it
    countries: list[str] = list(dict.fromkeys(code for *_, code in funders if code))
    venues = _venues(work, title_span[1] if not prefix else 0, hits)
    # "kiều bào sinh sống tại hơn 50 quốc gia ..., tập trung đông nhất ở Hoa Kỳ, Úc, Canada":
    # where people live is no country of the activity
    resident = _residence_countries(work, hits)
    venue_ranges = [(s, e) for s, e, _ in venues]
    # candidates: (start, end, identity, located by a word before it)
    candidates: list[tuple[int, int, str, bool]] = [(s, e, k, True) for s, e, k in venues]
    for hit in hits:
        m = hit.match
        if m.kind == "region" or (m.kind == "country" and m.code == "VN"):
            if m.kind == "region" and m.code not in countries and m.code != "VN":
                countries.append(m.code)
            continue
        # (a GeoNames city gives no country on its own: "Odessa" is also in Texas, "Kasama"
        # in Zambia; its country is written beside it when it matters)
        if (
            m.foreign
            and m.country not in countries
            and not m.from_geonames
            and hit.start not in resident
        ):
            countries.append(m.country)
        if m.kind == "subdivision" and m.code not in result.subdivisions:
            result.subdivisions.append(m.code)
        if m.kind == "country" or any(s <= hit.start < e for s, e in unit_ranges + venue_ranges):
            continue  # a country, or a place inside a name ("trạm biên phòng Hòa Hiệp")
        prefix_m = _PLACE_PREFIX.search(work, max(0, hit.start - 12), hit.start)
        start = prefix_m.start(1) if prefix_m else hit.start
        dateline_place = bool(title_place) and hit.end == title_span[0] + title_place.end(1)
        located = _is_located(work, start, lead_span) or dateline_place
        if located and _long_ago(work, hit.end, published):
            located = False
        candidates.append((start, hit.end, m.code, located))
    for start, end, key in _unknown_places(work, hits, unit_ranges + venue_ranges):
        candidates.append((start, end, key, _is_located(work, start, lead_span)))
    candidates.sort()
    # a place where something happened: after "tại", "ở", "đến", ... or after such a place
    # in a list or an address ("tại xã Phiêng Khoài, huyện Yên Châu", "(xã Tân Lập,
    # huyện Tân Biên, tỉnh Tây Ninh)")
    taken = [c for c in candidates if c[3]]
    # a place of an announced event that follows the reported one is dropped (an article
    # announcing its one event keeps it)
    reported = [c for c in taken if not _announced(work, c[0])]
    if reported:
        first_reported = min(c[0] for c in reported)
        taken = [c for c in taken if c in reported or c[0] < first_reported]
    # "tại Trung tâm Vì sự phát triển phụ nữ ... (số đường A6, khu vực 11, phường Hưng Phú,
    # quận Cái Răng)": the address of a venue or an organisation where it happened
    for m in _ADDRESSED.finditer(work):
        if (
            _lives_there(work, m.start())
            or _after_name(work, m.start())
            or _beneficiaries_place(work, m.start(), lead_span)
        ):
            # where people live, the seat of a body ("Đại sứ ... tại Việt Nam"), or where
            # those who benefit live ("cho trẻ em tại Thường Xuân (Thanh Hóa)")
            continue
        p_start, p_end = m.span("address")
        taken.extend(c for c in candidates if p_start <= c[0] < p_end and c not in taken)
    # "tại 4 huyện, thị xã, thành phố (Thanh Hà, Gia Lộc, thị xã Kinh Môn, TP Hải Dương)":
    # the places counted, then named in parentheses
    for m in _COUNTED_PLACES.finditer(work):
        if _lives_there(work, m.start()):
            continue
        for item in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\bvà\b|$))", m.group("list")):
            lead = len(item.group(0)) - len(item.group(0).lstrip())
            i_start = m.start("list") + item.start() + lead
            i_end = m.start("list") + item.end()
            name = work[i_start:i_end].strip()
            if name.startswith("và "):
                i_start += 3
                name = name[3:]
            if not name or not re.match(_CAP + "|" + _LEVEL_START.pattern, name):
                continue
            found = [c for c in candidates if i_start <= c[0] < i_end]
            if found:
                taken.extend(c for c in found if c not in taken)
            else:
                taken.append((i_start, i_end, "named:" + fold(name), True))
    grown = True
    while grown:
        grown = False
        for c in candidates:
            if c in taken:
                continue
            if any(t[1] <= c[0] and _LIST_NEXT.fullmatch(work, t[1], c[0]) for t in taken):
                taken.append(c)
                grown = True
                continue
            # "trên địa bàn huyện Cẩm Giàng, Thanh Hà và thành phố Hải Dương": a name the
            # gazetteer does not know, between two places of one list, is one too
            for t in taken:
                gap = _LIST_GAP.fullmatch(work, t[1], c[0]) if t[1] <= c[0] else None
                if gap:
                    name = gap.group("name")
                    middle = (gap.start("name"), gap.end("name"), "named:" + fold(name), True)
                    taken.extend([c, middle])
                    grown = True
                    break
    # each place once, as first written in the body (the headline's form when only there)
    first: dict[str, tuple[int, int]] = {}
    for start, end, key, _ in sorted(taken, key=lambda c: (c[0] < title_span[1], c[0])):
        first.setdefault(key, (start, end))
    for start, end in sorted(first.values()):
        result.places.append(_clean_name(work[start:end]))
    for start, end, _, _ in taken:
        span("places", start, end)
    if PLACE_TRACE is not None:
        PLACE_TRACE.append((work, title_span, lead_span, list(candidates), list(taken)))
    for org in orgs:
        if not org.is_unit and org.country and org.country != "VN" and org.country not in countries:
            countries.append(org.country)
    result.countries = countries

    # Kind.
    body_start = title_span[1]
    body_sentences = _sentences(work, body_start, len(work))
    lead = body_sentences[:2]
    kind, cue = _main_kind(
        work, folded, title_span, lead, orgs, hits, body_sentences[:VISIT_SENTENCES]
    )
    if (
        kind in ("delegation_in", "delegation_out")
        and result.overseas
        and not result.partners
        and not result.countries
    ):
        # "Hội Nữ Trí thức Việt-Nhật đã đến thăm và làm việc với Hội Nữ trí thức Việt Nam":
        # Vietnamese women abroad visiting, with no foreign partner, are no foreign delegation
        kind = "other"
    result.kind = kind
    if cue:
        span("kind", cue[0], cue[1])

    # Dates.
    every_date = [
        d
        for d in find_dates(work, published)
        # "được thành lập vào ngày 20/10/2014", "Quyết định ... số 3065/QĐ-UBND ngày
        # 6/10/2016": a founding date or a document's date, background
        if not _BACKGROUND_DATE.search(work, max(0, d.start - 40), d.start)
        # "căn cứ theo Biên bản ghi nhớ ... vào ngày 14/9/2016": the date of the document
        # the activity rests on
        and not _PURSUANT.search(work, max(0, d.start - 150), d.start)
        # "kỷ niệm ngày Quốc tế Phụ nữ 8/3", "Nhân dịp kỷ niệm 95 năm Ngày thành lập Hội
        # ... (20-10-2025)": the day celebrated, not the activity's
        and not (not d.has_year and _NAMED_DAY.search(work, max(0, d.start - 40), d.start))
        # "* CHÀO MỪNG NGÀY LÂM NGHIỆP VIỆT NAM 28/11": a site's banner of a yearly day
        and not (not d.has_year and _in_slogan(work, d))
        and not _CELEBRATED.search(work, max(0, d.start - 160), d.start)
        # "nhân Ngày Môi trường Thế giới (5/6/2024)", "hướng đến ngày 25-11": a world day
        # the activity is held for, not its own day
        and not _WORLD_DAY.search(work, max(0, d.start - 60), d.start)
        # "Trước đó, ngày 30/1, hai tỉnh ... đã tặng": an earlier activity, told as background
        and not _BEFORE_THAT.search(work, max(0, d.start - 30), d.start)
        # "đến hết ngày 31/12/2026", "không quá ngày 30/9/2027", "Từ nay đến 10/11/2018": a
        # deadline or a period's end, not the day of the activity
        and not _UNTIL.search(work, max(0, d.start - 100), d.start)
        # "- Lãnh đạo TPHCM tiếp Đại sứ Nhật Bản (12-01-2010)": another article's headline in
        # a list of related news
        and not _related_headline(work, d)
        # "Ngày đăng : 10:41, 11/08/2021", "15:17 22/10/2021", "Thứ Tư, 17/12/2025 15:12":
        # a page's date line, not the activity's day
        and not _page_date_line(work, d)
        # "Ngày 20-10, Bộ đội Biên phòng tỉnh Tây Ninh cho biết ...": the day of a statement,
        # not of what it reports
        and not (
            _STATEMENT_AFTER.match(work, d.end)
            # "Chiều 1/12, Quân chủng Hải quân cho biết, Tàu 015 ... đã cập cảng": a time of
            # day dates what happened, not the statement
            and not _TIME_OF_DAY.search(work, max(0, d.start - 15), d.start + 6)
        )
        # "kể từ tháng 7/2015", "từ nay đến tháng 12 năm 2019", "đầu tháng 11": a
        # period's bound or a vague time, not the date of the activity
        and not (
            d.precision == "month" and _MONTH_BOUND.search(work, max(0, d.start - 12), d.start)
        )
    ]
    found_dates = [d for d in every_date if d.start >= title_span[1] or prefix]
    dates = _usable_dates(
        found_dates,
        published,
        _anniversaries(work),
        work,
        title_span,
        opening=body_sentences[0][0] if body_sentences else None,
    )
    chosen = _choose_date(dates, lead, title_span, work)
    in_title = None
    if chosen is None and not prefix:
        # "Hai toà án tối cao ... hội đàm ở Hà Nội hôm 1/3/2016." taken for the headline, and
        # no date in the body: the day the headline writes with its year is the activity's
        in_title = next(
            (
                d
                for d in every_date
                if d.start < title_span[1]
                and d.has_year
                and d.precision == "day"
                # "(Ttxvn 8/12/2000)" glued to the headline: the publication's date
                and d.first != published
                and not _AGENCY_DATELINE.search(work, max(0, d.start - 30), d.start)
                # "Thứ ba, 21/03/2023": a weekday before it (a clock beside it: a page's date
                # line, left out of every_date already)
                and not _WEEKDAY_BEFORE.search(work, max(0, d.start - 20), d.start)
                # "Nhân kỷ niệm Ngày Phụ nữ Việt Nam 20/10/2025, ...": the day celebrated
                and not _NAMED_DAY.search(work, max(0, d.start - 40), d.start)
            ),
            None,
        )
        chosen = in_title
    if chosen is not None and _year_unknown(chosen, published):
        # "ngày 2/5" with no year in the text, no dateline and no publication date, or
        # "11/10" in an article of 13 March (last October or this one): the year is not
        # guessed; the date is left for the officer, highlighted
        result.doubt("start_date", "year_ambiguous" if chosen.guessed else "year_missing")
        result.date_without_year = chosen.text
        span("date_without_year", chosen.start, chosen.end)
    elif chosen is not None:
        result.start_date, result.end_date = chosen.first, chosen.last
        result.date_precision = chosen.precision
        span("start_date", chosen.start, chosen.end)
        if chosen.inferred:
            # its year read from a programme's name, the headline, a date beside it
            result.doubt("start_date", "year_inferred")
        elif published is not None and (published - chosen.first).days > _YEARS_AWAY:
            # "Ngày 11/08/2015 tại Hà Nội, ..." on a page posted in 2018: written, but the
            # officer is shown it
            result.doubt("start_date", "long_before")
        elif in_title is not None:
            # the line may be the first sentence taken for the headline, or a headline
            result.doubt("start_date", "in_headline")
        elif chosen.start >= (lead[-1][1] if lead else title_span[1]):
            result.doubt("start_date", "outside_lead")
    elif kind != "other":
        result.doubt("start_date", "none_found")

    # Amounts.
    amounts = find_amounts(work)
    if any(a.start >= title_span[1] for a in amounts):
        # the headline's figure restates the body's ("hỗ trợ hơn 22 tỷ đồng" for "1 triệu
        # USD (22,7 tỷ đồng)"): the body's amounts are the ones listed
        amounts = [a for a in amounts if a.start >= title_span[1]]
    lead_direction = _lead_direction(folded, orgs, title_span, lead)
    lead_abroad = _lead_gift_abroad(folded, hits, title_span, lead)
    for amount in amounts:
        direction = _direction(amount, folded, work, orgs, hits, kind)
        if direction == "unknown" and lead_direction:
            # no giver in the amount's sentence: the article's ("Hội LHPN huyện Tân Biên ...
            # trao tặng quà cho phụ nữ ... Campuchia" ... "Tổng trị giá quà tặng là ...")
            direction = lead_direction
        if direction == "unknown":
            # No giver written anywhere. A gift the headline or the lead sends abroad
            # ("Tuổi trẻ Quảng Trị hỗ trợ các tỉnh của Lào ...") is given; otherwise the
            # money is most likely received, as most of what these articles report is
            # ("Tổng số tiền mặt được trao trong đợt này là gần 4 tỷ đồng" in a report of
            # UN Women's aid, "Tổng giá trị các phần quà 40 triệu đồng" after a Korean
            # body's gifts). Either way the officer is shown it is a guess.
            direction = lead_abroad or "received"
            result.doubt("amounts", "direction_guessed")
        if amount.currency in _HOST_CURRENCIES and direction == "received":
            # "trao cho ... Ban Chỉ đạo quốc gia ... Lào số tiền 60 triệu kíp": money in a
            # neighbour's own currency is paid there, by the Vietnamese side (every kíp of
            # the corpus's labels is given)
            direction = "given"
        if is_approximate(amount.to_json()):
            result.doubt("amounts", "rounded")
        result.amounts.append(amount.with_direction(direction))
        span("amounts", amount.start, amount.end)
    if use_model or AMOUNT_TRACE is not None:
        _set_aside_amounts(result, work, title_span, lead, use_model)

    def shifted(found: list[Amount]) -> list[Amount]:
        return [
            Amount(
                a.value,
                a.currency,
                a.direction,
                a.text,
                a.quantity,
                a.unit_value,
                a.over,
                max(0, a.start - offset),
                max(0, a.end - offset),
                a.total,
            )
            for a in found
        ]

    result.amounts = shifted(result.amounts)
    result.amounts_aside = shifted(result.amounts_aside)

    # Agreement.
    m = _AGREEMENT_QUOTED.search(work)
    if m is None:
        plain = list(_AGREEMENT_PLAIN.finditer(work)) + list(_AGREEMENT_PERIOD.finditer(work))
        m = max(plain, key=lambda x: len(x.group("t")), default=None)
    if m:
        result.agreement = " ".join(m.group("t").split()).rstrip(" ,.")
        span("agreement", m.start("t"), m.end("t"))

    # Topics.
    for pattern, topic in TOPICS:
        if re.search(r"\b(?:" + pattern + r")\b", folded):
            result.topics.append(topic)

    # Sub-events.
    result.events = _events(work, folded, hits, body_start, offset)
    result.kind_reading = (
        work[title_span[0] : title_span[1]],
        work[title_span[1] :],
        result.kind,
        tuple(e.kind for e in result.events),
    )
    if COUNTRY_TRACE is not None:
        # bench/news_countries.py: a country selector, measured and not shipped
        COUNTRY_TRACE.append(
            (
                work,
                title_span,
                lead[-1][1] if lead else title_span[1],
                hits,
                {o.country for o in orgs if not o.is_unit and o.country},
                list(result.countries),
            )
        )
    if use_model:
        cue = _model_kind(result, spans, cue)
        # the model reads the masked text: the places already found serve when no title
        # was put in front of it
        _add_model_partners(result, masked, spans, find_places(masked) if offset else found_places)
    if ACRONYM_TRACE is not None:
        # bench/news_acronyms.py: an acronym selector, measured and not shipped
        ACRONYM_TRACE.append(
            (
                work,
                title_span[1],
                lead[-1][1] if lead else title_span[1],
                [*result.partners, *result.units],
            )
        )
    result.spans = sorted(spans, key=lambda s: (s[1], s[2]))
    _weigh(result, orgs, hits, cue, title_span, lead, offset)
    return result


def _set_aside_amounts(result: Extraction, work, title_span, lead, use_model) -> None:
    """Set aside the sums the amount selector takes for background (less than
    ``model.AMOUNT_KEEP``): the officer sees them listed unticked."""
    lead_end = lead[-1][1] if lead else title_span[1]
    features = [
        model.amount_features(work, title_span[1], lead_end, result.amounts, k)
        for k in range(len(result.amounts))
    ]
    if AMOUNT_TRACE is not None:
        AMOUNT_TRACE.append((list(result.amounts), features))
    if not use_model:
        return
    kept, aside = [], []
    for amount, f in zip(result.amounts, features, strict=True):
        p = model.amount_probability(f)
        (aside if p is not None and p < model.AMOUNT_KEEP else kept).append(amount)
    if aside:
        result.amounts, result.amounts_aside = kept, aside
        result.doubt("amounts", "set_aside")


#: below this probability the classifier's kind is marked unsure (bench/news_kind.py: on
#: articles it had not seen, about 4 in 10 of its kinds below it were right, 8 in 10 above)
KIND_SURE = 0.7


def _model_kind(result: Extraction, spans: list, cue):
    """The kind the classifier gives (``model.choose_kind``). Where it differs from the
    rules' kind it is marked "found by the model"; where the classifier is not sure, "the
    model is not sure". Returns the cue left to highlight."""
    probabilities = model.kind_probabilities(*result.kind_reading)
    if not probabilities:
        return cue
    kind, sure = model.choose_kind(probabilities, result.kind)
    if kind != result.kind:
        result.kind = kind
        # the rules' cue word names another kind: it is no longer highlighted
        spans[:] = [s for s in spans if s[0] != "kind"]
        result.doubt("kind", "by_model")
        cue = None
    if sure < KIND_SURE:
        result.doubt("kind", "model_unsure")
    return cue


def _words_within(a: str, b: str) -> bool:
    """Are the words of one name all in the other, in order ("Liên hiệp Phụ nữ Quảng Tây"
    in "Liên hiệp Phụ nữ Khu tự trị dân tộc Choang Quảng Tây")?"""
    short, long = sorted((fold(a).split(), fold(b).split()), key=len)
    rest = iter(long)
    return all(w in rest for w in short)


#: "Childfund Việt Nam tại Bắc Kạn", "tổ chức Tầm nhìn Thế giới tại Quảng Ngãi": where a
#: foreign body has its office, part of how it is named, not where the activity took place
_SEAT = re.compile(r"[ \t]+(?:Việt[ \t]+Nam[ \t]+)?tại[ \t]+(?:(?i:tỉnh|thành\s+phố|TP\.?)[ \t]+)?")


#: an envoy, a mission or a body before its country: "Tổng Lãnh sự Cộng hòa Liên bang Đức"
_ENVOY_OF = re.compile(
    r"(?i:\b(?:đại\s+sứ|lãnh\s+sự|sứ\s+quán|văn\s+phòng|cơ\s+quan|hiệp\s+hội|"
    r"phòng\s+thương\s+mại|trưởng\s+đại\s+diện|tùy\s+viên)\b)[^,.;:()\n]*$"
)


def _seats(work: str, orgs: list[_Org], hits: list[PlaceHit]) -> list[tuple[int, int]]:
    out = []
    for org in orgs:
        if org.is_unit or org.family not in ("other", "known", "company"):
            continue
        out.extend(_seat_after(work, hits, org.end))
    for country in hits:
        # "Tổng Lãnh sự Cộng hòa Liên bang Đức tại Thành phố Hồ Chí Minh", "Đại sứ Cuba tại
        # Hà Nội": an envoy's or a body's seat, written after its country
        if country.match.kind != "country" or not country.match.foreign:
            continue
        if not _ENVOY_OF.search(work, max(0, country.start - 60), country.start):
            continue  # "đại biểu phụ nữ Lào tại Hà Nội", "Những ngày văn hóa Nhật Bản tại ..."
        out.extend(_seat_after(work, hits, country.end))
    return out


def _seat_after(work: str, hits: list[PlaceHit], end: int) -> list[tuple[int, int]]:
    """The place below country level written as a seat ("tại Hà Nội") right at ``end``."""
    seat = _SEAT.match(work, end)
    hit = _place_at(hits, seat.end()) if seat else None
    return [(hit.start, hit.end)] if hit is not None and hit.match.kind != "country" else []


def _add_model_partners(result: Extraction, masked: str, spans: list, hits) -> None:
    """The partners the model is sure of and the rules did not read
    (``doingoai.news.model``); the partners are then marked unsure."""
    from .matching import organisation_key

    for name, start, end in model.sure_names(masked, list(spans), hits)["partners"]:
        # one body written two ways ("ĐSQ Nhật Bản", "Đại sứ quán Nhật Bản"; "Liên hiệp Phụ
        # nữ Quảng Tây" and its name in full) is read once
        if any(
            organisation_key(name) == organisation_key(n) or _words_within(name, n)
            for n in result.partners
        ):
            continue
        result.partners.append(name)
        spans.append(("partners", start, end))
        result.doubt("partners", "by_model")


#: why a field is unsure (the review page says it in the officer's words): field -> reason
DOUBTS = {
    "title": ("none_found",),
    "start_date": (
        "year_missing",
        "year_ambiguous",
        "year_inferred",
        "long_before",
        "outside_lead",
        "in_headline",
        "none_found",
    ),
    "kind": ("no_cue", "by_model", "model_unsure"),
    "units": ("none_found", "completed"),
    "partners": ("none_found", "by_name_form", "by_model"),
    "places": ("none_found", "outside_lead"),
    "countries": ("in_passing",),
    # (the reader now guesses every direction it cannot read; "direction_unknown" stays for
    # the drafts read before it did)
    "amounts": ("direction_guessed", "direction_unknown", "rounded", "set_aside"),
}


def _weigh(result: Extraction, orgs, hits, cue, title_span, lead, offset: int) -> None:
    """Mark the fields read on weak evidence: what the reader did not find, or found only
    by a rule that often errs (measured per field in ``bench/news_bench.py``)."""
    lead_end = lead[-1][1] if lead else title_span[1]
    if not result.title:
        result.doubt("title", "none_found")
    if cue is None:
        result.doubt("kind", "no_cue")
    kept = {fold(n) for n in result.units}
    if not result.units:
        result.doubt("units", "none_found")
    elif any(o.guessed and o.is_unit and fold(o.name) in kept for o in orgs):
        result.doubt("units", "completed")
    partners = {fold(n) for n in result.partners}
    if any(o.guessed and not o.is_unit and fold(o.name) in partners for o in orgs):
        result.doubt("partners", "by_name_form")
    elif not result.partners and result.countries:
        result.doubt("partners", "none_found")
    place_starts = [start + offset for name, start, _ in result.spans if name == "places"]
    if not result.places:
        result.doubt("places", "none_found")
    elif min(place_starts, default=0) >= lead_end:
        # no place in the headline or the lead: read further down, often a place of
        # background or of the beneficiaries
        result.doubt("places", "outside_lead")
    # a country named once, after the lead, and by no partner: named in passing?
    partner_countries = {o.country for o in orgs if not o.is_unit and o.country}
    for code in result.countries:
        mentions = [h for h in hits if h.match.foreign and h.match.country == code]
        if code not in partner_countries and len(mentions) == 1 and mentions[0].start >= lead_end:
            result.doubt("countries", "in_passing")
            break


_MONTH_BOUND = re.compile(r"\b(?:từ|đến|tới|trước|sau|đầu|cuối|giữa|nay)\s+(?:ngày\s+)?$")


#: an anniversary written with its years: "(8/3/1910-2020)", "(30/4/1975-30/4/2025)",
#: "(10.8.1961 – 10.8.2014)", "(18-12-1989 - 18-12-2014)", "(2/12/1975 * 2/12/2025)",
#: "(1-12-1918/1-12-2024)"
_ANNIVERSARY_SPAN = re.compile(
    r"\(\s*(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?:19|20)\d\d\s*[-–*/]\s*"
    r"(?:[0-3]?\d(?P=sep)[01]?\d(?P=sep))?(?P<y>(?:19|20)\d\d)\s*\)"
)
#: an anniversary written with its years only, after "kỷ niệm": "kỷ niệm 35 năm thiết lập
#: quan hệ ngoại giao Việt Nam - Nhật Bản (1973-2008)"
_ANNIVERSARY_YEARS = re.compile(
    r"(?i:kỷ\s+niệm)[^.;\n()]{0,140}\(\s*(?:19|20)\d\d\s*[-–]\s*(?P<y>(?:19|20)\d\d)\s*\)"
)
#: days before an anniversary's day from which a day of the text without its year is taken
#: for one of the anniversary's celebrations, in the year it is celebrated
_ANNIVERSARY_BEFORE = 60


def _anniversaries(text: str) -> list[date]:
    """For each anniversary of the text, the first day of its celebrations: a little before
    its day, in the year it is celebrated (from the first of January when only the years
    are written). A day from then to the end of that year is taken as in that year."""
    out = []
    for m in _ANNIVERSARY_SPAN.finditer(text):
        try:
            day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        out.append(max(day - timedelta(days=_ANNIVERSARY_BEFORE), date(day.year, 1, 1)))
    for m in _ANNIVERSARY_YEARS.finditer(text):
        out.append(date(int(m.group("y")), 1, 1))
    return out


#: any year written in a sentence ("năm 2022-2023", "(1930-2020)", "10-16/5/2017")
_ANY_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
#: how a year names the activity's: "... công tác đối ngoại năm 2015", "Tết cổ truyền Ất Tỵ
#: 2025", "Diễn đàn Phụ nữ Việt Nam-Hàn Quốc 2022", or a full date "10-16/5/2017"
_YEAR_NAMING = re.compile(r"(?:\bnăm|[A-ZĐÂĂÊÔƠƯ][\w-]*|[0-3]?\d[/.-][01]?\d[/.-])[ \t]*$")
#: "từ năm 2004", "thành lập năm 2004", "giai đoạn năm ...", "đến 2025": a year that is
#: not the activity's
_YEAR_NOT = re.compile(
    r"(?i:\b(?:từ|đến|tới|thành\s+lập|tổng\s+kết|sơ\s+kết|nhìn\s+lại|trước|sau|cuối|đầu|"
    r"giai\s+đoạn|kể|vào|trong|hết|sinh))[ \t]+(?:năm[ \t]+)?$"
)
#: a review of a year, held early in the next ("Ngày 12/1, ... tổng kết công tác ... năm
#: 2023"): which year the day is in is not written
_YEAR_REVIEW = re.compile(r"(?i:\b(?:tổng\s+kết|sơ\s+kết|nhìn\s+lại|tổng\s+hợp))")


def _one_year(text: str, start: int, end: int) -> tuple[int, date | None] | None:
    """The one year ``text[start:end]`` writes, if it names it as an activity's, and the
    full date it is written in, if any; none, two, or a year of a period: ``None``."""
    found = list(_ANY_YEAR.finditer(text, start, end))
    if not found or len({m.group(0) for m in found}) != 1:
        return None
    if _YEAR_REVIEW.search(text, start, end):
        return None
    year = int(found[0].group(0))
    naming = False
    anchor = None
    for m in found:
        before = text[max(start, m.start() - 24) : m.start()]
        if _YEAR_NOT.search(before):
            return None
        named = _YEAR_NAMING.search(before)
        if named:
            naming = True
            day_month = re.search(r"([0-3]?\d)[/.-]([01]?\d)[/.-][ \t]*$", named.group(0))
            if day_month and anchor is None:
                try:
                    anchor = date(year, int(day_month.group(2)), int(day_month.group(1)))
                except ValueError:
                    pass
    return (year, anchor) if naming else None


def _year_of_sentence(text: str, d: DateHit, title_span: tuple[int, int] = (0, 0)) -> DateHit:
    """A day written without its year takes the one year its sentence names the activity
    by ("Sáng nay 20/5, ... chương trình ... năm 2022.", "Sáng 16/1, ... Tết cổ truyền Ất Tỵ
    2025", "Sáng 7/5, ... từ ngày 7-10/5 và ... từ ngày 10-16/5/2017") or, with none there, the
    one year of the headline ("Diễn đàn Phụ nữ Việt Nam-Hàn Quốc 2022: ..."); none or two:
    as it was."""
    start, end = _sentence_around(text, d.start, d.end)
    found = _one_year(text, start, end)
    if (
        found is None
        and title_span[1] > title_span[0]
        and not _ANY_YEAR.search(text, start, end)
        and not _YEAR_REVIEW.search(text, start, end)
    ):
        found = _one_year(text, *title_span)
    if found is None:
        return d
    year, anchor = found
    best = None
    # a year written in a full date dates the day nearest to it ("28/12 ... 3/1/2024": 2023)
    for y in (year, year - 1, year + 1) if anchor else (year,):
        try:
            first = d.first.replace(year=y)
            last = d.last.replace(year=y + (d.last.year - d.first.year))
        except ValueError:
            continue
        if best is None or (anchor and abs((first - anchor).days) < abs((best[0] - anchor).days)):
            best = (first, last)
    if best is None:
        return d
    return DateHit(d.start, d.end, d.text, best[0], best[1], d.precision, True, inferred=True)


def _year_unknown(d: DateHit, published: date | None) -> bool:
    """A day written without its year that neither the publication date dates (there is
    none) nor dates for sure (``DateHit.guessed``: "11/10" in an article of 13 March)."""
    return not d.has_year and (published is None or d.guessed)


#: days from the publication beyond which a dated day is another year's business: dropped,
#: unless it opens the report ("Ngày 11/08/2015 tại Hà Nội, ..." on a page of 2018), and then
#: marked for the officer ("long_before")
_YEARS_AWAY = 400


def _usable_dates(
    dates: list[DateHit],
    published: date | None,
    anniversaries: list[date] = (),
    text: str = "",
    title_span: tuple[int, int] = (0, 0),
    opening: int | None = None,
) -> list[DateHit]:
    """The dates that may be the activity's: not an anniversary span ("(2/12/1975 -
    2/12/2025)") nor a date years away from the publication ("Ngày 30/4/1975 – một dấu
    mốc lịch sử"), unless it opens the report's first sentence (``opening``, its start)
    as where and when the activity took place ("Ngày 11/08/2015 tại Hà Nội, Bộ Y tế ...",
    in a page posted in 2018); a date without its year and with no publication date (or a year only
    guessed from it, ``DateHit.guessed``) takes the year of a dated span of the text that
    holds it ("từ ngày 26 – 30/11/2014 ... ngày 28/11")."""
    out = []
    # "(10.8.1961 – 10.8.2014)": the two ends of an anniversary's span, read one by one
    spans = [(m.start(), m.end()) for m in _ANNIVERSARY_SPAN.finditer(text)]
    latest = _latest_year(text) if published is None else None
    for d in dates:
        if (d.last - d.first).days > 366:
            continue
        if any(s <= d.start < e for s, e in spans):
            continue
        if (
            d.has_year
            and (
                (published is not None and abs((d.first - published).days) > _YEARS_AWAY)
                # "ngày 21/9/1973 Nhật Bản đã chính thức thiết lập quan hệ ngoại giao" in a
                # report that writes 2023 elsewhere, with no publication date: history
                or (latest is not None and d.first.year <= latest - _HISTORY_YEARS)
            )
            and not _opens_report(text, d, opening)
        ):
            continue
        if _year_unknown(d, published):
            for other in dates:
                # a dated span or month that holds it ("tháng 5/2015 ... (29-31/5)"); not an
                # anniversary's span ("(8/3/1910 - 8/3/2021)")
                if not other.has_year or (other.last - other.first).days > 366:
                    continue
                try:
                    first = d.first.replace(year=other.first.year)
                    last = d.last.replace(year=other.first.year)
                except ValueError:
                    continue
                if other.first <= first <= other.last:
                    d = DateHit(d.start, d.end, d.text, first, last, d.precision, True)
                    break
        if _year_unknown(d, published):
            # "Tối 7/3 ... kỷ niệm 110 năm Ngày Quốc tế Phụ nữ 8/3 (8/3/1910-2020)": a day
            # from a little before the anniversary the article celebrates to the end of its
            # year takes the anniversary's year, written in the text ("Ngày 26/11 ... kỷ niệm
            # 75 năm ... (18/1/1950 - 18/1/2025)"); inferred, the officer is shown it
            for begin in anniversaries:
                try:
                    first = d.first.replace(year=begin.year)
                    last = d.last.replace(year=begin.year)
                except ValueError:
                    continue
                if begin <= first:
                    d = DateHit(
                        d.start, d.end, d.text, first, last, d.precision, True, inferred=True
                    )
                    break
        if _year_unknown(d, published) and text:
            d = _year_of_sentence(text, d, title_span)
        out.append(d)
    return out


#: years between a dated day and the latest year of the text for the day to be history
_HISTORY_YEARS = 5
#: a year that ends a period or names a target: "giai đoạn 2021-2025", "đến năm 2030",
#: "tầm nhìn 2045"
_YEAR_AHEAD = re.compile(
    r"(?i:\b(?:đến|tới|tầm\s+nhìn|mục\s+tiêu)[ \t]+(?:năm[ \t]+)?|[-–][ \t]*)$"
)


def _latest_year(text: str) -> int | None:
    """The latest year the text writes, not one ending a period, ahead of today or in a
    document's number."""
    years = [
        int(m.group(0))
        for m in _ANY_YEAR.finditer(text)
        if int(m.group(0)) <= date.today().year
        and not _YEAR_AHEAD.search(text, max(0, m.start() - 20), m.start())
        # "Công văn số 2016/UBND-VX": a document's number
        and not re.match(r"/[^\W\d_]", text[m.end() : m.end() + 2])
    ]
    return max(years, default=None)


def _opens_report(text: str, d: DateHit, opening: int | None) -> bool:
    """Does the full date ``d`` open the report's first sentence, followed by where or a
    comma ("Ngày 01/11/2018, tại TP Quy Nhơn, ...", "Ngày 24/1/2016 , Hội ...")? A page
    posted years later (a re-posting, a new site) still reports that day's activity."""
    return (
        opening is not None
        and d.has_year
        and opening <= d.start <= opening + 8
        and re.match(r"[ \t]*(?:,|tại\b)", text[d.end : d.end + 12]) is not None
    )


#: the words before a date that is not the activity's: a founding ("được thành lập vào
#: ngày", "thiết lập quan hệ ngoại giao ngày 25/10/1973", "phê chuẩn ngày 23/3/1950"), a
#: document number ("số 3065/QĐ-UBND ngày", "số 2418/QĐ-BNN-HTQT, ngày", "số 1093/QĐ-KHXH
#: ký ngày")
_BACKGROUND_DATE = re.compile(
    r"(?:(?i:thành\s+lập|thiết\s+lập\s+quan\s+hệ\s+ngoại\s+giao|phê\s+chuẩn)(?:\s+vào)?"
    r"|\bsố\s+\d+/[\w/-]+(?:[ \t]*,)?(?:[ \t]+(?i:ký|ban\s+hành))?)[ \t]+(?:ngày[ \t]+)?$"
)


def _in_slogan(text: str, d: DateHit) -> bool:
    """Is ``d`` on a line written in capitals, of three words or more: a site's banner or
    slogan ("* CHÀO MỪNG NGÀY LÂM NGHIỆP VIỆT NAM 28/11")?"""
    start = text.rfind("\n", 0, d.start) + 1
    end = text.find("\n", d.end)
    line = text[start : end if end != -1 else len(text)]
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 3 and all(w.isupper() for w in words)


#: a day named by its date ("ngày Quốc tế Phụ nữ 8/3", "Ngày Phụ nữ Việt Nam 20/10",
#: "Quốc khánh 2/9", "ngày Quốc tế trẻ em gái 11/10")
_NAMED_DAY = re.compile(
    r"(?i:\b(?:phụ\s+nữ(?:\s+việt\s+nam)?|quốc\s+khánh|thiếu\s+nhi|trẻ\s+em\s+gái|"
    r"nhà\s+giáo(?:\s+việt\s+nam)?|"
    r"gia\s+đình\s+việt\s+nam|thương\s+binh\s+liệt\s+sĩ))[ \t]*(?:\([ \t]*)?(?:ngày[ \t]+)?$"
)
#: the date of what a sentence celebrates, in parentheses after its name ("kỷ niệm 95 năm
#: Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20-10-2025)")
_CELEBRATED = re.compile(r"(?i:kỷ\s+niệm)[^.;\n()]{0,140}\([ \t]*$")


#: a date in a news agency's dateline glued to the headline: "(Ttxvn 8/12/2000)"
_AGENCY_DATELINE = re.compile(r"\((?i:\s*(?:ttxvn|vna|vov)\b[^()]{0,20})$")
#: a page's date line: "Thứ ba, 21/03/2023 03:38 GMT+7", "Chủ nhật, 5/6/2022"
_WEEKDAY_BEFORE = re.compile(r"(?i:\b(?:thứ\s+\w+|chủ\s+nhật))[ \t,]*$")
_CLOCK_AFTER = re.compile(r"[ \t,|-]*\d{1,2}:\d{2}")
#: "Trong khuôn khổ chuyến thăm, ngày 28/11": an event within a visit
_WITHIN_FRAME = re.compile(r"[Tt]rong\s+khuôn\s+khổ\b[^.;\n]{0,50}$")
_PURSUANT = re.compile(r"(?i:\bcăn\s+cứ)[^.;\n]{0,140}$")
#: a world or international day named before its date, or a day an activity is held
#: towards: "Ngày Môi trường Thế giới (5/6/2024)", "Ngày Quốc tế Thiếu nhi 1/6/2024", "Ngày
#: Doanh nhân Việt Nam 13/10", "hướng đến ngày 25-11"
_WORLD_DAY = re.compile(
    r"(?:\bNgày[ \t]+(?:Quốc[ \t]+tế|Thế[ \t]+giới|Môi[ \t]+trường|Doanh[ \t]+nhân)"
    r"(?:(?!\b(?i:ngày|diễn|tổ[ \t]+chức)\b)[^\d.;\n()]){0,40}?"
    r"|(?i:\bhướng[ \t]+(?:tới|đến)(?:[ \t]+kỷ[ \t]+niệm)?))[ \t]*\(?[ \t]*(?:ngày[ \t]+)?$"
)
#: the day of a statement: "Ngày 20-10, Bộ đội Biên phòng tỉnh Tây Ninh cho biết", "ngày
#: 24/11, Quỹ Học bổng Lotte cho biết", "Ngày 7-8, thông tin từ Công an"; not when the
#: clause names where or at what it was said ("tại buổi lễ"); not "thông báo", which the
#: labels take for the news itself (an aid announced)
_STATEMENT_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?!(?i:tại|ở|trong|buổi|lễ|hội\s+nghị|hội\s+thảo|làm\s+việc|tiếp|"
    r"phát\s+biểu)\b)[^.;:\n]){0,90}?"
    r"\b(?:cho\s+biết|cho\s+hay|thông\s+tin\s+từ)\b"
)
_DAYPART = r"sáng|chiều|tối|trưa|đêm"
#: a time of day written with the day: "Chiều 1/12", "sáng nay (25/3)"
_TIME_OF_DAY = re.compile(rf"(?i:\b(?:{_DAYPART}))[ \t]+(?:nay[ \t]+)?(?:ngày[ \t]+)?\(?\d")
#: "Trước đó, (vào) (chiều) ngày 30/1": an earlier activity the article recalls
_BEFORE_THAT = re.compile(
    rf"(?i:\btrước[ \t]+đó)[ \t]*,?[ \t]*(?:vào[ \t]+)?(?:(?:{_DAYPART})[ \t]+)?(?:ngày[ \t]+)?$"
)
#: a deadline or the end of a period: "đến hết ngày", "không quá ngày", "Từ nay đến", "tính
#: đến ngày", "hạn chót", "gia hạn thời gian thực hiện Dự án đến ngày"
_UNTIL = re.compile(
    r"(?i:\b(?:đến|tới)[ \t]+hết|\bkhông[ \t]+quá|\b(?:từ[ \t]+nay|tính)[ \t]+(?:đến|tới)|"
    r"\bhạn[ \t]+chót|\bgia[ \t]+hạn\b[^.;\n]{0,80}?\b(?:đến|tới))[ \t]+(?:ngày[ \t]+)?$"
)


#: a page's date line around a full date: a clock before it (after it: _CLOCK_AFTER), or
#: the words that label a posting or an update
_CLOCK_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?'?[ \t]*(?:[|,-][ \t]*)?$")
_POSTED = re.compile(
    r"(?i:ngày\s+đăng|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lần\s+cuối)?|đăng\s+ngày|"
    r"đăng\s+lúc|thông\s+cáo\s+báo\s+chí,?\s*ngày)[ \t]*:?[ \t]*$"
)


def _page_date_line(text: str, d: DateHit) -> bool:
    """Is the full date ``d`` a page's posting or update line: with a clock beside it, a
    weekday before it, or the words "Ngày đăng", "Cập nhật" before it?"""
    if not d.has_year or d.precision != "day":
        return False
    before = max(0, d.start - 30)
    return bool(
        _CLOCK_AFTER.match(text, d.end)
        or _CLOCK_BEFORE.search(text, before, d.start)
        or _POSTED.search(text, before, d.start)
        # "Thứ năm, 01/06/2023" on a line of its own, not "Thứ 5, ngày 6 tháng 10, 2016, Nhà
        # May Mắn ... chào đón"
        or (
            _WEEKDAY_BEFORE.search(text, max(0, d.start - 20), d.start)
            and re.match(r"[ \t]*(?:\n|$|\||\()", text[d.end : d.end + 8])
        )
    )


def _related_headline(text: str, d: DateHit) -> bool:
    """Is ``d`` the date in parentheses closing a line that starts with a dash, under a
    "Các tin liên quan" heading: another article's headline and posting date?"""
    line_start = text.rfind("\n", 0, d.start) + 1
    if not re.match(r"[ \t]*[-•][ \t]", text[line_start : line_start + 4]):
        return False
    if not re.match(r"[ \t]*\)[ \t]*(?:\n|$)", text[d.end : d.end + 8]):
        return False
    return "tin liên quan" in text[max(0, line_start - 3000) : line_start].lower()


#: "Trong tháng 10/2023, Hội ... tổ chức chuỗi tọa đàm": a month that is the activity's
#: span; any other month alone ("Tháng 9/2024, ...", "ký ... tháng 10/2010") is background
_MONTH_SPAN = re.compile(r"(?:[Tt]rong|[Ss]uốt|[Cc]ả)[ \t]+$")


def _choose_date(
    dates: list[DateHit],
    lead: list[tuple[int, int]],
    title_span: tuple[int, int],
    work: str = "",
) -> DateHit | None:
    if not dates:
        return None
    lead_end = lead[-1][1] if lead else title_span[1]
    in_lead = [d for d in dates if d.start < lead_end]
    for pool in (in_lead, dates):
        days = [d for d in pool if d.precision == "day"]
        if days:
            chosen = days[0]
            if chosen.first < chosen.last:
                # "có chuyến thăm ... từ ngày 26 – 30/11/2014. Trong khuôn khổ chuyến thăm,
                # ngày 28/11 tại Nhà khách Chính phủ, ...": the article reports one event
                # within the visit; its day is the activity's
                for d in dates:
                    if (
                        d.start > chosen.end
                        and d.start - chosen.end < 200
                        and d.first == d.last
                        and chosen.first <= d.first <= chosen.last
                        and _WITHIN_FRAME.search(work, max(0, d.start - 60), d.start)
                    ):
                        return d
            return chosen
    for pool in (in_lead, dates):
        for d in pool:
            if _MONTH_SPAN.search(work[max(0, d.start - 8) : d.start]):
                return d
    return None


def _visit_direction(
    work: str, folded: str, start: int, end: int, orgs: list[_Org], hits: list[PlaceHit]
) -> tuple[str, int, int] | None:
    m = _RECEIVE_VISIT.search(folded, start, end)
    if m:
        return ("delegation_in", m.start(), m.end())
    m = _RECEIVE_PERSON.search(folded, start, end)
    if m and any(o.is_unit for o in orgs if start <= o.start < m.start()):
        return ("delegation_in", m.start(), m.end())
    # "buổi làm việc giữa Phó Chủ tịch Hội LHPNVN ... và bà Lee Mi Yeon - Công sứ kiêm Tổng
    # Lãnh sự Hàn Quốc": the union meeting a foreign envoy is an envoy received
    m = _MEETING.search(folded, start, end)
    if m:
        here = [o for o in orgs if start <= o.start < end]
        if any(o.is_unit for o in here) and any(o.key.startswith("mission:") for o in here):
            return ("delegation_in", m.start(), m.end())
    # every visit word of the region in turn: the first one may have no side named
    # ("Tiếp tục chương trình làm việc tại Hà Nội, ... đoàn ... Viêng Chăn đã tới thăm")
    for m in sorted(
        [*_VISIT.finditer(folded, start, end), *_WORK_WITH.finditer(folded, start, end)],
        key=lambda x: x.start(),
    ):
        direction = _direction_of_visit(work, m, end, orgs, hits)
        if direction == "delegation_out" and m.re is _WORK_WITH:
            continue
        if direction:
            return (direction, m.start(), m.end())
    for m in _GO_ABROAD.finditer(folded, start, end):
        subject = [o for o in orgs if start <= o.start < m.start()]
        if subject and subject[-1].is_unit:
            return ("delegation_out", m.start(), m.end())
    for m in _ATTEND.finditer(folded, start, end):
        subject = [o for o in orgs if start <= o.start < m.start()]
        sentence_end = min(
            [x for x in (work.find(". ", m.end(), end), work.find("\n", m.end(), end)) if x >= 0]
            or [end]
        )
        places = [h for h in hits if m.end() <= h.start < sentence_end]
        at = [
            h
            for h in places
            if re.search(r"\b(?:tại|ở)\s+(?:\w+\s+){0,2}$", work[max(0, h.start - 20) : h.start])
        ]
        if (not subject or subject[-1].is_unit) and at and at[0].match.foreign:
            return ("delegation_out", m.start(), m.end())
    return None


def _direction_of_visit(
    work: str, m: re.Match, end: int, orgs: list[_Org], hits: list[PlaceHit]
) -> str | None:
    start = m.pos
    # the visited side is named in the clause of the visit word ("... làm việc tại Hà
    # Nội, chiều 8/8 đoàn ... Viêng Chăn đã tới thăm": Hà Nội, not the later visitors)
    clause = re.search(r"[,;.]\s", work[m.end() : end])
    if clause:
        end = m.end() + clause.start()
    subject_orgs = [o for o in orgs if start <= o.start < m.start()]
    target_orgs = [o for o in orgs if m.end() <= o.start < end]
    target_places = [h for h in hits if m.end() <= h.start < end and h.match.kind != "region"]
    target_regions = [h for h in hits if m.end() <= h.start < end and h.match.kind == "region"]
    subject_foreign = bool(subject_orgs) and not subject_orgs[-1].is_unit
    target_foreign = (
        (bool(target_orgs) and not target_orgs[0].is_unit)
        or bool(target_places and target_places[0].match.foreign)
        or bool(target_regions)
    )
    target_home = (bool(target_orgs) and target_orgs[0].is_unit) or any(
        h.match.kind == "vn_province" or h.match.code == "VN" for h in target_places[:1]
    )
    if subject_foreign and (target_home or not target_foreign):
        return "delegation_in"
    if target_foreign and not subject_foreign:
        mission = target_orgs[0] if target_orgs else None
        beyond = [h for h in target_places if mission is not None and h.start >= mission.end]
        if (
            mission is not None
            and mission.key.startswith("mission:")
            and not (beyond and beyond[0].match.foreign)
        ):
            # the union calling on a foreign embassy at home is not a trip abroad
            return None
        return "delegation_out"
    return None


#: sentences of the body read for a visit: the lead, and the sentences a photo caption
#: pushed out of it
VISIT_SENTENCES = 3


def _main_kind(
    work, folded, title_span, lead, orgs, hits, visit_sentences=()
) -> tuple[str, tuple[int, int] | None]:
    regions = []
    if title_span[1] > title_span[0]:
        regions.append(title_span)
    regions.extend(lead)
    # 1. A visit in the title or the lead makes the article a delegation.
    for s, e in [*regions, *(r for r in visit_sentences if r not in lead)]:
        visit = _visit_direction(work, folded, s, e, orgs, hits)
        if visit:
            return visit[0], (visit[1], visit[2])
    # 2. The first event named in the title, else in the lead, else anywhere.
    for s, e in [*regions, (title_span[1], len(work))]:
        cue = _first_cue(folded, work, s, e)
        if cue is None:
            continue
        kind, cs, ce = cue
        sentence_end = min([x for x in (folded.find(". ", ce), folded.find("\n", ce), e) if x >= 0])
        window = folded[max(s, cs - 40) : sentence_end]
        if _ONLINE.search(window):
            return "online_event", (cs, ce)
        if kind == "other":
            continue
        return kind, (cs, ce)
    return "other", None


# "đã tặng 4 bộ máy may": a gift counted in items.
_GIFT = re.compile(r"\b(?:trao tang|tang|ban giao|trao)\s+(?:\w+\s+){0,3}?\d+\s+\w+(?:\s+\w+){0,3}")
_EVENT_LABEL_END = re.compile(r"[;.\n(]|,\s|\s+(?:nhằm|để|do|với sự|cho)\s")


def _events(
    work: str, folded: str, hits: list[PlaceHit], body_start: int, offset: int
) -> list[Event]:
    events: list[Event] = []
    seen: set[tuple[str, str]] = set()
    patterns = [(p, k) for p, k in _COMPILED_CUES]
    found: list[tuple[int, int, str]] = []
    for pattern, kind in patterns:
        for m in pattern.finditer(folded, body_start):
            if kind == "aid_handover" and m.group(0) in {"trao", "tiep nhan"}:
                continue
            found.append((m.start(), m.end(), kind))
    for m in _CEREMONY.finditer(work, body_start):
        found.append((m.start(), m.end(), "ceremony"))
    for m in _GIFT.finditer(folded, body_start):
        found.append((m.start(), m.end(), "aid_handover"))
    found.sort(key=lambda f: (f[0], -f[1]))
    starts = sorted({f[0] for f in found})
    taken_until = -1
    for start, end, kind in found:
        if start < taken_until:
            continue
        if kind == "aid_handover" and folded[start:end] in {"trao tang", "ban giao"}:
            pass
        stop = _EVENT_LABEL_END.search(work, end)
        next_cue = next((x for x in starts if x >= end), len(work))
        label_end = min(stop.start() if stop else len(work), end + 90, next_cue)
        label_end = len(work[:label_end].rstrip(" ,;và"))
        if kind in ("review_meeting", "workshop", "exhibition", "conference"):
            quote = re.match(r"[^;\n“]{0,80}?“[^”\n]{1,120}”", work[end:])
            if quote:
                label_end = end + quote.end()
        if label_end < len(work) and work[label_end - 1 : label_end + 1].isalnum():
            label_end = work.rfind(" ", start, label_end)
        label = " ".join(work[start:label_end].split())
        if kind == "review_meeting" and not _REVIEW_OBJECT.search(fold(label)):
            kind = "conference"
        sentence_end = len(work)
        for sep in (". ", "\n", ";"):
            k = work.find(sep, end)
            if k >= 0:
                sentence_end = min(sentence_end, k)
        place = next(
            (
                h.text
                for h in hits
                if end <= h.start < min(sentence_end, end + 200)
                and h.match.kind in ("subdivision", "country", "vn_province")
                and re.search(
                    r"(?:tại|ở)\s+(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?$",
                    work[max(0, h.start - 20) : h.start],
                )
            ),
            None,
        )
        key = (kind, fold(label)[:20])
        taken_until = label_end
        bare = fold(label) in {
            fold(k) for k in ("hội nghị", "hội thảo", "lễ", "buổi lễ", "tọa đàm", "triển lãm")
        }
        if (
            key in seen
            or len(label) < 4
            or bare
            or (kind == "other" and folded[start:end].startswith("lam viec"))
        ):
            continue
        seen.add(key)
        events.append(Event(kind, label, place, max(0, start - offset), max(0, label_end - offset)))
    return events
