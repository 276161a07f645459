"""The scope walk over choices: no filter, picker or form field offers a record its reader
may not see, for every kind and every role.

A record of every kind is made in Đắk Lắk and in Hà Nội; then, for each reader, every
choice field of every kind's filter form and record form must offer only records in her
view scope, the type-ahead picker must find none outside it, and no ``<option>`` of a
list or add page may carry the name of a record she may not see."""

from __future__ import annotations

import re
from html import unescape
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from django.urls import reverse
from tests.conftest import read_again, records_for_the_module

from doingoai.core.bulk import bulk_work
from doingoai.core.registry import REGISTRY
from doingoai.core.samples import load_all

from .expectations import USERS

SAMPLES = load_all()
KINDS = sorted(REGISTRY)
OPTION = re.compile(r'<option value="([^"]+)"[^>]*>([^<]*)</option>')


def _one_of_each_kind(world) -> SimpleNamespace:
    with bulk_work():  # the figures counted once, at the end
        return SimpleNamespace(
            records=[SAMPLES[slug](unit) for slug in KINDS for unit in (world.daklak, world.hanoi)]
        )


_made = records_for_the_module(_one_of_each_kind)  # made once: the tests only read them


@pytest.fixture
def records(_made, world):
    return read_again(_made, world).records


def _visible_pks(model, user) -> set:
    return set(model._default_manager.restrict(user, "view").values_list("pk", flat=True))


def _share_targets(unit_model) -> set:
    provinces = unit_model.objects.filter(valid_to__isnull=True, level__in=["central", "province"])
    return set(provinces.values_list("pk", flat=True))


def _leaks(where: str, form, user) -> list[str]:
    found = []
    for name, field in form.fields.items():
        qs = getattr(field, "queryset", None)
        if qs is None or not hasattr(qs.model._default_manager.all(), "restrict"):
            continue
        offered = set(qs.values_list("pk", flat=True))
        outside = offered - _visible_pks(qs.model, user)
        if name == "shared_with":
            # sharing names the other provinces (the one list a reader may choose outside
            # her subtree): current provinces and the central union, nothing below them
            outside -= _share_targets(qs.model)
        if outside:
            found.append(f"{where}.{name}: {len(outside)} records outside the scope")
    return found


@pytest.mark.parametrize("username", USERS)
def test_filters_and_forms_offer_only_what_the_reader_sees(username, world, records):
    user = world.user(username)
    request = RequestFactory().get("/")
    request.user = user
    leaks = []
    for slug in KINDS:
        kind = REGISTRY[slug]
        filterset = kind.get_filterset_class()(
            None, queryset=kind.list_queryset(user), request=request
        )
        leaks += _leaks(f"{slug} filter", filterset.form, user)
        leaks += _leaks(f"{slug} form", kind.get_form_class()(user=user), user)
    assert leaks == []


@pytest.mark.parametrize("username", USERS)
def test_pages_and_pickers_offer_no_invisible_record(username, world, records, login):
    user = world.user(username)
    hidden = {
        str(obj)
        for obj in records
        if obj.pk not in _visible_pks(type(obj), user) and len(str(obj)) > 3
    }
    client = login(username)
    leaks = []
    for slug in KINDS:
        for url in (reverse(f"{slug}_list"), reverse(f"{slug}_add")):
            response = client.get(url)
            if response.status_code != 200:
                continue
            labels = {
                unescape(label).strip() for _v, label in OPTION.findall(response.content.decode())
            }
            leaks += [f"{url}: {label}" for label in labels & hidden]
        for obj in records:
            if type(obj) is not REGISTRY[slug].model:
                continue
            words = str(obj)[:40]
            found = client.get(reverse("pick", args=[slug]), {"q": words, "format": "json"})
            if found.status_code != 200:
                continue
            ids = {r["id"] for r in found.json()["results"]}
            outside = ids - _visible_pks(type(obj), user)
            leaks += [f"picker {slug} «{words}»: {sorted(outside)}"] if outside else []
    assert leaks == []


@pytest.mark.parametrize("slug", ["reviews", "commitments"])
def test_api_filter_by_an_out_of_scope_record_looks_missing(slug, _made, world, client):
    """``?agreement=<another province's>`` answers exactly as ``?agreement=<no such id>``."""
    from doingoai.agreements.models import Agreement
    from doingoai.api.models import ApiToken

    other = SAMPLES["agreements"](world.hanoi)
    missing = Agreement.objects.order_by("-pk").first().pk + 1000
    _token, secret = ApiToken.issue(world.user("daklak"), "t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    hidden = client.get(f"/api/v1/{slug}/?agreement={other.pk}", **auth)
    absent = client.get(f"/api/v1/{slug}/?agreement={missing}", **auth)
    assert absent.status_code == 422
    assert hidden.status_code == absent.status_code
    assert hidden.json()["errors"][0]["field"] == absent.json()["errors"][0]["field"]
