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


def _form_values(page: str) -> dict:
    """What the page's record form posts as it stands (lxml reads the fields)."""
    import lxml.html

    form = next(f for f in lxml.html.fromstring(page).forms if "title" in f.fields)
    values: dict = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return {k: v[0] if len(v) == 1 else v for k, v in values.items()}


def _recorded_trip(world, login):
    """The seed trip, recorded through the form with one event and one gift."""
    unions = [make("partners", world.daklak) for _ in range(2)]
    agreement = make("agreements", world.daklak, partners=unions)
    partners = list(agreement.partners.all())
    client = login("daklak")
    data = _trip(
        world,
        agreement,
        partners,
        **{
            "events-0-kind": "workshop",
            "events-0-title": "Hội thảo chia sẻ kinh nghiệm",
            "events-0-start_date": "27/06/2024",
            "events-0-places": "Lào, Sê Kông",
            "gifts-0-title": "Máy may",
            "gifts-0-kind": "in_kind",
            "gifts-0-quantity": "1",
            "gifts-0-unit_value": "10.000.000",
            "gifts-0-currency": "VND",
            "gifts-0-event": "1",
            "gifts-0-recipients": [partners[0].pk],
        },
    )
    assert client.post(reverse("activities_add"), data).status_code == 302
    trip = Activity.objects.get(title="Đoàn công tác sang 4 tỉnh Nam Lào")
    return client, trip, partners


def test_editing_a_trip_shows_its_events_and_gifts_in_the_rows(world, login):
    client, trip, partners = _recorded_trip(world, login)
    (workshop,) = trip.events.all()
    gift = Resource.objects.get(title="Máy may")
    edit = reverse("activities_edit", args=[trip.pk])
    values = _form_values(client.get(edit).content.decode())
    assert values["events-INITIAL_FORMS"] == "1" and values["events-TOTAL_FORMS"] == "6"
    assert (values["events-0-id"], values["events-0-title"]) == (
        str(workshop.pk),
        "Hội thảo chia sẻ kinh nghiệm",
    )
    assert values["events-0-start_date"] == "27/06/2024"
    assert values["events-0-places"] == "LA, LA-XE"
    assert (values["gifts-0-id"], values["gifts-0-title"]) == (str(gift.pk), "Máy may")
    assert values["gifts-0-recipients"] == str(partners[0].pk)
    assert values["gifts-0-event"] == "1"

    # saved as it stands: nothing made twice, nothing saved again
    versions = (workshop.version, gift.version)
    assert client.post(edit, values).status_code == 302
    assert trip.events.count() == 1 and Resource.objects.filter(title="Máy may").count() == 1
    workshop.refresh_from_db()
    gift.refresh_from_db()
    assert (workshop.version, gift.version) == versions

    # the event moved a day and renamed, a second event typed, the gift to two unions
    values = _form_values(client.get(edit).content.decode())
    values.update(
        {
            "events-0-title": "Hội thảo bình đẳng giới",
            "events-0-start_date": "28/06/2024",
            "events-1-kind": "exhibition",
            "events-1-title": "Triển lãm sản phẩm",
            "events-1-start_date": "29/06/2024",
            "gifts-0-quantity": "2",
            "gifts-0-recipients": [str(p.pk) for p in partners],
        }
    )
    response = client.post(edit, values)
    assert response.status_code == 302, response.content.decode()[:4000]
    workshop.refresh_from_db()
    assert (workshop.title, workshop.start_date) == (
        "Hội thảo bình đẳng giới",
        dt.date(2024, 6, 28),
    )
    assert [p.subdivision for p in workshop.places.all()] == ["LA-XE"]  # its own place kept
    assert trip.events.count() == 2
    exhibition = trip.events.get(kind="exhibition")
    assert set(exhibition.partners.all()) == set(partners)  # a new event inherits
    gifts = Resource.objects.filter(title="Máy may").order_by("pk")
    assert [g.partner for g in gifts] == partners
    assert {(g.quantity, g.amount, g.date, g.activity) for g in gifts} == {
        (Decimal(1), Decimal(10_000_000), dt.date(2024, 6, 28), workshop)
    }
    assert gifts[0].pk == gift.pk  # the gift recorded is the first, not made again


def test_a_stale_or_foreign_row_saves_nothing_with_a_message(world, login):
    client, trip, partners = _recorded_trip(world, login)
    (workshop,) = trip.events.all()
    edit = reverse("activities_edit", args=[trip.pk])
    values = _form_values(client.get(edit).content.decode())
    # somebody else renames the event meanwhile
    other = login("daklak_lead")
    other_values = _form_values(
        other.get(reverse("activities_edit", args=[workshop.pk])).content.decode()
    )
    other_values["title"] = "Hội thảo (đã sửa)"
    assert (
        other.post(reverse("activities_edit", args=[workshop.pk]), other_values).status_code == 302
    )
    client = login("daklak")
    values["events-0-title"] = "Hội thảo của tôi"
    values["title"] = "Đoàn công tác (đổi tên)"
    response = client.post(edit, values)
    assert response.status_code == 400
    assert "reload the form" in response.content.decode() or "tải lại" in response.content.decode()
    workshop.refresh_from_db()
    trip.refresh_from_db()
    assert (
        workshop.title == "Hội thảo (đã sửa)" and trip.title == "Đoàn công tác sang 4 tỉnh Nam Lào"
    )

    # a row naming a record that is not this trip's: refused, nothing saved
    stranger = make("activities", world.daklak, title="Một hoạt động khác")
    values = _form_values(client.get(edit).content.decode())
    values["events-0-id"] = str(stranger.pk)
    values["events-0-title"] = "Chiếm chỗ"
    response = client.post(edit, values)
    assert response.status_code == 400
    stranger.refresh_from_db()
    assert stranger.title == "Một hoạt động khác" and stranger.parent_id is None


def test_a_gift_follows_its_event_and_a_new_gift_goes_to_an_event_already_there(world, login):
    client, trip, partners = _recorded_trip(world, login)
    (workshop,) = trip.events.all()
    edit = reverse("activities_edit", args=[trip.pk])
    values = _form_values(client.get(edit).content.decode())
    values["events-0-start_date"] = "30/06/2024"  # only the event's date changes
    assert client.post(edit, values).status_code == 302
    assert Resource.objects.get(title="Máy may").date == dt.date(2024, 6, 30)

    values = _form_values(client.get(edit).content.decode())
    values.update(  # a new gift at the event of row 1, which is not changed
        {
            "gifts-1-title": "Xe đạp",
            "gifts-1-quantity": "2",
            "gifts-1-unit_value": "3.000.000",
            "gifts-1-event": "1",
            "gifts-1-recipients": [str(p.pk) for p in partners],
        }
    )
    response = client.post(edit, values)
    assert response.status_code == 302, response.content.decode()[:4000]
    bikes = Resource.objects.filter(title="Xe đạp")
    assert {(b.activity, b.date, b.quantity) for b in bikes} == {
        (workshop, dt.date(2024, 6, 30), Decimal(1))
    }
    assert {b.partner for b in bikes} == set(partners)


def test_an_event_or_a_gift_is_removed_from_its_row(world, login):
    client, trip, partners = _recorded_trip(world, login)
    (workshop,) = trip.events.all()
    gift = Resource.objects.get(title="Máy may")
    edit = reverse("activities_edit", args=[trip.pk])
    values = _form_values(client.get(edit).content.decode())
    assert "gifts-1-remove" not in client.get(edit).content.decode()  # new rows: nothing
    # the event removed while its gift stays there: asked to move the gift, nothing done
    values["events-0-remove"] = "on"
    response = client.post(edit, values)
    assert response.status_code == 400
    assert "Dòng 1 của danh sách sự kiện đang trống." in response.content.decode()
    assert Activity.objects.filter(pk=workshop.pk).exists()
    # the gift moved to the trip itself: the event goes, the gift stays
    values["gifts-0-event"] = "0"
    response = client.post(edit, values)
    assert response.status_code == 302, response.content.decode()[:4000]
    assert not Activity.objects.filter(pk=workshop.pk).exists()
    gift.refresh_from_db()
    assert (gift.activity, gift.date) == (trip, dt.date(2024, 6, 25))
    # and the gift removed
    values = _form_values(client.get(edit).content.decode())
    values["gifts-0-remove"] = "on"
    assert client.post(edit, values).status_code == 302
    assert not Resource.objects.filter(pk=gift.pk).exists()


def test_a_trip_s_events_and_gifts_are_read_within_the_scope_not_over_it(world):
    """The events and gifts of a trip in its form are the scope narrowed to the trip,
    not ``pk IN (<every record in the scope>)``: a system administrator's scope is every
    record, which SQLite listed first on every read of the form (a save took 1 s at 1M,
    36 ms since)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from doingoai.activities.inlines import editable_events

    trip = make("activities", world.daklak)
    event = make("activities", world.daklak, parent=trip)
    for name in ("admin", "daklak"):
        with CaptureQueriesContext(connection) as ctx:
            assert [e.pk for e in editable_events(trip, world.user(name))] == [event.pk]
        column = '"activities_activity"."parent_id"'
        sql = next(q["sql"] for q in ctx.captured_queries if column in q["sql"])
        assert sql.count('FROM "activities_activity"') == 1, sql


def _review_boxes(page: str) -> dict[str, bool]:
    """Whether the trip's review field and the first event row's are hidden on the page
    as the server sends it (before any script runs)."""
    import re

    trip = re.search(r'<div class="field[^"]*" id="field-review"( hidden)?>', page)
    row = re.search(r'data-field="review"( hidden)?>', page)
    assert trip, "the review field is on the page"
    return {"trip": bool(trip.group(1)), "row": bool(row.group(1)) if row else None}


def test_the_review_field_is_hidden_from_the_start_unless_the_kind_is_a_review_meeting(
    world, login
):
    """A field that does not apply is never on screen, not even before trip.js runs."""
    agreement = make("agreements", world.daklak)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    client = login("daklak")
    page = client.get(reverse("activities_add")).content.decode()
    assert _review_boxes(page) == {"trip": True, "row": True}
    # a review meeting shows its review field when edited
    assert _meeting(client, world, review, "2024-06-26").status_code == 302
    meeting = Activity.objects.get(review=review)
    page = client.get(reverse("activities_edit", args=[meeting.pk])).content.decode()
    assert _review_boxes(page)["trip"] is False
    # a form sent back with an error on the review shows it, whatever the kind
    response = _meeting(client, world, review, "2024-09-10", kind="workshop")
    page = response.content.decode()
    assert response.status_code == 400 and "26/06/2024" in page
    assert _review_boxes(page)["trip"] is False
