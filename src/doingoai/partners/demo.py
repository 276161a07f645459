"""Demo partners: the four southern Lao provincial women's unions and the business
association of the southern Lao provinces (article 000), and marked sample partners.
Loading twice changes nothing."""

from __future__ import annotations

from doingoai.organization import services as org

from .models import Partner

SAMPLE = "[Dữ liệu mẫu]"

# (name_vi, name_en, name_local, aliases, subdivision)
LAO_UNIONS = [
    (
        "Hội LHPN tỉnh Attapeu",
        "Lao Women's Union of Attapeu Province",
        "ສະຫະພັນແມ່ຍິງແຂວງອັດຕະປື",
        ["Hội Phụ nữ tỉnh Attapeu", "Hội Phụ nữ tỉnh Attapư", "Hội LHPN tỉnh Át-ta-pư"],
        "LA-AT",
    ),
    (
        "Hội LHPN tỉnh Sê Kông",
        "Lao Women's Union of Sekong Province",
        "ສະຫະພັນແມ່ຍິງແຂວງເຊກອງ",
        ["Hội Phụ nữ tỉnh Sê Kông", "Hội LHPN tỉnh Xê Kông", "Sekong Women's Union"],
        "LA-XE",
    ),
    (
        "Hội LHPN tỉnh Salavan",
        "Lao Women's Union of Salavan Province",
        "ສະຫະພັນແມ່ຍິງແຂວງສາລະວັນ",
        ["Hội Phụ nữ tỉnh Salavan", "Hội LHPN tỉnh Sa-la-van", "Saravane Women's Union"],
        "LA-SL",
    ),
    (
        "Hội LHPN tỉnh Chămpasăk",
        "Lao Women's Union of Champasak Province",
        "ສະຫະພັນແມ່ຍິງແຂວງຈຳປາສັກ",
        ["Hội Phụ nữ tỉnh Chămpasăk", "Hội LHPN tỉnh Champasak", "Hội LHPN tỉnh Chăm-pa-sắc"],
        "LA-CH",
    ),
]

BUSINESS_ASSOCIATION = "Hiệp hội Doanh nghiệp các tỉnh Nam Lào"

# (name_vi, name_en, acronym, kind, level, country, subdivision)
SAMPLES = [
    (
        "Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho Phụ nữ",
        "UN Women",
        "UN Women",
        Partner.Kind.UN_AGENCY,
        Partner.Level.INTERNATIONAL,
        "US",
        "",
    ),
    (
        "Cơ quan Hợp tác Quốc tế Hàn Quốc",
        "Korea International Cooperation Agency",
        "KOICA",
        Partner.Kind.DONOR,
        Partner.Level.NATIONAL,
        "KR",
        "",
    ),
    (
        "Cơ quan Hợp tác Quốc tế Nhật Bản",
        "Japan International Cooperation Agency",
        "JICA",
        Partner.Kind.DONOR,
        Partner.Level.NATIONAL,
        "JP",
        "",
    ),
    (
        "Đại sứ quán Australia tại Việt Nam",
        "Australian Embassy in Viet Nam",
        "",
        Partner.Kind.EMBASSY,
        Partner.Level.NATIONAL,
        "AU",
        "",
    ),
    (
        "Phái đoàn Liên minh châu Âu tại Việt Nam",
        "Delegation of the European Union to Viet Nam",
        "EU",
        Partner.Kind.DONOR,
        Partner.Level.INTERNATIONAL,
        "BE",
        "",
    ),
    ("Tổ chức Oxfam", "Oxfam", "Oxfam", Partner.Kind.INGO, Partner.Level.INTERNATIONAL, "GB", ""),
    (
        "Quỹ Dân số Liên hợp quốc",
        "United Nations Population Fund",
        "UNFPA",
        Partner.Kind.UN_AGENCY,
        Partner.Level.INTERNATIONAL,
        "US",
        "",
    ),
    (
        "Hội Phụ nữ tỉnh Xiêng Khoảng",
        "Lao Women's Union of Xiengkhouang Province",
        "",
        Partner.Kind.WOMENS_UNION,
        Partner.Level.PROVINCIAL,
        "LA",
        "LA-XI",
    ),
    (
        "Hội Phụ nữ tỉnh Svay Rieng",
        "Cambodian Women's Association of Svay Rieng",
        "",
        Partner.Kind.WOMENS_UNION,
        Partner.Level.PROVINCIAL,
        "KH",
        "KH-20",
    ),
    (
        "Hội Phụ nữ Việt Nam tại Cộng hòa Séc",
        "Association of Vietnamese Women in the Czech Republic",
        "",
        Partner.Kind.OVERSEAS_VN,
        Partner.Level.NATIONAL,
        "CZ",
        "",
    ),
]


def _partner(stdout, name_vi, **values) -> Partner:
    partner = Partner.objects.filter(name_vi=name_vi, country=values["country"]).first()
    if partner is None:
        partner = Partner(name_vi=name_vi, **values)
        partner.full_clean()
        partner.save()
    return partner


def lao_unions() -> list[Partner]:
    return [Partner.objects.get(name_vi=row[0], country="LA") for row in LAO_UNIONS]


def business_association() -> Partner:
    return Partner.objects.get(name_vi=BUSINESS_ASSOCIATION, country="LA")


def sample_partner(acronym_or_name: str) -> Partner:
    for row in SAMPLES:
        if acronym_or_name in (row[0], row[2], row[1]):
            return Partner.objects.get(name_vi=row[0], country=row[5])
    raise KeyError(acronym_or_name)


def load(stdout=None):
    daklak = org.province("Đắk Lắk")
    central = org.central_unit()
    # partners are read by every province: the note names no record of Đắk Lắk's own
    # (the news item it comes from is Đắk Lắk's to show)
    source = "Đối tác kết nghĩa của Hội LHPN tỉnh Đắk Lắk (theo tin bài của Hội)."
    for name_vi, name_en, name_local, aliases, sub in LAO_UNIONS:
        _partner(
            stdout,
            name_vi,
            name_en=name_en,
            name_local=name_local,
            aliases=aliases,
            kind=Partner.Kind.WOMENS_UNION,
            level=Partner.Level.PROVINCIAL,
            country="LA",
            subdivision=sub,
            unit=daklak,
            notes=source,
        )
    _partner(
        stdout,
        BUSINESS_ASSOCIATION,
        name_en="Business Association of the Southern Lao Provinces",
        aliases=["Hiệp hội Doanh nghiệp Nam Lào"],
        kind=Partner.Kind.BUSINESS,
        level=Partner.Level.PROVINCIAL,
        country="LA",
        unit=daklak,
        notes=source,
    )
    for name_vi, name_en, acronym, kind, level, country, sub in SAMPLES:
        _partner(
            stdout,
            name_vi,
            name_en=name_en,
            acronym=acronym,
            kind=kind,
            level=level,
            country=country,
            subdivision=sub,
            unit=central,
            notes=f"{SAMPLE} Đối tác minh họa cho bản demo.",
        )
    if stdout:
        stdout.write(f"partners: {Partner.objects.count()}")
