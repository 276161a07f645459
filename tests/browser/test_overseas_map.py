"""The dashboard's map of Vietnamese women's organizations abroad, drawn in the browser:
the countries of the reader's organizations are coloured, with a table under the map."""

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_dashboard_draws_the_organizations_abroad_on_a_map(page, output_dir):
    from doingoai.core.samples import make
    from doingoai.organization import services as org

    daklak = org.province("Đắk Lắk")
    make("overseas", daklak, country="LA")
    make("overseas", daklak, country="KR")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    log_in(page, "daklak")
    card = page.locator('[data-map="overseas"]')
    card.scroll_into_view_if_needed()
    assert "Tổ chức phụ nữ Việt Nam ở nước ngoài theo quốc gia" in card.inner_text()
    card.locator("#chart-map-overseas canvas").wait_for()
    assert card.locator("tr[data-country]").count() == 2
    card.screenshot(path=str(output_dir / "dashboard-overseas-map.png"), timeout=60000)
    assert errors == []
