"""As the Đắk Lắk editor: upload a spreadsheet of 120 partners, see the page say it is
being read, and (once the background worker has read it) the preview appear by itself;
confirm, see the page say it is being written, then the partners created."""

import pytest
from tests.browser.conftest import log_in, run_worker
from tests.imports.helpers import workbook

from doingoai.imports.spreadsheet import REF_HEADER

pytestmark = pytest.mark.browser


def test_a_large_spreadsheet_previews_in_the_background(page, output_dir, tmp_path):
    from doingoai.partners.models import Partner

    headers = [REF_HEADER, "Tên tiếng Việt *", "Loại đối tác", "Quốc gia"]
    rows = [[f"NEN-{i}", f"Hội Phụ nữ nền {i}", "business", "LA"] for i in range(120)]
    path = workbook(headers, rows, tmp_path / "doi-tac.xlsx")

    log_in(page, "daklak")
    page.goto(page.base + "/import/partners/")
    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('Xem trước')")
    page.wait_for_selector("#import-progress")
    assert "Đang chờ" in page.inner_text("#import-progress")
    page.screenshot(path=str(output_dir / "import-background-waiting.png"), full_page=True)

    run_worker(page)
    page.wait_for_selector("#preview", timeout=10_000)  # the poll reloads the page
    page.screenshot(path=str(output_dir / "import-background-preview.png"), full_page=True)
    assert "120 dòng" in page.inner_text("#preview")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == 0

    page.click("button:has-text('Nhập các dòng này')")
    page.wait_for_selector("#import-progress")
    assert "Đang chờ" in page.inner_text("#import-progress")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == 0

    run_worker(page)
    page.wait_for_selector("#result", timeout=10_000)  # the poll reloads the page
    page.screenshot(path=str(output_dir / "import-background-result.png"), full_page=True)
    assert "120 dòng: 120 mới" in page.inner_text("#result")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == 120
    page.click("#import-written a >> nth=0")
    page.wait_for_selector("h1:has-text('Hội Phụ nữ nền 0')")
