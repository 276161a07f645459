"""A large spreadsheet is previewed and imported in the background: the upload answers at
once with a page that shows how far the reading got ("Đang đọc dòng 50/120"), then the
preview; its confirmation answers at once with a page that shows how far the writing got
("Đang ghi dòng 50/120"), then what was created and updated. A bad large file answers its
problems there, writes nothing and leaves no file behind; a file is imported once however
often it is confirmed. Without a worker the pages say so and offer to do the work in the
request. Small files still preview and import at once."""

from __future__ import annotations

import io

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from doingoai.imports import tasks, views
from doingoai.imports.spreadsheet import REF_HEADER
from doingoai.imports.views import pending_dir
from doingoai.partners.models import Partner

from .helpers import workbook

pytestmark = pytest.mark.django_db

HEADERS = [REF_HEADER, "Tên tiếng Việt *", "Loại đối tác", "Quốc gia"]
#: A file is read and imported in the background from ``views.BACKGROUND_ROWS`` rows on
#: (100), and every row then goes through the whole write path (20-40 ms a row), once for
#: the preview and once for the import. The tests that let the worker (or a request) do
#: that work lower the threshold (``large``: ``views`` reads it at every upload and
#: confirmation), so that a "large" file of a dozen rows crosses it; the tests that only
#: upload keep the real one, and show that a file of exactly that many rows is read in
#: the background.
LARGE_FROM = 10
ROWS = LARGE_FROM + 2
MIDDLE = ROWS // 2  # the row at which the tests look at the progress


@pytest.fixture
def large(monkeypatch):
    """A file of LARGE_FROM rows or more is large (read and imported in the background)."""
    monkeypatch.setattr(views, "BACKGROUND_ROWS", LARGE_FROM)


def _rows(n, bad_at=None):
    return [
        [f"NEN-{i}", f"Hội Phụ nữ nền {i}", "business", "Atlantis" if i == bad_at else "LA"]
        for i in range(n)
    ]


def _uploaded_files():
    """The uploaded spreadsheets still kept (status and claim files are not uploads)."""
    return list(pending_dir().glob("*.xlsx"))


def _upload(client, data, name="lon.xlsx"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("import_upload", kwargs={"kind": "partners"}), {"file": file})


def _imported():
    return Partner.objects.filter(name_vi__startswith="Hội Phụ nữ nền").count()


@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_a_large_file_is_previewed_in_the_background_with_progress(
    world, login, background_work, large
):
    client = login("daklak")
    answer = _upload(client, workbook(HEADERS, _rows(ROWS)))
    assert answer.status_code == 302  # at once, before a row is read
    status_url = answer.url
    assert DBTaskResult.objects.filter(task_path__endswith="tasks.preview_upload").count() == 1
    waiting = client.get(status_url)
    assert "Đang chờ" in waiting.content.decode() and "lon.xlsx" in waiting.content.decode()
    assert b'hx-trigger="every 1s"' in waiting.content

    # what the polling page says while the worker reads a row in the middle
    seen = background_work.poll_at(client, status_url, MIDDLE)
    background_work.work()
    poll = seen["poll"].content.decode()
    assert f"Đang đọc dòng {MIDDLE}/{ROWS}" in poll and "<html" not in poll
    assert _imported() == 0  # a preview writes nothing

    # the next poll reloads the page, which now shows the preview with its confirmation
    finished = client.get(status_url, headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"
    page = client.get(status_url)
    assert page.context["token"] and not page.context["problems"]
    assert page.context["report"].count("create") == ROWS
    assert "Thêm mới" in page.content.decode()
    assert "import-worker-late" not in waiting.content.decode()  # a worker is expected


def _previewed(client, rows, background_work):
    """Upload a large file, let the worker read it; the token of its preview."""
    status_url = _upload(client, workbook(HEADERS, rows)).url
    background_work.work()
    page = client.get(status_url)
    assert page.context["token"], page.context["problems"]
    return page.context["token"]


def _confirm(client, token):
    return client.post(reverse("import_confirm", kwargs={"kind": "partners"}), {"token": token})


@pytest.mark.django_db(transaction=True)
def test_a_large_import_is_written_in_the_background_with_progress(
    world, login, background_work, large
):
    client = login("daklak")
    token = _previewed(client, _rows(ROWS), background_work)
    done = _confirm(client, token)
    result_url = reverse("import_result", kwargs={"kind": "partners", "token": token})
    assert done.status_code == 302 and done.url == result_url  # at once, before a row is written
    assert _imported() == 0
    assert DBTaskResult.objects.filter(task_path__endswith="tasks.import_confirmed").count() == 1
    waiting = client.get(result_url).content.decode()
    assert "Đang chờ" in waiting and "lon.xlsx" in waiting and 'hx-trigger="every 1s"' in waiting

    seen = background_work.poll_at(client, result_url, MIDDLE, stage="write")
    background_work.work()
    poll = seen["poll"].content.decode()
    assert f"Đang ghi dòng {MIDDLE}/{ROWS}" in poll and "<html" not in poll
    assert _imported() == ROWS

    finished = client.get(result_url, headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"
    page = client.get(result_url)
    html = page.content.decode()
    assert page.status_code == 200 and not page.context["problems"]
    assert f"{ROWS} dòng: {ROWS} mới" in html
    # every created record is listed with a link to it
    assert len(page.context["written"]) == ROWS
    first = Partner.objects.get(name_vi="Hội Phụ nữ nền 0")
    assert f'href="{first.get_absolute_url()}"' in html and "Hội Phụ nữ nền 0" in html
    assert _uploaded_files() == []  # the uploaded file is deleted


@pytest.mark.django_db(transaction=True)
def test_a_large_import_updates_and_lists_what_changed(world, login, background_work, large):
    client = login("daklak")
    _work_through(client, _previewed(client, _rows(ROWS), background_work), background_work)
    rows = _rows(ROWS)
    rows[3][1] = "Hội Phụ nữ nền ba (tên mới)"
    token = _previewed(client, rows, background_work)
    page = _work_through(client, token, background_work)
    written = page.context["written"]
    assert [(w["row"].action, w["row"].row) for w in written] == [("update", 5)]
    assert "Cập nhật" in page.content.decode() and "1 cập nhật" in page.content.decode()
    assert Partner.objects.filter(name_vi="Hội Phụ nữ nền ba (tên mới)").count() == 1
    assert _imported() == ROWS


def _work_through(client, token, background_work):
    """Confirm, let the worker import; the result page."""
    answer = _confirm(client, token)
    background_work.work()
    return client.get(answer.url)


@pytest.mark.django_db(transaction=True)
def test_confirming_twice_imports_once(world, login, background_work, large):
    client = login("daklak")
    token = _previewed(client, _rows(ROWS), background_work)
    preview_url = reverse("import_preview", kwargs={"kind": "partners", "token": token})
    result_url = reverse("import_result", kwargs={"kind": "partners", "token": token})
    first = _confirm(client, token)
    second = _confirm(client, token)  # a double click, before the worker began
    assert first.url == result_url and second.url == result_url
    page = client.get(result_url)
    assert "đã được xác nhận" in " ".join(str(m) for m in page.context["messages"])
    assert client.get(preview_url).url == result_url  # the back button: its result
    background_work.work()
    assert _confirm(client, token).url == result_url  # after it: still its result
    background_work.work()
    assert _imported() == ROWS
    assert DBTaskResult.objects.filter(task_path__endswith="tasks.import_confirmed").count() == 1
    assert client.get(result_url).context["report"].count("create") == ROWS


def test_a_stage_is_claimed_once(world):
    assert tasks.claim("abc123", "confirm") is True
    assert tasks.claim("abc123", "confirm") is False
    assert tasks.claim("abc123", "write") is True  # another stage
    assert tasks.claimed("abc123", "confirm") and not tasks.claimed("abc124", "confirm")


@pytest.mark.django_db(transaction=True)
def test_an_error_in_a_late_row_at_confirmation_writes_nothing(
    world, login, background_work, large
):
    """The last row names a parent organization that is deleted between the preview and
    the confirmation: the import refuses the whole file, naming the sheet, row and column."""
    parent = Partner.objects.create(
        name_vi="Hội Mẹ Sắp Xóa", kind=Partner.Kind.WOMENS_UNION, country="LA", unit=world.daklak
    )
    client = login("daklak")
    rows = [[*row, ""] for row in _rows(ROWS)]
    rows[-1][4] = "Hội Mẹ Sắp Xóa"
    late = ROWS + 1  # its row in the spreadsheet (the headers are row 1)
    answer = _upload(client, workbook([*HEADERS, "Tổ chức cấp trên"], rows))
    background_work.work()
    token = client.get(answer.url).context["token"]
    assert token
    parent.delete()
    page = _work_through(client, token, background_work)
    html = page.content.decode()
    assert page.status_code == 409 and page.context["written"] == []
    problems = " ".join(str(p) for p in page.context["problems"])
    assert f"Trang “Dữ liệu”, dòng {late}, cột “Tổ chức cấp trên”" in problems
    assert "Hội Mẹ Sắp Xóa" in problems
    assert "không có dòng nào được nhập" in html.lower() or "chưa nhập" in html.lower()
    assert _imported() == 0  # the rows above it were good, and are not written either
    assert _uploaded_files() == []


@pytest.mark.django_db(transaction=True)
def test_without_a_worker_the_pages_say_so_and_the_work_runs_here(
    world, login, background_work, large
):
    background_work.no_worker()
    client = login("daklak")
    status_url = _upload(client, workbook(HEADERS, _rows(ROWS))).url
    token = background_work.token(status_url)
    run_here = reverse("import_run_here", args=[token])
    for page in (client.get(status_url), client.get(status_url, headers={"HX-Request": "true"})):
        html = page.content.decode()
        assert 'id="import-worker-late"' in html
        assert "chưa chạy" in html and "doingoai db_worker" in html
        assert f'action="{run_here}"' in html and "Đọc tệp ngay tại đây" in html
        assert f'name="next" value="{status_url}"' in html
    answer = client.post(run_here, {"next": status_url})
    assert answer.url == status_url
    page = client.get(status_url)
    assert page.context["token"] == token and page.context["report"].count("create") == ROWS

    result_url = _confirm(client, token).url
    html = client.get(result_url).content.decode()
    assert "chưa chạy" in html and "Nhập ngay tại đây" in html
    assert f'name="next" value="{result_url}"' in html
    assert client.post(run_here, {"next": result_url}).url == result_url
    assert _imported() == ROWS
    assert client.get(result_url).context["report"].count("create") == ROWS
    assert _uploaded_files() == []
    # the worker, started late, finds the work done and does nothing twice
    background_work.work()
    assert _imported() == ROWS
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {
        TaskResultStatus.SUCCESSFUL
    }
    assert client.post(run_here, {"next": result_url}).url == result_url  # a second click
    assert tasks.read_status(token)["state"] == "done"
    assert _imported() == ROWS


# no worker runs here (only its claim is taken): the test needs no commit, and runs in a
# transaction rolled back after it (no flush of every table, no world loaded again)
def test_work_the_worker_began_is_not_run_here(world, login, background_work):
    background_work.no_worker()
    client = login("daklak")
    status_url = _upload(client, workbook(HEADERS, _rows(views.BACKGROUND_ROWS))).url
    token = background_work.token(status_url)
    assert tasks.claim(token, "read")  # as the worker does when it begins
    client.post(reverse("import_run_here", args=[token]), {"next": status_url})
    assert tasks.read_status(token)["state"] == "queued"  # not read here
    assert "Đang chờ" in client.get(status_url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_bad_large_file_answers_its_problems_and_keeps_nothing(
    world, login, background_work, large
):
    client = login("daklak")
    status_url = _upload(client, workbook(HEADERS, _rows(ROWS, bad_at=MIDDLE))).url
    background_work.work()
    page = client.get(status_url)
    problems = " ".join(str(p) for p in page.context["problems"])
    assert page.context["token"] is None
    # its row in the sheet (the headers are row 1), its value
    assert f"dòng {MIDDLE + 2}," in problems and "Atlantis" in problems
    assert "Atlantis" in page.content.decode()
    # "Upload another file" below the problems goes to the upload, not to this page
    upload_url = reverse("import_upload", kwargs={"kind": "partners"})
    assert f'action="{upload_url}" enctype' in page.content.decode()
    assert _imported() == 0
    assert _uploaded_files() == [] and list(pending_dir().glob("*.json")) == []
    assert client.get(status_url).status_code == 404  # answered once, then forgotten


def test_nobody_else_sees_the_preview_and_it_cannot_be_confirmed_early(world, login, client):
    daklak = login("daklak")
    # a file of exactly BACKGROUND_ROWS rows (the product's threshold) is read in the background
    answer = _upload(daklak, workbook(HEADERS, _rows(views.BACKGROUND_ROWS)))
    assert answer.status_code == 302
    status_url = answer.url
    token = status_url.rsplit("/", 2)[-2]
    early = daklak.post(reverse("import_confirm", kwargs={"kind": "partners"}), {"token": token})
    assert early.status_code == 302 and _imported() == 0  # still being read: not imported
    client.force_login(world.user("daklak_lead"))
    assert client.get(status_url).status_code == 404


def test_a_small_file_still_previews_at_once(world, login):
    client = login("daklak")
    page = _upload(client, workbook(HEADERS, _rows(5)))
    assert page.status_code == 200 and page.context["token"]
    assert not DBTaskResult.objects.filter(task_path__endswith="tasks.preview_upload").exists()
