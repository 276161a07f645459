"""As the Đắk Lắk editor: choose a ZIP of two real articles and a third article file on
the news page, see the page say they are being read, and (once the background worker
has read them) the list of drafts appear by itself; review them one after the other."""

import zipfile
from pathlib import Path

import pytest
from tests.browser.conftest import log_in, run_worker

pytestmark = pytest.mark.browser

REAL = Path(__file__).resolve().parents[1] / "news" / "real"


def test_articles_are_read_in_the_background_and_reviewed_in_turn(page, output_dir, tmp_path):
    from doingoai.news.models import NewsItem

    archive = tmp_path / "tin-bai.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(REAL / "001_tong-ket-quy-unilever.txt", "1-unilever.txt")
        zf.write(REAL / "088_thanh-hoa-hua-phan.txt", "2-thanh-hoa.txt")
    loose = REAL / "075_chuyen-xe-huu-nghi.txt"

    log_in(page, "daklak")
    page.goto(page.base + "/news/import/")
    page.set_input_files("#id_file", [str(archive), str(loose)])
    page.click("button:has-text('Đọc bài báo')")
    page.wait_for_selector("#import-progress")
    assert "Đang chờ" in page.inner_text("#import-progress")
    page.screenshot(path=str(output_dir / "news-batch-waiting.png"), full_page=True)
    assert not NewsItem.objects.exists()

    run_worker(page)
    page.wait_for_selector("#batch-result", timeout=10_000)  # the poll reloads the page
    page.screenshot(path=str(output_dir / "news-batch-result.png"), full_page=True)
    result = page.inner_text("#batch-result")
    assert "3 bản nháp mới" in result and "còn 3 bài chờ duyệt" in result
    assert NewsItem.objects.filter(status="draft").count() == 3

    page.click("#review-first")
    page.wait_for_selector("#batch-nav")
    assert "Bài 1/3" in page.inner_text("#batch-nav")
    assert "còn 2 bài chờ duyệt" in page.inner_text("#batch-nav")
    page.click("#batch-nav a[rel=next]")
    page.wait_for_selector("#batch-nav")
    assert "Bài 2/3" in page.inner_text("#batch-nav")
    page.screenshot(path=str(output_dir / "news-batch-review.png"), full_page=True)
    page.click("#batch-nav a[rel=prev]")
    page.wait_for_selector("#batch-nav")
    assert "Bài 1/3" in page.inner_text("#batch-nav")
