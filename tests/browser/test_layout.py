"""Layout at a phone's, a tablet's and a desktop's width (issue 17): a menu button on
the phone, no sideways page scroll, nothing outside its card (a wide table scrolls
inside its card), on a list, a detail page and a form of every record kind, the
dashboard, search, reports and an error page. Screenshots: test-output/layout-*.png."""

import datetime as dt

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1440)

#: elements sticking out of the card (or the page) they are in, unless a box between
#: them scrolls sideways on purpose
OVERFLOW_JS = """
() => {
  const doc = document.documentElement;
  const out = [];
  if (doc.scrollWidth > window.innerWidth + 1) {
    out.push(`page ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
  }
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const cards = "main .card, main .results, main .filters, main .record-form, main .stat";
  const inner = "table, input, select, textarea, img, canvas, dl, h1, h2, p, ul";
  for (const card of document.querySelectorAll(cards)) {
    const box = card.getBoundingClientRect();
    for (const el of card.querySelectorAll(inner)) {
      if (el.closest(".picker-select") || getComputedStyle(el).display === "none") continue;
      let hidden = false;
      for (let a = el.parentElement; a && a !== card.parentElement; a = a.parentElement) {
        if (scrolls(a)) { hidden = true; break; }
      }
      if (hidden) continue;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > box.right + 1) {
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "");
        out.push(`${name} ends at ${Math.round(r.right)} outside ${card.className} ` +
                 `ending at ${Math.round(box.right)}`);
      }
    }
  }
  return out;
}
"""


def pages_to_check():
    from doingoai.core.samples import make
    from doingoai.organization import services

    daklak = services.province("Đắk Lắk")
    partner = make("partners", daklak)
    agreement = make("agreements", daklak, end_date=dt.date.today() + dt.timedelta(days=900))
    activity = make("activities", daklak)
    resource = make("resources", daklak)
    pages = {"dashboard": "/", "search": "/search/?q=lao", "reports": "/reports/"}
    for slug, record in (
        ("partners", partner),
        ("agreements", agreement),
        ("activities", activity),
        ("resources", resource),
    ):
        pages[f"{slug}-list"] = f"/{slug}/"
        pages[f"{slug}-detail"] = record.get_absolute_url()
        pages[f"{slug}-form"] = f"/{slug}/add/"
    pages["units-list"] = "/units/"
    pages["units-detail"] = daklak.get_absolute_url()
    pages["not-found"] = "/activities/987654321/"
    return pages


def settle(page, name):
    """The page with its late parts in: the parts HTMX loads after the page (the
    reminders' bell) swapped in; the dashboard's world map, fetched by its script, once
    the network is quiet (Playwright's "networkidle" waits half a second of quiet: only
    where a part is fetched otherwise than by HTMX)."""
    if name == "dashboard":
        page.wait_for_load_state("networkidle")
        return
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => !document.querySelector('[hx-trigger=load], .htmx-request, .htmx-settling')"
    )


@pytest.mark.once  # the pages' layout, the same on both databases (40 s a pass)
def test_no_sideways_scroll_and_nothing_outside_its_card(page, output_dir):
    pages = pages_to_check()
    log_in(page, "daklak")
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in pages.items():
            page.goto(page.base + url)
            settle(page, name)
            page.screenshot(path=str(output_dir / f"layout-{width}-{name}.png"), full_page=True)
            found = page.evaluate(OVERFLOW_JS)
            if found:
                problems[f"{width} {name}"] = found[:4]
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_phone_has_a_menu_button_and_a_usable_search_box(page, output_dir):
    log_in(page, "daklak")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(page.base + "/")
    nav = page.locator("nav.sidenav")
    assert not nav.is_visible()
    button = page.locator("button.menu-toggle")
    assert button.is_visible()
    button.click()
    assert nav.is_visible()
    assert page.locator("nav.sidenav a", has_text="Hoạt động").first.is_visible()
    page.screenshot(path=str(output_dir / "layout-390-menu-open.png"), full_page=True)
    search = page.locator("form.search input").bounding_box()
    assert search["width"] >= 200
    # the user line stays on one or two lines
    assert page.locator(".who").bounding_box()["height"] <= 48
    page.set_viewport_size({"width": 1440, "height": 900})
    assert not button.is_visible() and nav.is_visible()
