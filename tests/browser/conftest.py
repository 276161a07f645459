"""Browser tests: Playwright driving Debian's chromium against live_server."""


def log_in(page, username, password="doingoai-demo"):
    page.goto(page.base + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    try:
        page.wait_for_url(page.base + "/")
    except Exception:
        page.screenshot(path="/tmp/login-fail.png")
        raise
