import re
from html import unescape

from django.core.management import call_command
from django.urls import reverse
from tests.reports.conftest import data_for_the_module

_report_data, data = data_for_the_module()


def links(html: str) -> dict[str, str]:
    """The dashboard's figure cards: figure name -> (number, link)."""
    out = {}
    for m in re.finditer(
        r'<a class="stat[^"]*" href="([^"]*)" data-figure="([^"]+)">'
        r"<strong>([^<]*)</strong>",
        html,
    ):
        out[m.group(2)] = (unescape(m.group(3)), unescape(m.group(1)))
    return out


def list_count(client, url) -> int:
    """How many rows the filtered list shows (its paginator count)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["table"].paginator.count


def test_dashboard_numbers_link_to_the_lists_that_make_them(data, login):
    client = login("daklak")
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="dashboard-data"' in html and "<script>" not in html.replace(
        'type="application/json"', ""
    )
    cards = links(html)
    assert cards["activities"][0] == "2"
    assert cards["given"][0] == "40.000.000 ₫"
    checks = {
        "activities": 2,
        "delegations_out": 1,
        "delegations_in": 0,
        "intl_events": 2,
        "partners": 2,
        "new_partners": 1,
        "agreements_signed": 1,
        "agreements_renewed": 0,
        "agreements_reviewed": 1,
        "agreements_in_force": 1,
        "agreements_expiring": 0,
        "agreements_review_due": 0,
        "received": 1,
        "given": 1,
    }
    for name, expected in checks.items():
        number, url = cards[name]
        assert list_count(client, url) == expected, (name, url)


def test_dashboard_selectors_and_scope(data, login):
    w = data.world
    client = login("daklak")
    url = reverse("dashboard")
    assert client.get(url, {"unit": w.daklak.pk, "year": 2023}).status_code == 200
    assert client.get(url, {"unit": w.hanoi.pk}).status_code == 404
    assert client.get(url, {"term": "nope"}).status_code == 404
    client = login("trunguong")
    response = client.get(url, {"unit": w.central.pk, "term": "XIII"})
    assert response.status_code == 200
    fig = response.context["fig"]
    assert fig["activities"]["total"] == 3
    assert len(fig["units_without_events"]) == 32
    charts = response.context["charts"]
    assert {c["name"] for c in charts["partnerCountries"]} == {"LA", "JP"}


def test_world_map(data, login):
    response = login("daklak").get(reverse("reports_world"))
    assert response.status_code == 200
    assert b'"name":"LA"' in response.content


def test_report_downloads(data, login):
    w = data.world
    client = login("daklak")
    url = reverse("reports_unit", args=[w.daklak.pk])
    for fmt, magic in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        response = client.get(url, {"term": "XIII", "format": fmt})
        assert response.status_code == 200
        assert response.content.startswith(magic)
    assert client.get(reverse("reports_unit", args=[w.hanoi.pk])).status_code == 404
    response = client.get(reverse("reports_agreement", args=[data.agreement.pk]), {"format": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert (
        client.get(reverse("reports_agreement", args=[data.hanoi_agreement.pk])).status_code == 404
    )
    assert client.get(reverse("reports_index")).status_code == 200


def test_iati_button_for_the_central_union_only(data, login):
    assert login("daklak").get(reverse("iati_export")).status_code == 403
    client = login("trunguong")
    response = client.get(reverse("iati_export"))
    assert response.status_code == 200
    response = client.get(reverse("iati_export"), {"download": "1"})
    assert response.status_code == 200 and b"<iati-activities" in response.content


def test_command_line(data, tmp_path, capsys):
    out = tmp_path / "daklak.docx"
    call_command(
        "report",
        "--unit",
        "Đắk Lắk",
        "--term",
        "XIII",
        "--format",
        "docx",
        "--output",
        str(out),
        "--as",
        "daklak",
    )
    assert out.read_bytes().startswith(b"PK")
    err = capsys.readouterr().err
    assert "done in" in err
    out = tmp_path / "central.xlsx"
    call_command(
        "report",
        "--unit",
        "VN",
        "--year",
        "2024",
        "--format",
        "xlsx",
        "--output",
        str(out),
        "--quiet",
    )
    assert out.stat().st_size > 1000
    out = tmp_path / "review.pdf"
    call_command("review_report", str(data.agreement.pk), "--format", "pdf", "--output", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    out = tmp_path / "iati.xml"
    call_command("export_iati", "--unit", "66", "--output", str(out), "--quiet")
    assert b"<iati-activities" in out.read_bytes()
    assert "Valid against the IATI 2.03 schema" in capsys.readouterr().out


def test_only_who_may_start_a_report_document_sees_the_button(data, login):
    """Seen on the demo: a viewer was offered "Lập báo cáo mới" on /reports/."""
    start = reverse("report-documents_add")
    for user, offered in (("trunguong", False), ("hanoi", False), ("daklak", True)):
        page = login(user).get(reverse("reports_index")).content.decode()
        assert (start in page) is offered, user


def test_the_start_button_comes_from_the_app_that_provides_report_documents(
    data, login, monkeypatch
):
    """/reports/ asks the ``report_documents`` hook where to start a report, not the
    registry: the providing app decides (its own permissions), the page only shows."""
    from django.core.cache import caches

    from doingoai.reports.hooks import report_documents

    client = login("daklak")
    monkeypatch.setattr(report_documents, "providers", [])
    page = client.get(reverse("reports_index")).content.decode()
    assert reverse("report-documents_add") not in page  # nothing provided, no button
    assert "Lập báo cáo mới" not in page

    def provider(user, unit):
        doc = {"label": "Báo cáo thử", "period": "2025", "state": "Dự thảo", "url": "/r/1/"}
        return [{"documents": [{**doc, "files": []}], "start_url": "/bat-dau/"}]

    monkeypatch.setattr(report_documents, "providers", [provider])
    for cache in caches.all():  # the page as served before is kept: read it again
        cache.clear()
    page = client.get(reverse("reports_index")).content.decode()
    assert 'href="/bat-dau/"' in page and "Báo cáo thử" in page
