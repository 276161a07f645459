import datetime as dt

from doingoai.core.samples import next_number, sample
from doingoai.partners.samples import partner_sample

from .models import Agreement, Commitment, Review
from .services import schedule_reviews


@sample("agreements")
def agreement_sample(unit, **kw):
    n = next_number()
    partners = kw.pop("partners", None) or [partner_sample(unit)]
    values = dict(
        title=f"Thỏa thuận hợp tác mẫu {n}",
        kind=Agreement.Kind.AGREEMENT,
        unit=unit,
        signed_date=dt.date(2022, 6, 1),
        start_date=dt.date(2022, 6, 1),
        end_date=dt.date(2027, 6, 1),
        areas=["bình đẳng giới"],
    )
    values.update(kw)
    agreement = Agreement.objects.create(**values)
    agreement.units.set([unit])
    agreement.partners.set(partners)
    schedule_reviews(agreement=agreement)
    return agreement


@sample("commitments")
def commitment_sample(unit, **kw):
    agreement = kw.pop("agreement", None) or agreement_sample(unit)
    return Commitment.objects.create(
        agreement=agreement,
        description="Trao đổi đoàn hằng năm",
        responsible="Hai bên",
        due_date=dt.date(2024, 12, 31),
        **kw,
    )


@sample("reviews")
def review_sample(unit, **kw):
    agreement = kw.pop("agreement", None) or agreement_sample(unit)
    return Review.objects.create(
        agreement=agreement, kind=Review.Kind.YEARLY, scheduled_date=dt.date(2023, 6, 1), **kw
    )
