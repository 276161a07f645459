"""In the browser: a forgotten password chosen again through the emailed link, and her
API tokens made, shown once, listed with their expiry and revoked."""

import re

import pytest
from django.utils.timezone import localtime
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_forgotten_password_by_email(page, settings, output_dir):
    from django.core import mail

    from doingoai.organization.models import User
    from doingoai.organization.services import province

    settings.SITE_URL = page.base
    User.objects.create_user(
        "nhanvien", email="lan@example.org", password="Mat-khau-cu-2024", unit=province("Đắk Lắk")
    )
    mail.outbox.clear()
    page.goto(page.base + "/accounts/login/")
    page.click("text=Quên mật khẩu?")
    page.fill("#id_email", "lan@example.org")
    page.click("button:has-text('Gửi đường dẫn')")
    page.wait_for_selector("h1:has-text('Kiểm tra email')")
    link = re.search(r"(http\S+/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    page.goto(link)
    page.wait_for_selector("h1:has-text('Chọn mật khẩu mới')")
    page.fill("#id_new_password1", "Hoa-sen-tren-ho-42")
    page.fill("#id_new_password2", "Hoa-sen-tren-ho-42")
    page.click("button:has-text('Lưu mật khẩu mới')")
    page.wait_for_selector("h1:has-text('Mật khẩu của bạn đã được đổi')")
    page.screenshot(path=str(output_dir / "password-reset-done.png"))
    log_in(page, "nhanvien", "Hoa-sen-tren-ho-42")


def test_her_api_tokens(page, output_dir):
    from doingoai.api.models import ApiToken

    log_in(page, "daklak")
    page.goto(page.base + "/profile/")
    page.click("text=Mã truy cập API của tôi")
    page.fill("#id_name", "báo cáo quý")
    page.select_option("#id_days", "90")
    page.click("button:has-text('Tạo mã truy cập')")
    shown = page.text_content("[data-testid=new-token]")
    token = ApiToken.objects.get(name="báo cáo quý")
    assert shown.startswith(f"dgo_{token.prefix}_")
    row = page.locator(f"tr[data-token='{token.prefix}']")
    assert localtime(token.expires).strftime("%d/%m/%Y") in row.text_content()
    assert "chưa bao giờ" in row.text_content()
    page.screenshot(path=str(output_dir / "api-tokens.png"), full_page=True)
    page.reload()
    assert page.locator("[data-testid=new-token]").count() == 0  # shown once
    page.locator(f"tr[data-token='{token.prefix}'] button:has-text('Thu hồi')").click()
    page.wait_for_selector(".messages li")
    token.refresh_from_db()
    assert token.revoked is not None
