"""Dissolved units (issue 17): a unit whose validity ended is refused for a record
dated after its end, with a message naming its successor; before its end it is kept."""

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.activities.models import Activity
from doingoai.resources.models import Resource


def activity(world, title, start, unit):
    return {
        "title": title,
        "kind": "workshop",
        "format": "in_person",
        "start_date": start,
        "unit": unit.pk,
        "units": [unit.pk],
    }


@pytest.mark.parametrize(
    ("start", "saved"),
    [("10/10/2026", False), ("01/07/2025", False), ("30/06/2025", True), ("15/03/2023", True)],
)
def test_activity_under_a_merged_province_after_its_end_is_refused(world, login, start, saved):
    assert world.phu_yen.valid_to is not None and world.phu_yen.successor is not None
    client = login("daklak")
    title = f"Hội thảo ở Phú Yên {start}"
    with translation.override("vi"):
        response = client.post(
            reverse("activities_add"), activity(world, title, start, world.phu_yen)
        )
    assert Activity.objects.filter(title=title).exists() == saved
    if not saved:
        assert response.status_code == 400
        page = response.content.decode()
        assert "Hội LHPN tỉnh Phú Yên" in page and "30/06/2025" in page
        assert world.phu_yen.successor.name in page and "đơn vị kế tục" in page


def test_resource_under_a_merged_province_names_the_successor(world, login):
    client = login("daklak")
    with translation.override("vi"):
        response = client.post(
            reverse("resources_add"),
            {
                "title": "Máy may cho Phú Yên",
                "direction": "received",
                "kind": "in_kind",
                "quantity": "1",
                "unit_value": "1.000.000",
                "currency": "VND",
                "date": "10/10/2026",
                "stage": "pledged",
                "unit": world.phu_yen.pk,
            },
        )
    assert response.status_code == 400
    assert world.phu_yen.successor.name in response.content.decode()
    assert not Resource.objects.filter(title="Máy may cho Phú Yên").exists()
