"""A reader's scope over aid records: her subtree's own, those of an activity or an
agreement her units take part in, those shared with her unit; nothing else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doingoai.core.samples import make
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db


def test_a_province_reader_sees_her_subtree_taking_part_and_shared_resources(world):
    commune = world.daklak.children.first() or world.daklak
    own = make("resources", commune)
    trip = make("activities", world.hanoi)
    trip.units.add(commune)
    via_activity = make("resources", world.hanoi, activity=trip)
    deal = make("agreements", world.hanoi)
    deal.units.add(world.daklak)
    via_agreement = make("resources", world.hanoi, agreement=deal)
    shared = make("resources", world.hanoi)
    shared.shared_with.add(world.daklak)
    other_trip = make("activities", world.hanoi)
    hidden = [make("resources", world.hanoi), make("resources", world.hanoi, activity=other_trip)]
    user = world.user("daklak")
    with CaptureQueriesContext(connection) as ctx:
        seen = set(Resource.objects.restrict(user).values_list("pk", flat=True))
    expected = {own.pk, via_activity.pk, via_agreement.pk, shared.pk}
    assert expected <= seen
    assert not seen & {r.pk for r in hidden}
    # the ids of the activities and agreements her units take part in come from their
    # link tables, not through the activities' and agreements' own tables
    sql = ctx.captured_queries[-1]["sql"]
    assert '"activities_activity"' not in sql and '"agreements_agreement"' not in sql


@pytest.mark.parametrize("small_units", [0, 10_000])
def test_a_reader_sees_exactly_her_own_taking_part_and_shared_activities(
    world, small_units, monkeypatch
):
    """The same records whether her scope is read as one OR (a large scope) or as the
    union of its parts' ids (a small one, on PostgreSQL)."""
    from doingoai.activities.models import Activity
    from doingoai.core import scope

    monkeypatch.setattr(scope, "SMALL_SCOPE_UNITS", small_units)
    commune = world.daklak.children.first() or world.daklak
    own = [make("activities", commune), make("activities", world.daklak)]
    taking_part = make("activities", world.hanoi)
    taking_part.units.add(commune)
    shared = make("activities", world.hanoi)
    shared.shared_with.add(world.daklak)
    hidden = make("activities", world.hanoi)
    hidden.shared_with.add(world.phu_yen)
    user = world.user("daklak")
    seen = set(Activity.objects.restrict(user).values_list("pk", flat=True))
    mine = {a.pk for a in own} | {taking_part.pk, shared.pk}
    assert mine <= seen and hidden.pk not in seen
    everything_seen = Activity.objects.filter(pk__in=seen)
    assert (
        not everything_seen.exclude(unit__path__startswith=world.daklak.path)
        .exclude(pk__in=[taking_part.pk, shared.pk])
        .exists()
    )


def test_the_roots_are_read_once_a_request_and_again_after_a_change(world, login):
    """The central level's scope asks whether its unit is the only root (then a record
    needs no condition to be in it): once a request, however often the page asks (a
    dozen times on the national dashboard), and afresh after a unit is made."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.core import memo, scope
    from doingoai.organization.models import Unit

    def roots_read(sql_list) -> int:
        return sum("parent_id IS NULL AND successor_id IS NULL" in q["sql"] for q in sql_list)

    client = login("trunguong")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/", {"unit": world.central.pk, "term": "XIII"}).status_code == 200
    assert roots_read(ctx.captured_queries) == 1
    # outside a request every question reads them
    with CaptureQueriesContext(connection) as ctx:
        assert scope.covers_whole_tree(world.central.path)
        assert scope.covers_whole_tree(world.central.path)
    assert roots_read(ctx.captured_queries) == 2
    # within a request a unit made is seen at once: a second root covers no longer
    memo.request_begins()
    try:
        assert scope.covers_whole_tree(world.central.path)
        Unit.objects.create(level="central", code="X1", name="Một gốc khác", area_name="X")
        assert not scope.covers_whole_tree(world.central.path)
    finally:
        memo.request_ends()
