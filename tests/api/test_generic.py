"""Walk every record kind exposed by the API: scope, validation, stale updates and
the happy path, for every endpoint. Driven by the registry and the samples
(``samples.py``): a new kind is covered without editing this file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import ProtectedError

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all
from doingoai.core.writing import current_data as _current_data
from generic.expectations import EXPECT, rule_of

SAMPLES = load_all()
KINDS = sorted(slug for slug, kind in REGISTRY.items() if kind.api)
Y = 200
# What the Đắk Lắk editor gets for a Hà Nội record, by scope rule: (read, change)
FOREIGN = {
    "unit": (404, 404),
    "tree": (404, 404),
    "users": (404, 404),
    "directory": (200, 403),
    "reference": (200, 403),
}


def url(slug, pk=None):
    return f"/api/v1/{slug}/" + (f"{pk}/" if pk else "")


def editor_for(slug, action="change") -> str:
    """The demo user who may do ``action`` with a Đắk Lắk record of this kind."""
    rule = rule_of(REGISTRY[slug].model)
    return "daklak" if EXPECT[rule][action]["daklak"] == Y else "admin"


def snapshot(obj):
    return type(obj)._base_manager.filter(pk=obj.pk).values().first()


def json_ready(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif hasattr(value, "as_tuple"):  # Decimal
            value = str(value)
        out[key] = value
    return out


def payload_from(kind, obj, user) -> dict:
    """A full write payload equal to the record, as the form sees it."""
    data = json_ready(_current_data(kind, obj, user))
    data.pop("version", None)
    for name in list(data):
        field = (
            kind.model._meta.get_field(name)
            if name in {f.name for f in kind.model._meta.get_fields()}
            else None
        )
        if field is not None and getattr(field, "unique", False) and not field.primary_key:
            value = data[name]
            data[name] = value + 9000 if isinstance(value, int) else f"{value}9"
        if name == "code":
            data[name] = f"{data[name]}9"
    return data


def test_every_api_kind_has_a_sample():
    assert not [slug for slug in KINDS if slug not in SAMPLES]


@pytest.mark.parametrize("slug", KINDS)
def test_without_a_token_is_401(slug, world, api):
    obj = SAMPLES[slug](world.daklak)
    before = snapshot(obj)
    for method, target, data in (
        ("get", url(slug), None),
        ("get", url(slug, obj.pk), None),
        ("post", url(slug), {"notes": "x"}),
        ("patch", url(slug, obj.pk), {"notes": "x"}),
        ("put", url(slug, obj.pk), {"notes": "x"}),
        ("delete", url(slug, obj.pk), None),
    ):
        response = api.call(method, target, data)
        assert response.status_code == 401, (method, target, response.content)
        body = response.json()
        assert body["code"] == "unauthenticated" and body["message"]
        assert response["WWW-Authenticate"].startswith("Bearer")
        bad = api.call(method, target, data, headers={"Authorization": "Bearer dgo_nope_x"})
        assert bad.status_code == 401
    assert snapshot(obj) == before


@pytest.mark.parametrize("slug", KINDS)
def test_another_province_cannot_read_or_change(slug, world, api):
    """A Đắk Lắk token never reads or changes Hà Nội's records; a list never shows them."""
    kind = REGISTRY[slug]
    rule = rule_of(kind.model)
    obj = SAMPLES[slug](world.hanoi)
    before = snapshot(obj)
    read, change = FOREIGN[rule]
    assert api.get(url(slug, obj.pk), as_="daklak").status_code == read
    listing = api.get(url(slug), as_="daklak", ordering="-id", limit=500)
    assert listing.status_code == 200
    ids = {item["id"] for item in listing.json()["results"]}
    assert (obj.pk in ids) == (read == 200)
    full = {**payload_from(kind, obj, world.user("admin")), "version": obj.version}
    for method, data in (
        ("patch", {"notes": "x", "version": obj.version}),
        ("put", full),
        ("delete", None),
    ):
        response = api.call(
            method, url(slug, obj.pk), data, as_="daklak", headers={"If-Match": f'"{obj.version}"'}
        )
        assert response.status_code == change, (method, response.content)
        assert response.json()["code"] == ("not_found" if change == 404 else "forbidden")
    assert snapshot(obj) == before


@pytest.mark.parametrize("slug", KINDS)
def test_own_province_scope(slug, world, api):
    """The Đắk Lắk editor reads her records and changes them when her role allows."""
    kind = REGISTRY[slug]
    expect = EXPECT[rule_of(kind.model)]
    obj = SAMPLES[slug](world.daklak)
    response = api.get(url(slug, obj.pk), as_="daklak")
    assert response.status_code == expect["view"]["daklak"]
    assert response["ETag"] == f'"{obj.version}"'
    assert response.json()["version"] == obj.version
    patch = api.patch(url(slug, obj.pk), {"version": obj.version}, as_="daklak")
    assert patch.status_code == expect["change"]["daklak"], patch.content
    other = api.patch(url(slug, obj.pk), {"version": obj.version}, as_="hanoi")
    assert other.status_code == expect["change"]["hanoi"], other.content


@pytest.mark.parametrize("slug", KINDS)
def test_create_read_update_delete(slug, world, api):
    kind = REGISTRY[slug]
    username = editor_for(slug, "add")
    user = world.user(username)
    template = SAMPLES[slug](world.daklak)
    payload = payload_from(kind, template, user)
    try:  # the copy must not look like a duplicate of its template
        template.delete()
    except ProtectedError:
        pass
    count = kind.model._default_manager.count()
    # the list seen before the record exists (and kept by the page cache)
    before = api.get(url(slug), as_=username, ordering="-id", limit=5)
    assert before.status_code == 200
    assert api.get(url(slug), as_=username, ordering="-id", limit=5).json() == before.json()

    created = api.post(url(slug), payload, as_=username)
    assert created.status_code == 201, created.content.decode()[:2000]
    body = created.json()
    assert kind.model._default_manager.count() == count + 1
    pk = body["id"]
    assert created["Location"].endswith(url(slug, pk))
    assert created["ETag"] == f'"{body["version"]}"'
    assert body["display"]

    read = api.get(url(slug, pk), as_=username)
    assert read.status_code == 200
    assert read.json()["id"] == pk
    version = read.json()["version"]

    # PATCH with If-Match
    patched = api.patch(
        url(slug, pk),
        {"notes": "đã sửa qua API"},
        as_=username,
        headers={"If-Match": f'"{version}"'},
    )
    assert patched.status_code == 200, patched.content.decode()[:2000]
    assert patched.json()["version"] == version + 1
    obj = kind.model._default_manager.get(pk=pk)
    if "notes" in kind.get_form_class().base_fields:
        assert obj.notes == "đã sửa qua API"

    # PUT with the version in the body
    full = payload_from(kind, obj, user)
    full.update({k: v for k, v in payload.items() if k in full}, version=obj.version)
    replaced = api.put(url(slug, pk), full, as_=username)
    assert replaced.status_code == 200, replaced.content.decode()[:2000]
    assert replaced.json()["version"] == obj.version + 1

    # it shows in the list, and filtering by the kind's own filterset works
    listing = api.get(url(slug), as_=username, ordering="-id", limit=5)
    assert listing.status_code == 200
    page = listing.json()
    assert page["count"] >= 1 and pk in [r["id"] for r in page["results"]]

    deleted = api.delete(url(slug, pk), as_=username)
    assert deleted.status_code == 204, deleted.content.decode()[:2000]
    assert api.get(url(slug, pk), as_=username).status_code == 404
    assert not kind.model._default_manager.filter(pk=pk).exists()
    after = api.get(url(slug), as_=username, ordering="-id", limit=5).json()
    assert pk not in [r["id"] for r in after["results"]]


@pytest.mark.parametrize("slug", KINDS)
def test_validation_errors_name_the_field(slug, world, api):
    kind = REGISTRY[slug]
    username = editor_for(slug)
    obj = SAMPLES[slug](world.daklak)
    before = snapshot(obj)
    form_fields = kind.get_form_class().base_fields
    headers = {"If-Match": f'"{obj.version}"'}

    # a required field emptied: the form's message, with the field's name
    required = next(name for name, f in form_fields.items() if f.required and name != "version")
    response = api.patch(url(slug, obj.pk), {required: None}, as_=username, headers=headers)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "validation_error" and body["message"]
    assert required in [e["field"] for e in body["errors"]], body

    # an end before its start: refused exactly when the page's form refuses it
    if "start_date" in form_fields and "end_date" in form_fields:
        start = getattr(obj, "start_date", None) or dt.date(2024, 1, 10)
        change = {"start_date": start, "end_date": start - dt.timedelta(days=1)}
        form_data = {**_current_data(kind, obj, world.user(username)), **change}
        form = kind.get_form_class()(form_data, instance=obj, user=world.user(username))
        form_refuses = not form.is_valid()
        response = api.patch(url(slug, obj.pk), json_ready(change), as_=username, headers=headers)
        assert response.status_code == (422 if form_refuses else 200), response.content
        if form_refuses:
            assert "end_date" in [e["field"] for e in response.json()["errors"]]
            assert snapshot(obj) == before
        obj.refresh_from_db()
        before = snapshot(obj)

    # a value of the wrong type, caught before the form
    response = api.patch(url(slug, obj.pk), {"version": "abc"}, as_=username)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "version"

    # a malformed list request
    for params in ({"limit": 0}, {"offset": -1}, {"ordering": "no_such_field"}):
        response = api.get(url(slug), as_=username, **params)
        assert response.status_code == 422, params
        assert response.json()["errors"][0]["field"] in params
    assert snapshot(obj) == before


@pytest.mark.parametrize("slug", KINDS)
def test_stale_updates_change_nothing(slug, world, api):
    kind = REGISTRY[slug]
    username = editor_for(slug)
    obj = SAMPLES[slug](world.daklak)
    read = api.get(url(slug, obj.pk), as_=username)
    version = read.json()["version"]
    etag = read["ETag"]

    # no version at all: refused
    response = api.patch(url(slug, obj.pk), {"notes": "x"}, as_=username)
    assert response.status_code == 428
    assert response.json()["code"] == "version_required"

    # somebody else saves first
    first = api.patch(
        url(slug, obj.pk), {"notes": "lần một"}, as_=username, headers={"If-Match": etag}
    )
    assert first.status_code == 200, first.content
    after_first = snapshot(obj)

    stale_header = api.patch(
        url(slug, obj.pk), {"notes": "lần hai"}, as_=username, headers={"If-Match": etag}
    )
    assert stale_header.status_code == 412
    assert stale_header.json()["code"] == "stale"
    assert stale_header["ETag"] == f'"{version + 1}"'
    stale_body = api.patch(
        url(slug, obj.pk), {"notes": "lần hai", "version": version}, as_=username
    )
    assert stale_body.status_code == 409
    assert stale_body.json()["code"] == "stale"
    full = payload_from(kind, kind.model._default_manager.get(pk=obj.pk), world.user(username))
    stale_put = api.put(url(slug, obj.pk), {**full, "version": version}, as_=username)
    assert stale_put.status_code == 409
    stale_delete = api.delete(url(slug, obj.pk), as_=username, headers={"If-Match": etag})
    assert stale_delete.status_code == 412
    assert snapshot(obj) == after_first
