"""Likely duplicates when an officer adds a partner: shown live, checked on save."""

from __future__ import annotations

import pytest

from doingoai.partners.duplicates import likely_duplicates, name_similarity
from doingoai.partners.models import Partner


@pytest.fixture
def champasak(world):
    return Partner.objects.create(
        name_vi="Hội Liên hiệp Phụ nữ Lào tỉnh Chămpasăk",
        name_en="Lao Women's Union of Champasak Province",
        kind=Partner.Kind.WOMENS_UNION,
        country="LA",
        subdivision="LA-CH",
        unit=world.daklak,
    )


def form_data(world, **kw):
    data = {
        "name_vi": "Hội Phụ nữ Lào Champasak",
        "kind": "womens_union",
        "country": "LA",
        "unit": world.daklak.pk,
        "aliases": "",
        "tags": "",
    }
    data.update(kw)
    return data


@pytest.mark.parametrize(
    "a,b",
    [
        ("Hội Phụ nữ Lào tỉnh Champasak", "Hội Liên hiệp Phụ nữ Lào tỉnh Chămpasăk"),
        ("Lao Women's Union of Champasak Province", "Hội LHPN Lào tỉnh Chăm-pa-sắc"),
        ("Lao Women's Union, Champassak", "Lao Women's Union of Champasak Province"),
        ("UN WOMEN", "UN Women"),
    ],
)
def test_similar_names(a, b):
    assert name_similarity(a, b) >= 90


@pytest.mark.parametrize(
    "a,b",
    [
        ("Hội Phụ nữ Lào tỉnh Attapư", "Hội Liên hiệp Phụ nữ Lào tỉnh Chămpasăk"),
        ("Hiệp hội Doanh nghiệp tỉnh Chămpasăk", "Hội Liên hiệp Phụ nữ Lào tỉnh Chămpasăk"),
        ("Oxfam", "UN Women"),
    ],
)
def test_different_names(a, b):
    assert name_similarity(a, b) < 80


def test_likely_duplicates_across_the_directory_same_country_first(champasak):
    found = likely_duplicates(names=["Lao Women's Union Champasak"], country="LA")
    assert [p for p, _s in found] == [champasak]
    # another country makes it less likely, not impossible (issue 17)
    elsewhere = likely_duplicates(names=["Lao Women's Union Champasak"], country="TH")
    assert [p for p, _s in elsewhere] == [champasak] and elsewhere[0][1] < found[0][1]
    assert likely_duplicates(names=["Hội Phụ nữ Lào tỉnh Sê Kông"], country="LA") == []
    assert likely_duplicates(names=["Champasak women"], country="LA", exclude_pk=champasak.pk) == []


def test_similar_endpoint_fragment(champasak, login):
    client = login("daklak")
    page = client.get(
        "/partners/similar/", {"name_vi": "Hội Phụ nữ Lào tỉnh Chăm-pa-sắc", "country": "LA"}
    )
    assert page.status_code == 200
    assert champasak.get_absolute_url() in page.content.decode()
    page = client.get("/partners/similar/", {"name_vi": "Hội Phụ nữ Campuchia", "country": "KH"})
    assert champasak.get_absolute_url() not in page.content.decode()
    empty = client.get("/partners/similar/", {"name_vi": "", "country": "LA"})
    assert empty.status_code == 200 and not empty.content.decode().strip()


def test_add_form_has_the_live_slot(login):
    page = login("daklak").get("/partners/add/")
    assert page.status_code == 200
    assert 'id="similar-partners"' in page.content.decode()
    assert "/partners/similar/" in page.content.decode()


def test_duplicate_asks_for_confirmation_then_saves(champasak, login, world):
    client = login("daklak")
    before = Partner.objects.count()
    page = client.post("/partners/add/", form_data(world))
    assert page.status_code == 400
    html = page.content.decode()
    assert "may already exist" in html or "đã có" in html
    assert champasak.name_vi in html
    assert 'name="confirm_different"' in html and 'type="checkbox"' in html
    assert Partner.objects.count() == before
    page = client.post("/partners/add/", form_data(world, confirm_different="on"))
    assert page.status_code == 302
    assert Partner.objects.count() == before + 1


def test_different_partner_saves_at_once(champasak, login, world):
    client = login("daklak")
    page = client.post(
        "/partners/add/",
        form_data(world, name_vi="Hội Phụ nữ Lào tỉnh Salavan", subdivision="LA-SL"),
    )
    assert page.status_code == 302, page.content.decode()[:2000]


def test_editing_is_not_blocked(champasak, login, world):
    client = login("daklak")
    Partner.objects.create(
        name_vi="Hội Phụ nữ Lào Champasak (cũ)",
        kind="womens_union",
        country="LA",
        unit=world.daklak,
    )
    data = form_data(
        world,
        name_vi=champasak.name_vi,
        name_en=champasak.name_en,
        subdivision="LA-CH",
        version=champasak.version,
    )
    page = client.post(f"/partners/{champasak.pk}/edit/", data)
    assert page.status_code == 302, page.content.decode()[:2000]
