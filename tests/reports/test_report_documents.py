"""A report is a document with a life (issue 16): drafted for a unit and a period, its
narrative written on a page, submitted, approved by the unit's approver, issued with its
number, date and signer, kept byte-identical while the records change."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document as Word

from doingoai.core.samples import make
from doingoai.core.writing import FORBIDDEN, INVALID, RecordRefused, record_save
from doingoai.organization.models import Term
from doingoai.reportdocs.kinds import ReportDocumentKind
from doingoai.reportdocs.models import ReportDocument
from doingoai.reportdocs.services import PATH


def draft(world, user="daklak", **narrative):
    term = Term.objects.get(name="XIII")
    data = {"unit": world.daklak.pk, "term": term.pk, "code": "BC-HPN", **narrative}
    return record_save(kind=ReportDocumentKind, acting_user=world.user(user), data=data).obj


def step(report, name, user, **kw):
    report.refresh_from_db()
    return PATH.advance(report, name, acting_user=user, version=report.version, **kw)


def edit(world, report, user="daklak", **changes):
    report.refresh_from_db()
    data = {
        "unit": report.unit_id,
        "term": report.term_id,
        "code": report.code,
        "number": report.number,
        "signer_name": report.signer_name,
        "version": report.version,
        **{n: getattr(report, n) for n in ("assessment", "highlights", "limits", "lessons")},
        "directions": report.directions,
        **changes,
    }
    saved = record_save(
        kind=ReportDocumentKind, acting_user=world.user(user), data=data, instance=report
    )
    return saved.obj


def docx_text(raw: bytes) -> str:
    word = Word(io.BytesIO(raw))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_the_path_to_an_issued_report_frozen_while_records_change(data, login, output_dir):
    w = data.world
    editor, lead = w.user("daklak"), w.user("daklak_lead")
    report = draft(
        w,
        assessment="Công tác đối ngoại nhiệm kỳ qua được triển khai chủ động, đúng định hướng, "
        "góp phần tăng cường quan hệ hữu nghị với Hội LHPN các tỉnh Nam Lào.",
        highlights="Duy trì giao lưu thường niên với Hội LHPN tỉnh Chămpasăk.",
        directions="Mở rộng hợp tác với các tổ chức phi chính phủ nước ngoài.",
    )
    report = edit(w, report, limits="Nguồn lực vận động còn ít.\nChưa có cán bộ chuyên trách.")
    with pytest.raises(RecordRefused) as caught:
        step(report, "approve", editor)  # the editor cannot approve her own report
    assert caught.value.reason == FORBIDDEN
    step(report, "submit", editor)
    step(report, "return", lead, comment="Bổ sung bài học kinh nghiệm")
    report = edit(w, report, lessons="Chủ động phối hợp với các tỉnh Nam Lào.")
    step(report, "submit", editor)
    step(report, "approve", lead)
    with pytest.raises(RecordRefused) as caught:  # no number, no signer yet
        step(report, "issue", lead)
    assert caught.value.reason == INVALID
    assert {e.field for e in caught.value.errors} == {"number", "signer_name"}
    report = edit(w, report, user="daklak_lead", number="12", signer_name="Trần Thị Hương")
    with pytest.raises(RecordRefused):
        step(report, "issue", editor)  # the approver alone issues
    step(report, "issue", lead)
    report.refresh_from_db()
    assert report.state == "issued" and report.issued_date == dt.date.today()
    assert [e.data["after"] for e in PATH.log(report)] == [
        "issued",
        "approved",
        "submitted",
        "returned",
        "submitted",
    ]

    client = login("hanoi")
    assert client.get(f"/report-documents/{report.pk}/file/?format=docx").status_code == 404
    client = login("daklak")
    issued = client.get(f"/report-documents/{report.pk}/file/?format=docx")
    assert issued.status_code == 200
    assert 'filename="bao-cao-dak-lak-nk-xiii-so-12.docx"' in issued["Content-Disposition"]
    text = docx_text(issued.content)
    assert "Số: 12/BC-HPN" in text
    assert "Nguồn lực vận động còn ít." in text and "Chủ động phối hợp" in text
    pdf = client.get(f"/report-documents/{report.pk}/file/?format=pdf").content
    (output_dir / "report-daklak-XIII-issued.pdf").write_bytes(pdf)

    # the records go on changing: the issued files and figures do not
    make("resources", w.daklak, title="Khoản mới sau khi ban hành", date=dt.date(2025, 3, 1))
    again = client.get(f"/report-documents/{report.pk}/file/?format=docx").content
    assert again == issued.content
    assert client.get(f"/report-documents/{report.pk}/file/?format=pdf").content == pdf
    figures = report.issued_figures
    report.refresh_from_db()
    assert report.issued_figures == figures

    # an issued report is not edited; a newer draft starts from its text
    with pytest.raises(RecordRefused):
        edit(w, report, assessment="Sửa sau khi ban hành")
    newer = draft(w)
    newer.refresh_from_db()
    assert newer.state == "draft" and newer.lessons == "Chủ động phối hợp với các tỉnh Nam Lào."
    assert newer.number == ""
    live = docx_text(client.get(f"/report-documents/{newer.pk}/file/?format=docx").content)
    assert "Số:       /BC-HPN" in live

    # the reports page lists them by period and state
    page = client.get(f"/reports/?unit={w.daklak.pk}").content.decode()
    assert "Báo cáo nhiệm kỳ XIII" in page and "Đã ban hành" in page and "Dự thảo" in page


def test_a_viewer_cannot_edit_the_narrative(world, login):
    report = draft(world, assessment="Đánh giá chung")
    client = login("hanoi")
    assert client.get(f"/report-documents/{report.pk}/edit/").status_code == 404
    trunguong = login("trunguong")  # sees every unit, edits none
    assert trunguong.get(f"/report-documents/{report.pk}/").status_code == 200
    assert trunguong.get(f"/report-documents/{report.pk}/edit/").status_code == 403
    with pytest.raises(RecordRefused):
        edit(world, report, user="trunguong", assessment="Sửa")
    report.refresh_from_db()
    assert report.assessment == "Đánh giá chung"


def test_the_narrative_is_edited_on_a_page(world, login):
    report = draft(world)
    client = login("daklak")
    page = client.get(f"/report-documents/{report.pk}/edit/")
    assert page.status_code == 200
    assert "Hạn chế và nguyên nhân" in page.content.decode()
    detail = client.get(f"/report-documents/{report.pk}/").content.decode()
    assert "Trình duyệt" in detail  # the submit button


def test_a_term_or_a_year_is_required(world):
    with pytest.raises(RecordRefused) as caught:
        record_save(
            kind=ReportDocumentKind,
            acting_user=world.user("daklak"),
            data={"unit": world.daklak.pk, "code": "BC-HPN"},
        )
    assert caught.value.errors[0].field == "term"
    assert not ReportDocument.objects.exists()


def test_the_narrative_is_fixed_once_submitted_until_returned(world, login):
    """Only a draft (or a report returned to its drafter) has its text edited: once
    submitted, approved or issued, the editor and the approver alike are refused, with a
    message, and the text stays as submitted; the number and signer stay open."""
    editor, lead = world.user("daklak"), world.user("daklak_lead")
    report = draft(world, assessment="Bản trình")
    step(report, "submit", editor)
    for who in ("daklak", "daklak_lead"):
        with pytest.raises(RecordRefused) as caught:
            edit(world, report, user=who, assessment="Sửa sau khi trình")
        assert caught.value.reason == INVALID
        assert [e.field for e in caught.value.errors] == ["assessment"]
        assert "đã được trình" in str(caught.value.errors[0].message)
    report.refresh_from_db()
    assert report.assessment == "Bản trình"
    client = login("daklak")
    page = client.get(f"/report-documents/{report.pk}/edit/").content.decode()
    textarea = page.split('name="assessment"')[0].rsplit("<textarea", 1)[1]
    assert "disabled" in page.split('name="assessment"')[1].split(">")[0] + textarea

    step(report, "approve", lead)
    with pytest.raises(RecordRefused):
        edit(world, report, user="daklak_lead", lessons="Bài học mới")
    report = edit(world, report, user="daklak_lead", number="7", signer_name="Trần Thị Hương")
    assert report.number == "7" and report.lessons == ""

    step(report, "return", lead, comment="Viết thêm bài học")
    report = edit(world, report, lessons="Bài học mới")
    assert report.lessons == "Bài học mới"


def test_the_step_log_names_the_steps_and_states(world, login):
    editor, lead = world.user("daklak"), world.user("daklak_lead")
    report = draft(world)
    step(report, "submit", editor)
    step(report, "return", lead, comment="Bổ sung số liệu")
    page = login("daklak").get(f"/report-documents/{report.pk}/").content.decode()
    log = page.split('class="workflow-log"')[1].split("</table>")[0]
    assert "Trình duyệt: Dự thảo → Đã trình" in log
    assert "Trả lại: Đã trình → Trả lại" in log and "Bổ sung số liệu" in log
    assert "submitted" not in log and "draft" not in log
