import datetime as dt

from doingoai.core.samples import next_number, sample
from doingoai.core.scope import Role

from .models import Term, Unit, User


@sample("units")
def unit_sample(unit, **kw):
    n = next_number()
    return Unit.objects.create(
        level=Unit.Level.COMMUNE,
        code=f"9{n:04d}",
        name=f"Hội LHPN xã Mẫu {n}",
        area_name=f"Xã Mẫu {n}",
        parent=unit,
        valid_from=dt.date(2025, 7, 1),
        **kw,
    )


@sample("terms")
def term_sample(unit, **kw):
    n = 40 + next_number()
    year = 2030 + n % 60  # many samples in one process: the years stay real ones
    return Term.objects.create(
        number=n,
        name=f"T{n}",
        start_date=dt.date(year, 3, 1),
        end_date=dt.date(year + 5, 2, 28),
        **kw,
    )


@sample("users")
def user_sample(unit, **kw):
    n = next_number()
    user = User(
        username=f"sample{n}",
        full_name=f"Cán bộ mẫu {n}",
        unit=unit,
        role=kw.pop("role", Role.EDITOR),
        **kw,
    )
    user.set_password("sample-password-1")
    user.save()
    return user
