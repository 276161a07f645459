"""The IATI import page: an officer uploads a real file, sees which activities will be
imported and which skipped (and why), confirms, and finds the resources."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db

BEIS = Path(__file__).parent / "EXCERPT_beis_newton_rae_parent_TUR782_VNM792.xml"


def upload(client, unit, content: bytes, countries="VN", name="beis.xml"):
    return client.post(
        reverse("iati_import"),
        {
            "file": SimpleUploadedFile(name, content, content_type="application/xml"),
            "unit": unit.pk,
            "countries": countries,
        },
    )


def test_preview_then_confirm_imports_only_the_vietnam_activity(world, login):
    client = login("daklak")
    page = client.get(reverse("resources_list")).content.decode()
    assert reverse("iati_import") in page  # the button on the resources list

    response = upload(client, world.daklak, BEIS.read_bytes())
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 hoạt động: nhập 1, bỏ qua 2" in html
    assert "TR (Thổ Nhĩ Kỳ)" in html  # the Turkish activity, skipped with its reason
    assert "không có nước nhận" in html  # the region-only parent
    assert not Resource.objects.exists()  # a preview saves nothing

    token = response.context["token"]
    done = client.post(reverse("iati_import_confirm"), {"token": token})
    assert done.status_code == 302 and done.url == reverse("resources_list")
    assert Resource.objects.filter(unit=world.daklak).count() == 3
    # the token is used up
    again = client.post(reverse("iati_import_confirm"), {"token": token})
    assert again.status_code == 302 and again.url == reverse("iati_import")
    assert Resource.objects.count() == 3


def test_bad_uploads_are_refused_with_a_message_and_change_nothing(world, login):
    client = login("daklak")
    response = upload(client, world.daklak, b"PK\x03\x04 not xml", name="x.xlsx")
    assert "không phải là tệp XML" in response.content.decode()
    response = upload(client, world.daklak, BEIS.read_bytes(), countries="VN, QQ")
    assert "QQ" in response.content.decode() and response.context.get("report") is None
    broken = BEIS.read_bytes().replace(b"iati-activities", b"activities")
    response = upload(client, world.daklak, broken)
    assert response.context["token"] is None
    assert "“activities”" in response.context["report"].all_problems()[0]  # names the root
    assert "“activities”" in response.content.decode()
    # a unit outside her scope cannot be chosen
    response = upload(client, world.hanoi, BEIS.read_bytes())
    assert "unit" in response.context["form"].errors
    assert not Resource.objects.exists()
