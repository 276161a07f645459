"""Filters out of range answer a message, never a server error (pages and API)."""

from __future__ import annotations

import pytest
from django.urls import reverse

LOW = "Đảm bảo giá trị này lớn hơn hoặc bằng với 1900"
HIGH = "Đảm bảo giá trị này là nhỏ hơn hoặc bằng với 2100"
CASES = [
    ("activities_list", {"year": "0"}, LOW),
    ("news_list", {"year": "0"}, LOW),
    ("rates_list", {"year": "0"}, LOW),
    ("resources_list", {"year": "99999999999999999999"}, HIGH),
    ("agreements_list", {"signed_year": "-1"}, LOW),
]


@pytest.mark.parametrize(("name", "query", "message"), CASES)
def test_a_year_out_of_range_is_a_message(name, query, message, world, login):
    response = login("daklak").get(reverse(name), query)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("query", ["year=0", "signed_year=-1", "year=3000"])
def test_the_api_names_the_filter(query, world, client):
    from doingoai.api.models import ApiToken

    _token, text = ApiToken.issue(world.user("daklak"), "t")
    slug = "agreements" if "signed" in query else "activities"
    response = client.get(f"/api/v1/{slug}/?{query}", HTTP_AUTHORIZATION=f"Bearer {text}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == query.split("=")[0]


@pytest.mark.parametrize("offset", ["23080522178205210524520546304", "-1", "x"])
def test_an_offset_out_of_range_is_a_422(offset, world, client):
    from doingoai.api.models import ApiToken

    _token, text = ApiToken.issue(world.user("daklak"), "t")
    response = client.get(f"/api/v1/terms/?offset={offset}", HTTP_AUTHORIZATION=f"Bearer {text}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "offset"
