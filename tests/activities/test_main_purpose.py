"""A delegation's main purpose (issue 16): one an officer picks from a list, on the form,
in the spreadsheet template and import and in the API; the delegations recorded before
get the purpose the report used to infer from their events."""

from __future__ import annotations

import importlib
import io
import json

import pytest
from django.apps import apps
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.activities.models import Activity
from doingoai.core.samples import make
from doingoai.imports.spreadsheet import DATA_SHEET, build_template, import_workbook

P = Activity.Purpose


def test_the_form_saves_it_and_the_page_shows_it(world, login):
    client = login("daklak")
    response = client.post(
        reverse("activities_add"),
        {
            "title": "Đoàn học tập kinh nghiệm tại Hàn Quốc",
            "kind": "delegation_out",
            "main_purpose": "study",
            "format": "in_person",
            "start_date": "2024-05-12",
            "end_date": "2024-05-18",
            "unit": world.daklak.pk,
            "units": [world.daklak.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    trip = Activity.objects.get(title="Đoàn học tập kinh nghiệm tại Hàn Quốc")
    assert trip.main_purpose == P.STUDY
    page = client.get(trip.get_absolute_url()).content.decode()
    assert "Mục đích chính" in page and "Học tập kinh nghiệm, khảo sát" in page
    form = client.get(reverse("activities_edit", args=[trip.pk])).content.decode()
    assert 'name="main_purpose"' in form and "Ký kết, triển khai thỏa thuận hợp tác" in form


def test_the_form_refuses_a_purpose_not_in_the_list(world, login):
    client = login("daklak")
    response = client.post(
        reverse("activities_add"),
        {
            "title": "Đoàn du lịch",
            "kind": "delegation_out",
            "main_purpose": "tourism",
            "format": "in_person",
            "start_date": "2024-05-12",
            "unit": world.daklak.pk,
            "units": [world.daklak.pk],
        },
    )
    assert response.status_code == 400  # the form again, with its mistakes
    assert not Activity.objects.filter(title="Đoàn du lịch").exists()
    assert "tourism" in response.content.decode()  # "Select a valid choice. tourism …"


def test_the_api_reads_and_writes_it(world, client):
    from doingoai.api.models import ApiToken

    token = ApiToken.issue(world.user("daklak"), "test")[1]
    headers = {"Authorization": f"Bearer {token}"}

    def patch(data):
        return client.patch(
            url, data=json.dumps(data), content_type="application/json", headers=headers
        )

    trip = make("activities", world.daklak, main_purpose=P.CONFERENCE)
    url = f"/api/v1/activities/{trip.pk}/"
    got = client.get(url, headers=headers)
    assert got.status_code == 200 and got.json()["main_purpose"] == "conference"
    bad = patch({"version": trip.version, "main_purpose": "tourism"})
    assert bad.status_code in (400, 422), bad.content
    trip.refresh_from_db()
    assert trip.main_purpose == P.CONFERENCE
    ok = patch({"version": trip.version, "main_purpose": "resources"})
    assert ok.status_code == 200, ok.content
    trip.refresh_from_db()
    assert trip.main_purpose == P.RESOURCES


def test_the_spreadsheet_template_lists_it_and_the_import_reads_it(world):
    user = world.user("daklak")
    book = load_workbook(io.BytesIO(build_template("activities", user=user)))
    headers = [c.value for c in book[DATA_SHEET][1]]
    assert "Mục đích chính" in headers
    column = headers.index("Mục đích chính") + 1
    assert book[DATA_SHEET].cell(row=2, column=column).value == (
        "Ký kết, triển khai thỏa thuận hợp tác"
    )

    def sheet(purpose):
        out = load_workbook(io.BytesIO(build_template("activities", user=user)))
        data = out[DATA_SHEET]
        data.delete_rows(2, data.max_row)
        values = {
            "Mã tham chiếu": "HD-9",
            "Tên hoạt động": "Đoàn vận động tài trợ tại Nhật Bản",
            "Loại hoạt động": "Đoàn ra",
            "Ngày bắt đầu": "10/03/2025",
            "Mục đích chính": purpose,
        }
        data.append([values.get((h or "").removesuffix(" *"), None) for h in headers])
        raw = io.BytesIO()
        out.save(raw)
        return raw.getvalue()

    report = import_workbook("activities", sheet("Du lịch"), user=user)
    assert not report.ok
    assert "Mục đích chính" in " ".join(str(p) for p in report.all_problems())
    assert not Activity.objects.filter(title="Đoàn vận động tài trợ tại Nhật Bản").exists()
    report = import_workbook("activities", sheet("Vận động nguồn lực"), user=user)
    assert report.ok, [str(p) for p in report.all_problems()]
    trip = Activity.objects.get(title="Đoàn vận động tài trợ tại Nhật Bản")
    assert trip.main_purpose == P.RESOURCES


@pytest.fixture
def fill():
    return importlib.import_module("doingoai.activities.migrations.0007_fill_main_purpose").fill


def test_the_delegations_recorded_before_get_the_purpose_their_events_said(world, fill):
    def trip(title, kind=Activity.Kind.DELEGATION_OUT, events=(), **kw):
        parent = make("activities", world.daklak, title=title, kind=kind, **kw)
        for event in events:
            make("activities", world.daklak, title=f"{title}: {event}", kind=event, parent=parent)
        return parent

    review = trip("Đoàn sang Lào", events=["review_meeting", "workshop"])
    workshop = trip("Đoàn sang Campuchia", events=["workshop", "aid_handover"])
    gift = trip("Đón đoàn JICA", Activity.Kind.DELEGATION_IN, events=["aid_handover"])
    study = trip("Đoàn học tập kinh nghiệm tại Hàn Quốc")
    plain = trip("Đoàn thăm Thái Lan")
    said = trip("Đoàn dự hội nghị", main_purpose=P.OTHER)  # already said: kept
    event = Activity.objects.get(title="Đoàn sang Lào: workshop")  # not a delegation
    fill(apps, None)
    got = {a.pk: a.main_purpose for a in Activity.objects.all()}
    assert got[review.pk] == P.AGREEMENT
    assert got[workshop.pk] == P.CONFERENCE
    assert got[gift.pk] == P.RESOURCES
    assert got[study.pk] == P.STUDY
    assert got[plain.pk] == P.VISIT
    assert got[said.pk] == P.OTHER
    assert got[event.pk] == ""
