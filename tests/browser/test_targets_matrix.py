"""The central union sets a term target for the provinces and sees who is behind:
Đắk Lắk (with the events of Phú Yên, merged into it in 2025) is on track, a province
with nothing is at risk and listed first; a cell leads to the records behind it; the
bell leads to a reminder and the reminder to its agreement."""

import datetime as dt
import math

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_central_sets_a_target_and_sees_who_is_behind(page, output_dir):
    from doingoai.core.samples import make
    from doingoai.organization import services
    from doingoai.organization.models import Term, Unit
    from doingoai.targets.models import Target

    daklak = services.province("Đắk Lắk")
    phu_yen = Unit.objects.get(area_name="Phú Yên", valid_to__isnull=False)
    from doingoai.reminders import services as reminders
    from doingoai.reports.periods import make_period
    from doingoai.targets.completeness import elapsed_share

    # a term of the test's own around today, so that the test holds on any date: begun
    # in 2023 (Phú Yên's events count for Đắk Lắk), three quarters of it passed today
    day = reminders.today()
    begun = dt.date(2023, 1, 1)
    term = Term.objects.create(
        number=90,
        name="XC",
        start_date=begun,
        end_date=day + dt.timedelta(days=(day - begun).days // 3),
    )
    period = make_period(term=term.name)
    share = elapsed_share(period, day)
    assert 0 < share < 1
    # a target Đắk Lắk has not reached but keeps pace with: as many events as the share
    # of the term that has passed (at least the two made below)
    value = next(v for v in range(2, 500) if 2 <= math.ceil(share * v) < v)
    held = math.ceil(share * value)
    make("activities", daklak, start_date=dt.date(2024, 6, 25))
    make("activities", phu_yen, start_date=dt.date(2023, 3, 1), end_date=None)
    for i in range(held - 2):
        make("activities", daklak, start_date=dt.date(2024, 7, 1) + dt.timedelta(days=i))

    ending = make(
        "agreements",
        daklak,
        title="Thỏa thuận hợp tác với Hội LHPN tỉnh Chămpasăk",
        end_date=reminders.today() + dt.timedelta(days=20),
    )
    reminders.refresh()
    log_in(page, "admin")

    page.goto(page.base + f"/targets/?term={term.name}")
    page.select_option("#id_measure", "intl_events")
    page.fill("#id_value", str(value))
    page.click("button.primary:has-text('Giao chỉ tiêu')")
    page.wait_for_selector(".messages li")
    assert Target.objects.get(unit=services.central_unit(), term=term).value == value

    table = page.locator("table.completeness")
    rows = table.locator("tbody tr")
    assert rows.count() == 34
    dl = table.locator(f"tr[data-unit='{daklak.name}'] td.cell")
    assert dl.get_attribute("data-status") == "on_track"
    assert dl.inner_text().startswith(str(held))
    assert "đúng tiến độ" in dl.inner_text()
    first = rows.nth(0)
    assert "nothing" in first.get_attribute("class")
    assert first.locator("td.cell").get_attribute("data-status") == "at_risk"
    assert "có nguy cơ" in first.inner_text()
    page.screenshot(path=str(output_dir / "targets-matrix.png"), full_page=True)

    # the cell leads to the activities that make it
    dl.locator("a").click()
    page.wait_for_url("**/activities/**")
    assert page.locator("table tbody tr").count() == min(held, 25)  # a page of 25
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
