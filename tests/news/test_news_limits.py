"""Small files that would take a server down: ZIPs of articles and Word articles that
unpack to far more than they weigh are refused with a message naming the limit, and
nothing is written."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from doingoai.news import documents
from doingoai.news.models import NewsItem

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Hội LHPN tỉnh Đắk Lắk tiếp đoàn Hội Phụ nữ tỉnh Chămpasăk\n"
    "Ngày 12/3/2025, Hội LHPN tỉnh Đắk Lắk đã tiếp đoàn công tác của Hội Phụ nữ tỉnh "
    "Chămpasăk (Lào) do bà Khamphanh làm trưởng đoàn.\n"
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _run(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_news", str(path), "--as", "daklak", stdout=out, stderr=err)
    return out.getvalue()


def test_a_member_that_unpacks_past_the_limit_is_refused(world, tmp_path):
    bomb = b"a" * (documents.MAX_ARTICLE_BYTES + 1024)  # 10 MB of one letter: a few KB
    archive = tmp_path / "tin.zip"
    archive.write_bytes(_zip({"bom.txt": bomb}))
    assert archive.stat().st_size < 100_000
    before = NewsItem.objects.count()
    summary = _run(archive)
    assert "failed: 1" in summary and "bom.txt" in summary
    assert "10 MB" in summary  # the limit, named
    assert NewsItem.objects.count() == before


def test_an_archive_beyond_its_limits_is_refused_whole(world, tmp_path, monkeypatch):
    articles = {f"bai-{n}.txt": (ARTICLE + f"Tin số {n}.\n").encode() for n in range(5)}
    archive = tmp_path / "nhieu.zip"
    archive.write_bytes(_zip(articles))
    before = NewsItem.objects.count()
    monkeypatch.setattr(documents, "MAX_ARCHIVE_MEMBERS", 3)
    summary = _run(archive)
    assert "holds 5 files; the limit is 3" in summary or "giới hạn là 3" in summary
    assert NewsItem.objects.count() == before
    monkeypatch.setattr(documents, "MAX_ARCHIVE_MEMBERS", 5_000)
    monkeypatch.setattr(documents, "MAX_ARCHIVE_UNPACKED", 100)
    summary = _run(archive)
    assert "MB" in summary and "failed: 1" in summary
    assert NewsItem.objects.count() == before
    monkeypatch.setattr(documents, "MAX_ARCHIVE_UNPACKED", 500 * 2**20)
    assert "new: 5" in _run(archive)  # within the limits, read member by member


def _docx_bomb(text_bytes: int) -> bytes:
    """A real Word file whose text part is replaced by ``text_bytes`` of one letter."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    body = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>" + b"a" * text_bytes + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    members = {
        i.filename: (body if i.filename == "word/document.xml" else source.read(i))
        for i in source.infolist()
    }
    return _zip(members)


def test_a_word_article_that_unpacks_to_megabytes_of_text(world, login, tmp_path):
    data = _docx_bomb(documents.MAX_ARTICLE_BYTES + 1024)
    assert len(data) < 100_000
    client = login("daklak")
    before = NewsItem.objects.count()
    response = client.post(reverse("news_import"), {"file": SimpleUploadedFile("bom.docx", data)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "bom.docx" in page and "10 MB" in page
    assert NewsItem.objects.count() == before
    # the command line says the same
    path = tmp_path / "bom.docx"
    path.write_bytes(data)
    summary = _run(path)
    assert "failed: 1" in summary and "10 MB" in summary
    assert NewsItem.objects.count() == before


def test_an_article_longer_than_the_limit(world, login):
    client = login("daklak")
    text = ARTICLE + "Phụ nữ hai tỉnh cùng trao đổi kinh nghiệm. " * 5_000  # 215.000 characters
    before = NewsItem.objects.count()
    response = client.post(reverse("news_import"), {"text": text})
    assert response.status_code == 400
    assert "200.000" in response.content.decode()
    assert NewsItem.objects.count() == before
