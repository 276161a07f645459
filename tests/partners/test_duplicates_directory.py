"""Partner duplicates across the whole directory (issue 17): the name, the acronym and
the aliases are compared with every partner, whatever its country; the country only
makes a match more likely; "save anyway" always saves."""

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.partners.models import Partner


@pytest.fixture
def un_women(world):
    return Partner.objects.create(
        name_vi="Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho Phụ nữ",
        name_en="UN Women",
        acronym="UN Women",
        aliases=["Cơ quan Bình đẳng giới LHQ"],
        kind="un_agency",
        level="international",
        country="US",
        unit=world.central,
    )


def new_partner(world, **over):
    data = {
        "name_vi": "UN Women",
        "kind": "un_agency",
        "level": "international",
        "country": "VN",
        "unit": world.daklak.pk,
        "aliases": "",
        "tags": "",
    }
    data.update(over)
    return data


@pytest.mark.parametrize(
    "typed",
    [
        {"name_vi": "UN Women"},  # the acronym, with country Việt Nam (its country office)
        {"name_vi": "Cơ quan Liên hợp quốc về Bình đẳng giới và Trao quyền cho Phụ nữ"},
        {"name_vi": "Cơ quan Bình đẳng giới LHQ", "country": "TH"},  # an alias, elsewhere
        {"name_vi": "Văn phòng tại Việt Nam", "aliases": "UN Women"},  # typed as an alias
    ],
)
def test_duplicate_warned_whatever_the_country(un_women, world, login, typed):
    client = login("daklak")
    before = Partner.objects.count()
    with translation.override("vi"):
        response = client.post(reverse("partners_add"), new_partner(world, **typed))
    assert response.status_code == 400
    page = response.content.decode()
    assert un_women.name_vi in page
    assert 'name="confirm_different"' in page
    assert Partner.objects.count() == before
    saved = client.post(
        reverse("partners_add"), new_partner(world, confirm_different="on", **typed)
    )
    assert saved.status_code == 302
    assert Partner.objects.count() == before + 1


def test_a_different_organization_is_saved_at_once(un_women, world, login):
    response = login("daklak").post(
        reverse("partners_add"), new_partner(world, name_vi="Tổ chức Oxfam", acronym="Oxfam")
    )
    assert response.status_code == 302
