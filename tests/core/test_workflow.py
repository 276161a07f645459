"""State paths (``core.workflow``): who may take a step, in which state, with which
version; a refused step changes nothing, a taken one is in the history and the log."""

from __future__ import annotations

import pytest

from doingoai.agreements.models import Agreement
from doingoai.core.samples import make
from doingoai.core.scope import APPROVE, CHANGE
from doingoai.core.workflow import Step, Workflow
from doingoai.core.writing import CONFLICT, FORBIDDEN, INVALID, STALE, RecordRefused

# A path declared on the agreement's hand-set status, as a kind would declare its own.
PATH = Workflow(
    Step("terminate", "Chấm dứt", [""], "terminated", action=APPROVE, comment_required=True),
    Step("reopen", "Mở lại", ["terminated"], "", action=CHANGE),
    state_field="status_override",
)


@pytest.fixture
def agreement(world):
    return make("agreements", world.daklak)


def refused(reason, agreement, name, user, **kw):
    with pytest.raises(RecordRefused) as caught:
        PATH.advance(agreement, name, acting_user=user, **kw)
    assert caught.value.reason == reason
    fresh = Agreement.objects.get(pk=agreement.pk)
    assert fresh.status_override == "" and fresh.version == agreement.version
    assert not list(PATH.log(fresh))
    return caught.value


def test_the_approver_takes_the_step_with_a_comment_and_it_is_logged(world, agreement):
    lead = world.user("daklak_lead")
    assert [s.name for s in PATH.available(agreement, lead)] == ["terminate"]
    PATH.advance(
        agreement, "terminate", acting_user=lead, comment="Đối tác rút", version=agreement.version
    )
    fresh = Agreement.objects.get(pk=agreement.pk)
    assert fresh.status_override == "terminated"
    assert fresh.history.order_by("-history_id").first().history_user == lead
    (entry,) = PATH.log(fresh)
    assert (entry.user, entry.message, entry.data) == (
        lead,
        "Đối tác rút",
        {"before": "", "after": "terminated"},
    )
    assert [s.name for s in PATH.available(fresh, lead)] == ["reopen"]


def test_refusals(world, agreement):
    editor, lead = world.user("daklak"), world.user("daklak_lead")
    v = agreement.version
    assert PATH.available(agreement, editor) == []  # an editor does not see the button
    refused(FORBIDDEN, agreement, "terminate", editor, comment="x", version=v)
    refused(FORBIDDEN, agreement, "terminate", world.user("hanoi"), comment="x", version=v)
    error = refused(INVALID, agreement, "terminate", lead, comment="  ", version=v)
    assert error.errors[0].field == "comment"
    refused(STALE, agreement, "terminate", lead, comment="x", version=v - 1)
    refused(STALE, agreement, "terminate", lead, comment="x", version=None)
    refused(CONFLICT, agreement, "reopen", lead, version=v)
    refused(INVALID, agreement, "fly", lead, version=v)
