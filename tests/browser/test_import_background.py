"""As the Đắk Lắk editor: upload a large spreadsheet of partners, see the page say it is
being read, and (once the background worker has read it) the preview appear by itself;
confirm, see the page say it is being written, then the partners created."""

import pytest
from tests.browser.conftest import log_in, run_worker
from tests.imports.helpers import workbook

from doingoai.imports import views
from doingoai.imports.spreadsheet import REF_HEADER

pytestmark = pytest.mark.browser

#: a file is read and imported in the background from ``views.BACKGROUND_ROWS`` rows on
#: (100); every row costs 20-40 ms of the worker, twice (preview, import). The test lowers
#: the threshold (``views`` reads it at every upload and confirmation, in the live
#: server's thread of this process) so that a dozen rows make a large file;
#: tests/imports/test_background.py shows that a file of 100 rows is large.
LARGE_FROM = 10
ROWS = LARGE_FROM + 2


def test_a_large_spreadsheet_previews_in_the_background(page, output_dir, tmp_path, monkeypatch):
    from doingoai.partners.models import Partner

    monkeypatch.setattr(views, "BACKGROUND_ROWS", LARGE_FROM)
    headers = [REF_HEADER, "Tên tiếng Việt *", "Loại đối tác", "Quốc gia"]
    rows = [[f"NEN-{i}", f"Hội Phụ nữ nền {i}", "business", "LA"] for i in range(ROWS)]
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
    assert f"{ROWS} dòng" in page.inner_text("#preview")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == 0

    page.click("button:has-text('Nhập các dòng này')")
    page.wait_for_selector("#import-progress")
    assert "Đang chờ" in page.inner_text("#import-progress")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == 0

    run_worker(page)
    page.wait_for_selector("#result", timeout=10_000)  # the poll reloads the page
    page.screenshot(path=str(output_dir / "import-background-result.png"), full_page=True)
    assert f"{ROWS} dòng: {ROWS} mới" in page.inner_text("#result")
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count() == ROWS
    page.click("#import-written a >> nth=0")
    page.wait_for_selector("h1:has-text('Hội Phụ nữ nền 0')")
