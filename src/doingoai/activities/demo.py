"""Demo activities: the Đắk Lắk delegation to the four southern Lao provinces and each
event of that trip (article 000); the central union's conference of 28/4/2022 and the
directions of term XIII (article 004); and marked sample activities of several
provinces, both terms and every kind. Loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

from doingoai.agreements import demo as agreements_demo
from doingoai.agreements.models import Review
from doingoai.organization import services as org
from doingoai.organization.models import Term, Unit, User
from doingoai.partners import demo as partners_demo

from .models import Activity, ActivityPlace, DelegationMember
from .services import activity_hold_review

SAMPLE = "[Dữ liệu mẫu]"
K = Activity.Kind
TRIP_TITLE = "Đoàn công tác Hội LHPN tỉnh Đắk Lắk thăm, làm việc với Hội LHPN 4 tỉnh Nam Lào"
TRIP_START, TRIP_END = dt.date(2024, 6, 25), dt.date(2024, 7, 1)
YEAR_NOTE = (
    "Bài viết ghi “từ ngày 25/6 đến 1/7” mà không nêu năm; bản demo chọn năm 2024 "
    "(nằm giữa giai đoạn 2022 – 2027 của thỏa thuận, đúng dịp sơ kết giữa nhiệm kỳ)."
)
EVENT_NOTE = (
    "Bài viết không nêu ngày cụ thể của sự kiện này; ghi theo thời gian của chuyến "
    "công tác (25/6 – 1/7, năm 2024 do bản demo chọn)."
)
SOURCE_000 = "Nguồn: bài “Hội LHPN tỉnh Đắk Lắk thăm, làm việc với Hội LHPN 4 tỉnh Nam Lào”."
SOURCE_004 = (
    "Nguồn: bài “Nâng cao vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ "
    "đối ngoại” (H.Y, 28/04/2022)."
)
CONFERENCE_TITLE = (
    "Hội nghị tập huấn, quán triệt Nghị quyết Đại hội đại biểu Phụ nữ toàn quốc lần thứ XIII"
)

REVIEW_TOPICS = [
    "công tác tuyên truyền chính trị, tư tưởng",
    "củng cố và phát triển tổ chức hội",
    "bảo vệ quyền lợi của phụ nữ và trẻ em",
    "công tác đào tạo nghề, việc làm",
    "tham gia xây dựng Đảng, chính quyền",
    "kinh nghiệm xây dựng các mô hình hiệu quả",
    "các hoạt động của phụ nữ vùng biên giới",
]
WORKSHOP_TOPICS = [
    "thực trạng và những vấn đề đặt ra trong công tác bình đẳng giới nói chung và công tác "
    "cán bộ nữ nói riêng của các tỉnh",
    "vai trò của Hội LHPN các cấp trong thực hiện bình đẳng giới và trong công tác cán bộ nữ "
    "ở địa phương",
    "giải pháp thúc đẩy việc thực hiện bình đẳng giới của các cấp hội phụ nữ",
]
TRIP_OUTCOMES = (
    "Tăng cường sự hiểu biết, tình đoàn kết, mối quan hệ truyền thống hữu nghị và hợp tác "
    "giữa phụ nữ hai nước Việt Nam – Lào nói chung, phụ nữ tỉnh Đắk Lắk và 4 tỉnh Nam Lào "
    "nói riêng, góp phần làm sâu sắc hơn mối quan hệ hữu nghị truyền thống, đoàn kết đặc biệt "
    "và hợp tác toàn diện các bên."
)

TERM_XIII_DIRECTIONS = """\
Nhiệm vụ 3.4 của Báo cáo chính trị Đại hội đại biểu Phụ nữ toàn quốc lần thứ XIII: "Nâng cao \
vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ đối ngoại" — phát huy vai trò tổ chức \
Hội trong đối ngoại nhân dân theo đường lối đối ngoại của Đảng; thực hiện tốt Nghị quyết \
"Hỗ trợ phụ nữ hội nhập quốc tế đến năm 2030".

3 nhiệm vụ trọng tâm:
- Triển khai có hiệu quả các chương trình đoàn kết, hữu nghị và thỏa thuận hợp tác với các \
đối tác phụ nữ của các tổ chức quốc tế;
- Thể hiện vai trò thành viên tích cực, có trách nhiệm trong các tổ chức phụ nữ quốc tế mà \
chúng ta tham gia;
- Đa dạng hóa phương thức, nội dung và hoạt động đối ngoại, hợp tác quốc tế, hợp tác vi mô \
và các cấp độ khác nhau.

3 điểm mới:
- Mở rộng quan hệ với tất cả các đối tác vì mục tiêu bình đẳng, phát triển, hòa bình;
- Chú trọng tới hiệu quả của các chương trình đoàn kết, hữu nghị và thỏa thuận hợp tác;
- Đa dạng hóa phương thức, nội dung hoạt động phù hợp trong từng thời điểm.

Chỉ đạo triển khai:
- Hội LHPN cấp Trung ương chỉ đạo, định hướng đầy đủ, kịp thời đối với các cấp Hội theo chỉ \
đạo nhiệm kỳ, hằng năm; nhân rộng các mô hình điểm.
- Rà soát, đánh giá các chương trình, thỏa thuận hợp tác đã ký; ký tiếp và ký mới với các \
đối tác; chú trọng đa dạng hóa các hình thức hợp tác.
- Tổ chức một số sự kiện quốc tế theo hình thức trực tiếp và trực tuyến.
- Các cấp Hội LHPN địa phương phát triển, mở rộng quan hệ với các đối tác quốc tế, đặc biệt \
là các đối tác đang hoạt động tại địa phương; tổ chức ít nhất 01 sự kiện gặp gỡ, kết nối với \
đối tác quốc tế trong nhiệm kỳ; một số Hội phụ nữ các tỉnh/thành lớn phát huy vai trò dẫn \
dắt kết nối trong hệ thống Hội.
- Chú trọng công tác tuyên truyền đối ngoại, công tác phụ nữ Việt Nam ở nước ngoài, công tác \
vận động nguồn lực quốc tế; đa dạng hóa hình thức, thiết kế đa dạng sản phẩm, tài liệu tuyên \
truyền trên các phương tiện thông tin đại chúng, mạng xã hội của Hội LHPN các cấp từ Trung \
ương đến địa phương.
- Phối hợp với các cơ quan chức năng bảo vệ quyền lợi và nhân phẩm của phụ nữ Việt Nam trong \
các quan hệ, giao dịch có yếu tố nước ngoài; kết nối, hỗ trợ thành lập và hỗ trợ hoạt động \
của các tổ chức phụ nữ Việt Nam ở nước ngoài.
- Tiếp tục vận động, khai thác nguồn lực quốc tế tổ chức các hoạt động cho phụ nữ và bình \
đẳng giới.

Kết quả nhiệm kỳ XII (2017 – 2022): tổng nguồn lực huy động quốc tế 83 khoản viện trợ, hơn \
9 triệu USD."""


def _activity(
    title, unit, *, units=(), partners=(), agreements=(), places=(), members=(), **values
) -> tuple[Activity, bool]:
    """Create the activity unless one with this title and unit exists."""
    activity = Activity.objects.filter(title=title, unit=unit).first()
    if activity is not None:
        return activity, False
    activity = Activity(title=title, unit=unit, **values)
    activity.full_clean()
    activity.save()
    activity.units.set(list(units) or [unit])
    activity.partners.set(partners)
    activity.agreements.set(agreements)
    for i, (country, sub, city) in enumerate(places):
        place = ActivityPlace(
            activity=activity, country=country, subdivision=sub, city=city, position=i
        )
        place.full_clean(exclude=["activity"])
        place.save()
    for i, (name, position, unit_name) in enumerate(members):
        DelegationMember.objects.create(
            activity=activity, name=name, position=position, unit_name=unit_name, position_order=i
        )
    activity.update_search_text()
    return activity, True


def trip() -> Activity:
    return Activity.objects.get(title=TRIP_TITLE, unit=org.province("Đắk Lắk"))


def load_articles():
    daklak = org.province("Đắk Lắk")
    central = org.central_unit()
    unions = partners_demo.lao_unions()
    association = partners_demo.business_association()
    agreement = agreements_demo.daklak_agreement()
    admin = User.objects.filter(username="admin").first()

    parent, _new = _activity(
        TRIP_TITLE,
        daklak,
        kind=K.DELEGATION_OUT,
        main_purpose=Activity.Purpose.AGREEMENT,  # the agreement's mid-term review
        start_date=TRIP_START,
        end_date=TRIP_END,
        partners=[*unions, association],
        agreements=[agreement],
        places=[("LA", "LA-AT", ""), ("LA", "LA-XE", ""), ("LA", "LA-SL", ""), ("LA", "LA-CH", "")],
        topics=REVIEW_TOPICS + ["bình đẳng giới trong công tác cán bộ nữ"],
        outcomes=TRIP_OUTCOMES,
        notes=f"{YEAR_NOTE}\n{SOURCE_000}",
    )
    common = dict(parent=parent, start_date=TRIP_START, end_date=TRIP_END)
    review = agreement.reviews.filter(kind=Review.Kind.MID_TERM).first()
    meeting, created = _activity(
        "Hội nghị sơ kết giữa nhiệm kỳ thực hiện “Thỏa thuận hợp tác vì hòa bình phát triển” "
        "giữa Hội LHPN tỉnh Đắk Lắk với Hội LHPN 4 tỉnh Nam Lào giai đoạn 2022 – 2027",
        daklak,
        kind=K.REVIEW_MEETING,
        partners=unions,
        agreements=[agreement],
        review=review,
        topics=REVIEW_TOPICS,
        outcomes="Đánh giá tình hình kết quả hợp tác giữa Hội LHPN các tỉnh.",
        notes=f"{EVENT_NOTE} Bài viết không nêu nơi họp.\n{SOURCE_000}",
        **common,
    )
    if created and review is not None:
        activity_hold_review(activity=meeting, acting_user=admin)
    _activity(
        "Hội thảo chia sẻ kinh nghiệm về bình đẳng giới trong công tác cán bộ nữ",
        daklak,
        kind=K.WORKSHOP,
        partners=unions,
        agreements=[agreement],
        places=[("LA", "LA-CH", "")],
        topics=WORKSHOP_TOPICS,
        notes=f"{EVENT_NOTE} Đại biểu phụ nữ các tỉnh tham gia.\n{SOURCE_000}",
        **common,
    )
    _activity(
        "Gặp mặt Hiệp hội Doanh nghiệp các tỉnh Nam Lào",
        daklak,
        kind=K.OTHER,
        partners=[association],
        agreements=[agreement],
        notes=f"{EVENT_NOTE}\n{SOURCE_000}",
        **common,
    )
    _activity(
        "Trưng bày kết nối sản phẩm của doanh nhân nữ các địa phương",
        daklak,
        kind=K.EXHIBITION,
        partners=[*unions, association],
        agreements=[agreement],
        notes=f"{EVENT_NOTE}\n{SOURCE_000}",
        **common,
    )
    _activity(
        "Lễ buộc chỉ cổ tay do Hội Phụ nữ các tỉnh Nam Lào tổ chức",
        daklak,
        kind=K.CEREMONY,
        partners=unions,
        agreements=[agreement],
        notes=f"{EVENT_NOTE}\n{SOURCE_000}",
        **common,
    )
    _activity(
        "Trao tặng 4 bộ máy may, máy vắt sổ cho phụ nữ nghèo tại 4 tỉnh Nam Lào",
        daklak,
        kind=K.AID_HANDOVER,
        partners=unions,
        agreements=[agreement],
        notes=f"{EVENT_NOTE}\n{SOURCE_000}",
        **common,
    )
    _activity(
        "Thăm di sản văn hóa, khu di tích lịch sử và mô hình sản xuất, kinh doanh của doanh "
        "nghiệp nữ các tỉnh Nam Lào",
        daklak,
        kind=K.OTHER,
        partners=unions,
        agreements=[agreement],
        outcomes=(
            "Tham quan một số mô hình sản xuất, kinh doanh, phát triển kinh tế thành "
            "công của doanh nghiệp nữ các tỉnh."
        ),
        notes=f"{EVENT_NOTE}\n{SOURCE_000}",
        **common,
    )

    _activity(
        CONFERENCE_TITLE,
        central,
        kind=K.CONFERENCE,
        start_date=dt.date(2022, 4, 28),
        end_date=dt.date(2022, 4, 28),
        topics=[
            "Nâng cao vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ đối ngoại",
            "Nghị quyết “Hỗ trợ phụ nữ hội nhập quốc tế đến năm 2030”",
        ],
        outcomes=(
            "Phó Chủ tịch Hội LHPN Việt Nam Trần Lan Phương chia sẻ chuyên đề “Nâng cao "
            "vị thế, mở rộng ảnh hưởng của tổ chức Hội trong quan hệ đối ngoại”: 3 nhiệm "
            "vụ trọng tâm, 3 điểm mới và định hướng nhiệm kỳ XIII (xem chỉ đạo của "
            "nhiệm kỳ XIII)."
        ),
        notes=SOURCE_004,
    )
    term = Term.objects.filter(number=13).first()
    if term is not None and term.directions != TERM_XIII_DIRECTIONS:
        term.directions = TERM_XIII_DIRECTIONS
        term.save()


# (title, province or None for central, kind, format, start, end, partner keys, places)
SAMPLES = [
    (
        "Tiếp đoàn Hội Phụ nữ tỉnh Xiêng Khoảng",
        "Phú Yên*",
        K.DELEGATION_IN,
        "in_person",
        dt.date(2023, 9, 18),
        dt.date(2023, 9, 21),
        ["Hội Phụ nữ tỉnh Xiêng Khoảng"],
        [("VN", "", "Tuy Hòa")],
    ),
    (
        "Lễ ký kết thỏa thuận hợp tác với Hội Phụ nữ tỉnh Xiêng Khoảng",
        "Phú Yên*",
        K.SIGNING,
        "in_person",
        dt.date(2023, 9, 20),
        dt.date(2023, 9, 20),
        ["Hội Phụ nữ tỉnh Xiêng Khoảng"],
        [("VN", "", "Tuy Hòa")],
    ),
    (
        "Tọa đàm trực tuyến về phòng chống bạo lực gia đình",
        "Hà Nội",
        K.ONLINE_EVENT,
        "online",
        dt.date(2023, 11, 25),
        dt.date(2023, 11, 25),
        ["UN Women"],
        [],
    ),
    (
        "Hội thảo thúc đẩy bình đẳng giới trong doanh nghiệp",
        "Hà Nội",
        K.WORKSHOP,
        "hybrid",
        dt.date(2024, 3, 6),
        dt.date(2024, 3, 6),
        ["UN Women"],
        [("VN", "VN-HN", "Hà Nội")],
    ),
    (
        "Triển lãm sản phẩm thủ công của phụ nữ Việt Nam – Hàn Quốc",
        "Hà Nội",
        K.EXHIBITION,
        "in_person",
        dt.date(2024, 10, 18),
        dt.date(2024, 10, 20),
        ["KOICA"],
        [("VN", "VN-HN", "Hà Nội")],
    ),
    (
        "Đoàn công tác học tập kinh nghiệm tại Hàn Quốc",
        None,
        K.DELEGATION_OUT,
        "in_person",
        dt.date(2019, 5, 12),
        dt.date(2019, 5, 18),
        ["KOICA"],
        [("KR", "KR-11", "Seoul"), ("KR", "KR-26", "Busan")],
    ),
    (
        "Hội nghị tổng kết chương trình hỗ trợ phụ nữ khởi nghiệp",
        None,
        K.REVIEW_MEETING,
        "in_person",
        dt.date(2021, 12, 10),
        dt.date(2021, 12, 10),
        ["KOICA"],
        [("VN", "VN-HN", "Hà Nội")],
    ),
    (
        "Diễn đàn trực tuyến phụ nữ ASEAN",
        None,
        K.ONLINE_EVENT,
        "online",
        dt.date(2020, 10, 15),
        dt.date(2020, 10, 15),
        ["UN Women"],
        [],
    ),
    (
        "Tiếp Đại sứ Australia tại Việt Nam",
        None,
        K.DELEGATION_IN,
        "in_person",
        dt.date(2018, 3, 8),
        dt.date(2018, 3, 8),
        ["Đại sứ quán Australia tại Việt Nam"],
        [("VN", "VN-HN", "Hà Nội")],
    ),
    (
        "Gặp mặt Hội Phụ nữ Việt Nam tại Cộng hòa Séc",
        None,
        K.OTHER,
        "hybrid",
        dt.date(2023, 3, 8),
        dt.date(2023, 3, 8),
        ["Hội Phụ nữ Việt Nam tại Cộng hòa Séc"],
        [("CZ", "", "Praha")],
    ),
    (
        "Bàn giao trang thiết bị cho mô hình sinh kế của phụ nữ",
        "Đắk Lắk",
        K.AID_HANDOVER,
        "in_person",
        dt.date(2023, 8, 15),
        dt.date(2023, 8, 15),
        ["Tổ chức Oxfam"],
        [("VN", "VN-33", "Buôn Ma Thuột")],
    ),
    (
        "Hội nghị trao đổi kinh nghiệm với Hội Phụ nữ tỉnh Svay Rieng",
        "Tây Ninh",
        K.CONFERENCE,
        "in_person",
        dt.date(2022, 10, 20),
        dt.date(2022, 10, 21),
        ["Hội Phụ nữ tỉnh Svay Rieng"],
        [("KH", "KH-20", "Svay Rieng")],
    ),
    (
        "Lễ kỷ niệm Ngày Quốc tế Phụ nữ cùng các đối tác quốc tế",
        "Hồ Chí Minh",
        K.CEREMONY,
        "in_person",
        dt.date(2024, 3, 8),
        dt.date(2024, 3, 8),
        ["UNFPA", "JICA"],
        [("VN", "VN-SG", "Thành phố Hồ Chí Minh")],
    ),
]


#: the main purpose of the sample delegations
SAMPLE_PURPOSES = {
    "Tiếp đoàn Hội Phụ nữ tỉnh Xiêng Khoảng": Activity.Purpose.AGREEMENT,  # signed then
    "Đoàn công tác học tập kinh nghiệm tại Hàn Quốc": Activity.Purpose.STUDY,
    "Tiếp Đại sứ Australia tại Việt Nam": Activity.Purpose.VISIT,
}


def _unit(key):
    if key is None:
        return org.central_unit()
    if key.endswith("*"):
        return Unit.objects.get(
            area_name=key[:-1], level=Unit.Level.PROVINCE, valid_to__isnull=False
        )
    return org.province(key)


def load_samples():
    for title, key, kind, fmt, start, end, partner_keys, places in SAMPLES:
        unit = _unit(key)
        partners = [partners_demo.sample_partner(p) for p in partner_keys]
        agreements = list(unit.agreements_recorded.filter(partners__in=partners).distinct())
        _activity(
            title,
            unit,
            kind=kind,
            main_purpose=SAMPLE_PURPOSES.get(title, ""),
            format=fmt,
            start_date=start,
            end_date=end,
            partners=partners,
            agreements=agreements,
            places=places,
            participants_total=40 + len(title) % 60,
            participants_women=(40 + len(title) % 60) * 3 // 4,
            topics=["bình đẳng giới"],
            notes=f"{SAMPLE} Hoạt động minh họa cho bản demo.",
        )


def load(stdout=None):
    load_articles()
    load_samples()
    if stdout:
        stdout.write(f"activities: {Activity.objects.count()}")
