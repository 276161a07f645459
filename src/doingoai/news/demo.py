"""Demo news items: the two seed articles, linked to the demo activities they report
(made by the activities demo). Loading twice changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .models import NewsItem
from .services import import_article

DATA = Path(__file__).parent / "data"

ARTICLES = [
    # file, province (None: central), activity kind, start date, assumed publication date
    (
        "000_f8e461730c167d25.txt",
        "Đắk Lắk",
        "delegation_out",
        dt.date(2024, 6, 25),
        dt.date(2024, 7, 3),
        "Bài viết không ghi ngày đăng; bản demo giả định 03/7/2024, sau chuyến công tác "
        "25/6 – 1/7/2024.",
    ),
    ("004_c2e60e18ba12f289.txt", None, "conference", dt.date(2022, 4, 28), None, ""),
]


def _activity(unit, kind, start, title_hint: str = ""):
    from doingoai.activities.models import Activity

    qs = Activity.objects.filter(unit=unit, kind=kind, start_date=start, parent__isnull=True)
    if title_hint:
        found = qs.filter(title=title_hint).first()
        if found is not None:
            return found
    return qs.order_by("pk").first()


def load(stdout=None):
    from doingoai.organization import services as org

    try:
        from doingoai.activities import demo as activities_demo
    except ImportError:  # pragma: no cover - the activities app without its demo
        activities_demo = None
    hints = {
        "delegation_out": getattr(activities_demo, "TRIP_TITLE", ""),
        "conference": getattr(activities_demo, "CONFERENCE_TITLE", ""),
    }
    linked = 0
    for filename, province, kind, start, published, note in ARTICLES:
        unit = org.province(province) if province else org.central_unit()
        text = (DATA / filename).read_text(encoding="utf-8")
        item = import_article(text=text, unit=unit, source_file=filename, published=published).item
        activity = _activity(unit, kind, start, hints.get(kind, ""))
        changed = False
        if activity is not None and item.activity_id != activity.pk:
            item.activity = activity
            changed = True
        if item.status != NewsItem.Status.PUBLISHED:
            item.status = NewsItem.Status.PUBLISHED
            changed = True
        if note and item.notes != note:
            item.notes = note
            changed = True
        if changed:
            item.save()
        linked += item.activity_id is not None
    if stdout:
        stdout.write(
            f"news items: {NewsItem.objects.count()} ({linked} demo articles linked "
            "to their activities)"
        )
