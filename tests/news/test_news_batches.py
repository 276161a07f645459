"""Archives and several files uploaded on the news page: read in the background with
their progress ("Đang đọc bài 2/4"), each article into a draft, then the drafts
reviewed one after the other ("Bài 1/3 · còn 2 bài chờ duyệt"). The limits of an
upload and of an archive apply with their messages and keep nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from doingoai.imports import background
from doingoai.news import documents
from doingoai.news.models import NewsItem

from .test_news_pages import review_data

pytestmark = pytest.mark.django_db

REAL = Path(__file__).parent / "real"
UNILEVER = (REAL / "001_tong-ket-quy-unilever.txt").read_bytes()
THANH_HOA = (REAL / "088_thanh-hoa-hua-phan.txt").read_bytes()
TRIP = (REAL / "075_chuyen-xe-huu-nghi.txt").read_bytes()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _upload(client, files, **extra):
    return client.post(
        reverse("news_import"),
        {"file": [SimpleUploadedFile(name, data) for name, data in files], **extra},
    )


ARCHIVE = _zip(
    {
        "bao/1-unilever.txt": UNILEVER,
        "bao/2-thanh-hoa.txt": THANH_HOA,
        "bao/3-hong.docx": b"PK\x03\x04 not a Word file",
        "bao/anh.jpg": b"\xff\xd8 a photo, not an article",
    }
)


@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_an_archive_and_files_are_read_in_the_background_then_reviewed_in_turn(
    world, login, background_work
):
    client = login("admin")
    answer = _upload(client, [("tin-thang-9.zip", ARCHIVE), ("chuyen-xe.txt", TRIP)])
    assert answer.status_code == 302  # at once, before an article is read
    status_url = answer.url
    token = background_work.token(status_url)
    assert status_url == reverse("news_batch", args=[token])
    assert DBTaskResult.objects.filter(task_path__endswith="batches.read_articles").count() == 1
    assert not NewsItem.objects.exists()
    waiting = client.get(status_url).content.decode()
    assert "Đang chờ" in waiting and "tin-thang-9.zip" in waiting
    assert 'hx-trigger="every 1s"' in waiting

    seen = background_work.poll_at(client, status_url, done=2)
    background_work.work()
    poll = seen["poll"].content.decode()
    assert "Đang đọc bài 2/4" in poll and "<html" not in poll  # 3 in the ZIP, 1 beside

    finished = client.get(status_url, headers={"HX-Request": "true"})
    assert finished.headers["HX-Refresh"] == "true"
    page = client.get(status_url)
    html = page.content.decode()
    assert "3 bản nháp mới, 0 bài đã nhập trước đó, 1 bài không đọc được" in html
    assert "3-hong.docx" in html  # the broken member, with its reason
    assert "còn 3 bài chờ duyệt" in html
    assert list(background.pending_dir().iterdir()) == []  # the files are read and gone
    drafts = list(NewsItem.objects.order_by("pk"))
    assert len(drafts) == 3 and {d.status for d in drafts} == {"draft"}
    assert drafts[0].source_file == "1-unilever.txt"

    # each draft in turn: position, what is left, next and previous
    first = client.get(page.context["first_url"]).content.decode()
    assert "Bài 1/3" in first and "còn 2 bài chờ duyệt" in first
    assert f"{reverse('news_review', args=[drafts[1].pk])}?batch={token}" in first
    second = client.get(reverse("news_review", args=[drafts[1].pk]) + f"?batch={token}")
    assert "Bài 2/3" in second.content.decode()
    assert f"{reverse('news_review', args=[drafts[0].pk])}?batch={token}" in (
        second.content.decode()
    )

    # confirming one leads to the next draft of the batch
    data = review_data(drafts[0], world.user("admin"))
    done = client.post(reverse("news_review", args=[drafts[0].pk]) + f"?batch={token}", data)
    assert done.status_code == 302, done.content.decode()[:2000]
    assert done.url == reverse("news_review", args=[drafts[1].pk]) + f"?batch={token}"
    nxt = client.get(done.url).content.decode()
    assert "còn 1 bài chờ duyệt" in nxt

    # the same archive again: every article is already imported
    again = _upload(client, [("lan-nua.zip", ARCHIVE)])
    background_work.work()
    html = client.get(again.url).content.decode()
    assert "0 bản nháp mới, 2 bài đã nhập trước đó, 1 bài không đọc được" in html
    assert NewsItem.objects.count() == 3

    # nobody else's session knows the batch
    other = Client()
    other.force_login(world.user("daklak"))
    assert other.get(status_url).status_code == 404


def test_an_archive_beyond_its_limits_is_refused_on_the_page(world, login, monkeypatch):
    client = login("daklak")
    monkeypatch.setattr(documents, "MAX_ARCHIVE_MEMBERS", 2)
    response = _upload(client, [("nhieu.zip", ARCHIVE)])
    html = response.content.decode()
    assert response.status_code == 400
    assert "nhieu.zip" in html and "giới hạn là 2" in html  # the limit, named
    monkeypatch.setattr(documents, "MAX_ARCHIVE_MEMBERS", 5_000)
    monkeypatch.setattr(documents, "MAX_ARCHIVE_UNPACKED", 100)
    response = _upload(client, [("nhieu.zip", ARCHIVE)])
    assert response.status_code == 400 and "MB" in response.content.decode()
    assert not NewsItem.objects.exists() and not DBTaskResult.objects.exists()
    assert list(background.pending_dir().iterdir()) == []  # nothing kept


def test_bad_files_in_a_batch_are_refused_with_their_names(world, login):
    client = login("daklak")
    response = _upload(client, [("tin.zip", b"not a zip at all"), ("a.txt", UNILEVER)])
    assert response.status_code == 400
    assert "“tin.zip” không thực sự là tệp .zip" in response.content.decode()
    empty = _zip({"anh.jpg": b"\xff\xd8"})
    response = _upload(client, [("anh.zip", empty)])
    assert "không chứa bài báo nào" in response.content.decode()
    response = _upload(client, [("a.pdf", b"%PDF-1.4"), ("b.txt", UNILEVER)])
    assert "a.pdf" in response.content.decode()
    response = _upload(
        client, [("a.txt", UNILEVER), ("b.txt", THANH_HOA)], source_url="https://example.org"
    )
    assert "Địa chỉ nguồn chỉ dùng cho một bài báo" in response.content.decode()
    assert not NewsItem.objects.exists() and not DBTaskResult.objects.exists()


def test_a_member_beyond_the_limit_of_one_article_is_listed_and_stops_nothing(
    world, login, monkeypatch
):
    from doingoai.news import batches

    monkeypatch.setattr(documents, "MAX_ARTICLE_BYTES", 1_500)  # the Unilever text is larger
    short = b"\n".join(THANH_HOA.split(b"\n")[:6])
    assert len(short) < 1_500 < len(UNILEVER)
    client = login("admin")
    answer = _upload(client, [("hai.zip", _zip({"a.txt": UNILEVER, "b.txt": short}))])
    token = answer.url.rstrip("/").rsplit("/", 1)[-1]
    # the worker's task, run here (the test's transaction is the worker's)
    batches.read_articles.call(token, *_task_args())
    html = client.get(answer.url).content.decode()
    assert "hai.zip:a.txt" in html and "giới hạn" in html  # the limit of one article, named
    assert NewsItem.objects.count() == 1


def _task_args():
    """The arguments the page enqueued the reading with (after the token)."""
    return DBTaskResult.objects.get().args_kwargs["args"][1:]


def test_one_file_is_still_read_at_once(world, login):
    client = login("daklak")
    response = _upload(client, [("a.txt", UNILEVER)])
    item = NewsItem.objects.get()
    assert response.url == reverse("news_review", args=[item.pk])
    assert not DBTaskResult.objects.exists()


def test_an_edited_copy_in_a_batch_is_flagged_as_already_imported(world, login):
    from doingoai.news import batches

    from .test_news_duplicates import other_paper

    client = login("admin")
    copy = other_paper(UNILEVER.decode("utf-8")).encode("utf-8")
    answer = _upload(client, [("1.txt", UNILEVER), ("2.txt", THANH_HOA), ("3.txt", copy)])
    token = answer.url.rstrip("/").rsplit("/", 1)[-1]
    batches.read_articles.call(token, *_task_args())
    page = client.get(answer.url)
    html = page.content.decode()
    first = NewsItem.objects.get(source_file="1.txt")
    assert "3 bản nháp mới" in html  # another text: a draft of its own...
    flagged = [r for r in page.context["rows"] if r.get("copy_of")]
    assert [r["name"] for r in flagged] == ["3.txt"]  # ...said to copy the first one
    assert flagged[0]["copy_of"] == first
    assert "Bài báo này có vẻ đã được nhập" in html and first.get_absolute_url() in html
