"""The request (tờ trình) and the result report of a delegation, generated from its
records as Word and PDF in the Decree 30 layout: they carry the plan's members, the
trip's events and gifts."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from tests.texts import pdf_text

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
        gifts_planned="4 máy may × 10.000.000 đ cho Hội LHPN 4 tỉnh Nam Lào",
        decision_number="45/QĐ-HPN",
        decision_date=dt.date(2024, 6, 10),
        decision_body="Ban Thường vụ Hội LHPN tỉnh Đắk Lắk",
        report_agreed="Mở lớp dạy nghề may; Hội LHPN tỉnh Chămpasăk; 31/12/2024",
        report_proposals="Đề nghị Trung ương Hội hỗ trợ kinh phí lớp dạy nghề.",
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


DECREE_30 = (
    "HỘI LHPN VIỆT NAM",
    "HỘI LHPN TỈNH ĐẮK LẮK",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Nơi nhận:",
    "TM. BAN THƯỜNG VỤ",
    "CHỦ TỊCH",
)


def test_request_and_report_in_word_and_pdf(world, login):
    trip = _trip(world)
    client = login("daklak")
    page = client.get(trip.get_absolute_url()).content.decode()
    request_url = reverse("activities_request_document", args=[trip.pk])
    report_url = reverse("activities_report_document", args=[trip.pk])
    assert request_url in page and report_url in page
    assert "4 máy may × 10.000.000 đ" in page  # the gifts planned, on the trip's page

    request = client.get(request_url)
    assert request["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        'filename="to-trinh-doan-cong-tac-tham-4-tinh-nam-lao.docx"'
        in (request["Content-Disposition"])
    )
    text = _text(request.content)
    for expected in (
        *DECREE_30,
        "TỜ TRÌNH",
        "Số:       /TTr-HPN",
        "Kính gửi: Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam",
        "Thành phần đoàn",
        "H'Yam Niê",
        "Trưởng đoàn",
        "Phiên dịch",
        "Ngân sách của Hội",
        "150.000.000 ₫",
        "Quà tặng dự kiến",
        "4 máy may × 10.000.000 đ cho Hội LHPN 4 tỉnh Nam Lào",
        "Sơ kết giữa kỳ",
        "Hội thảo chia sẻ kinh nghiệm",  # the programme
    ):
        assert expected in text, expected

    report = _text(client.get(report_url).content)
    for expected in (
        *DECREE_30,
        "BÁO CÁO",
        "Kết quả chuyến công tác: Đoàn công tác thăm 4 tỉnh Nam Lào",
        "Thực hiện Quyết định số 45/QĐ-HPN ngày 10/06/2024",
        "H'Yam Niê",
        "Các hoạt động đã thực hiện",
        "Hội thảo chia sẻ kinh nghiệm",
        "Hai bên thống nhất kế hoạch.",  # the event's outcome
        "Máy may",
        "10.000.000 VND",
        "NỘI DUNG ĐÃ THỐNG NHẤT VỚI ĐỐI TÁC",
        "Mở lớp dạy nghề may",
        "Hội LHPN tỉnh Chămpasăk",
        "31/12/2024",
        "KIẾN NGHỊ, ĐỀ XUẤT",
        "Đề nghị Trung ương Hội hỗ trợ kinh phí lớp dạy nghề.",
    ):
        assert expected in report, expected

    OUT.mkdir(exist_ok=True)
    for name, url in (("request", request_url), ("report", report_url)):
        pdf = client.get(url, {"format": "pdf"})
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        path = OUT / f"delegation_{name}.pdf"
        path.write_bytes(pdf.content)
        # rendered to PNG for a person to look at (tests/test-output/)
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(path)[:-4]], check=True)
        words = pdf_text(path)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in words and "H'Yam Niê" in words
    assert client.get(request_url, {"format": "exe"}).status_code == 404
    # out of scope: not found
    assert login("hanoi").get(request_url).status_code == 404
    assert login("hanoi").get(report_url).status_code == 404


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_files(world, login, tmp_path):
    trip = _trip(world)
    client = login("daklak")
    for name in ("activities_request_document", "activities_report_document"):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(client.get(reverse(name, args=[trip.pk])).content)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        words = subprocess.run(
            ["pdftotext", str(path.with_suffix(".pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Độc lập - Tự do - Hạnh phúc" in words and "H'Yam Niê" in words


def test_the_form_offers_a_report_drafted_from_the_trip(world, login):
    trip = _trip(world)
    Activity.objects.filter(pk=trip.pk).update(state=Activity.State.REPORT_DUE)
    page = login("daklak").get(reverse("activities_edit", args=[trip.pk])).content.decode()
    assert "Hội thảo chia sẻ kinh nghiệm" in page and "Hai bên thống nhất kế hoạch." in page


def test_the_report_is_drafted_edited_and_submitted_through_the_form(world, login):
    from tests.activities.test_trip_one_form import _form_values

    from doingoai.activities.delegation import DELEGATION_PATH
    from doingoai.agreements.models import Commitment

    trip = _trip(world)
    agreement = make("agreements", world.daklak)
    Commitment.objects.create(
        agreement=agreement,
        description="Tổ chức lớp tập huấn khởi nghiệp",
        responsible="Hội LHPN tỉnh Attapeu",
        due_date=dt.date(2024, 12, 31),
    )
    trip.agreements.add(agreement)
    Activity.objects.filter(pk=trip.pk).update(
        state=Activity.State.REPORT_DUE, report="", report_agreed=""
    )
    client = login("daklak")
    edit = reverse("activities_edit", args=[trip.pk])
    values = _form_values(client.get(edit).content.decode())
    # drafted from the trip's records: its event and outcome, the gift, the commitments
    assert "Hội thảo chia sẻ kinh nghiệm. Hai bên thống nhất kế hoạch." in values["report"]
    assert "Trao tặng Máy may" in values["report"]
    assert values["report_agreed"].strip() == (
        "Tổ chức lớp tập huấn khởi nghiệp; Hội LHPN tỉnh Attapeu; 31/12/2024"
    )
    # a deadline that is not a date: refused, with the line, nothing saved
    values["report_agreed"] += "\nGửi báo cáo; Hội LHPN tỉnh Đắk Lắk; cuối năm"
    response = client.post(edit, values)
    assert response.status_code == 400
    assert "Dòng 2: “cuối năm” không phải là một ngày" in response.content.decode()
    assert Activity.objects.get(pk=trip.pk).report_agreed == ""
    # edited and saved, then submitted
    values["report_agreed"] = values["report_agreed"].replace("cuối năm", "31/01/2025")
    values["report"] += "\nĐoàn đã hoàn thành tốt nhiệm vụ."
    values["report_proposals"] = "Đề nghị nhân rộng mô hình."
    response = client.post(edit, values)
    assert response.status_code == 302, response.content.decode()[:3000]
    trip = Activity.objects.get(pk=trip.pk)
    DELEGATION_PATH.advance(
        trip, "submit_report", acting_user=world.user("daklak"), version=trip.version
    )
    assert Activity.objects.get(pk=trip.pk).state == Activity.State.REPORT_SUBMITTED
    report = _text(client.get(reverse("activities_report_document", args=[trip.pk])).content)
    for expected in (
        "Đoàn đã hoàn thành tốt nhiệm vụ.",
        "Tổ chức lớp tập huấn khởi nghiệp",
        "Hội LHPN tỉnh Attapeu",
        "31/01/2025",
        "Đề nghị nhân rộng mô hình.",
    ):
        assert expected in report, expected
