"""Units whose validity has ended (issue 17): record forms, list filters and the picker
search offer only the units valid today (or on the record's own date); the others on
request ("Hiện cả đơn vị đã giải thể/sáp nhập", ``historical=1``); a record or a link
that already names an ended unit keeps it."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.activities.models import Activity


def offered(page: str, name: str) -> set[int]:
    """The unit ids a page's ``<select name=...>`` offers."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no select {name}"
    return {int(v) for v in re.findall(r'<option value="(\d+)"', select.group(1))}


def get(client, url, **params):
    with translation.override("vi"):
        response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def activity_data(title, start, unit, **extra):
    return {
        "title": title,
        "kind": "workshop",
        "format": "in_person",
        "start_date": start,
        "unit": unit.pk,
        "units": [unit.pk],
        **extra,
    }


@pytest.fixture
def old_activity(world, login):
    """An activity of 2023 under Phú Yên, merged into Đắk Lắk on 01/07/2025."""
    client = login("daklak")
    title = "Hội thảo ở Phú Yên năm 2023"
    response = client.post(
        reverse("activities_add"), activity_data(title, "15/03/2023", world.phu_yen)
    )
    assert response.status_code == 302
    return Activity.objects.get(title=title)


def test_a_record_form_offers_only_units_valid_today(world, login):
    client = login("daklak")
    page = get(client, reverse("activities_add"))
    assert world.daklak.pk in offered(page, "unit")
    assert world.phu_yen.pk not in offered(page, "unit")
    assert world.phu_yen.pk not in offered(page, "units")
    assert "Hiện cả đơn vị đã giải thể/sáp nhập" in page


def test_a_record_form_offers_ended_units_on_request(world, login):
    client = login("daklak")
    page = get(client, reverse("activities_add"), historical="1")
    assert world.phu_yen.pk in offered(page, "unit")
    assert world.phu_yen.pk in offered(page, "units")


def test_an_old_record_under_an_ended_unit_shows_and_saves_it(world, login, old_activity):
    client = login("daklak")
    url = reverse("activities_edit", args=[old_activity.pk])
    page = get(client, url)
    assert world.phu_yen.pk in offered(page, "unit")
    assert re.search(rf'<option value="{world.phu_yen.pk}" selected', page)
    response = client.post(
        url,
        activity_data(
            old_activity.title,
            "15/03/2023",
            world.phu_yen,
            version=old_activity.version,
            notes="Đã bổ sung",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    old_activity.refresh_from_db()
    assert old_activity.unit == world.phu_yen and old_activity.notes == "Đã bổ sung"


def test_a_record_dated_in_the_past_offers_the_units_of_its_date(world, login):
    """Edited by the centre, a 2023 activity offers the provinces of 2023 as well."""
    client = login("admin")
    response = client.post(
        reverse("activities_add"),
        activity_data("Hội thảo trung ương 2023", "15/03/2023", world.central),
    )
    assert response.status_code == 302
    old = Activity.objects.get(title="Hội thảo trung ương 2023")
    page = get(client, reverse("activities_edit", args=[old.pk]))
    assert world.phu_yen.pk in offered(page, "unit")
    new = get(client, reverse("activities_add"))
    assert world.phu_yen.pk not in offered(new, "unit")


def test_a_list_filter_offers_only_units_valid_today(world, login, old_activity):
    client = login("daklak")
    page = get(client, reverse("activities_list"))
    assert world.daklak.pk in offered(page, "unit")
    assert world.phu_yen.pk not in offered(page, "unit")
    assert "Hiện cả đơn vị đã giải thể/sáp nhập" in page
    page = get(client, reverse("activities_list"), historical="on")
    assert world.phu_yen.pk in offered(page, "unit")
    assert 'name="historical"' in page and "checked" in page


def test_a_link_filtering_on_an_ended_unit_keeps_working(world, login, old_activity):
    client = login("daklak")
    page = get(client, reverse("activities_list"), unit=world.phu_yen.pk)
    assert world.phu_yen.pk in offered(page, "unit")
    assert old_activity.title in page


def test_the_picker_search_finds_ended_units_only_on_request(world, login):
    client = login("daklak")
    url = reverse("pick", args=["units"])
    found = client.get(url, {"q": "Phú Yên", "format": "json"}).json()["results"]
    assert world.phu_yen.pk not in [r["id"] for r in found]
    found = client.get(url, {"q": "Phú Yên", "format": "json", "historical": "1"}).json()
    assert world.phu_yen.pk in [r["id"] for r in found["results"]]


def test_a_large_unit_picker_asks_for_ended_units_when_the_page_does(world, login, settings):
    settings.PICKER_THRESHOLD = 3
    client = login("admin")
    page = get(client, reverse("activities_add"), historical="1")
    assert "historical=1" in re.search(r'id="id_unit_search"[^>]*', page).group(0)
    page = get(client, reverse("activities_add"))
    assert "historical=1" not in re.search(r'id="id_unit_search"[^>]*', page).group(0)


def test_a_unit_a_form_proposes_after_its_own_setup_stays_chosen(world, login):
    """The agreement form proposes the officer's unit as a Vietnamese party once the
    base form is set up: it is still offered and chosen."""
    client = login("daklak")
    page = get(client, reverse("agreements_add"))
    select = re.search(r'<select[^>]*name="units"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.search(rf'<option value="{world.daklak.pk}" selected', select)


@pytest.mark.parametrize(
    ("params", "phu_yen"),
    [
        ({"year": "2023"}, True),
        ({"year": "2026"}, False),
        ({"start_after": "01/01/2024"}, True),  # from 2024 up to today
        ({"start_after": "01/01/2026"}, False),
        ({"start_before": "31/12/2023"}, True),
        ({"start_after": "01/07/2025", "start_before": "31/12/2025"}, False),
    ],
)
def test_a_list_filtered_on_a_period_offers_the_units_valid_then(world, login, params, phu_yen):
    """The issue: filters offer "only units valid in the period (historical ones on
    request)": a list of 2023 offers Phú Yên and the Đắk Lắk of then (merged into today's
    Đắk Lắk on 01/07/2025), a list of 2026 today's units only."""
    from doingoai.organization.models import Unit

    before = Unit.objects.get(area_name="Đắk Lắk", valid_to__isnull=False)  # to 30/06/2025
    page = get(login("daklak"), reverse("activities_list"), **params)
    units = offered(page, "unit")
    assert (world.phu_yen.pk in units) is phu_yen
    assert (before.pk in units) is phu_yen  # the Đắk Lắk of before the reform, the same
    # today's Đắk Lắk (from 01/07/2025) when the period reaches it
    assert (world.daklak.pk in units) is (
        params not in ({"year": "2023"}, {"start_before": "31/12/2023"})
    )
