"""Demo agreements: the 2022–2027 agreement "vì hòa bình phát triển" between the Đắk
Lắk provincial union and the four southern Lao provincial unions (article 000), and
marked sample agreements. Loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

from doingoai.organization import services as org
from doingoai.organization.models import Unit
from doingoai.partners import demo as partners_demo

from .models import Agreement
from .services import schedule_reviews

SAMPLE = "[Dữ liệu mẫu]"
TITLE = "Thỏa thuận hợp tác vì hòa bình phát triển"


def _agreement(title, unit, *, units, partners, **values) -> Agreement:
    agreement = Agreement.objects.filter(title=title, unit=unit).first()
    if agreement is None:
        agreement = Agreement(title=title, unit=unit, **values)
        agreement.full_clean()
        agreement.save()
        agreement.units.set(units)
        agreement.partners.set(partners)
        schedule_reviews(agreement=agreement)
    return agreement


def daklak_agreement() -> Agreement:
    return Agreement.objects.get(title=TITLE, unit=org.province("Đắk Lắk"))


def load(stdout=None):
    daklak = org.province("Đắk Lắk")
    hanoi = org.province("Hà Nội")
    central = org.central_unit()
    phu_yen = Unit.objects.get(area_name="Phú Yên", valid_to__isnull=False)
    _agreement(
        TITLE,
        daklak,
        units=[daklak],
        partners=partners_demo.lao_unions(),
        kind=Agreement.Kind.AGREEMENT,
        signed_date=dt.date(2022, 1, 1),
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2027, 12, 31),
        areas=[
            "tuyên truyền chính trị, tư tưởng",
            "củng cố và phát triển tổ chức hội",
            "bảo vệ quyền lợi của phụ nữ và trẻ em",
            "đào tạo nghề, việc làm",
            "bình đẳng giới",
            "phụ nữ vùng biên giới",
        ],
        summary=(
            "Thỏa thuận hợp tác giữa Hội LHPN tỉnh Đắk Lắk với Hội LHPN 4 tỉnh Nam Lào "
            "(Attapeu, Sê Kông, Salavan, Chămpasăk) giai đoạn 2022 – 2027."
        ),
        notes=(
            "Bài viết chỉ nêu giai đoạn 2022 – 2027; ngày ký, ngày bắt đầu (01/01/2022) "
            "và ngày kết thúc (31/12/2027) được chọn cho bản demo."
        ),
    )
    _agreement(
        "Bản ghi nhớ hợp tác thúc đẩy bình đẳng giới tại Hà Nội",
        hanoi,
        units=[hanoi],
        partners=[partners_demo.sample_partner("UN Women")],
        kind=Agreement.Kind.MEMORANDUM,
        signed_date=dt.date(2023, 3, 8),
        start_date=dt.date(2023, 3, 8),
        end_date=dt.date(2026, 3, 7),
        areas=["bình đẳng giới", "phòng chống bạo lực gia đình"],
        notes=f"{SAMPLE} Thỏa thuận minh họa.",
    )
    _agreement(
        "Chương trình hợp tác hỗ trợ phụ nữ khởi nghiệp",
        central,
        units=[central],
        partners=[partners_demo.sample_partner("KOICA")],
        kind=Agreement.Kind.PROGRAMME,
        signed_date=dt.date(2018, 5, 15),
        start_date=dt.date(2018, 6, 1),
        end_date=dt.date(2021, 12, 31),
        areas=["khởi nghiệp", "kinh tế"],
        notes=f"{SAMPLE} Chương trình minh họa của nhiệm kỳ XII.",
    )
    _agreement(
        "Thỏa thuận hợp tác với Hội Phụ nữ tỉnh Xiêng Khoảng",
        phu_yen,
        units=[phu_yen],
        partners=[partners_demo.sample_partner("Hội Phụ nữ tỉnh Xiêng Khoảng")],
        kind=Agreement.Kind.AGREEMENT,
        signed_date=dt.date(2023, 9, 20),
        start_date=dt.date(2023, 9, 20),
        end_date=dt.date(2028, 9, 19),
        areas=["sinh kế", "giao lưu văn hóa"],
        notes=f"{SAMPLE} Ghi dưới đơn vị cũ Hội LHPN tỉnh Phú Yên (trước sáp nhập 2025).",
    )
    if stdout:
        stdout.write(f"agreements: {Agreement.objects.count()}")
