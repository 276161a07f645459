"""In a browser: the editor writes the narrative of a report on its page and submits it;
the approver sees "Duyệt", "Trả lại"; the reports page lists it (screenshots in
test-output/)."""

from __future__ import annotations

import pytest
from tests.conftest import ensure_world

from doingoai.organization.models import Term
from doingoai.reportdocs.models import ReportDocument


def login(browser, live_server, client, user):
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.mark.browser
def test_write_submit_and_see_the_approvers_buttons(
    transactional_db, live_server, client, browser, output_dir
):
    ensure_world()
    from tests.conftest import World

    w = World()
    report = ReportDocument.objects.create(unit=w.daklak, term=Term.objects.get(name="XIII"))
    context, page = login(browser, live_server, client, w.user("daklak"))
    try:
        page.goto(f"{live_server.url}/report-documents/{report.pk}/edit/")
        page.fill("textarea[name=limits]", "Nguồn lực vận động còn ít.")
        page.screenshot(path=str(output_dir / "report-document-edit.png"), full_page=True)
        page.locator("form button[type=submit], form input[type=submit]").last.click()
        page.wait_for_url(f"**/report-documents/{report.pk}/")
        page.get_by_role("button", name="Trình duyệt").click()
        page.wait_for_load_state()
        assert "Đã trình" in page.content()
    finally:
        context.close()
    report.refresh_from_db()
    assert report.state == "submitted" and report.limits == "Nguồn lực vận động còn ít."

    context, page = login(browser, live_server, client, w.user("daklak_lead"))
    try:
        page.goto(f"{live_server.url}/report-documents/{report.pk}/")
        assert page.get_by_role("button", name="Duyệt").count() == 1
        assert page.get_by_role("button", name="Trả lại").count() == 1
        page.screenshot(path=str(output_dir / "report-document-approver.png"), full_page=True)
        page.goto(f"{live_server.url}/reports/?unit={w.daklak.pk}")
        nav = page.locator("nav a", has_text="Báo cáo")
        assert nav.count() >= 1
        assert "Đã trình" in page.locator("#report-documents").inner_text()
        page.screenshot(path=str(output_dir / "reports-page.png"), full_page=True)
    finally:
        context.close()
