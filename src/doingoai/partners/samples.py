from doingoai.core.samples import next_number, sample

from .models import Partner, PartnerContact


@sample("partners")
def partner_sample(unit, **kw):
    n = next_number()
    values = dict(
        name_vi=f"Hội Phụ nữ mẫu {n}",
        name_en=f"Sample Women's Union {n}",
        kind=Partner.Kind.WOMENS_UNION,
        country="LA",
        subdivision="LA-CH",
        aliases=[f"Mau {n}"],
        unit=unit,
    )
    values.update(kw)
    return Partner.objects.create(**values)


@sample("contacts")
def contact_sample(unit, **kw):
    partner = kw.pop("partner", None) or partner_sample(unit)
    n = next_number()
    return PartnerContact.objects.create(
        partner=partner, name=f"Người liên hệ {n}", position="Chủ tịch", **kw
    )
