"""The one write path (``core.writing``): every caller gets the same checks and the same
refusals, and a refused write changes nothing."""

from __future__ import annotations

import pytest

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import make
from doingoai.core.writing import (
    FORBIDDEN,
    INVALID,
    STALE,
    RecordRefused,
    current_data,
    record_delete,
    record_save,
)
from doingoai.partners.models import Partner


def test_a_save_writes_the_acting_user_into_the_history(world):
    editor = world.user("daklak")
    kind = REGISTRY["partners"]
    partner = make("partners", world.daklak)
    record_save(
        kind=kind,
        acting_user=editor,
        instance=partner,
        data={**current_data(kind, partner, editor), "city": "Pakse"},
    )
    latest = partner.history.order_by("-history_id").first()
    assert latest.city == "Pakse" and latest.history_user == editor


def test_refusals_name_the_field_and_change_nothing(world):
    editor = world.user("daklak")
    kind = REGISTRY["partners"]
    partner = make("partners", world.daklak)
    data = current_data(kind, partner, editor)
    with pytest.raises(RecordRefused) as refused:
        record_save(kind=kind, acting_user=editor, instance=partner, data={**data, "country": "ZZ"})
    assert refused.value.reason == INVALID
    assert [e.field for e in refused.value.errors] == ["country"]
    assert refused.value.errors[0].label  # the field's label, as the user sees it
    partner.refresh_from_db()
    assert partner.country != "ZZ"


def test_an_id_beyond_64_bits_is_an_invalid_choice_not_a_crash(world):
    editor = world.user("daklak")
    kind = REGISTRY["agreements"]
    agreement = make("agreements", world.daklak)
    data = {**current_data(kind, agreement, editor), "partners": [10**20]}
    with pytest.raises(RecordRefused) as refused:
        record_save(kind=kind, acting_user=editor, instance=agreement, data=data)
    assert refused.value.reason == INVALID
    assert refused.value.errors[0].field == "partners"


def test_a_stale_version_is_refused(world):
    editor = world.user("daklak")
    kind = REGISTRY["partners"]
    partner = make("partners", world.daklak)
    read = current_data(kind, partner, editor)  # both read version 1
    record_save(
        kind=kind,
        acting_user=editor,
        instance=Partner.objects.get(pk=partner.pk),
        data={**read, "city": "A"},
    )
    with pytest.raises(RecordRefused) as refused:
        record_save(
            kind=kind,
            acting_user=editor,
            instance=Partner.objects.get(pk=partner.pk),
            data={**read, "city": "B"},
        )
    assert refused.value.reason == STALE
    assert Partner.objects.get(pk=partner.pk).city == "A"


@pytest.mark.parametrize("username", ["hanoi", "trunguong"])
def test_out_of_scope_writes_and_deletes_are_refused(world, username):
    kind = REGISTRY["activities"]
    activity = make("activities", world.daklak)
    user = world.user(username)
    with pytest.raises(RecordRefused) as refused:
        record_save(
            kind=kind,
            acting_user=user,
            instance=activity,
            data=current_data(kind, activity, world.user("daklak")),
        )
    assert refused.value.reason == FORBIDDEN
    with pytest.raises(RecordRefused):
        record_delete(kind=kind, obj=activity, acting_user=user)
    assert type(activity).objects.filter(pk=activity.pk).exists()


def test_a_save_that_moves_the_record_out_of_reach_is_rolled_back(world):
    """The scope is checked again after the save, in the same transaction."""
    editor = world.user("daklak")
    kind = REGISTRY["activities"]
    activity = make("activities", world.daklak)
    data = {**current_data(kind, activity, editor), "title": "Moved"}
    data["unit"] = world.hanoi.pk  # not among her choices: refused by the form
    with pytest.raises(RecordRefused):
        record_save(kind=kind, acting_user=editor, instance=activity, data=data)
    activity.refresh_from_db()
    assert activity.title != "Moved" and activity.unit == world.daklak
