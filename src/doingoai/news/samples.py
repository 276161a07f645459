import datetime as dt

from doingoai.core.samples import next_number, sample

from .models import NewsItem


@sample("news")
def news_sample(unit, **kw):
    n = next_number()
    values = dict(
        title=f"Bài báo mẫu {n}: Hội LHPN tỉnh thăm, làm việc với Hội LHPN tỉnh Chămpasăk",
        published=dt.date(2024, 7, 3),
        body=(
            f"Bài báo mẫu {n}: Hội LHPN tỉnh thăm, làm việc với Hội LHPN tỉnh Chămpasăk\n"
            "Từ ngày 25/6 đến 1/7, đoàn công tác đã đến thăm, làm việc tại tỉnh Chămpasăk "
            f"(Lào). Mã bài {n}."
        ),
        unit=unit,
        status=NewsItem.Status.DRAFT,
    )
    values.update(kw)
    return NewsItem.objects.create(**values)
