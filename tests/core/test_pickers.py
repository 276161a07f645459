"""Type-ahead pickers: a form choosing among many records renders only the chosen ones;
the search endpoint answers in the reader's scope; what may be submitted is still the
field's scoped queryset."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from doingoai.agreements.models import Agreement
from doingoai.core import pickers
from doingoai.core.bulk import bulk_work
from doingoai.core.samples import make
from doingoai.organization.models import Unit
from doingoai.partners.models import Partner


@pytest.fixture
def low_threshold(settings):
    settings.PICKER_THRESHOLD = 3
    return 3


@pytest.fixture
def champasak(world):
    return make(
        "partners",
        world.daklak,
        name_vi="Hội LHPN tỉnh Chămpasăk",
        name_en="Lao Women's Union of Champasak Province",
        subdivision="LA-CH",
        aliases=["Champasak", "Chăm-pa-sắc"],
    )


@pytest.fixture
def others(world):
    names = [
        "Hội LHPN tỉnh Attapeu",
        "Hội LHPN tỉnh Sê Kông",
        "Hội LHPN tỉnh Salavan",
        "Hội LHPN tỉnh Luang Prabang",
        "Hội LHPN tỉnh Viêng Chăn",
    ]
    return [
        make("partners", world.daklak, name_vi=n, name_en="", aliases=[], subdivision="LA-AT")
        for n in names
    ]


@pytest.fixture
def agreement(world, champasak):
    return make(
        "agreements",
        world.daklak,
        title="Thỏa thuận hợp tác với tỉnh Chămpasăk",
        partners=[champasak],
    )


@pytest.fixture
def communes(world):
    """Communes of Đắk Lắk (the test world has provinces only)."""
    return [
        Unit.objects.create(
            level="commune",
            code=f"2400{i}",
            name=f"Hội LHPN xã {name}",
            area_name=name,
            parent=world.daklak,
        )
        for i, name in enumerate(["Ea Kao", "Ea Tu", "Hòa Phú", "Cư Êbur"])
    ]


def select_html(page, field):
    match = re.search(rf'<select[^>]*id="id_{field}"[^>]*>.*?</select>', page, re.S)
    assert match, f"no select for {field}"
    return match.group(0)


def option_values(html):
    return re.findall(r'<option value="(\d+)"', html)


def edit_data(agreement, **over):
    data = {
        "title": agreement.title,
        "kind": agreement.kind,
        "unit": agreement.unit_id,
        "units": [u.pk for u in agreement.units.all()],
        "partners": [p.pk for p in agreement.partners.all()],
        "signed_date": agreement.signed_date.isoformat(),
        "start_date": agreement.start_date.isoformat(),
        "end_date": agreement.end_date.isoformat(),
        "areas": ", ".join(agreement.areas),
        "version": agreement.version,
    }
    data.update(over)
    return data


# ---------------------------------------------------------------- the form


def test_agreement_form_renders_only_the_chosen_partners(
    world, login, low_threshold, agreement, champasak, others
):
    page = login("daklak").get(reverse("agreements_edit", args=[agreement.pk])).content.decode()
    select = select_html(page, "partners")
    assert option_values(select) == [str(champasak.pk)]
    assert "Chămpasăk" in select
    for other in others:
        assert other.name_vi not in page
    assert 'id="id_partners_search"' in page
    assert f'hx-get="{reverse("pick", args=["partners"])}?field=partners"' in page
    assert 'name="partners__pick"' in page  # without JavaScript: record numbers


def test_a_new_agreement_form_offers_no_partners_until_searched(
    world, login, low_threshold, champasak, others
):
    page = login("daklak").get(reverse("agreements_add")).content.decode()
    assert option_values(select_html(page, "partners")) == []
    assert champasak.name_vi not in page


def local_picker(page, name):
    """The markup of a picker that filters its own choices (few of them), or None."""
    found = re.search(
        rf'<div class="picker picker-local"[^>]*id="id_{name}_picker".*?</div>', page, re.S
    )
    return found.group(0) if found else None


def test_few_choices_are_all_in_the_page_with_chips_and_type_ahead(
    world, login, agreement, champasak, others
):
    """Few choices: every one in the select (nothing asked of the server), and the
    chips and the search box of a picker that filters them in the browser."""
    page = login("daklak").get(reverse("agreements_edit", args=[agreement.pk])).content.decode()
    select = select_html(page, "partners")
    assert set(option_values(select)) >= {str(p.pk) for p in [champasak, *others]}
    picker = local_picker(page, "partners")
    assert picker is not None and 'id="id_partners_search"' in picker
    assert "hx-get" not in picker and "picker-chosen" in picker
    # without JavaScript: the plain list, the search box (which needs the script) hidden
    search = re.search(r'<input[^>]*id="id_partners_search"[^>]*>', picker).group(0)
    assert " hidden" in search and 'name="' not in search


def test_size_is_checked_with_a_limit_not_a_full_count(world, champasak, others):
    with CaptureQueriesContext(connection) as ctx:
        assert pickers.is_large(Partner.objects.all(), 3)
        assert not pickers.is_large(Partner.objects.all(), 50)
    assert all("LIMIT" in q["sql"].upper() for q in ctx.captured_queries)


def test_a_form_narrowing_its_choices_after_scoping_keeps_them_in_the_page(
    world, login, low_threshold
):
    """ "Shared with" is all current provinces, narrowed by the agreement form after the
    scoped querysets are set; below the threshold its choices stay in the page."""
    from django.test import override_settings

    with override_settings(PICKER_THRESHOLD=200):
        page = login("admin").get(reverse("agreements_add")).content.decode()
    assert local_picker(page, "shared_with") is not None  # every province in the page
    page = login("admin").get(reverse("agreements_add")).content.decode()
    assert "id_shared_with_search" in page  # 3 is low enough for the provinces


def test_change_scoped_fields_search_what_may_be_changed(world, login, low_threshold):
    for _ in range(4):
        make("agreements", world.daklak)
    page = login("daklak").get(reverse("commitments_add")).content.decode()
    assert f"{reverse('pick', args=['agreements'])}?field=agreement&amp;action=change" in page


# ---------------------------------------------------------------- the endpoint


def test_everyone_finds_partners_of_the_shared_directory(world, login, champasak, others):
    for username in ("daklak", "hanoi"):
        response = login(username).get(
            reverse("pick", args=["partners"]), {"q": "champasak", "field": "partners"}
        )
        assert response.status_code == 200
        text = response.content.decode()
        assert f'data-value="{champasak.pk}"' in text
        assert "Chămpasăk" in text
        assert "Attapeu" not in text


def test_search_ignores_diacritics_and_finds_the_start_of_a_word(world, login, champasak):
    response = login("hanoi").get(reverse("pick", args=["partners"]), {"q": "CHĂM"})
    assert f'data-value="{champasak.pk}"' in response.content.decode()


def test_records_out_of_scope_are_not_found(world, login, agreement):
    url = reverse("pick", args=["agreements"])
    assert (
        f'data-value="{agreement.pk}"'
        in login("daklak").get(url, {"q": "champasak"}).content.decode()
    )
    text = login("hanoi").get(url, {"q": "champasak"}).content.decode()
    assert f'data-value="{agreement.pk}"' not in text
    assert "picker-note" in text  # "No matches."


def test_hanoi_finds_none_of_daklak_communes(world, login, communes):
    url = reverse("pick", args=["units"])
    found = login("daklak").get(url, {"q": "ea", "format": "json"}).json()["results"]
    assert {r["id"] for r in found} >= {communes[0].pk, communes[1].pk}
    assert login("hanoi").get(url, {"q": "ea", "format": "json"}).json()["results"] == []
    assert login("hanoi").get(url, {"q": "Ea Kao"}).content.decode().count("data-value") == 0


def test_results_stop_at_twenty(world, login):
    with bulk_work():
        for i in range(25):
            make("partners", world.daklak, name_vi=f"Hội Phụ nữ huyện Pakse {i}")
    data = (
        login("hanoi")
        .get(reverse("pick", args=["partners"]), {"q": "pakse", "format": "json"})
        .json()
    )
    assert len(data["results"]) == 20
    assert data["more"] is True


def test_an_empty_query_or_unknown_kind(world, login):
    client = login("daklak")
    assert client.get(reverse("pick", args=["partners"]), {"q": " "}).content == b""
    assert client.get("/pick/nothing/", {"q": "x"}).status_code == 404


def test_kinds_without_search_text_match_their_names(world, login):
    data = (
        login("admin")
        .get(reverse("pick", args=["users"]), {"q": "daklak", "format": "json"})
        .json()
    )
    assert world.user("daklak").pk in {r["id"] for r in data["results"]}
    assert world.user("hanoi").pk not in {r["id"] for r in data["results"]}


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(reverse("pick", args=["partners"]), {"q": "cham"})
    assert response.status_code == 302


# ---------------------------------------------------------------- submitting


def test_posting_a_chosen_partner_saves(world, login, low_threshold, agreement, champasak, others):
    client = login("daklak")
    response = client.post(
        reverse("agreements_edit", args=[agreement.pk]),
        edit_data(agreement, partners=[champasak.pk, others[0].pk]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(agreement.partners.all()) == {champasak, others[0]}


def test_without_javascript_record_numbers_typed_in_the_search_box_are_added(
    world, login, low_threshold, agreement, champasak, others
):
    client = login("daklak")
    response = client.post(
        reverse("agreements_edit", args=[agreement.pk]),
        edit_data(agreement, partners__pick=f"{others[1].pk}, {others[2].pk}"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(agreement.partners.all()) == {champasak, others[1], others[2]}


def test_an_out_of_scope_unit_is_refused_and_nothing_changes(
    world, login, low_threshold, agreement, communes
):
    client = login("daklak")
    version = Agreement.objects.get(pk=agreement.pk).version
    response = client.post(
        reverse("agreements_edit", args=[agreement.pk]),
        edit_data(agreement, units=[world.daklak.pk, world.hanoi.pk]),
    )
    assert response.status_code == 400
    text = response.content.decode()
    start = text.index('id="field-units"')
    assert "Select a valid choice" in text[start : start + 4000] or "hợp lệ" in text[start:]
    assert world.hanoi.name not in select_html(text, "units")  # not even its name
    fresh = Agreement.objects.get(pk=agreement.pk)
    assert list(fresh.units.all()) == [world.daklak]
    assert fresh.version == version


def test_an_out_of_scope_agreement_typed_by_number_is_refused(
    world, login, low_threshold, agreement
):
    hanoi_agreement = make("agreements", world.hanoi)
    for _ in range(4):
        make("agreements", world.daklak)
    client = login("daklak")
    response = client.post(
        reverse("agreements_edit", args=[agreement.pk]),
        edit_data(agreement, renews__pick=str(hanoi_agreement.pk)),
    )
    assert response.status_code == 400
    assert Agreement.objects.get(pk=agreement.pk).renews_id is None


# ---------------------------------------------------------------- filter forms


def test_filter_forms_use_the_picker_too(world, login, low_threshold, communes):
    page = (
        login("trunguong").get(reverse("partners_list"), {"unit": communes[0].pk}).content.decode()
    )
    select = select_html(page, "unit")
    assert option_values(select) == [str(communes[0].pk)]
    assert 'id="id_unit_search"' in page
    assert communes[1].name not in page


def test_filter_pickers_filter(world, login, low_threshold, communes):
    in_commune = make("partners", communes[0], name_vi="Đối tác của xã Ea Kao")
    elsewhere = make("partners", world.daklak, name_vi="Đối tác của tỉnh")
    page = (
        login("trunguong").get(reverse("partners_list"), {"unit": communes[0].pk}).content.decode()
    )
    assert in_commune.get_absolute_url() in page
    assert elsewhere.get_absolute_url() not in page


def test_reviews_are_found_by_their_agreement(world, login, agreement):
    review = agreement.reviews.first()
    data = (
        login("daklak")
        .get(reverse("pick", args=["reviews"]), {"q": "champasak", "format": "json"})
        .json()
    )
    assert review.pk in {r["id"] for r in data["results"]}
    assert (
        login("hanoi")
        .get(reverse("pick", args=["reviews"]), {"q": "champasak", "format": "json"})
        .json()["results"]
        == []
    )


def test_every_many_to_many_field_of_every_add_form_is_a_picker(world, login):
    """Issue 17: no Ctrl+click list is left. Every ``<select multiple>`` of every kind's
    add page sits in a picker (chips and type-ahead)."""
    from django.urls import NoReverseMatch

    from doingoai.core.registry import REGISTRY

    client = login("admin")
    seen = 0
    for slug in sorted(REGISTRY):
        try:
            url = reverse(f"{slug}_add")
        except NoReverseMatch:
            continue
        response = client.get(url)
        if response.status_code != 200:
            continue
        page = response.content.decode()
        for tag in re.findall(r"<select[^>]*>", page):
            if not re.search(r"\smultiple[\s>=]", tag):
                continue
            seen += 1
            select_id = re.search(r'id="([^"]+)"', tag).group(1)
            assert f'id="{select_id}_picker"' in page, f"{url}: {select_id} is a plain list"
    assert seen >= 8  # agreements, activities, partners, resources, overseas...
