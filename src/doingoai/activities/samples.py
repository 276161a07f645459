import datetime as dt

from doingoai.core.samples import next_number, sample
from doingoai.partners.samples import partner_sample

from .models import Activity, ActivityPlace


@sample("activities")
def activity_sample(unit, **kw):
    n = next_number()
    partners = kw.pop("partners", None) or [partner_sample(unit)]
    values = dict(
        title=f"Đoàn công tác mẫu {n}",
        kind=Activity.Kind.DELEGATION_OUT,
        start_date=dt.date(2024, 6, 25),
        end_date=dt.date(2024, 7, 1),
        unit=unit,
        topics=["bình đẳng giới"],
        participants_total=10,
        participants_women=8,
    )
    values.update(kw)
    activity = Activity.objects.create(**values)
    activity.units.set([unit])
    activity.partners.set(partners)
    ActivityPlace.objects.create(activity=activity, country="LA", subdivision="LA-CH", city="Pakse")
    activity.update_search_text()
    return activity
