"""In the browser, as the Đắk Lắk editor: record a delegation abroad with two places and
a given resource, then see both on the agreement's page."""

import datetime as dt

import pytest
from tests.browser.conftest import pick

pytestmark = pytest.mark.browser


def test_editor_records_delegation_and_gift_seen_on_agreement(page, output_dir):
    from doingoai.activities.models import Activity
    from doingoai.agreements.models import Agreement
    from doingoai.organization import services
    from doingoai.partners import demo as partners_demo
    from doingoai.resources.models import Resource

    daklak = services.province("Đắk Lắk")
    partners_demo.load()
    unions = partners_demo.lao_unions()
    agreement = Agreement.objects.create(
        title="Thỏa thuận hợp tác vì hòa bình phát triển",
        unit=daklak,
        signed_date=dt.date(2022, 1, 1),
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2027, 12, 31),
    )
    agreement.units.set([daklak])
    agreement.partners.set(unions)

    page.goto(page.base + "/accounts/login/")
    page.fill("#id_username", "daklak")
    page.fill("#id_password", "doingoai-demo")
    page.click("button[type=submit]")
    page.wait_for_url(page.base + "/")

    page.goto(page.base + "/activities/add/")
    page.fill("#id_title", "Đoàn công tác thăm Hội LHPN tỉnh Attapeu và Chămpasăk")
    page.select_option("#id_kind", "delegation_out")
    page.fill("#id_start_date", "2024-06-25")
    page.fill("#id_end_date", "2024-07-01")
    pick(page, "id_partners", ["Hội LHPN tỉnh Attapeu", "Hội LHPN tỉnh Chămpasăk"])
    pick(page, "id_agreements", [agreement.title])
    page.fill("#id_places", "Lào, Attapeu, Samakhixay\nLào, Chămpasăk, Pakse")
    page.fill("#id_members", "H'Yam Niê, Trưởng đoàn, Hội LHPN tỉnh Đắk Lắk")
    page.click("button.primary[type=submit]")
    page.wait_for_selector("h1:has-text('Đoàn công tác thăm')")
    activity = Activity.objects.get(title__startswith="Đoàn công tác thăm")
    assert activity.places.count() == 2

    page.click("#activity-resources a.add-resource")
    page.wait_for_selector("#id_title")
    page.fill("#id_title", "Tặng 4 bộ máy may, máy vắt sổ cho phụ nữ nghèo")
    page.select_option("#id_direction", "given")
    page.select_option("#id_kind", "in_kind")
    page.fill("#id_quantity", "4")
    page.fill("#id_unit_value", "10000000")
    page.fill("#id_currency", "VND")
    page.fill("#id_date", "2024-06-28")
    page.fill("#id_beneficiaries", "Phụ nữ nghèo tại 4 tỉnh Nam Lào")
    page.click("button.primary[type=submit]")
    page.wait_for_selector("h1:has-text('máy may')")
    assert page.locator("#money .amount").inner_text().strip() == "40.000.000 ₫"
    gift = Resource.objects.get(title__contains="máy may")
    assert gift.amount == 40_000_000 and gift.activity == activity
    assert gift.agreement == agreement

    page.goto(page.base + agreement.get_absolute_url())
    timeline = page.locator("ul.timeline")
    timeline.locator(f"a[href='{activity.get_absolute_url()}']").wait_for()
    timeline.locator(f"a[href='{gift.get_absolute_url()}']").wait_for()
    assert "40.000.000 ₫" in timeline.inner_text()
    assert "Pakse" in timeline.inner_text()
    page.screenshot(path=str(output_dir / "delegation_and_gift_on_agreement.png"), full_page=True)
