"""A trip recorded in one form: its events inline (inheriting partners, agreement,
units and places), its gifts inline (several recipients), the review held by its review
meeting never moved silently, and the warning before saving a likely duplicate."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from doingoai.activities.models import Activity
from doingoai.agreements.models import Review
from doingoai.core.samples import make
from doingoai.resources.models import Resource


def _meeting(client, world, review, day, **extra):
    data = {
        "title": f"Hội nghị sơ kết {day}",
        "kind": "review_meeting",
        "format": "in_person",
        "start_date": day,
        "unit": world.daklak.pk,
        "units": [world.daklak.pk],
        "review": review.pk,
    }
    data.update(extra)
    return client.post(reverse("activities_add"), data)


def test_a_second_meeting_asks_before_moving_a_review_already_held(world, login):
    agreement = make("agreements", world.daklak)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    client = login("daklak")
    assert _meeting(client, world, review, "2024-06-26").status_code == 302
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 6, 26)
    count = Activity.objects.count()
    # a second meeting for the same review: asked, nothing saved, the date stays
    response = _meeting(client, world, review, "2024-09-10")
    assert response.status_code == 400
    page = response.content.decode()
    assert "26/06/2024" in page and 'type="checkbox" name="move_review_date"' in page
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 6, 26)
    assert Activity.objects.count() == count
    # the officer says yes: the date moves, on purpose
    response = _meeting(client, world, review, "2024-09-10", move_review_date="on")
    assert response.status_code == 302, response.content.decode()[:3000]
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 9, 10)


def test_editing_the_meeting_that_held_the_review_moves_it_without_asking(world, login):
    agreement = make("agreements", world.daklak)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    client = login("daklak")
    assert _meeting(client, world, review, "2024-06-26").status_code == 302
    meeting = Activity.objects.get(review=review)
    response = client.post(
        reverse("activities_edit", args=[meeting.pk]),
        {
            "title": meeting.title,
            "kind": "review_meeting",
            "format": "in_person",
            "start_date": "2024-06-27",
            "unit": world.daklak.pk,
            "units": [world.daklak.pk],
            "review": review.pk,
            "version": meeting.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 6, 27)


def _trip(world, agreement, partners, **extra):
    data = {
        "title": "Đoàn công tác sang 4 tỉnh Nam Lào",
        "kind": "delegation_out",
        "format": "in_person",
        "start_date": "2024-06-25",
        "end_date": "2024-07-01",
        "unit": world.daklak.pk,
        "units": [world.daklak.pk],
        "partners": [p.pk for p in partners],
        "agreements": [agreement.pk],
        "places": "Lào, Attapeu\nLào, Chămpasăk, Pakse",
        "events-TOTAL_FORMS": "5",
        "events-INITIAL_FORMS": "0",
        "gifts-TOTAL_FORMS": "3",
        "gifts-INITIAL_FORMS": "0",
        "save_anyway": "False",  # the page's hidden box: the page asks about duplicates
    }
    data.update(extra)
    return data


def test_likely_duplicate_is_asked_then_saved_anyway(world, login):
    agreement = make("agreements", world.daklak)
    partners = list(agreement.partners.all())
    client = login("daklak")
    url = reverse("activities_add")
    assert client.post(url, _trip(world, agreement, partners)).status_code == 302
    count = Activity.objects.count()
    response = client.post(url, _trip(world, agreement, partners, start_date="2024-06-28"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Đoàn công tác sang 4 tỉnh Nam Lào" in page
    assert 'type="checkbox" name="save_anyway"' in page
    assert Activity.objects.count() == count
    # a different kind, or no shared partner, or other dates: no question
    other = _trip(world, agreement, partners, start_date="2024-08-01", end_date="2024-08-03")
    assert client.post(url, other).status_code == 302
    again = _trip(world, agreement, partners, start_date="2024-06-28", save_anyway="on")
    assert client.post(url, again).status_code == 302
    # an import or the API (no question box) is not asked
    quiet = _trip(world, agreement, partners, start_date="2024-06-29")
    del quiet["save_anyway"]
    assert client.post(url, quiet).status_code == 302
    assert Activity.objects.count() == count + 3


def test_events_and_gifts_inline_inherit_from_the_trip(world, login):
    unions = [make("partners", world.daklak) for _ in range(4)]
    agreement = make("agreements", world.daklak, partners=unions)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    partners = list(agreement.partners.all())
    client = login("daklak")
    data = _trip(
        world,
        agreement,
        partners,
        **{
            "events-0-kind": "review_meeting",
            "events-0-title": "Hội nghị sơ kết giữa kỳ",
            "events-0-start_date": "2024-06-26",
            "events-0-review": review.pk,
            "events-1-kind": "workshop",
            "events-1-title": "Hội thảo chia sẻ kinh nghiệm",
            "events-1-start_date": "27/06/2024",
            "events-1-places": "Lào, Sê Kông",
            "gifts-0-title": "Máy may",
            "gifts-0-kind": "in_kind",
            "gifts-0-quantity": "4",
            "gifts-0-unit_value": "10.000.000",
            "gifts-0-currency": "VND",
            "gifts-0-event": "2",
            "gifts-0-recipients": [p.pk for p in partners],
        },
    )
    response = client.post(reverse("activities_add"), data)
    assert response.status_code == 302, response.content.decode()[:4000]
    trip = Activity.objects.get(title="Đoàn công tác sang 4 tỉnh Nam Lào")
    meeting, workshop = trip.events.order_by("start_date")
    assert (meeting.kind, meeting.unit, meeting.start_date) == (
        "review_meeting",
        world.daklak,
        dt.date(2024, 6, 26),
    )
    assert set(meeting.partners.all()) == set(partners)
    assert list(meeting.agreements.all()) == [agreement]
    assert list(meeting.units.all()) == [world.daklak]
    assert [p.subdivision for p in meeting.places.all()] == ["LA-AT", "LA-CH"]
    assert [p.subdivision for p in workshop.places.all()] == ["LA-XE"]
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 6, 26)
    gifts = Resource.objects.filter(title="Máy may").order_by("partner__pk")
    assert [g.partner for g in gifts] == sorted(partners, key=lambda p: p.pk)
    assert {(g.quantity, g.amount, g.activity, g.date, g.agreement) for g in gifts} == {
        (Decimal(1), Decimal(10_000_000), workshop, dt.date(2024, 6, 27), agreement)
    }
    page = client.get(trip.get_absolute_url()).content.decode()
    assert "Hội nghị sơ kết giữa kỳ" in page and "Hội thảo chia sẻ kinh nghiệm" in page


def test_a_bad_event_row_refuses_everything_with_a_message(world, login):
    unions = [make("partners", world.daklak) for _ in range(2)]
    agreement = make("agreements", world.daklak, partners=unions)
    partners = list(agreement.partners.all())
    client = login("daklak")
    count, gifts = Activity.objects.count(), Resource.objects.count()
    data = _trip(
        world,
        agreement,
        partners,
        **{
            "events-0-kind": "workshop",
            "events-0-title": "Hội thảo",
            "events-0-start_date": "2024-06-27",
            "events-0-places": "Xyzland",
            "gifts-0-title": "Máy may",
            "gifts-0-kind": "in_kind",
            "gifts-0-quantity": "3",
            "gifts-0-unit_value": "10000000",
            "gifts-0-currency": "VND",
            "gifts-0-recipients": [p.pk for p in partners[:2]],
        },
    )
    response = client.post(reverse("activities_add"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Xyzland" in page and "3" in page
    assert "chia đều" in page  # 3 machines cannot go evenly to 2 recipients
    assert Activity.objects.count() == count and Resource.objects.count() == gifts


def test_a_third_identical_trip_is_asked_again_naming_both(world, login):
    """Seen on the demo: a third identical trip was saved with no warning. Saving one
    "anyway" does not silence the question for the next: both earlier trips are named."""
    agreement = make("agreements", world.daklak)
    partners = list(agreement.partners.all())
    client = login("daklak")
    url = reverse("activities_add")
    assert client.post(url, _trip(world, agreement, partners)).status_code == 302
    second = _trip(world, agreement, partners, save_anyway="on")
    assert client.post(url, second).status_code == 302
    count = Activity.objects.count()
    with translation.override("vi"):
        response = client.post(url, _trip(world, agreement, partners))
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("Đoàn công tác sang 4 tỉnh Nam Lào” (25/06/2024 – 01/07/2024)") == 2
    assert Activity.objects.count() == count
