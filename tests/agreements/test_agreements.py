"""Agreements: parties, derived status, scheduled reviews, approver-only closing, and
bad input that changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.agreements import services
from doingoai.agreements.models import Agreement, Review, Status
from doingoai.core.registry import REGISTRY
from doingoai.core.samples import make
from doingoai.core.writing import current_data, record_save


def agreement_data(world, partner_list, **over):
    data = {
        "title": "Thỏa thuận hợp tác vì hòa bình phát triển",
        "kind": "agreement",
        "unit": world.daklak.pk,
        "units": [world.daklak.pk],
        "partners": [p.pk for p in partner_list],
        "signed_date": "2022-06-20",
        "start_date": "2022-07-01",
        "end_date": "2027-06-30",
        "areas": "bình đẳng giới, kinh tế",
    }
    data.update(over)
    return data


def test_status_is_derived_from_the_dates():
    today = dt.date(2025, 1, 1)
    a = Agreement(
        signed_date=dt.date(2022, 1, 1),
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2027, 1, 1),
    )
    assert a.status(today) == Status.IN_FORCE
    a.end_date = dt.date(2025, 3, 1)
    assert a.status(today) == Status.EXPIRING
    a.end_date = dt.date(2024, 12, 31)
    assert a.status(today) == Status.EXPIRED
    a.signed_date = None
    assert a.status(today) == Status.DRAFT
    a.status_override = "terminated"
    assert a.status(today) == Status.TERMINATED


def test_status_filter_matches_the_derived_status(world, login):
    expiring = make("agreements", world.daklak, end_date=dt.date.today() + dt.timedelta(days=30))
    in_force = make("agreements", world.daklak, end_date=dt.date.today() + dt.timedelta(days=400))
    page = login("daklak").get(reverse("agreements_list"), {"status": "expiring"}).content.decode()
    assert expiring.get_absolute_url() in page
    assert in_force.get_absolute_url() not in page


def test_reviews_are_scheduled_mid_term_and_final(world):
    a = make(
        "agreements", world.daklak, start_date=dt.date(2022, 7, 1), end_date=dt.date(2027, 6, 30)
    )
    reviews = {r.kind: r.scheduled_date for r in a.reviews.all()}
    assert reviews == {"mid_term": dt.date(2024, 12, 29), "final": dt.date(2027, 6, 30)}
    editor = world.user("daklak")
    kind = REGISTRY["agreements"]
    record_save(
        kind=kind,
        acting_user=editor,
        instance=a,
        data={**current_data(kind, a, editor), "end_date": "2027-07-01"},
    )
    assert a.reviews.get(kind="final").scheduled_date == dt.date(2027, 7, 1)


def test_saving_an_agreement_outside_the_write_path_leaves_its_reviews():
    """Scheduling is a named step of the write path, not a side effect of ``save()``."""
    a = Agreement(title="x", start_date=dt.date(2022, 1, 1), end_date=dt.date(2024, 1, 1))
    assert services.reviews_follow_dates in REGISTRY["agreements"].save_steps
    assert "schedule_reviews" not in Agreement.save.__code__.co_names
    assert services.planned_reviews(a)  # what the step would schedule


def test_editor_records_agreement_and_sees_mid_term_review(world, login):
    partners = [make("partners", world.daklak) for _ in range(4)]
    client = login("daklak")
    response = client.post(reverse("agreements_add"), agreement_data(world, partners))
    assert response.status_code == 302, response.content.decode()[:2000]
    agreement = Agreement.objects.get(title__startswith="Thỏa thuận hợp tác vì hòa bình")
    assert agreement.partners.count() == 4
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "29/12/2024" in page  # mid-term: half of 01/07/2022–30/06/2027 (912 days)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"end_date": "2021-01-01"}, "end_date"),
        ({"partners": []}, "partners"),
        ({"units": []}, "units"),
    ],
)
def test_bad_agreement_input_gets_a_message_and_changes_nothing(world, login, change, field):
    partners = [make("partners", world.daklak)]
    client = login("daklak")
    before = Agreement.objects.count()
    response = client.post(reverse("agreements_add"), agreement_data(world, partners, **change))
    assert response.status_code == 400
    text = response.content.decode()
    assert f'id="field-{field}"' in text
    start = text.index(f'id="field-{field}"')
    assert 'class="error"' in text[start : start + 3000]
    assert Agreement.objects.count() == before


def test_only_an_approver_closes_a_held_review(world):
    a = make("agreements", world.daklak)
    review = a.reviews.get(kind="mid_term")
    editor, lead = world.user("daklak"), world.user("daklak_lead")
    services.review_hold(
        review=review,
        held_date=dt.date(2024, 6, 27),
        findings="Hai bên thực hiện tốt",
        rating=4,
        acting_user=editor,
    )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.review_close(review=review, acting_user=editor)
    services.review_close(review=review, acting_user=lead)
    review.refresh_from_db()
    assert review.state == Review.State.CLOSED and review.closed_by == lead


def test_closing_a_review_that_was_not_held_explains_why(world, login):
    a = make("agreements", world.daklak)
    review = a.reviews.get(kind="final")
    client = login("daklak_lead")
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Kỳ đánh giá chưa được tổ chức" not in page  # the message comes from the POST
    response = client.post(reverse("review_close", args=[review.pk]), follow=True)
    review.refresh_from_db()
    assert review.state == Review.State.SCHEDULED
    assert "Kỳ đánh giá chưa được tổ chức: hãy nhập ngày tổ chức." in response.content.decode()
