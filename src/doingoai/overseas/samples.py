import datetime as dt

from doingoai.core.samples import next_number, sample

from .models import OverseasOrganization


@sample("overseas")
def overseas_sample(unit, **kw):
    n = next_number()
    values = dict(
        name_vi=f"Hội Phụ nữ Việt Nam mẫu {n}",
        name_local=f"Vietnamese Women's Association {n}",
        country="LA",
        city="Pakse",
        founded=dt.date(2023, 3, 8),
        founded_with_support=True,
        status=OverseasOrganization.Status.ACTIVE,
        members=80,
        unit=unit,
    )
    values.update(kw)
    return OverseasOrganization.objects.create(**values)
