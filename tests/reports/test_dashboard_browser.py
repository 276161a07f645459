"""A browser screenshot of the dashboard with its charts (kept in test-output/)."""

import datetime as dt
from decimal import Decimal

import pytest
from tests.conftest import ensure_world

from doingoai.core.samples import make


@pytest.mark.browser
def test_dashboard_screenshot(transactional_db, live_server, client, output_dir, request, browser):
    ensure_world()
    data = request.getfixturevalue("data")
    # a national-scale total: seventeen digits must stay inside their card
    make(
        "resources",
        data.world.daklak,
        title="Tổng hợp nguồn lực nhiệm kỳ",
        direction="received",
        kind="project",
        quantity=Decimal(1),
        unit_value=Decimal(9_488_819_130_177),
        currency="VND",
        date=dt.date(2024, 5, 2),
        partner=data.lao,
    )
    # aid from a dozen more countries: the chart by country shows the leading ones and
    # a slider to the rest, every label readable
    for i, country in enumerate(
        ("TH", "KH", "CN", "KR", "FR", "DE", "US", "AU", "GB", "RU", "SE", "NL", "IN")
    ):
        donor = make(
            "partners",
            data.world.hanoi,
            name_vi=f"Đối tác {country}",
            country=country,
            subdivision="",
        )
        make(
            "resources",
            data.world.hanoi,
            title=f"Tài trợ {country}",
            direction="received",
            kind="cash",
            quantity=Decimal(1),
            unit_value=Decimal(1_000_000 * (i + 1)),
            currency="VND",
            date=dt.date(2024, 6, 1),
            partner=donor,
        )
    client.force_login(data.world.user("trunguong"))
    session = client.cookies["sessionid"].value
    url = f"{live_server.url}/?unit={data.world.central.pk}&term=XIII"
    errors = []
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    try:
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.on(
            "console",
            lambda m: (
                m.type == "error"
                and "favicon" not in m.location.get("url", "")
                and errors.append(f"{m.text} @ {m.location}")
            ),
        )
        page.on("pageerror", lambda e: errors.append(f"{e}\n{e.stack}"))
        page.goto(url)
        for chart in (
            "chart-years",
            "chart-kinds",
            "chart-map",
            "chart-resources",
            "chart-resource-kinds",
            "chart-timeline",
        ):
            page.wait_for_selector(f"#{chart} canvas", timeout=15000)
        # the map is drawn once the GeoJSON has arrived
        page.wait_for_function(
            "() => echarts.getInstanceByDom(document.getElementById('chart-map'))"
            ".getOption().series.length > 0",
            timeout=15000,
        )
        page.wait_for_timeout(1500)
        # a window shrunk to nothing and back (Chromium does it for a full-page capture):
        # ECharts threw laying the map out in no room, and the map must come back
        page.set_viewport_size({"width": 1, "height": 1})
        page.wait_for_timeout(300)
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.wait_for_function(
            "() => echarts.getInstanceByDom(document.getElementById('chart-map')).getWidth() > 1000"
        )
        page.screenshot(path=str(output_dir / "dashboard.png"), full_page=True)
        assert page.locator("[data-figure=activities] strong").inner_text() == "3"
        assert page.locator("[data-figure=received] strong").inner_text() == "9.490.660.130.177 ₫"
        spilling = page.evaluate(
            "() => [...document.querySelectorAll('.stat')].filter("
            "c => c.scrollWidth > c.clientWidth + 1).map(c => c.dataset.figure)"
        )
        assert spilling == []
        zoom = page.evaluate(
            "() => echarts.getInstanceByDom(document.getElementById('chart-resources'))"
            ".getOption().dataZoom.map(z => [z.startValue, z.endValue])"
        )
        assert [0, 11] in zoom  # twelve countries of the fifteen in view
    finally:
        context.close()
    assert not errors, errors
    assert (output_dir / "dashboard.png").stat().st_size > 50_000
