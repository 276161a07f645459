"""Bad input answers a message naming what is wrong and writes nothing: never a 500.

The table of the hardening probe (issue 20): each row is a request that answered 500
(or a misleading 200) before; now a 4xx with the field or the limit named."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all
from doingoai.core.writing import current_data as _current_data

from .test_generic import json_ready, payload_from

SAMPLES = load_all()

# (kind, changes to a valid payload, the field the 422 names)
API_CASES = [
    ("activities", {"shared_with": [None]}, "shared_with"),
    ("activities", {"shared_with": [[1]]}, "shared_with"),
    ("activities", {"units": [{"id": 1}]}, "units"),
    ("activities", {"title": "BAD\ud800"}, "title"),
    ("activities", {"partners": [100000000000000000000]}, "partners"),
    ("activities", {"start_date": "9999-12-31", "end_date": "9999-12-31"}, "start_date"),
    ("activities", {"start_date": "0001-01-01"}, "start_date"),
    ("resources", {"date": "9999-12-31"}, "date"),
    ("agreements", {"end_date": "9999-12-31"}, "end_date"),
    ("agreements", {"notes": "BAD\udfff tail"}, "notes"),
    ("rates", {"date": "0001-01-01"}, "date"),
    ("rates", {"currency": "XXX"}, "currency"),
    ("resources", {"currency": "XTS"}, "currency"),
]


@pytest.mark.parametrize(("slug", "change", "field"), API_CASES)
def test_api_refuses_bad_values_naming_the_field(slug, change, field, world, api):
    kind = REGISTRY[slug]
    username = "admin" if slug == "rates" else "daklak"
    obj = SAMPLES[slug](world.daklak)
    data = {**payload_from(kind, obj, world.user(username)), **change}
    count = kind.model._default_manager.count()
    response = api.post(f"/api/v1/{slug}/", data, as_=username)
    assert response.status_code in (400, 422), response.content[:300]
    fields = [e["field"] for e in response.json()["errors"]]
    assert field in fields, response.json()
    assert kind.model._default_manager.count() == count


def test_api_body_that_is_not_json_is_a_json_400(world, api, client, token):
    response = client.post(
        "/api/v1/activities/",
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token('daklak')}"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


# (URL name, its arguments, query, status, words the answer holds)
PAGE_CASES = [
    ("reports_unit", "daklak", {"format": "pdf", "year": "1"}, 400, "1900"),
    ("reports_unit", "daklak", {"format": "docx", "year": "99999999999999999999"}, 400, "2100"),
    ("reports_unit", "daklak", {"format": "xlsx", "year": "0"}, 400, "1900"),
    ("dashboard", None, {"year": "1"}, 400, "1900"),
    ("reports_index", None, {"year": "10000"}, 400, "2100"),
    ("activities_export", "csv", {"year": "0"}, 400, "1900"),
    ("partners_export", "xlsx", {"country": "ZZZ"}, 400, "ZZZ"),
    ("activities_list", None, {"page": "99999999999999999999999"}, 200, ""),
    ("news_list", None, {"page": "99999999999999999999999"}, 200, ""),
]


@pytest.mark.parametrize(("name", "arg", "query", "status", "words"), PAGE_CASES)
def test_pages_answer_bad_parameters_with_a_message(name, arg, query, status, words, world, login):
    args = [world.daklak.pk] if arg == "daklak" else [arg] if arg else []
    response = login("daklak").get(reverse(name, args=args), query)
    assert response.status_code == status
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert words in body.decode()


@pytest.mark.parametrize(
    ("slug", "field", "value"),
    [
        ("activities", "start_date", "9999-12-31"),
        ("resources", "date", "9999-12-31"),
        ("agreements", "end_date", "9999-12-31"),
        ("agreements", "signed_date", "0001-01-01"),
    ],
)
def test_edit_page_refuses_a_date_out_of_range(slug, field, value, world, login):
    kind = REGISTRY[slug]
    obj = SAMPLES[slug](world.daklak)
    data = json_ready(_current_data(kind, obj, world.user("daklak")))
    data = {k: v for k, v in data.items() if v is not None}
    data[field] = value
    before = type(obj)._default_manager.filter(pk=obj.pk).values().first()
    response = login("daklak").post(reverse(f"{slug}_edit", args=[obj.pk]), data)
    assert response.status_code == 400  # the form again, with the message at the field
    assert "01/01/1900" in response.content.decode() and "31/12/2100" in response.content.decode()
    assert type(obj)._default_manager.filter(pk=obj.pk).values().first() == before


@pytest.mark.parametrize(
    ("slug", "field"),
    [("activities", "notes"), ("activities", "outcomes"), ("partners", "description")],
)
def test_a_text_past_its_limit_is_refused_with_the_limit(slug, field, world, api):
    kind = REGISTRY[slug]
    obj = SAMPLES[slug](world.daklak)
    data = {**payload_from(kind, obj, world.user("daklak")), field: "x" * 10_001}
    count = kind.model._default_manager.count()
    response = api.post(f"/api/v1/{slug}/", data, as_="daklak")
    assert response.status_code == 422
    error = next(e for e in response.json()["errors"] if e["field"] == field)
    assert "10.000" in error["message"] or "10000" in error["message"]
    assert kind.model._default_manager.count() == count
