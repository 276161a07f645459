"""Spreadsheets that would take a server down: too many rows or cells, or an .xlsx that
unpacks to far more than it weighs, are refused at once with a message naming the
limit, nothing is written and no uploaded file stays behind; files waiting for a
confirmation nobody gives are deleted."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.imports import spreadsheet
from doingoai.imports.spreadsheet import REF_HEADER, import_workbook
from doingoai.imports.views import pending_dir
from doingoai.partners.models import Partner

from .helpers import workbook

pytestmark = pytest.mark.django_db

HEADERS = [REF_HEADER, "Tên tiếng Việt *", "Loại đối tác", "Quốc gia"]


def _rows(n):
    return [[f"DT-{i}", f"Hội Phụ nữ số {i}", "business", "LA"] for i in range(n)]


def _upload(client, data, name="lon.xlsx"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("import_upload", kwargs={"kind": "partners"}), {"file": file})


def _problems(page) -> str:
    return " ".join(str(p) for p in page.context["problems"])


def test_too_many_rows_are_refused_naming_the_limit(world, login, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 20)
    before = Partner.objects.count()
    client = login("daklak")
    page = _upload(client, workbook(HEADERS, _rows(21)))
    assert page.status_code == 200 and page.context["token"] is None
    assert "hơn 20 dòng" in _problems(page)
    assert Partner.objects.count() == before
    assert list(pending_dir().glob("*.xlsx")) == []  # the upload is not kept
    page = _upload(client, workbook(HEADERS, _rows(20)))  # at the limit: fine
    assert page.context["token"] and not page.context["problems"]


def test_too_many_cells_are_refused(world, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_CELLS", 100)
    wide = [[*row, *([""] * 30), "x"] for row in _rows(5)]  # 35 columns a row
    with translation.override("vi"):
        report = import_workbook(
            "partners", workbook([*HEADERS, *([""] * 31)], wide), user=world.user("daklak")
        )
    assert not report.ok and "hơn 100 ô" in " ".join(str(p) for p in report.problems)
    assert not Partner.objects.filter(name_vi__startswith="Hội Phụ nữ số").exists()


def _bomb(unpacked: int) -> bytes:
    """A real workbook with an extra part of ``unpacked`` zero bytes (a few KB packed)."""
    buffer = io.BytesIO(workbook(HEADERS, _rows(2)))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("xl/media/image1.bin", b"\0" * unpacked)
    return buffer.getvalue()


def test_a_workbook_that_unpacks_past_the_limit(world, login):
    data = _bomb(spreadsheet.MAX_UNPACKED_BYTES + 1024)
    assert len(data) < 200_000
    client = login("daklak")
    page = _upload(client, data)
    assert page.context["token"] is None
    assert "50 MB" in _problems(page) and "lon.xlsx" in _problems(page)
    assert not Partner.objects.filter(name_vi__startswith="Hội Phụ nữ số").exists()
    assert list(pending_dir().glob("*.xlsx")) == []
    # the command line refuses it the same way
    report = import_workbook("partners", data, user=world.user("daklak"), filename="lon.xlsx")
    assert not report.ok and "50 MB" in str(report.problems[0])


def test_uploads_nobody_confirms_are_deleted(world, login):
    client = login("daklak")
    stale = pending_dir() / ("a" * 32 + ".xlsx")
    stale.write_bytes(b"PK")
    stale_status = stale.with_suffix(".json")  # the progress of a background preview
    stale_status.write_text('{"state": "running"}')
    old = time.time() - 25 * 3600
    os.utime(stale, (old, old))
    os.utime(stale_status, (old, old))
    page = _upload(client, workbook(HEADERS, _rows(2)))
    token = page.context["token"]
    assert token
    assert not stale.exists() and not stale_status.exists()  # waited more than a day
    assert (pending_dir() / f"{token}.xlsx").exists()  # the new one waits for its confirmation
    client.post(reverse("import_confirm", kwargs={"kind": "partners"}), {"token": token})
    assert list(pending_dir().glob("*.xlsx")) == []  # confirmed: its file is gone too
    assert Partner.objects.filter(name_vi__startswith="Hội Phụ nữ số").count() == 2
