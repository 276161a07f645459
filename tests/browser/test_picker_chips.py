"""Every many-to-many field is a picker with chips (issue 17): on an agreement's form,
at a phone's and a desktop's width, the editor types part of a partner's name without
its diacritics, adds two partners, removes one with its chip's ×, and saves; the
agreement keeps the one left. Screenshots: test-output/chips-<width>-*.png."""

import pytest
from tests.browser.conftest import log_in
from tests.browser.test_layout import OVERFLOW_JS

pytestmark = pytest.mark.browser


def test_two_partners_added_and_one_removed_with_chips(page, output_dir):
    from doingoai.core.samples import make
    from doingoai.organization import services
    from doingoai.partners.models import Partner

    daklak = services.province("Đắk Lắk")
    oxfam = Partner.objects.create(
        name_vi="Tổ chức Oxfam tại Việt Nam", kind="ngo", country="GB", unit=daklak
    )
    un_women = Partner.objects.create(
        name_vi="Cơ quan Liên Hợp Quốc về Bình đẳng giới",
        acronym="UN Women",
        kind="un",
        country="VN",
        unit=daklak,
    )
    Partner.objects.create(
        name_vi="Hội LHPN tỉnh Chămpasăk", kind="womens_union", country="LA", unit=daklak
    )
    log_in(page, "daklak")
    for width in (390, 1440):
        agreement = make("agreements", daklak, title=f"Thỏa thuận thử ở {width} px")
        agreement.partners.clear()
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(page.base + f"/agreements/{agreement.pk}/edit/")
        picker = page.locator("#id_partners_picker")
        assert not page.locator("#id_partners").is_visible()  # the list hides behind chips
        search = page.locator("#id_partners_search")
        search.press_sequentially("oxfam viet", delay=20)  # "Việt" typed without marks
        option = page.locator("#id_partners_results .picker-option", has_text="Oxfam")
        option.click()
        search.press_sequentially("binh dang", delay=20)
        page.locator("#id_partners_results .picker-option").first.wait_for()
        page.screenshot(path=str(output_dir / f"chips-{width}-typing.png"), full_page=True)
        page.locator("#id_partners_results .picker-option", has_text="Bình đẳng").click()
        chips = picker.locator(".picker-chosen li")
        assert chips.count() == 2
        assert page.evaluate(OVERFLOW_JS) == []
        page.screenshot(path=str(output_dir / f"chips-{width}-two.png"), full_page=True)
        chips.filter(has_text="Oxfam").locator(".picker-remove").click()
        assert chips.count() == 1 and "Bình đẳng" in chips.first.inner_text()
        page.screenshot(path=str(output_dir / f"chips-{width}-one.png"), full_page=True)
        page.click("button.primary[type=submit]")
        page.wait_for_url(page.base + agreement.get_absolute_url())
        assert list(agreement.partners.all()) == [un_women]
        assert oxfam not in agreement.partners.all()
