"""The path of a delegation (``activities.delegation.DELEGATION_PATH``): every step by
every role, in and out of scope; the refusals change nothing; the report is due in
working days (Tết does not count); late reports are listed and counted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.activities.delegation import (
    DELEGATION_PATH,
    add_working_days,
    late_reports,
    report_due_date,
)
from doingoai.activities.models import Activity
from doingoai.core.samples import make
from doingoai.core.writing import CONFLICT, FORBIDDEN, INVALID, RecordRefused

S = Activity.State
EDITORS = {"daklak", "daklak_lead", "admin"}  # scope CHANGE on a Đắk Lắk record
APPROVERS = {"daklak_lead", "admin"}  # scope APPROVE
USERS = ["daklak", "daklak_lead", "hanoi", "trunguong", "admin"]

#: step -> (from, to, who may, comment needed)
STEPS = {
    "submit": (S.DRAFT, S.SUBMITTED, EDITORS),
    "approve": (S.SUBMITTED, S.APPROVED, APPROVERS),
    "return": (S.SUBMITTED, S.RETURNED, APPROVERS),
    "refuse": (S.SUBMITTED, S.REFUSED, APPROVERS),
    "start": (S.APPROVED, S.UNDER_WAY, EDITORS),
    "come_back": (S.UNDER_WAY, S.REPORT_DUE, EDITORS),
    "submit_report": (S.REPORT_DUE, S.REPORT_SUBMITTED, EDITORS),
    "close": (S.REPORT_SUBMITTED, S.CLOSED, APPROVERS),
    "cancel": (S.APPROVED, S.CANCELLED, EDITORS),
}


def _delegation(unit, state=S.DRAFT):
    activity = make(
        "activities",
        unit,
        start_date=dt.date(2030, 6, 25),
        end_date=dt.date(2030, 7, 1),
        decision_number="123/QĐ-HLHPN",
        decision_date=dt.date(2030, 5, 20),
        decision_body="Ban Thường vụ Hội LHPN tỉnh",
        report="Đoàn đã làm việc với 4 tỉnh.",
    )
    Activity.objects.filter(pk=activity.pk).update(state=state)
    return Activity.objects.get(pk=activity.pk)


def _take(activity, step, user):
    return DELEGATION_PATH.advance(
        activity, step, acting_user=user, comment="Lý do", version=activity.version
    )


@pytest.mark.parametrize("step", sorted(STEPS))
def test_every_step_by_every_role_in_and_out_of_scope(step, world):
    source, target, allowed = STEPS[step]
    for owner in (world.daklak, world.hanoi):
        for name in USERS:
            user = world.user(name)
            activity = _delegation(owner, source)
            in_scope = owner == world.daklak or name in ("hanoi", "admin")
            may = name in allowed and in_scope
            if owner == world.hanoi and name == "admin":
                may = True
            shown = [s.name for s in DELEGATION_PATH.available(activity, user)]
            assert (step in shown) == may, (step, name, owner)
            if may:
                _take(activity, step, user)
                fresh = Activity.objects.get(pk=activity.pk)
                assert fresh.state == target, (step, name)
                (entry,) = DELEGATION_PATH.log(fresh)
                assert entry.user == user and entry.data == {"before": source, "after": target}
            else:
                with pytest.raises(RecordRefused) as refused:
                    _take(activity, step, user)
                assert refused.value.reason == FORBIDDEN, (step, name, owner)
                assert [str(m) for m in refused.value.messages] == [
                    "Bạn không có quyền thực hiện việc này."
                ]
                fresh = Activity.objects.get(pk=activity.pk)
                assert (fresh.state, fresh.version) == (source, activity.version)


def test_steps_out_of_their_state_are_refused_and_change_nothing(world):
    lead = world.user("daklak_lead")
    made = {}  # a delegation in each state, refused every step it cannot take
    for step, (source, _target, _who) in STEPS.items():
        for state in S:
            if state == source or (
                step == "cancel" and state in (S.DRAFT, S.SUBMITTED, S.RETURNED)
            ):
                continue
            if step == "submit" and state == S.RETURNED:
                continue
            if state not in made:
                made[state] = _delegation(world.daklak, state)
            activity = Activity.objects.get(pk=made[state].pk)
            with pytest.raises(RecordRefused) as refused:
                _take(activity, step, lead)
            assert refused.value.reason == CONFLICT, (step, state)
            after = Activity.objects.get(pk=activity.pk)
            assert (after.state, after.version) == (state, activity.version), (step, state)


def test_a_delegation_under_way_can_no_longer_be_cancelled(world):
    activity = _delegation(world.daklak, S.UNDER_WAY)
    editor = world.user("daklak")
    assert "cancel" not in [s.name for s in DELEGATION_PATH.available(activity, editor)]


def test_approving_needs_the_decision_and_returning_needs_a_comment(world):
    lead = world.user("daklak_lead")
    activity = _delegation(world.daklak, S.SUBMITTED)
    Activity.objects.filter(pk=activity.pk).update(decision_number="", decision_body="")
    activity = Activity.objects.get(pk=activity.pk)
    version = activity.version
    with pytest.raises(RecordRefused) as refused:
        _take(activity, "approve", lead)
    assert refused.value.reason == INVALID
    assert {e.field for e in refused.value.errors} == {"decision_number", "decision_body"}
    fresh = Activity.objects.get(pk=activity.pk)
    assert (fresh.state, fresh.version) == (S.SUBMITTED, version)
    for step in ("return", "refuse"):
        with pytest.raises(RecordRefused) as refused:
            DELEGATION_PATH.advance(
                fresh, step, acting_user=lead, comment=" ", version=fresh.version
            )
        assert refused.value.reason == INVALID
    assert Activity.objects.get(pk=activity.pk).state == S.SUBMITTED


def test_returned_plan_is_corrected_and_submitted_again(world):
    activity = _delegation(world.daklak, S.SUBMITTED)
    _take(activity, "return", world.user("daklak_lead"))
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.state == S.RETURNED
    _take(activity, "submit", world.user("daklak"))
    assert Activity.objects.get(pk=activity.pk).state == S.SUBMITTED


def test_the_report_is_needed_to_submit_it(world):
    activity = _delegation(world.daklak, S.REPORT_DUE)
    Activity.objects.filter(pk=activity.pk).update(report="")
    activity = Activity.objects.get(pk=activity.pk)
    with pytest.raises(RecordRefused) as refused:
        _take(activity, "submit_report", world.user("daklak"))
    assert refused.value.errors[0].field == "report"
    assert Activity.objects.get(pk=activity.pk).state == S.REPORT_DUE


def test_report_due_over_tet_counts_working_days_only(settings):
    # back on Friday 13/02/2026; Tết holidays 16–20/02/2026 and two weekends do not count
    assert report_due_date(dt.date(2026, 2, 13)) == dt.date(2026, 3, 3)
    assert add_working_days(dt.date(2026, 2, 13), 7) == dt.date(2026, 3, 3)
    # an ordinary week: 7 working days from Monday 9/3/2026 is Wednesday 18/3/2026
    assert report_due_date(dt.date(2026, 3, 9)) == dt.date(2026, 3, 18)
    settings.DELEGATION_REPORT_WORKING_DAYS = 10
    assert report_due_date(dt.date(2026, 2, 13)) == dt.date(2026, 3, 6)


def test_coming_back_sets_the_due_date_and_late_reports_are_listed_and_counted(world, login):
    activity = _delegation(world.daklak, S.UNDER_WAY)
    Activity.objects.filter(pk=activity.pk).update(
        start_date=dt.date(2026, 2, 5), end_date=dt.date(2026, 2, 13)
    )
    activity = Activity.objects.get(pk=activity.pk)
    _take(activity, "come_back", world.user("daklak"))
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.returned_date == dt.date(2026, 2, 13)
    assert fresh.report_due_date == dt.date(2026, 3, 3)
    assert list(late_reports(today=dt.date(2026, 3, 3))) == []
    assert list(late_reports(today=dt.date(2026, 3, 4))) == [fresh]
    assert list(late_reports(world.user("hanoi"), today=dt.date(2026, 3, 4))) == []
    page = login("daklak").get(reverse("dashboard")).content.decode()
    card = page[page.index('data-figure="delegation-reports-late"') :]
    assert card[: card.index("</a>")].count("<strong>1</strong>") == 1


def test_the_page_shows_the_buttons_of_the_reader_and_the_step_url_works(world, login):
    activity = _delegation(world.daklak, S.DRAFT)
    url = reverse("activities_step", args=[activity.pk, "submit"])
    lead_page = login("daklak_lead").get(activity.get_absolute_url()).content.decode()
    assert url in lead_page
    client = login("daklak")
    assert url in client.get(activity.get_absolute_url()).content.decode()
    response = client.post(url, {"version": activity.version}, follow=True)
    assert Activity.objects.get(pk=activity.pk).state == S.SUBMITTED
    page = response.content.decode()
    approve = reverse("activities_step", args=[activity.pk, "approve"])
    assert approve not in page  # the editor does not see the approver's buttons
    assert approve in login("daklak_lead").get(activity.get_absolute_url()).content.decode()
    # out of scope: not found
    assert login("hanoi").post(approve, {"version": 2}).status_code == 404


def test_a_delegation_planned_ahead_starts_as_a_draft_with_member_roles(world, login):
    agreement = make("agreements", world.daklak)
    response = login("daklak").post(
        reverse("activities_add"),
        {
            "title": "Đoàn công tác sang Lào năm 2030",
            "kind": "delegation_out",
            "format": "in_person",
            "start_date": "2030-06-25",
            "end_date": "2030-07-01",
            "unit": world.daklak.pk,
            "units": [world.daklak.pk],
            "agreements": [agreement.pk],
            "purpose": "Sơ kết giữa kỳ thỏa thuận hợp tác",
            "funding_source": "union",
            "estimated_cost": "150.000.000",
            "members": "H'Yam Niê, Chủ tịch, Hội LHPN tỉnh Đắk Lắk (trưởng đoàn)\n"
            "Vy Thị B, Cán bộ, Hội LHPN tỉnh Đắk Lắk (phiên dịch)\nTrần C, Cán bộ",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    trip = Activity.objects.get(title="Đoàn công tác sang Lào năm 2030")
    assert trip.state == S.DRAFT and trip.estimated_cost == 150_000_000
    assert [m.role for m in trip.members.all()] == ["head", "interpreter", ""]
    assert [m.unit_name for m in trip.members.all()][0] == "Hội LHPN tỉnh Đắk Lắk"


@pytest.mark.parametrize("step", sorted(STEPS))
def test_every_step_through_its_url_by_every_role(step, world, login):
    """The button's URL: done for those allowed, 403 for a role that may not, 404 out of
    scope; a refusal changes nothing."""
    source, target, allowed = STEPS[step]
    url_name = "activities_step"
    for name in USERS:
        activity = _delegation(world.daklak, source)
        client = login(name)
        url = reverse(url_name, args=[activity.pk, step])
        response = client.post(url, {"version": activity.version, "comment": "Lý do"})
        fresh = Activity.objects.get(pk=activity.pk)
        if name in allowed:
            assert response.status_code == 302 and fresh.state == target, (step, name)
        else:
            expected = 404 if name == "hanoi" else 403
            assert response.status_code == expected, (step, name)
            assert (fresh.state, fresh.version) == (source, activity.version)


def test_a_step_in_the_wrong_state_says_why_on_the_page(world, login):
    activity = _delegation(world.daklak, S.SUBMITTED)
    client = login("daklak_lead")
    url = reverse("activities_step", args=[activity.pk, "close"])
    response = client.post(url, {"version": activity.version}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Không thể thực hiện khi hồ sơ đang ở trạng thái “Đã trình duyệt”." in page
    assert Activity.objects.get(pk=activity.pk).state == S.SUBMITTED
