"""The API's description is worked out once per process and language: asked again it is
the same description, not worked out again; in another language it is its own."""

import json

import pytest
from django.utils import translation

from doingoai.api import api as api_module
from doingoai.api.urls import api

pytestmark = pytest.mark.django_db


def test_the_description_is_worked_out_once_per_language(client, monkeypatch):
    worked_out = []
    real = api_module.NinjaAPI.get_openapi_schema

    def counted(self, **kw):
        worked_out.append(translation.get_language())
        return real(self, **kw)

    monkeypatch.setattr(api_module.NinjaAPI, "get_openapi_schema", counted)
    monkeypatch.setattr(api, "_schemas", {}, raising=False)
    first = client.get("/api/v1/openapi.json", headers={"accept-language": "vi"})
    again = client.get("/api/v1/openapi.json", headers={"accept-language": "vi"})
    assert first.status_code == again.status_code == 200
    assert json.loads(first.content) == json.loads(again.content)
    assert "/api/v1/activities/" in json.loads(first.content)["paths"]
    assert len(worked_out) == 1
    with translation.override("en"):
        english = api.get_openapi_schema(path_prefix="/api/v1/")
    assert (
        worked_out[1:] == ["en"]
        and english["paths"].keys() == json.loads(first.content)["paths"].keys()
    )
