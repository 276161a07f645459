"""Without a worker, the IATI preview and the news batches say so as the spreadsheet
import does (``background.progress_page``): after ``TASK_WORKER_WAIT`` seconds the page
names ``doingoai db_worker`` and ``doingoai serve`` and offers to read the upload "here".
Run here, the work is done once: a worker started later finds it claimed and does
nothing, a second click does nothing, and nobody else can run another user's upload."""

from __future__ import annotations

import pytest
from django.tasks import TaskResultStatus
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from tests.iati_real.test_page import BEIS, upload
from tests.news.test_news_batches import ARCHIVE, TRIP
from tests.news.test_news_batches import _upload as upload_articles

from doingoai.iati import upload as iati_upload
from doingoai.imports import background
from doingoai.news.models import NewsItem
from doingoai.resources.models import Resource

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits as in production


def _says_no_worker_runs(client, status_url, token, label="Đọc tệp ngay tại đây"):
    """The page and its polled part: the worker is late, and the work can run here."""
    run_here = reverse("import_run_here", args=[token])
    for page in (client.get(status_url), client.get(status_url, headers={"HX-Request": "true"})):
        html = page.content.decode()
        assert page.status_code == 200 and 'id="import-worker-late"' in html
        assert "chưa chạy" in html and "doingoai db_worker" in html and "doingoai serve" in html
        assert f'action="{run_here}"' in html and label in html
        assert f'name="next" value="{status_url}"' in html
    return run_here


def _all_successful():
    return set(DBTaskResult.objects.values_list("status", flat=True)) == {
        TaskResultStatus.SUCCESSFUL
    }


def test_the_iati_preview_without_a_worker_runs_here_once(
    world, login, monkeypatch, background_work
):
    monkeypatch.setattr(iati_upload, "BACKGROUND_ACTIVITIES", 3)  # BEIS holds 3
    client = login("daklak")
    status_url = upload(client, world.daklak, BEIS.read_bytes()).url
    token = background_work.token(status_url)
    assert "import-worker-late" not in client.get(status_url).content.decode()  # not yet
    background_work.no_worker()
    run_here = _says_no_worker_runs(client, status_url, token)

    # another editor's session does not know the upload: nothing is run
    other = Client()
    other.force_login(world.user("daklak_lead"))
    assert other.post(run_here, {"next": status_url}).status_code == 404
    assert background_work.status(token)["state"] == "queued"

    answer = client.post(run_here, {"next": status_url})
    assert answer.status_code == 302 and answer.url == status_url
    assert background.claimed(token, "read")
    done = background_work.status(token)
    assert done["state"] == "done"
    page = client.get(status_url)
    assert "3 hoạt động: nhập 1, bỏ qua 2" in page.content.decode()
    assert page.context["token"] == token

    # the worker, started later, finds the preview claimed and does nothing
    background_work.work()
    assert _all_successful() and background_work.status(token) == done
    assert client.post(run_here, {"next": status_url}).url == status_url  # a second click
    assert background_work.status(token) == done
    assert not Resource.objects.exists()  # a preview writes nothing
    # the file the preview read is still there to be confirmed
    assert client.post(reverse("iati_import_confirm"), {"token": token}).status_code == 302
    assert Resource.objects.filter(unit=world.daklak).count() == 3


def test_a_news_batch_without_a_worker_runs_here_once(world, login, background_work):
    background_work.no_worker()
    client = login("admin")
    status_url = upload_articles(
        client, [("tin-thang-9.zip", ARCHIVE), ("chuyen-xe.txt", TRIP)]
    ).url
    token = background_work.token(status_url)
    run_here = _says_no_worker_runs(client, status_url, token)

    other = Client()
    other.force_login(world.user("daklak"))
    assert other.post(run_here, {"next": status_url}).status_code == 404
    assert not NewsItem.objects.exists()

    answer = client.post(run_here, {"next": status_url})
    assert answer.status_code == 302 and answer.url == status_url
    assert background.claimed(token, "read")
    assert NewsItem.objects.count() == 3
    html = client.get(status_url).content.decode()
    assert "3 bản nháp mới, 0 bài đã nhập trước đó, 1 bài không đọc được" in html

    # the worker, started later, finds the reading claimed: no article is read again
    background_work.work()
    assert _all_successful() and NewsItem.objects.count() == 3
    assert client.post(run_here, {"next": status_url}).status_code == 404  # answered, forgotten
    html = client.get(status_url).content.decode()
    assert "3 bản nháp mới, 0 bài đã nhập trước đó, 1 bài không đọc được" in html
    assert list(background.pending_dir().glob(f"{token}-*")) == []  # the files are gone


def test_run_here_goes_back_only_to_a_page_of_this_site(world, login, background_work):
    """The page it goes back to is the form's ``next``, never another site."""
    background_work.no_worker()
    client = login("admin")
    status_url = upload_articles(client, [("a.zip", ARCHIVE), ("b.txt", TRIP)]).url
    token = background_work.token(status_url)
    answer = client.post(
        reverse("import_run_here", args=[token]), {"next": "https://evil.example/"}
    )
    assert answer.status_code == 302 and answer.url == "/"
    assert NewsItem.objects.count() == 3  # run, once


def test_work_done_elsewhere_is_not_run_here(world, login, monkeypatch, background_work):
    """The worker began the IATI preview (it holds its claim): run here does nothing."""
    monkeypatch.setattr(iati_upload, "BACKGROUND_ACTIVITIES", 3)
    background_work.no_worker()
    client = login("daklak")
    status_url = upload(client, world.daklak, BEIS.read_bytes()).url
    token = background_work.token(status_url)
    assert background.claim(token, "read")  # as the worker does when it begins
    client.post(reverse("import_run_here", args=[token]), {"next": status_url})
    assert background_work.status(token)["state"] == "queued"
    assert "Đang chờ" in client.get(status_url).content.decode()


def test_claims_outlive_the_upload_until_swept(world):
    """A claim is not an upload (the uploads' folder empties when they are done) and is
    kept until the uploads nobody confirmed are swept, a day later."""
    import os
    import time

    assert background.claim("abc123", "read")
    assert list(background.pending_dir().iterdir()) == []
    assert background.sweep_pending() == 0 and background.claimed("abc123", "read")
    old = time.time() - background.PENDING_HOURS * 3600 - 60
    os.utime(background.claims_dir() / "abc123.read", (old, old))
    assert background.sweep_pending() == 1 and not background.claimed("abc123", "read")
