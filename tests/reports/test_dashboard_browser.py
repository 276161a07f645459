"""A browser screenshot of the dashboard with its charts (kept in test-output/)."""

import pytest
from tests.conftest import ensure_world


@pytest.mark.browser
def test_dashboard_screenshot(transactional_db, live_server, client, output_dir, request,
                              browser):
    ensure_world()
    data = request.getfixturevalue("data")
    client.force_login(data.world.user("trunguong"))
    session = client.cookies["sessionid"].value
    url = f"{live_server.url}/?unit={data.world.central.pk}&term=XIII"
    errors = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    try:
        context.add_cookies([{"name": "sessionid", "value": session,
                              "url": live_server.url}])
        page = context.new_page()
        page.on("console", lambda m: m.type == "error"
                and "favicon" not in m.location.get("url", "")
                and errors.append(f"{m.text} @ {m.location}"))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        for chart in ("chart-years", "chart-kinds", "chart-map", "chart-resources",
                      "chart-resource-kinds", "chart-timeline"):
            page.wait_for_selector(f"#{chart} canvas", timeout=15000)
        # the map is drawn once the GeoJSON has arrived
        page.wait_for_function(
            "() => echarts.getInstanceByDom(document.getElementById('chart-map'))"
            ".getOption().series.length > 0", timeout=15000)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(output_dir / "dashboard.png"), full_page=True)
        assert page.locator("[data-figure=activities] strong").inner_text() == "3"
    finally:
        context.close()
    assert not errors, errors
    assert (output_dir / "dashboard.png").stat().st_size > 50_000
