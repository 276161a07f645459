"""The browsable API docs render in a real browser under the project's CSP, offline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_docs_page_renders_without_csp_violations(page):
    page.set_default_timeout(60000)  # the Swagger bundle is large; CI machines are busy
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("requestfailed", lambda req: problems.append(f"failed: {req.url}"))
    external = []
    page.on(
        "request",
        lambda req: (
            external.append(req.url)
            if not req.url.startswith(page.base) and not req.url.startswith("data:")
            else None
        ),
    )
    page.goto(page.base + "/api/v1/docs")
    try:
        page.wait_for_selector(".swagger-ui .info .title")
    except Exception:
        raise AssertionError(f"{problems} {external} {page.content()[:1500]}")
    page.wait_for_selector("#operations-partners-partners_list")
    assert "doingoai API" in page.inner_text(".swagger-ui .info .title")
    assert not external, external
    assert not [p for p in problems if "Content Security Policy" in p or "failed" in p], problems
