"""A large spreadsheet is previewed in the background: the upload answers at once with a
page that shows how far the reading got ("Đang đọc dòng 50/120"), then the preview and
the confirmation as for a small file. A bad large file answers its problems there,
writes nothing and leaves no file behind. Small files still preview at once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from doingoai.imports import background, views
from doingoai.imports.spreadsheet import REF_HEADER
from doingoai.imports.views import pending_dir
from doingoai.partners.models import Partner

from .helpers import workbook

pytestmark = pytest.mark.django_db

HEADERS = [REF_HEADER, "Tên tiếng Việt *", "Loại đối tác", "Quốc gia"]
ROWS = views.BACKGROUND_ROWS + 20


def _rows(n, bad_at=None):
    return [
        [f"NEN-{i}", f"Hội Phụ nữ nền {i}", "business", "Atlantis" if i == bad_at else "LA"]
        for i in range(n)
    ]


def _upload(client, data, name="lon.xlsx"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("import_upload", kwargs={"kind": "partners"}), {"file": file})


def _work():
    """What the worker started by ``doingoai serve`` does."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _imported():
    return Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count()


@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_a_large_file_is_previewed_in_the_background_with_progress(world, login, monkeypatch):
    client = login("daklak")
    answer = _upload(client, workbook(HEADERS, _rows(ROWS)))
    assert answer.status_code == 302  # at once, before a row is read
    status_url = answer.url
    assert DBTaskResult.objects.filter(task_path__endswith="tasks.preview_upload").count() == 1
    waiting = client.get(status_url)
    assert "Đang chờ" in waiting.content.decode() and "lon.xlsx" in waiting.content.decode()
    assert b'hx-trigger="every 1s"' in waiting.content

    # what the polling page says while the worker reads row 50
    seen = {}
    monkeypatch.setattr(background, "PROGRESS_EVERY", 0)
    write = background.write_status

    def watch(token, **status):
        write(token, **status)
        if status.get("done") == 50:
            seen["poll"] = client.get(status_url, headers={"HX-Request": "true"})

    monkeypatch.setattr(background, "write_status", watch)
    _work()
    poll = seen["poll"].content.decode()
    assert f"Đang đọc dòng 50/{ROWS}" in poll and "<html" not in poll
    assert _imported() == 0  # a preview writes nothing

    # the next poll reloads the page, which now shows the preview with its confirmation
    finished = client.get(status_url, headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"
    page = client.get(status_url)
    assert page.context["token"] and not page.context["problems"]
    assert page.context["report"].count("create") == ROWS
    assert "Thêm mới" in page.content.decode()
    done = client.post(
        reverse("import_confirm", kwargs={"kind": "partners"}), {"token": page.context["token"]}
    )
    assert done.status_code == 302 and _imported() == ROWS
    assert list(pending_dir().iterdir()) == []  # the file and its status are gone


@pytest.mark.django_db(transaction=True)
def test_a_bad_large_file_answers_its_problems_and_keeps_nothing(world, login):
    client = login("daklak")
    status_url = _upload(client, workbook(HEADERS, _rows(ROWS, bad_at=70))).url
    _work()
    page = client.get(status_url)
    problems = " ".join(str(p) for p in page.context["problems"])
    assert page.context["token"] is None
    assert "72" in problems and "Atlantis" in problems  # row 72 of the sheet, its value
    assert "Atlantis" in page.content.decode()
    # "Upload another file" below the problems goes to the upload, not to this page
    upload_url = reverse("import_upload", kwargs={"kind": "partners"})
    assert f'action="{upload_url}" enctype' in page.content.decode()
    assert _imported() == 0
    assert list(pending_dir().iterdir()) == []  # the uploaded file is deleted
    assert client.get(status_url).status_code == 404  # answered once, then forgotten


def test_nobody_else_sees_the_preview_and_it_cannot_be_confirmed_early(world, login, client):
    daklak = login("daklak")
    status_url = _upload(daklak, workbook(HEADERS, _rows(ROWS))).url
    token = status_url.rstrip("/").rsplit("/", 1)[-1]
    early = daklak.post(reverse("import_confirm", kwargs={"kind": "partners"}), {"token": token})
    assert early.status_code == 302 and _imported() == 0  # still being read: not imported
    client.force_login(world.user("daklak_lead"))
    assert client.get(status_url).status_code == 404


def test_a_small_file_still_previews_at_once(world, login):
    client = login("daklak")
    page = _upload(client, workbook(HEADERS, _rows(5)))
    assert page.status_code == 200 and page.context["token"]
    assert not DBTaskResult.objects.filter(task_path__endswith="tasks.preview_upload").exists()
