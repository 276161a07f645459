"""As the Đắk Lắk editor, with more partners than a list can show: type "cham" in the
partners picker, choose the Lao Women's Union of Chămpasăk, save the agreement."""

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_editor_picks_a_partner_by_typing(page, output_dir, settings):
    from doingoai.agreements.models import Agreement
    from doingoai.organization import services
    from doingoai.partners.models import Partner

    settings.PICKER_THRESHOLD = 3
    daklak = services.province("Đắk Lắk")
    for name, sub in (
        ("Hội LHPN tỉnh Attapeu", "LA-AT"),
        ("Hội LHPN tỉnh Sê Kông", "LA-XE"),
        ("Hội LHPN tỉnh Salavan", "LA-SL"),
        ("Hội LHPN tỉnh Viêng Chăn", "LA-VI"),
    ):
        Partner.objects.create(
            name_vi=name, kind="womens_union", country="LA", subdivision=sub, unit=daklak
        )
    champasak = Partner.objects.create(
        name_vi="Hội LHPN tỉnh Chămpasăk",
        name_en="Lao Women's Union of Champasak Province",
        aliases=["Champasak", "Chăm-pa-sắc"],
        kind="womens_union",
        country="LA",
        subdivision="LA-CH",
        unit=daklak,
    )
    log_in(page, "daklak")

    page.goto(page.base + "/agreements/add/")
    assert page.locator("#id_partners option").count() == 0  # nothing listed up front
    page.fill("#id_title", "Thỏa thuận hợp tác với tỉnh Chămpasăk giai đoạn 2022 – 2027")
    page.locator("#id_partners_search").press_sequentially("cham", delay=40)
    option = page.locator("#id_partners_results .picker-option", has_text="Chămpasăk")
    option.wait_for()
    assert "Attapeu" not in page.locator("#id_partners_results").inner_text()
    page.screenshot(path=str(output_dir / "picker-results.png"), full_page=True)
    option.click()
    page.locator("#id_partners_picker .picker-chosen li", has_text="Chămpasăk").wait_for()
    assert page.locator("#id_partners_results .picker-option").count() == 0
    page.fill("#id_signed_date", "2022-06-20")
    page.fill("#id_start_date", "2022-07-01")
    page.fill("#id_end_date", "2027-06-30")
    page.screenshot(path=str(output_dir / "picker-chosen.png"), full_page=True)
    page.click("button.primary[type=submit]")
    try:
        page.wait_for_selector("h1:has-text('giai đoạn 2022')")
    except Exception:
        page.screenshot(path=str(output_dir / "picker-failed.png"), full_page=True)
        raise
    agreement = Agreement.objects.get(title__startswith="Thỏa thuận hợp tác với tỉnh Chămpasăk")
    assert list(agreement.partners.all()) == [champasak]
    page.screenshot(path=str(output_dir / "picker-saved.png"), full_page=True)


def test_without_javascript_the_chosen_partners_still_submit(
    browser, live_server, transactional_db, output_dir, settings
):
    """No script: the chosen partners show in a plain list and submit; the search box
    takes record numbers."""
    from tests.conftest import ensure_world

    from doingoai.core.samples import make
    from doingoai.organization import services

    ensure_world()
    settings.PICKER_THRESHOLD = 3
    daklak = services.province("Đắk Lắk")
    partners = [make("partners", daklak, name_vi=f"Hội LHPN tỉnh số {i}") for i in range(5)]
    agreement = make(
        "agreements", daklak, title="Thỏa thuận không cần JavaScript", partners=partners[:1]
    )
    context = browser.new_context(
        java_script_enabled=False, locale="vi-VN", viewport={"width": 1360, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base = live_server.url
    try:
        log_in(page, "daklak")
        page.goto(page.base + f"/agreements/{agreement.pk}/edit/")
        assert page.locator("#id_partners").is_visible()
        assert page.locator("#id_partners option").count() == 1
        page.fill("#id_partners_search", str(partners[3].pk))
        page.screenshot(path=str(output_dir / "picker-no-javascript.png"), full_page=True)
        page.click("button.primary[type=submit]")
        page.wait_for_selector("h1:has-text('không cần JavaScript')")
        assert set(agreement.partners.all()) == {partners[0], partners[3]}
    finally:
        context.close()
