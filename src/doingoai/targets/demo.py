"""The term XIII targets of the central union's directions (seed article 004): every
local union holds "ít nhất 01 sự kiện gặp gỡ, kết nối với đối tác quốc tế trong nhiệm
kỳ", and every signed agreement is reviewed at mid-term and at the end. Set by the
central union for the provinces and by Đắk Lắk for its communes. Loading twice changes
nothing."""

from __future__ import annotations

from decimal import Decimal

from doingoai.organization import services as org
from doingoai.organization.models import Term

from .models import Measure, Target

NOTE = (
    "Chỉ thị nhiệm kỳ XIII: ít nhất 01 sự kiện gặp gỡ, kết nối với đối tác quốc tế trong nhiệm kỳ"
)
REVIEW_NOTE = "Rà soát, đánh giá hiệu quả các thỏa thuận hợp tác đã ký kết"

DEMO_TARGETS = [
    (Measure.INTL_EVENTS, Decimal(1), NOTE),
    (Measure.REVIEWS_MID_TERM, Decimal(100), REVIEW_NOTE),
    (Measure.REVIEWS_FINAL, Decimal(100), REVIEW_NOTE),
]


def load(stdout=None):
    term = Term.objects.filter(name="XIII").first()
    if term is None:
        return
    made = 0
    for unit in (org.central_unit(), org.province("Đắk Lắk")):
        for measure, value, note in DEMO_TARGETS:
            _, created = Target.objects.get_or_create(
                unit=unit, term=term, measure=measure, defaults={"value": value, "notes": note}
            )
            made += created
    if stdout is not None:
        stdout.write(f"targets: {made} term XIII targets set")
