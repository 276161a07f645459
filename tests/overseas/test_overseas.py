"""Vietnamese women's organizations abroad: the form's refusals, the spreadsheet
import, the dashboard card and the term report section, each in the reader's scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.imports.helpers import workbook
from tests.texts import docx_text

from doingoai.core.samples import make
from doingoai.imports.spreadsheet import REF_HEADER, import_workbook
from doingoai.overseas.models import OverseasOrganization
from doingoai.reports.documents import render_unit_report
from doingoai.reports.periods import make_period

pytestmark = pytest.mark.django_db


def test_add_through_the_form_and_refusals(world, login):
    client = login("daklak")
    url = reverse("overseas_add")
    good = {
        "name_vi": "Hội Phụ nữ Việt Nam tại Viêng Chăn",
        "country": "LA",
        "city": "Viêng Chăn",
        "founded": "08/03/2024",
        "status": "active",
        "members": "1.200",
        "unit": world.daklak.pk,
    }
    bad = dict(good, founded=(dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y"))
    page = client.post(url, bad)
    assert page.status_code == 400
    assert "Ngày thành lập không thể ở trong tương lai." in page.content.decode()
    assert not OverseasOrganization.objects.exists()
    page = client.post(url, dict(good, country="XX"))
    assert page.status_code == 400 and not OverseasOrganization.objects.exists()
    page = client.post(url, good)
    assert page.status_code == 302, page.content.decode()[:2000]
    org = OverseasOrganization.objects.get()
    assert org.members == 1200 and org.founded == dt.date(2024, 3, 8)
    detail = client.get(org.get_absolute_url()).content.decode()
    assert "Viêng Chăn" in detail and "Lào" in detail


def test_support_and_events_shown_in_the_readers_scope(world, login):
    org = make("overseas", world.daklak)
    mine = make("activities", world.daklak, title="Tập huấn cho hội viên ở Pakse")
    theirs = make("activities", world.hanoi, title="Hoạt động riêng của Hà Nội")
    gift = make("resources", world.daklak, title="Tủ sách tiếng Việt tặng câu lạc bộ")
    org.support_activities.set([mine, theirs])
    org.support_resources.set([gift])
    page = login("daklak").get(org.get_absolute_url()).content.decode()
    assert "Tập huấn cho hội viên ở Pakse" in page
    assert "Tủ sách tiếng Việt tặng câu lạc bộ" in page
    assert "Hoạt động riêng của Hà Nội" not in page


def test_import_from_a_spreadsheet_twice_changes_nothing(world):
    headers = [
        REF_HEADER,
        "Tên tiếng Việt",
        "Quốc gia",
        "Thành phố",
        "Ngày thành lập",
        "Số hội viên (ước tính)",
    ]
    rows = [
        ["OV-1", "Hội Phụ nữ Việt Nam tại Hàn Quốc", "Hàn Quốc", "Seoul", "20/10/2018", 300],
        ["OV-2", "Câu lạc bộ Phụ nữ Việt Nam tại Đài Bắc", "TW", "Đài Bắc", "", ""],
    ]
    user = world.user("daklak")
    report = import_workbook("overseas", workbook(headers, rows), user=user)
    assert report.ok, report.summary()
    assert OverseasOrganization.objects.filter(unit=world.daklak).count() == 2
    korea = OverseasOrganization.objects.get(country="KR")
    assert korea.members == 300 and korea.founded == dt.date(2018, 10, 20)
    again = import_workbook("overseas", workbook(headers, rows), user=user)
    assert again.counts["unchanged"] == 2
    bad = import_workbook(
        "overseas", workbook(headers, [["OV-3", "Hội X", "Xứ Không Có", "", "", ""]]), user=user
    )
    assert not bad.ok
    assert "Quốc gia" in str(bad.all_problems()[0])
    assert OverseasOrganization.objects.count() == 2


def test_dashboard_card_counts_only_what_the_reader_sees(world, login):
    make("overseas", world.daklak, country="LA", founded=dt.date(2024, 3, 8))
    make("overseas", world.daklak, country="KR", founded_with_support=False)
    make("overseas", world.hanoi, country="JP")
    page = login("daklak").get(reverse("dashboard"), {"unit": world.daklak.pk, "term": "XIII"})
    html = page.content.decode()
    assert 'data-figure="overseas"><strong>2</strong>' in html
    assert "2 quốc gia, 1 được thành lập với sự hỗ trợ" in html
    hanoi = login("hanoi").get(reverse("dashboard"), {"unit": world.hanoi.pk, "term": "XIII"})
    assert 'data-figure="overseas"><strong>1</strong>' in hanoi.content.decode()


def test_term_report_section(world):
    org = make("overseas", world.daklak, country="LA", founded=dt.date(2023, 3, 8))
    make("overseas", world.daklak, country="LA", founded=dt.date(2010, 1, 1), members=None)
    make("overseas", world.hanoi, name_vi="Hội ở Nhật của Hà Nội", country="JP")
    gift = make("resources", world.daklak, date=dt.date(2024, 6, 28))
    org.support_resources.set([gift])
    raw = render_unit_report(
        unit=world.daklak,
        period=make_period(term="XIII"),
        user=world.user("daklak"),
        fmt="docx",
        today=dt.date(2025, 11, 1),
    )
    text = docx_text(raw)
    assert "CÔNG TÁC VỚI PHỤ NỮ VIỆT NAM Ở NƯỚC NGOÀI" in text
    assert "Lào | 2 | 2 | 80" in text
    assert "1 tổ chức được thành lập với sự hỗ trợ của Hội: " + org.name_vi in text
    assert "Hỗ trợ đã trao: 1 khoản, trị giá 40.000.000 ₫" in text
    assert "Nhật" not in text.split("CÔNG TÁC VỚI PHỤ NỮ VIỆT NAM")[1].split("\n")[3]
    assert "Hội ở Nhật của Hà Nội" not in text


def test_dashboard_map_shows_the_organizations_by_country_in_the_readers_scope(world, login):
    import json
    import re

    make("overseas", world.daklak, country="LA")
    make("overseas", world.daklak, country="LA", status=OverseasOrganization.Status.FORMING)
    make("overseas", world.daklak, country="KR")
    make("overseas", world.hanoi, country="JP")

    def layer(user, unit):
        page = login(user).get(reverse("dashboard"), {"unit": unit.pk, "term": "XIII"})
        html = page.content.decode()
        found = re.search(r'id="dashboard-data" type="application/json">(.*?)</script>', html)
        charts = json.loads(found.group(1))
        return html, {c["name"]: c for c in charts["mapLayers"][0]["countries"]}

    html, countries = layer("daklak", world.daklak)
    assert "Tổ chức phụ nữ Việt Nam ở nước ngoài theo quốc gia" in html
    assert 'id="chart-map-overseas"' in html
    assert sorted(countries) == ["KR", "LA"]  # Hà Nội's organization in Japan is not hers
    assert countries["LA"]["value"] == 2 and countries["LA"]["note"] == "1 đang hoạt động"
    assert countries["LA"]["label"] == "Lào"
    assert '<tr data-country="LA"><td>Lào</td>' in html
    listed = login("daklak").get(countries["LA"]["url"]).content.decode()
    assert listed.count("Hội Phụ nữ Việt Nam mẫu") == 2
    _html, central = layer("trunguong", world.central)
    assert sorted(central) == ["JP", "KR", "LA"]
    hanoi_html, hanoi = layer("hanoi", world.hanoi)
    assert sorted(hanoi) == ["JP"]
