"""A list's filter form is kept across changes of the listed records and rendered
again when what it offers changes (the units, the partners)."""

import pytest

from doingoai.core import filters
from doingoai.core.samples import make
from doingoai.organization.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    calls = []
    render = filters.FilterFields.render

    def counted(self):
        calls.append(self.slug)
        return render(self)

    monkeypatch.setattr(filters.FilterFields, "render", counted)
    return calls


def test_filter_form_survives_an_activity_saved_and_follows_a_new_unit(world, login, renders):
    partner = make("partners", world.daklak)
    client = login("daklak")
    first = client.get("/activities/").content.decode()
    assert renders == ["activities"] and 'name="unit"' in first
    make("activities", world.daklak, title="Giao lưu hữu nghị mới", partners=[partner])
    again = client.get("/activities/").content.decode()
    assert "Giao lưu hữu nghị mới" in again  # the list itself is new
    assert renders == ["activities"]  # its filter form was not rendered again
    assert again.count('name="unit"') == first.count('name="unit"')

    Unit.objects.create(
        level="commune",
        code="24099",
        name="Hội LHPN xã Ea Kly",
        area_name="Ea Kly",
        parent=world.daklak,
    )
    with_unit = client.get("/activities/").content.decode()
    assert renders == ["activities", "activities"] and "Hội LHPN xã Ea Kly" in with_unit


def test_filter_form_is_per_query_and_per_scope(world, login, renders):
    daklak = login("daklak").get("/activities/", {"year": "2024"}).content.decode()
    assert 'value="2024"' in daklak
    hanoi = login("hanoi").get("/activities/", {"year": "2024"}).content.decode()
    assert renders == ["activities", "activities"]
    # each reader is offered her own units only
    assert world.hanoi.name in hanoi and world.hanoi.name not in daklak
    bad = login("hanoi").get("/activities/", {"year": "99999"}).content.decode()
    assert 'class="error"' in bad


def test_hidden_choices_do_not_tie_the_form_to_their_records(world, login, renders):
    """The resource list's activity, agreement and partner filters are hidden fields
    (set by links from those records' pages): an activity saved leaves the form cached,
    and the hidden value is the one asked for."""
    partner = make("partners", world.daklak)
    trip = make("activities", world.daklak, partners=[partner])
    client = login("daklak")
    first = client.get("/resources/", {"activity": trip.pk}).content.decode()
    make("activities", world.daklak, partners=[partner])
    again = client.get("/resources/", {"activity": trip.pk}).content.decode()
    assert renders == ["resources"]
    assert f'name="activity" value="{trip.pk}"' in again and first.count("<select") == again.count(
        "<select"
    )
