"""As a case handler in the browser: sign in, open a case, be asked for the code of the
authenticator app, type a generated TOTP, read the case and its access log."""

import base64

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_handler_gives_a_totp_code_to_open_her_case(page, output_dir):
    from django_otp.oath import TOTP
    from tests.protection.helpers import PLANTED_NAME, make_case

    from doingoai.protection import demo
    from doingoai.protection.models import ProtectionCase

    handler = demo.demo_handler()
    case = make_case(handler.unit, handlers=[handler])
    log_in(page, demo.USERNAME)
    page.goto(page.base + case.get_absolute_url())
    page.wait_for_url("**/cases/verify/**")
    page.screenshot(path=str(output_dir / "cases-verify.png"), full_page=True)
    page.fill("#id_token", "123456")
    page.click("button[type=submit]")
    assert "Mã này sai hoặc đã hết hạn." in page.content()
    import time

    time.sleep(1.2)  # django-otp slows guessing down after a wrong code
    token = TOTP(base64.b32decode(demo.DEMO_TOTP_SECRET)).token()
    page.fill("#id_token", f"{token:06d}")
    page.click("button[type=submit]")
    page.wait_for_url(page.base + case.get_absolute_url())
    assert PLANTED_NAME in page.content()
    assert page.locator("#access-log").get_by_text(handler.full_name).count() >= 1
    page.screenshot(path=str(output_dir / "cases-detail.png"), full_page=True)
    assert ProtectionCase.objects.filter(pk=case.pk).exists()
