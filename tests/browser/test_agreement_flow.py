"""As the Đắk Lắk editor: add the Lao Women's Union of Chămpasăk, add the 2022–2027
agreement with the four Lao provincial unions, and see its mid-term review scheduled."""

import pytest
from tests.browser.conftest import log_in, pick

pytestmark = pytest.mark.browser


def test_editor_records_partner_and_agreement(page, output_dir):
    from doingoai.organization import services
    from doingoai.partners.models import Partner

    daklak = services.province("Đắk Lắk")
    for name, sub in (
        ("Hội LHPN tỉnh Attapeu", "LA-AT"),
        ("Hội LHPN tỉnh Sê Kông", "LA-XE"),
        ("Hội LHPN tỉnh Salavan", "LA-SL"),
    ):
        Partner.objects.create(
            name_vi=name, kind="womens_union", country="LA", subdivision=sub, unit=daklak
        )
    log_in(page, "daklak")

    page.goto(page.base + "/partners/add/")
    page.fill("#id_name_vi", "Hội LHPN tỉnh Chămpasăk")
    page.fill("#id_name_en", "Lao Women's Union of Champasak Province")
    page.fill("#id_aliases", "Champasak, Chăm-pa-sắc")
    page.select_option("#id_kind", "womens_union")
    page.select_option("#id_country", "LA")
    page.fill("#id_subdivision", "LA-CH")
    page.click("button.primary[type=submit]")
    page.wait_for_selector("h1:has-text('Chămpasăk')")
    assert Partner.objects.filter(subdivision="LA-CH").count() == 1

    page.goto(page.base + "/agreements/add/")
    page.fill("#id_title", "Thỏa thuận hợp tác vì hòa bình phát triển giai đoạn 2022 – 2027")
    pick(
        page,
        "id_partners",
        [
            "Hội LHPN tỉnh Attapeu",
            "Hội LHPN tỉnh Sê Kông",
            "Hội LHPN tỉnh Salavan",
            "Hội LHPN tỉnh Chămpasăk",
        ],
    )
    page.fill("#id_signed_date", "2022-06-20")
    page.fill("#id_start_date", "2022-07-01")
    page.fill("#id_end_date", "2027-06-30")
    page.click("button.primary[type=submit]")
    try:
        page.wait_for_selector("h1:has-text('vì hòa bình phát triển')")
    except Exception:
        page.screenshot(path=str(output_dir / "agreement-failed.png"), full_page=True)
        raise
    row = page.locator("tr.review-row[data-kind=mid_term]")
    assert "29/12/2024" in row.inner_text()
    page.screenshot(path=str(output_dir / "agreement-mid-term-review.png"), full_page=True)
