"""Demo Vietnamese women's organizations abroad: two invented organizations, marked as
sample data. Loading twice changes nothing."""

from __future__ import annotations

import datetime as dt

from doingoai.organization import services as org

from .models import OverseasOrganization

SAMPLE = "[Dữ liệu mẫu]"


def _organization(name_vi, **values) -> OverseasOrganization:
    obj = OverseasOrganization.objects.filter(name_vi=name_vi).first()
    if obj is None:
        obj = OverseasOrganization(name_vi=name_vi, **values)
        obj.full_clean()
        obj.save()
    return obj


def load(stdout=None):
    from doingoai.activities import demo as activities_demo

    pakse = _organization(
        "Câu lạc bộ Phụ nữ Việt Nam tại Pakse",
        name_local="ສະໂມສອນແມ່ຍິງຫວຽດນາມ ປາກເຊ",
        country="LA",
        city="Pakse",
        founded=dt.date(2024, 3, 8),
        founded_with_support=True,
        status=OverseasOrganization.Status.ACTIVE,
        leaders="Chủ nhiệm: Nguyễn Thị Mẫu (nhân vật hư cấu)",
        contacts="clb.pakse@example.org",
        members=60,
        unit=org.province("Đắk Lắk"),
        notes=f"{SAMPLE} Tổ chức minh họa, không có thật.",
    )
    trip = activities_demo.trip()
    pakse.events.add(trip)
    _organization(
        "Hội Phụ nữ Việt Nam tại Praha (mẫu)",
        name_local="Svaz vietnamských žen v Praze",
        country="CZ",
        city="Praha",
        founded=dt.date(2019, 10, 20),
        status=OverseasOrganization.Status.ACTIVE,
        leaders="Chủ tịch: Trần Thị Minh Họa (nhân vật hư cấu)",
        contacts="praha@example.org",
        members=250,
        unit=org.central_unit(),
        notes=f"{SAMPLE} Tổ chức minh họa, không có thật.",
    )
    if stdout:
        stdout.write(f"overseas organizations: {OverseasOrganization.objects.count()}")
