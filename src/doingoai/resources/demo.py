"""Demo resources and exchange rates.

From the articles: the gift of 4 sewing machines (máy may, máy vắt sổ) worth
10,000,000 VND each to poor women of the four southern Lao provinces — one
resource of 40,000,000 VND (article 000); the central union's 83 aid items of
term XII adding up to just over 9 million USD (article 004 gives only the count
and the total: the items themselves are marked sample data). Around them, marked
sample rates (USD, EUR, JPY, KRW, AUD, monthly) and sample resources.
Deterministic (seeded) and idempotent: loading twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from doingoai.activities import demo as activities_demo
from doingoai.activities.models import Activity
from doingoai.agreements import demo as agreements_demo
from doingoai.agreements.models import Agreement
from doingoai.organization import services as org
from doingoai.organization.models import Unit
from doingoai.partners import demo as partners_demo

from . import money
from .models import ExchangeRate, Resource

SAMPLE = "[Dữ liệu mẫu]"
SEED = 20220428
GIFT_TITLE = "Tặng 4 bộ máy may, máy vắt sổ cho phụ nữ nghèo tại 4 tỉnh Nam Lào"
AID_ITEMS = 83
#: the total of the 83 items, in USD ("hơn 9 triệu USD")
AID_TOTAL_USD = Decimal("9046718.00")
TERM_XII = (dt.date(2017, 3, 1), dt.date(2022, 2, 28))

# yearly anchors of đồng per unit (illustrative, not official rates)
RATE_ANCHORS = {
    "USD": [22700, 23250, 23200, 23150, 22950, 23500, 24150, 25250, 26100, 26300],
    "EUR": [24800, 27200, 26000, 26300, 27300, 24700, 26200, 27400, 29000, 30200],
    "JPY": [203, 210, 213, 216, 209, 180, 171, 166, 172, 175],
    "KRW": [20.0, 20.9, 19.9, 19.6, 20.2, 18.2, 18.6, 18.6, 18.3, 18.2],
    "AUD": [17300, 17200, 16100, 16000, 17400, 16300, 16100, 16700, 16600, 16900],
}
RATE_YEARS = list(range(2017, 2027))


def _rates():
    """Monthly rates from 12/2016 to 12/2026, seeded."""
    rnd = random.Random(SEED)
    rows = []
    for currency, anchors in RATE_ANCHORS.items():
        day = dt.date(2016, 12, 1)
        while day <= dt.date(2026, 12, 1):
            pos = (day.year - 2017) + (day.month - 1) / 12
            i = max(0, min(int(pos), len(anchors) - 2))
            frac = max(0.0, min(pos - i, 1.0))
            base = anchors[i] + (anchors[i + 1] - anchors[i]) * frac
            value = Decimal(str(base * (1 + rnd.uniform(-0.006, 0.006))))
            digits = Decimal("0.01") if base < 1000 else Decimal(1)
            rows.append((currency, day, value.quantize(digits, rounding=ROUND_HALF_UP)))
            day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return rows


def load_rates() -> int:
    existing = set(ExchangeRate.objects.values_list("currency", "date"))
    new = [
        ExchangeRate(
            currency=c,
            date=d,
            vnd_per_unit=v,
            source="Dữ liệu mẫu",
            notes=f"{SAMPLE} Tỷ giá minh họa, không phải tỷ giá chính thức.",
        )
        for c, d, v in _rates()
        if (c, d) not in existing
    ]
    ExchangeRate.objects.bulk_create(new, batch_size=500)
    return len(new)


def _resource(title, unit, **values) -> Resource:
    resource = Resource.objects.filter(title=title, unit=unit).first()
    if resource is None:
        resource = Resource(title=title, unit=unit, **values)
        resource.full_clean()
        resource.save()
    return resource


def load_gift():
    daklak = org.province("Đắk Lắk")
    handover = Activity.objects.get(
        title="Trao tặng 4 bộ máy may, máy vắt sổ cho phụ nữ nghèo tại 4 tỉnh Nam Lào",
        unit=daklak,
    )
    return _resource(
        GIFT_TITLE,
        daklak,
        direction=Resource.Direction.GIVEN,
        kind=Resource.Kind.IN_KIND,
        quantity=Decimal(4),
        unit_value=Decimal(10_000_000),
        currency="VND",
        date=activities_demo.TRIP_START,
        stage=Resource.Stage.DISBURSED,
        beneficiaries="Phụ nữ nghèo tại 4 tỉnh Nam Lào (Attapeu, Sê Kông, Salavan, Chămpasăk)",
        beneficiaries_count=None,
        partner=None,
        activity=handover,
        agreement=agreements_demo.daklak_agreement(),
        notes=(
            "4 bộ máy may, máy vắt sổ, trị giá 10 triệu đồng/máy. Bài viết không nêu ngày "
            "trao; ghi ngày đầu chuyến công tác (năm 2024 do bản demo chọn).\n"
            + activities_demo.SOURCE_000
        ),
    )


DONORS = [
    # partner key, currency, kinds, title words
    (
        "UN Women",
        "USD",
        ["project", "technical_assistance"],
        [
            "thúc đẩy bình đẳng giới",
            "phòng chống bạo lực trên cơ sở giới",
            "nâng cao năng lực lãnh đạo của phụ nữ",
        ],
    ),
    (
        "KOICA",
        "KRW",
        ["project", "scholarship"],
        [
            "hỗ trợ phụ nữ khởi nghiệp",
            "đào tạo nghề cho phụ nữ nông thôn",
            "học bổng cho cán bộ Hội",
        ],
    ),
    (
        "JICA",
        "JPY",
        ["technical_assistance", "project"],
        ["nâng cao năng lực quản lý dự án", "sinh kế bền vững cho phụ nữ dân tộc thiểu số"],
    ),
    (
        "Đại sứ quán Australia tại Việt Nam",
        "AUD",
        ["cash", "project"],
        ["phụ nữ trong kinh tế số", "phòng chống mua bán người"],
    ),
    (
        "EU",
        "EUR",
        ["project", "technical_assistance"],
        ["tăng cường tiếng nói của phụ nữ", "thích ứng biến đổi khí hậu"],
    ),
    (
        "Tổ chức Oxfam",
        "EUR",
        ["project", "in_kind"],
        ["giảm nghèo cho phụ nữ", "hỗ trợ phụ nữ vùng thiên tai"],
    ),
    (
        "UNFPA",
        "USD",
        ["project", "technical_assistance", "in_kind"],
        ["chăm sóc sức khỏe sinh sản", "phòng chống bạo lực gia đình"],
    ),
]


def _nice(value: Decimal, currency: str) -> Decimal:
    step = {"KRW": Decimal(100000), "JPY": Decimal(10000)}.get(currency, Decimal(100))
    return max(step, (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step)


def aid_title(i: int, words: str) -> str:
    return f"Khoản viện trợ {i:02d}/{AID_ITEMS} nhiệm kỳ XII: {words}"


def load_aid():
    """83 received items of the central union in term XII adding up to AID_TOTAL_USD."""
    central = org.central_unit()
    if (
        Resource.objects.filter(unit=central, title__startswith="Khoản viện trợ ").count()
        >= AID_ITEMS
    ):
        return
    rnd = random.Random(SEED)
    rates = money.RateTable()
    start, end = TERM_XII
    span = (end - start).days
    planned = []
    weights = [rnd.uniform(0.4, 1.6) for _i in range(AID_ITEMS - 1)]
    budget = AID_TOTAL_USD * Decimal("0.975")
    scale = budget / Decimal(str(sum(weights)))
    for i, weight in enumerate(weights, 1):
        key, currency, kinds, words = DONORS[rnd.randrange(len(DONORS))]
        date = start + dt.timedelta(days=rnd.randrange(span - 30))
        usd = scale * Decimal(str(weight))
        value = money.convert(usd, "USD", on=date, to=currency, rates=rates)
        planned.append(
            (i, key, currency, rnd.choice(kinds), rnd.choice(words), date, _nice(value, currency))
        )
    made = []
    for i, key, currency, kind, words, date, value in planned:
        made.append(
            _resource(
                aid_title(i, words),
                central,
                direction=Resource.Direction.RECEIVED,
                kind=kind,
                quantity=Decimal(1),
                unit_value=value,
                currency=currency,
                date=date,
                stage=Resource.Stage.DISBURSED,
                partner=partners_demo.sample_partner(key),
                beneficiaries="Phụ nữ và cán bộ Hội các cấp",
                notes=(
                    f"{SAMPLE} Bài ngày 28/4/2022 chỉ nêu tổng nguồn lực nhiệm kỳ XII: 83 khoản "
                    "viện trợ, hơn 9 triệu USD; từng khoản ở đây là dữ liệu minh họa, tổng "
                    "quy đổi đúng 9.046.718 US$."
                ),
            )
        )
    rest = AID_TOTAL_USD - sum(r.amount_usd for r in made)
    _resource(
        aid_title(AID_ITEMS, "hỗ trợ kỹ thuật cho Hội LHPN Việt Nam"),
        central,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.TECHNICAL_ASSISTANCE,
        quantity=Decimal(1),
        unit_value=rest,
        currency="USD",
        date=dt.date(2022, 1, 20),
        stage=Resource.Stage.DISBURSED,
        partner=partners_demo.sample_partner("UN Women"),
        beneficiaries="Phụ nữ và cán bộ Hội các cấp",
        notes=f"{SAMPLE} Khoản cuối của 83 khoản viện trợ nhiệm kỳ XII (minh họa).",
    )


def load_samples():
    hanoi = org.province("Hà Nội")
    daklak = org.province("Đắk Lắk")
    phu_yen = Unit.objects.get(
        area_name="Phú Yên", level=Unit.Level.PROVINCE, valid_to__isnull=False
    )
    un_women = partners_demo.sample_partner("UN Women")
    hanoi_mou = Agreement.objects.filter(unit=hanoi, partners=un_women).first()
    _resource(
        "Tài trợ dự án phòng chống bạo lực gia đình tại Hà Nội",
        hanoi,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.PROJECT,
        quantity=Decimal(1),
        unit_value=Decimal(85000),
        currency="USD",
        date=dt.date(2023, 6, 1),
        stage=Resource.Stage.COMMITTED,
        partner=un_women,
        agreement=hanoi_mou,
        beneficiaries="Phụ nữ bị bạo lực gia đình",
        beneficiaries_count=1200,
        notes=f"{SAMPLE} Khoản minh họa.",
    )
    _resource(
        "Học bổng ngắn hạn cho cán bộ Hội tại Hàn Quốc",
        hanoi,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.SCHOLARSHIP,
        quantity=Decimal(5),
        unit_value=Decimal(12_000_000),
        currency="KRW",
        date=dt.date(2024, 9, 2),
        stage=Resource.Stage.PLEDGED,
        partner=partners_demo.sample_partner("KOICA"),
        beneficiaries="Cán bộ Hội",
        beneficiaries_count=5,
        notes=f"{SAMPLE} Khoản minh họa.",
    )
    _resource(
        "Trang thiết bị cho mô hình sinh kế của phụ nữ",
        daklak,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.IN_KIND,
        quantity=Decimal(20),
        unit_value=Decimal(450),
        currency="EUR",
        date=dt.date(2023, 8, 15),
        stage=Resource.Stage.DISBURSED,
        partner=partners_demo.sample_partner("Tổ chức Oxfam"),
        activity=Activity.objects.filter(
            unit=daklak, kind=Activity.Kind.AID_HANDOVER, start_date=dt.date(2023, 8, 15)
        ).first(),
        beneficiaries="Hộ phụ nữ nghèo",
        beneficiaries_count=20,
        notes=f"{SAMPLE} Khoản minh họa.",
    )
    _resource(
        "Quà tặng Hội Phụ nữ tỉnh Xiêng Khoảng",
        phu_yen,
        direction=Resource.Direction.GIVEN,
        kind=Resource.Kind.IN_KIND,
        quantity=Decimal(10),
        unit_value=Decimal(2_500_000),
        currency="VND",
        date=dt.date(2023, 9, 20),
        stage=Resource.Stage.DISBURSED,
        partner=partners_demo.sample_partner("Hội Phụ nữ tỉnh Xiêng Khoảng"),
        agreement=Agreement.objects.filter(unit=phu_yen).first(),
        beneficiaries="Phụ nữ nghèo tỉnh Xiêng Khoảng",
        beneficiaries_count=10,
        notes=f"{SAMPLE} Ghi dưới đơn vị cũ Hội LHPN tỉnh Phú Yên (năm 2023).",
    )
    _resource(
        "Hỗ trợ của Hội Phụ nữ Việt Nam tại Thụy Sĩ (chưa có tỷ giá)",
        hanoi,
        direction=Resource.Direction.RECEIVED,
        kind=Resource.Kind.CASH,
        quantity=Decimal(1),
        unit_value=Decimal(3000),
        currency="CHF",
        date=dt.date(2024, 12, 10),
        stage=Resource.Stage.PLEDGED,
        beneficiaries="Trẻ em mồ côi",
        notes=(
            f"{SAMPLE} Không có tỷ giá CHF trong hệ thống: trang hiển thị “chưa có tỷ "
            "giá” thay cho số quy đổi."
        ),
    )


def load(stdout=None):
    created = load_rates()
    load_gift()
    load_aid()
    load_samples()
    if stdout:
        stdout.write(f"exchange rates: +{created}; resources: {Resource.objects.count()}")
