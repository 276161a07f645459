import datetime as dt
from decimal import Decimal

from doingoai.core.samples import next_number, sample
from doingoai.partners.samples import partner_sample

from .models import ExchangeRate, Resource


@sample("resources")
def resource_sample(unit, **kw):
    n = next_number()
    values = dict(
        title=f"Khoản hỗ trợ mẫu {n}",
        direction=Resource.Direction.GIVEN,
        kind=Resource.Kind.IN_KIND,
        quantity=Decimal(4),
        unit_value=Decimal(10_000_000),
        currency="VND",
        date=dt.date(2024, 6, 28),
        beneficiaries="Phụ nữ nghèo",
        beneficiaries_count=4,
        unit=unit,
    )
    values.update(kw)
    if "partner" not in values:
        values["partner"] = partner_sample(unit)
    return Resource.objects.create(**values)


@sample("rates")
def rate_sample(unit, **kw):
    n = next_number()
    values = dict(
        currency="USD",
        date=dt.date(2000, 1, 1) + dt.timedelta(days=n),
        vnd_per_unit=Decimal(23_000 + n),
        source="Mẫu",
    )
    values.update(kw)
    return ExchangeRate.objects.create(**values)
