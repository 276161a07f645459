"""An article about a trip drafts the trip with its events inside: reviewed on the
news review page, created on confirm through the one write path. Tested on a real
published article (tests/news/real, from bench/news/corpus)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse

from doingoai.activities.models import Activity
from doingoai.news.models import NewsItem

from .test_news_pages import form_values, paste, review_data, review_html

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "real"
TRIP = (REAL / "075_chuyen-xe-huu-nghi.txt").read_text(encoding="utf-8")
TRIP_URL = (
    "https://phunuvietnam.vn/print/chuyen-xe-huu-nghi-tiep-tuc-hanh-trinh-tai-campuchia-32442.htm"
)


def trip_review_data(item, user) -> dict:
    """The review page as posted unchanged, with the trip's proposed events."""
    from doingoai.activities.forms import ActivityForm
    from doingoai.news import services

    data = review_data(item, user)
    draft = services.draft_from_item(item, user)
    form = ActivityForm(initial=draft["initial"], user=user)
    events = next(i for i in form.inlines if i.prefix == "events")
    events.propose(draft["events"], extra=1)
    data.update(form_values(events.formset))
    return data


def test_a_trip_article_drafts_the_trip_with_its_events(world, login):
    client = login("admin")
    response = paste(client, text=TRIP, published="2017-09-10", source_url=TRIP_URL)
    item = NewsItem.objects.get()
    assert response["Location"] == reverse("news_review", args=[item.pk])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="inline-events"' in html
    assert "Lễ mít tinh kỷ niệm Năm đoàn kết hữu nghị Việt Nam - Lào" in html
    assert "Hội đàm giữa Hội LHPN Việt Nam và Hội LHPN Lào" in html

    user = world.user("admin")
    data = trip_review_data(item, user)
    # the officer leaves out a row she does not want (a treaty named in a sentence)
    for n in range(int(data["events-TOTAL_FORMS"])):
        if data.get(f"events-{n}-title", "").startswith("Ký kết Hiệp ước"):
            for key in ("title", "start_date", "end_date", "kind"):
                data[f"events-{n}-{key}"] = ""
    before = Activity.objects.count()
    response = client.post(reverse("news_review", args=[item.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]

    trip = Activity.objects.get(title=item.title)
    assert trip.kind == "delegation_out" and trip.parent is None
    events = {e.title: e for e in trip.events.all()}
    ceremony = events["Lễ mít tinh kỷ niệm Năm đoàn kết hữu nghị Việt Nam - Lào"]
    assert (ceremony.kind, ceremony.start_date) == ("ceremony", dt.date(2017, 9, 6))
    talks = next(e for t, e in events.items() if t.startswith("Hội đàm giữa"))
    assert talks.start_date == dt.date(2017, 9, 7)
    assert not any(t.startswith("Ký kết Hiệp ước") for t in events)
    assert Activity.objects.count() == before + 1 + len(events)
    # each event is a record of its own, in the trip's unit, written through the one
    # write path (its history names the officer who confirmed)
    assert {e.unit_id for e in events.values()} == {trip.unit_id}
    for event in events.values():
        assert event.history.get().history_user == user
    assert trip.start_date <= ceremony.start_date
    assert TRIP_URL in trip.press_links
    item.refresh_from_db()
    assert item.activity == trip


def test_a_single_event_article_has_no_trip_rows(world, login):
    text = (Path(__file__).parent / "corpus" / "002_unwomen_ky_ket.txt").read_text("utf-8")
    client = login("daklak")
    paste(client, text=text, published="2024-07-03")
    item = NewsItem.objects.get()
    from doingoai.news.services import draft_from_item

    draft = draft_from_item(item, world.user("daklak"))
    assert draft["initial"]["kind"] == "signing"
    assert draft["events"] == []
    html = review_html(client, item)
    assert 'id="inline-events"' not in html


def test_an_event_row_with_a_mistake_saves_nothing(world, login):
    client = login("admin")
    paste(client, text=TRIP, published="2017-09-10", source_url=TRIP_URL)
    item = NewsItem.objects.get()
    data = trip_review_data(item, world.user("admin"))
    data["events-0-start_date"] = ""  # the ceremony's date cleared, its title kept
    before = Activity.objects.count()
    response = client.post(reverse("news_review", args=[item.pk]), data)
    assert response.status_code == 400
    assert 'id="inline-events"' in response.content.decode()  # the rows shown again
    assert Activity.objects.count() == before
    item.refresh_from_db()
    assert item.activity is None


def test_an_event_whose_year_would_be_guessed_is_not_dated():
    from doingoai.news.services import trip_events

    body = (
        "Đoàn Hội LHPN tỉnh Quảng Trị thăm tỉnh Salavan\n"
        "Ngày 6/9, đoàn dự Lễ mít tinh kỷ niệm hữu nghị Việt Nam - Lào tại thủ đô Viêng Chăn."
    )
    event = {"kind": "ceremony", "label": "Lễ mít tinh kỷ niệm hữu nghị Việt Nam - Lào"}
    ex = {"kind": "delegation_out", "events": [event]}
    near = trip_events(NewsItem(body=body, published=dt.date(2017, 9, 10)), ex)
    assert [e["start_date"] for e in near] == [dt.date(2017, 9, 6)]
    # published on 1 March: last September or this one; the officer dates the event
    assert trip_events(NewsItem(body=body, published=dt.date(2018, 3, 1)), ex) == []
