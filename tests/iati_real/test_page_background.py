"""A large IATI file is previewed in the background, the same way as a large
spreadsheet: the upload answers at once with a page that shows how far the reading got
("Đang đọc hoạt động 2/3"), then the preview and its confirmation; nothing is written
before the confirmation, and nobody else can see or confirm the upload."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from tests.iati_real.test_page import BEIS, upload

from doingoai.iati import upload as iati_upload
from doingoai.imports import background
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_a_large_file_is_previewed_in_the_background_with_progress(
    world, login, monkeypatch, background_work
):
    monkeypatch.setattr(iati_upload, "BACKGROUND_ACTIVITIES", 3)  # BEIS holds 3
    client = login("daklak")
    answer = upload(client, world.daklak, BEIS.read_bytes())
    assert answer.status_code == 302  # at once, before an activity is read
    status_url = answer.url
    token = background_work.token(status_url)
    assert status_url == reverse("iati_import_preview", args=[token])
    assert DBTaskResult.objects.filter(task_path__endswith="upload.preview_iati").count() == 1
    waiting = client.get(status_url)
    assert "Đang chờ" in waiting.content.decode() and "beis.xml" in waiting.content.decode()
    assert b'hx-trigger="every 1s"' in waiting.content
    # not read yet: nothing to confirm
    early = client.post(reverse("iati_import_confirm"), {"token": token})
    assert early.status_code == 302 and not Resource.objects.exists()

    seen = background_work.poll_at(client, status_url, done=2)
    background_work.work()
    poll = seen["poll"].content.decode()
    assert "Đang đọc hoạt động 2/3" in poll and "<html" not in poll
    assert not Resource.objects.exists()  # a preview writes nothing

    finished = client.get(status_url, headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"
    page = client.get(status_url)
    html = page.content.decode()
    assert "3 hoạt động: nhập 1, bỏ qua 2" in html
    assert "TR (Thổ Nhĩ Kỳ)" in html
    assert page.context["token"] == token

    # another editor's session does not know the upload
    other = Client()
    other.force_login(world.user("daklak_lead"))
    assert other.get(status_url).status_code == 404
    assert other.post(reverse("iati_import_confirm"), {"token": token}).status_code == 302
    assert not Resource.objects.exists()

    done = client.post(reverse("iati_import_confirm"), {"token": token})
    assert done.status_code == 302
    assert Resource.objects.filter(unit=world.daklak).count() == 3
    assert list(background.pending_dir().iterdir()) == []  # the file and its status are gone


@pytest.mark.django_db(transaction=True)
def test_a_bad_large_file_answers_its_problems_and_keeps_nothing(
    world, login, monkeypatch, background_work
):
    monkeypatch.setattr(iati_upload, "BACKGROUND_ACTIVITIES", 3)
    client = login("daklak")
    text = BEIS.read_text(encoding="utf-8")
    # values that are not numbers: a real error, nothing imported
    text = re.sub(r"(<value[^>]*>)[^<]*(</value>)", r"\1một triệu\2", text)
    status_url = upload(client, world.daklak, text.encode()).url
    background_work.work()
    page = client.get(status_url)
    assert page.context["token"] is None
    assert page.context["report"].all_problems()
    assert "một triệu" in page.content.decode()
    assert not Resource.objects.exists()
    assert list(background.pending_dir().iterdir()) == []
    assert client.get(status_url).status_code == 404  # answered once, then forgotten


def test_a_small_file_still_previews_at_once(world, login):
    client = login("daklak")
    response = upload(client, world.daklak, BEIS.read_bytes())
    assert response.status_code == 200 and response.context["token"]
    assert not DBTaskResult.objects.exists()


def test_the_sample_files_are_counted_without_parsing(tmp_path):
    assert iati_upload.activities_at_least(BEIS, 3)
    assert not iati_upload.activities_at_least(BEIS, 4)
    assert Path(BEIS).exists()


@pytest.mark.parametrize("name", sorted(p.name for p in BEIS.parent.glob("*.xml")))
def test_a_report_read_in_the_background_shows_as_read_at_once(world, name):
    """The preview a worker writes as JSON comes back the same on the page: summary,
    warnings, reversals, transactions skipped by type, totals."""
    import json

    from doingoai.iati.importing import import_iati

    path = BEIS.parent / name
    report = import_iati(path, unit=world.daklak, user=world.user("daklak"), commit=False)
    back = iati_upload.report_from_json(json.loads(json.dumps(iati_upload.report_to_json(report))))
    assert back.summary() == report.summary()
    assert back.all_problems() == report.all_problems()
    assert back.all_warnings() == report.all_warnings()
    assert back.totals_lines() == report.totals_lines()
    assert [a.skipped_types for a in back.activities] == [
        a.skipped_types for a in report.activities
    ]
    assert [a.reversals for a in back.activities] == [a.reversals for a in report.activities]


def test_transactions_skipped_by_type_come_back_as_counted():
    """UNDP's Việt Nam file has expenditure transactions (type 4), skipped and counted
    by type: the counts survive the JSON the worker writes."""
    import json
    from collections import Counter

    from doingoai.iati.importing import ActivityResult, IatiReport

    report = IatiReport(
        filename="undp.xml",
        activities=[ActivityResult("XM-DAC-41114-PROJECT-00012345", skipped=4)],
    )
    report.activities[0].skipped_types = Counter({"4": 4})
    back = iati_upload.report_from_json(json.loads(json.dumps(iati_upload.report_to_json(report))))
    assert back.activities[0].skipped_types == Counter({"4": 4})
    assert back.summary() == report.summary()
