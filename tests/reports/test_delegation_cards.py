"""The dashboard's count of late post-trip reports: per unit and reader, read on the
late reports themselves (not every record of the unit looked up by id)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.activities.models import Activity
from doingoai.core.samples import make
from doingoai.reports.selectors import delegation_cards


def late(unit, user) -> int:
    return next(c["value"] for c in delegation_cards(unit, None, user) if "late" in c["key"])


def test_late_reports_counted_per_unit_and_reader_without_reading_every_record(world):
    for unit in (world.daklak, world.daklak, world.hanoi):
        a = make("activities", unit, kind=Activity.Kind.DELEGATION_OUT)
        Activity.objects.filter(pk=a.pk).update(
            state=Activity.State.REPORT_DUE, report_due_date=dt.date(2025, 1, 2)
        )
    on_time = make("activities", world.daklak, kind=Activity.Kind.DELEGATION_OUT)
    Activity.objects.filter(pk=on_time.pk).update(
        state=Activity.State.REPORT_DUE, report_due_date=dt.date(2099, 1, 2)
    )
    central = world.user("trunguong")
    assert late(world.central, central) == 3
    assert late(world.daklak, central) == 2
    assert late(world.hanoi, central) == 1
    assert late(world.daklak, world.user("daklak")) == 2
    assert late(world.daklak, world.user("hanoi")) == 0  # out of her scope
    with CaptureQueriesContext(connection) as ctx:
        late(world.central, central)
    counts = [q["sql"] for q in ctx.captured_queries if "report_due_date" in q["sql"]]
    assert len(counts) == 1
    # the unit's records are not listed by id to look the late ones up in
    assert 'IN (SELECT U0."id"' not in counts[0].replace('"U0"', "U0")
