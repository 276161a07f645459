"""The central union sets a term target for the provinces and sees who is behind:
Đắk Lắk (with the events of Phú Yên, merged into it in 2025) has met it, a province
with nothing is at risk and listed first; a cell leads to the records behind it."""

import datetime as dt

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_central_sets_a_target_and_sees_who_is_behind(page, output_dir):
    from doingoai.core.samples import make
    from doingoai.organization import services
    from doingoai.organization.models import Unit
    from doingoai.targets.models import Target

    daklak = services.province("Đắk Lắk")
    phu_yen = Unit.objects.get(area_name="Phú Yên", valid_to__isnull=False)
    make("activities", daklak, start_date=dt.date(2024, 6, 25))
    make("activities", phu_yen, start_date=dt.date(2023, 3, 1), end_date=None)
    from doingoai.reminders import services as reminders

    ending = make(
        "agreements",
        daklak,
        title="Thỏa thuận hợp tác với Hội LHPN tỉnh Chămpasăk",
        end_date=reminders.today() + dt.timedelta(days=20),
    )
    reminders.refresh()
    log_in(page, "admin")

    page.goto(page.base + "/targets/?term=XIII")
    page.select_option("#id_measure", "intl_events")
    page.fill("#id_value", "2")
    page.click("button.primary:has-text('Giao chỉ tiêu')")
    page.wait_for_selector(".messages li")
    assert Target.objects.get(unit=services.central_unit()).value == 2

    table = page.locator("table.completeness")
    rows = table.locator("tbody tr")
    assert rows.count() == 34
    dl = table.locator(f"tr[data-unit='{daklak.name}'] td.cell")
    assert dl.get_attribute("data-status") == "met"
    assert dl.inner_text().startswith("2")
    first = rows.nth(0)
    assert "nothing" in first.get_attribute("class")
    assert first.locator("td.cell").get_attribute("data-status") in ("at_risk", "not_met")
    assert "có nguy cơ" in first.inner_text() or "không đạt" in first.inner_text()
    page.screenshot(path=str(output_dir / "targets-matrix.png"), full_page=True)

    # the cell leads to the activities that make it
    dl.locator("a").click()
    page.wait_for_url("**/activities/**")
    assert page.locator("table tbody tr").count() == 2
    # the drill-down to Đắk Lắk's communes
    page.go_back()
    page.click(f"tr[data-unit='{daklak.name}'] th a")
    page.wait_for_selector(f"h1:has-text('{daklak.name}')")

    # the bell: the agreement ending in 20 days, followed to its page
    bell = page.locator("a.bell[data-count]")
    assert int(bell.get_attribute("data-count")) >= 1
    bell.click()
    page.wait_for_url("**/reminders/")
    page.screenshot(path=str(output_dir / "reminders.png"), full_page=True)
    page.click(f"tr[data-kind=agreement_expiring] a:has-text('{ending.title}')")
    page.wait_for_selector(f"h1:has-text('{ending.title}')")
    assert page.url.endswith(f"/agreements/{ending.pk}/")

    # the calendar of the month shows the agreement's end, linking to it
    page.goto(page.base + "/calendar/?month=" + ending.end_date.strftime("%Y-%m"))
    entry = page.locator(f"table.month a.entry.agreement_end[href$='/agreements/{ending.pk}/']")
    assert entry.count() == 1
    page.screenshot(path=str(output_dir / "calendar.png"), full_page=True)
