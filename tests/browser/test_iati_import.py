"""As the Đắk Lắk editor: from the resources list, open the IATI import, upload a real
UK file (BEIS Newton Fund: a Turkish, a Vietnamese and a region-only activity), read the
preview, confirm, and find the three Vietnamese resources in the list."""

from pathlib import Path

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

BEIS = (
    Path(__file__).resolve().parents[1]
    / "iati_real"
    / "EXCERPT_beis_newton_rae_parent_TUR782_VNM792.xml"
)


def test_editor_imports_a_real_iati_file(page, output_dir):
    from doingoai.resources.models import Resource

    log_in(page, "daklak")
    page.goto(page.base + "/resources/")
    page.click("text=Nhập tệp IATI")
    page.set_input_files("#id_file", str(BEIS))
    page.click("button:has-text('Xem trước')")
    page.wait_for_selector("#iati-activities")
    page.screenshot(path=str(output_dir / "iati-import-preview.png"), full_page=True)
    rows = page.locator("#iati-activities tbody tr")
    assert rows.count() == 3
    assert "Bỏ qua: dành cho TR (Thổ Nhĩ Kỳ)" in page.inner_text("#iati-activities")
    assert Resource.objects.count() == 0

    page.click("button:has-text('Nhập các hoạt động này')")
    page.wait_for_url(page.base + "/resources/")
    assert "3 nguồn lực mới" in page.inner_text("body")
    assert Resource.objects.filter(unit__area_name="Đắk Lắk").count() == 3
