"""The request (tờ trình) and the result report of a delegation, generated from its
records as Word and PDF in the Decree 30 layout: they carry the plan's members, the
trip's events and gifts."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from decimal import Decimal
from pathlib import Path

from django.urls import reverse
from docx import Document

from doingoai.activities.models import Activity, DelegationMember
from doingoai.core.samples import make
from doingoai.resources.models import Resource

OUT = Path(__file__).parent.parent / "test-output"


def _trip(world):
    trip = make(
        "activities",
        world.daklak,
        title="Đoàn công tác thăm 4 tỉnh Nam Lào",
        purpose="Sơ kết giữa kỳ thỏa thuận hợp tác, trao quà cho phụ nữ nghèo.",
        funding_source="union",
        estimated_cost=Decimal(150_000_000),
    )
    DelegationMember.objects.create(
        activity=trip,
        name="H'Yam Niê",
        position="Chủ tịch",
        unit_name="Hội LHPN tỉnh Đắk Lắk",
        role="head",
    )
    DelegationMember.objects.create(activity=trip, name="Vy Thị B", role="interpreter")
    event = make(
        "activities",
        world.daklak,
        title="Hội thảo chia sẻ kinh nghiệm",
        kind="workshop",
        start_date=dt.date(2024, 6, 27),
        parent=trip,
        outcomes="Hai bên thống nhất kế hoạch.",
    )
    Resource.objects.create(
        title="Máy may",
        direction="given",
        kind="in_kind",
        quantity=1,
        unit_value=Decimal(10_000_000),
        currency="VND",
        date=dt.date(2024, 6, 27),
        unit=world.daklak,
        activity=event,
        partner=trip.partners.first(),
    )
    return trip  # fmt: skip


def _text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_request_and_report_in_word_and_pdf(world, login):
    trip = _trip(world)
    client = login("daklak")
    page = client.get(trip.get_absolute_url()).content.decode()
    request_url = reverse("activities_request_document", args=[trip.pk])
    report_url = reverse("activities_report_document", args=[trip.pk])
    assert request_url in page and report_url in page

    request = client.get(request_url)
    assert request["Content-Type"].startswith("application/vnd.openxmlformats")
    text = _text(request.content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỜ TRÌNH",
        "H'Yam Niê",
        "trưởng đoàn",
        "phiên dịch",
        "150.000.000 đồng",
        "Sơ kết giữa kỳ",
    ):
        assert expected in text, expected

    report = _text(client.get(report_url).content)
    for expected in ("BÁO CÁO", "Hội thảo chia sẻ kinh nghiệm", "Máy may", "10.000.000 VND"):
        assert expected in report, expected
    assert "Hai bên thống nhất kế hoạch." in report  # drafted from the event's outcomes

    OUT.mkdir(exist_ok=True)
    for name, url in (("request", request_url), ("report", report_url)):
        pdf = client.get(url, {"as": "pdf"})
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        path = OUT / f"delegation_{name}.pdf"
        path.write_bytes(pdf.content)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(path)[:-4]],
            check=True,
        )
    # out of scope: not found
    assert login("hanoi").get(request_url).status_code == 404


def test_the_form_offers_a_report_drafted_from_the_trip(world, login):
    trip = _trip(world)
    Activity.objects.filter(pk=trip.pk).update(state=Activity.State.REPORT_DUE)
    page = login("daklak").get(reverse("activities_edit", args=[trip.pk])).content.decode()
    assert "Hội thảo chia sẻ kinh nghiệm" in page and "Hai bên thống nhất kế hoạch." in page
