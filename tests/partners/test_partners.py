"""Partners: ISO codes checked, one shared directory, clear messages for bad input."""

from django.urls import reverse

from doingoai.partners.models import Partner


def partner_data(world, **over):
    data = {
        "name_vi": "Hội LHPN tỉnh Chămpasăk",
        "name_en": "Lao Women's Union of Champasak Province",
        "name_local": "ສະຫະພັນແມ່ຍິງແຂວງຈຳປາສັກ",
        "aliases": "Champasak, Chăm-pa-sắc",
        "kind": "womens_union",
        "level": "provincial",
        "country": "LA",
        "subdivision": "LA-CH",
        "unit": world.daklak.pk,
    }
    data.update(over)
    return data


def test_editor_adds_a_partner_with_iso_codes_and_aliases(world, login):
    client = login("daklak")
    response = client.post(reverse("partners_add"), partner_data(world, subdivision="Champasak"))
    assert response.status_code == 302
    partner = Partner.objects.get(name_vi="Hội LHPN tỉnh Chămpasăk")
    assert partner.subdivision == "LA-CH"  # a name is turned into its ISO 3166-2 code
    assert partner.aliases == ["Champasak", "Chăm-pa-sắc"]
    page = client.get(partner.get_absolute_url()).content.decode()
    assert "Lào" in page and "Chămpasăk" in page
    # its fields name the country and the province, not their codes
    assert "<dd>Lào</dd>" in page and "<dd>Chămpasăk</dd>" in page
    assert "<dd>LA</dd>" not in page and "<dd>LA-CH</dd>" not in page


def test_unknown_country_or_subdivision_is_refused_with_a_message(world, login):
    client = login("daklak")
    before = Partner.objects.count()
    response = client.post(reverse("partners_add"), partner_data(world, country="XX"))
    assert response.status_code == 400
    assert 'id="field-country"' in response.content.decode()
    response = client.post(reverse("partners_add"), partner_data(world, subdivision="LA-ZZ"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "LA-ZZ" in text and "ISO 3166-2" in text
    assert Partner.objects.count() == before


def test_partner_directory_is_shared_but_changed_only_by_its_unit_and_central(world, login):
    partner = Partner.objects.create(
        name_vi="UN Women Việt Nam", kind="un_agency", country="VN", unit=world.daklak
    )
    assert login("hanoi").get(partner.get_absolute_url()).status_code == 200
    # a Hà Nội editor may read but not change Đắk Lắk's partner
    from doingoai.core.samples import make

    hanoi_editor = make("users", world.hanoi)
    from django.test import Client

    c = Client()
    c.force_login(hanoi_editor)
    assert c.get(reverse("partners_edit", args=[partner.pk])).status_code == 403
    # a central editor may change it
    central_editor = make("users", world.central)
    c.force_login(central_editor)
    assert c.get(reverse("partners_edit", args=[partner.pk])).status_code == 200
