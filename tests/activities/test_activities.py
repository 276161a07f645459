"""Activities: places and members through the form, bad input refused with a message,
the review meeting holds the agreement's review, timelines on agreement and partner."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from doingoai.activities.models import Activity
from doingoai.agreements.models import Review
from doingoai.core.samples import make
from doingoai.resources.models import Resource


def _post(client, world, agreement, partner, **extra):
    data = {
        "title": "Đoàn công tác sang 4 tỉnh Nam Lào",
        "kind": "delegation_out",
        "format": "in_person",
        "start_date": "2024-06-25",
        "end_date": "2024-07-01",
        "unit": world.daklak.pk,
        "units": [world.daklak.pk],
        "partners": [partner.pk],
        "agreements": [agreement.pk],
        "places": "Lào, Attapeu\nLA, LA-CH, Pakse",
        "members": "Nguyễn Thị A, Chủ tịch, Hội LHPN tỉnh Đắk Lắk",
        "topics": "bình đẳng giới, công tác cán bộ nữ",
    }
    data.update(extra)
    return client.post(reverse("activities_add"), data)


def test_delegation_with_two_places_and_members(world, login):
    agreement = make("agreements", world.daklak)
    partner = agreement.partners.first()
    client = login("daklak")
    response = _post(client, world, agreement, partner)
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get(title="Đoàn công tác sang 4 tỉnh Nam Lào")
    assert [(p.country, p.subdivision, p.city) for p in activity.places.all()] == [
        ("LA", "LA-AT", ""),
        ("LA", "LA-CH", "Pakse"),
    ]
    assert activity.members.get().position == "Chủ tịch"
    assert "champasak" in activity.search_text and "attapeu" in activity.search_text
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Pakse" in page and "Attapeu" in page
    # the form shows the places again and saving it unchanged keeps them
    edit = client.get(reverse("activities_edit", args=[activity.pk])).content.decode()
    assert "LA, LA-CH, Pakse" in edit
    agreement_page = client.get(agreement.get_absolute_url()).content.decode()
    assert activity.get_absolute_url() in agreement_page
    partner_page = client.get(partner.get_absolute_url()).content.decode()
    assert activity.get_absolute_url() in partner_page


def test_end_before_start_is_refused_and_changes_nothing(world, login):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    count = Activity.objects.count()
    response = _post(client, world, agreement, agreement.partners.first(), end_date="2024-06-20")
    assert response.status_code == 400
    page = response.content.decode()
    assert "20/06/2024" in page and "25/06/2024" in page
    assert Activity.objects.count() == count


def test_unknown_subdivision_is_refused_and_changes_nothing(world, login):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    count = Activity.objects.count()
    response = _post(
        client,
        world,
        agreement,
        agreement.partners.first(),
        places="Lào, Attapeu\nLào, Hà Giang, Pakse",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Hà Giang" in page and "ISO 3166-2" in page
    assert Activity.objects.count() == count
    response = _post(client, world, agreement, agreement.partners.first(), places="Xyzland")
    assert response.status_code == 400 and "Xyzland" in response.content.decode()


def test_review_meeting_fills_the_review_date(world, login):
    agreement = make("agreements", world.daklak)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    assert review.held_date is None
    client = login("daklak")
    response = client.post(
        reverse("activities_add"),
        {
            "title": "Hội nghị sơ kết giữa nhiệm kỳ",
            "kind": "review_meeting",
            "format": "in_person",
            "start_date": "2024-06-26",
            "unit": world.daklak.pk,
            "units": [world.daklak.pk],
            "review": review.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    review.refresh_from_db()
    assert review.held_date == dt.date(2024, 6, 26)
    assert review.state == Review.State.HELD
    meeting = Activity.objects.get(title="Hội nghị sơ kết giữa nhiệm kỳ")
    assert list(meeting.agreements.all()) == [agreement]


def test_only_a_review_meeting_holds_a_review(world, login):
    agreement = make("agreements", world.daklak)
    review = agreement.reviews.get(kind=Review.Kind.MID_TERM)
    client = login("daklak")
    response = client.post(
        reverse("activities_add"),
        {
            "title": "Hội thảo",
            "kind": "workshop",
            "format": "in_person",
            "start_date": "2024-06-26",
            "unit": world.daklak.pk,
            "review": review.pk,
        },
    )
    assert response.status_code == 400
    review.refresh_from_db()
    assert review.held_date is None


def test_agreement_page_shows_activities_and_resources_on_one_timeline(world, login):
    agreement = make("agreements", world.daklak)
    activity = make("activities", world.daklak, partners=list(agreement.partners.all()))
    activity.agreements.add(agreement)
    resource = Resource.objects.create(
        title="Tặng 4 bộ máy may",
        direction="given",
        kind="in_kind",
        quantity=Decimal(4),
        unit_value=Decimal(10_000_000),
        currency="VND",
        date=dt.date(2024, 6, 25),
        unit=world.daklak,
        agreement=agreement,
        activity=activity,
    )
    page = login("daklak").get(agreement.get_absolute_url()).content.decode()
    assert activity.get_absolute_url() in page
    assert resource.get_absolute_url() in page
    assert "40.000.000 ₫" in page
    # the Hà Nội viewer sees neither
    hidden = login("hanoi").get(activity.get_absolute_url())
    assert hidden.status_code == 404


def test_list_row_shows_the_activity_as_an_officer_reads_it(world, login):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    assert _post(client, world, agreement, agreement.partners.first()).status_code == 302
    activity = Activity.objects.get(title="Đoàn công tác sang 4 tỉnh Nam Lào")
    page = client.get(reverse("activities_list"), {"kind": "delegation_out"}).content.decode()
    link = f'<a href="{activity.get_absolute_url()}">Đoàn công tác sang 4 tỉnh Nam Lào</a>'
    # the linked title, then in the same row the kind's Vietnamese label, the dates
    # (dd/mm/yyyy), the unit and the places
    row = page[page.index(link) :]
    row = row[: row.index("</tr>")]
    assert "Đoàn ra" in row and "25/06/2024" in row and "01/07/2024" in row
    assert world.daklak.name in row and "Pakse" in row and "Attapeu" in row
