"""As a case handler in the browser: sign in with the password, be asked at once for
the code of the authenticator app (no page before it), type a generated TOTP, reach the
dashboard, open a case without being asked again, read its access log. Someone named on
no case signs in straight to the dashboard."""

import base64
import time

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_handler_gives_a_totp_code_right_after_her_password(page, output_dir):
    from django_otp.oath import TOTP
    from tests.protection.helpers import PLANTED_NAME, make_case

    from doingoai.protection import demo

    handler = demo.demo_handler()
    case = make_case(handler.unit, handlers=[handler])
    page.goto(page.base + "/accounts/login/")
    page.fill("#id_username", demo.USERNAME)
    page.fill("#id_password", "doingoai-demo")
    page.click("button[type=submit]")
    page.wait_for_url("**/cases/verify/?next=%2F")
    page.screenshot(path=str(output_dir / "cases-verify.png"), full_page=True, timeout=60000)
    page.goto(page.base + "/partners/")  # no page before the code
    page.wait_for_url("**/cases/verify/?next=%2Fpartners%2F")
    page.fill("#id_token", "123456")
    page.click("button[type=submit]")
    assert "Mã này sai hoặc đã hết hạn." in page.content()
    time.sleep(1.2)  # django-otp slows guessing down after a wrong code
    token = TOTP(base64.b32decode(demo.DEMO_TOTP_SECRET)).token()
    page.fill("#id_token", f"{token:06d}")
    page.click("button[type=submit]")
    page.wait_for_url(page.base + "/partners/")
    page.goto(page.base + case.get_absolute_url())  # fresh: not asked again
    page.wait_for_url(page.base + case.get_absolute_url())
    assert PLANTED_NAME in page.content()
    assert page.locator("#access-log").get_by_text(handler.full_name).count() >= 1
    page.screenshot(path=str(output_dir / "cases-detail.png"), full_page=True, timeout=60000)

    page.context.clear_cookies()
    log_in(page, "daklak")  # named on no case: the dashboard at once
    assert page.url == page.base + "/"
