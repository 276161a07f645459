"""The API's description is as strict as the server where a JSON schema can say it: a
body the description allows is not refused for its form (unknown fields, decimals as
text, dates out of 1900–2100, empty required text, countries, currencies, web addresses,
an agreement without its parties), and what the server refuses the description refuses
too. (Record numbers naming no record cannot be said in a schema.)"""

from __future__ import annotations

import json

import jsonschema_rs
import pytest

from doingoai.api.urls import api as ninja_api
from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all

from .test_generic import payload_from

SAMPLES = load_all()
# as served: lazy texts (labels) become strings
OPENAPI = json.loads(json.dumps(ninja_api.get_openapi_schema(path_prefix="/api/v1/"), default=str))


def _schema(slug: str, suffix: str = "In") -> dict:
    name = REGISTRY[slug].model.__name__ + suffix
    return OPENAPI["components"]["schemas"][name]


def _valid(schema: dict, data: dict) -> bool:
    return jsonschema_rs.validator_for(schema).is_valid(data)


# (kind, a change to a good payload the server refuses, the field its 422 names)
REFUSED = [
    ("partners", {"no_such_field": "x"}, "no_such_field"),  # not silently dropped
    ("resources", {"unit_value": "mười"}, "unit_value"),
    ("resources", {"unit_value": "1.234"}, "unit_value"),  # 2 decimal places
    ("resources", {"quantity": "1234567890123"}, "quantity"),  # 14 digits, 2 decimal
    ("resources", {"date": "1899-12-31"}, "date"),
    ("resources", {"date": "2101-01-01"}, "date"),
    ("resources", {"currency": "Held"}, "currency"),
    ("resources", {"unit_value": "-5"}, "unit_value"),  # the model's own rule
    ("resources", {"unit_value": -5}, "unit_value"),
    ("resources", {"quantity": "-1"}, "quantity"),
    ("resources", {"notes": "nul \x00 inside"}, "notes"),
    ("resources", {"beneficiaries_count": -1}, "beneficiaries_count"),
    ("partners", {"name_vi": "   "}, "name_vi"),
    ("partners", {"country": "Atlantis"}, "country"),
    ("partners", {"website": "not a web address"}, "website"),
    ("partners", {"email": "lwu at lwu.org.la"}, "email"),
    ("partners", {"acronym": "x" * 41}, "acronym"),
    ("partners", {"aliases": ["nul \x00 inside"]}, "aliases"),
    ("activities", {"press_links": ["K^,, nowhere"]}, "press_links"),
    ("agreements", {"units": []}, "units"),
    ("agreements", {"partners": []}, "partners"),
    ("agreements", {"unit": 0}, "unit"),
]


@pytest.mark.parametrize(("slug", "change", "field"), REFUSED)
def test_what_the_server_refuses_the_description_refuses(slug, change, field, world, api):
    kind = REGISTRY[slug]
    good = payload_from(kind, SAMPLES[slug](world.daklak), world.user("daklak"))
    schema = _schema(slug)
    assert _valid(schema, good), "the sample record's own payload is described as valid"
    bad = {**good, **change}
    assert not _valid(schema, bad), f"the description allows {change}"
    count = kind.model._default_manager.count()
    response = api.post(f"/api/v1/{slug}/", bad, as_="daklak")
    assert response.status_code == 422, response.content[:300]
    assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert kind.model._default_manager.count() == count


# (kind, a change to a good payload at the edge of what is allowed)
ACCEPTED = [
    ("resources", {"date": "1900-01-01", "unit_value": "0.5", "quantity": 3}),
    ("resources", {"date": "2100-12-31", "unit_value": 999999999999}),
    ("partners", {"website": "https://lwu.org.la/vi/tin-tuc?id=4", "email": "lwu@lwu.org.la"}),
    ("partners", {"website": "", "email": "", "relationship_since": None}),
    (
        "activities",
        {"save_anyway": True, "press_links": ["https://phunuvietnam.vn/bai-viet-1.htm"]},
    ),
]


@pytest.mark.parametrize(("slug", "change"), ACCEPTED)
def test_what_the_description_allows_the_server_takes(slug, change, world, api):
    kind = REGISTRY[slug]
    data = {**payload_from(kind, SAMPLES[slug](world.daklak), world.user("daklak")), **change}
    assert _valid(_schema(slug), data)
    response = api.post(f"/api/v1/{slug}/", data, as_="daklak")
    assert response.status_code == 201, response.content[:300]


def test_a_patch_may_leave_out_any_field_but_not_null_a_required_one(world):
    patch = _schema("agreements", "Patch")
    assert patch.get("required") is None and patch["additionalProperties"] is False
    assert _valid(patch, {"notes": "chỉ sửa ghi chú"})
    assert not _valid(patch, {"title": None}) and not _valid(patch, {"units": []})
