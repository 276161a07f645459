"""Uploads: type checked by content, size limited, stored under generated names."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.core.models import Attachment
from doingoai.core.samples import make

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 400), (200, 30, 90)).save(out, "PNG")
    return out.getvalue()


def test_signed_pdf_is_stored_under_a_generated_name(world, login):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    upload = SimpleUploadedFile("Thỏa thuận đã ký.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("agreements_attach", args=[agreement.pk]), {"kind": "signed", "file": upload}
    )
    assert response.status_code == 302
    att = Attachment.objects.get()
    assert att.original_name == "Thỏa thuận đã ký.pdf"
    assert "Thỏa" not in att.file.name and att.file.name.endswith(".pdf")
    download = client.get(reverse("attachment_download", args=[att.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    # out of scope: the file is as invisible as its record
    assert login("hanoi").get(reverse("attachment_download", args=[att.pk])).status_code == 404


def test_exe_renamed_pdf_is_refused_and_nothing_is_stored(world, login, settings):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    fake = SimpleUploadedFile(
        "hop-dong.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="application/pdf"
    )
    response = client.post(
        reverse("agreements_attach", args=[agreement.pk]),
        {"kind": "signed", "file": fake},
        follow=True,
    )
    assert Attachment.objects.count() == 0
    assert "“hop-dong.pdf” không thực sự là tệp .pdf" in response.content.decode()
    media = settings.MEDIA_ROOT
    assert not [p for p in media.rglob("*") if p.is_file()]  # nothing written to disk


def test_too_large_file_is_refused(world, login, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    agreement = make("agreements", world.daklak)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 2000, content_type="application/pdf")
    login("daklak").post(reverse("agreements_attach", args=[agreement.pk]), {"file": big})
    assert Attachment.objects.count() == 0


def test_photo_gets_a_thumbnail(world, login):
    agreement = make("agreements", world.daklak)
    client = login("daklak")
    photo = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    client.post(reverse("agreements_attach", args=[agreement.pk]), {"kind": "photo", "file": photo})
    att = Attachment.objects.get()
    assert att.thumbnail
    thumb = client.get(reverse("attachment_thumbnail", args=[att.pk]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"


def test_viewer_cannot_upload(world, login):
    agreement = make("agreements", world.daklak)
    photo = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    response = login("trunguong").post(
        reverse("agreements_attach", args=[agreement.pk]), {"kind": "photo", "file": photo}
    )
    assert response.status_code == 403
    assert Attachment.objects.count() == 0


def _png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG whose header claims ``width`` × ``height`` pixels."""
    import struct
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _truncated_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()[: len(out.getvalue()) // 2]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh-lon.png", lambda: _png_claiming(20_000, 20_000), "40 megapixel"),
        ("anh-vua.png", lambda: _png_claiming(8_000, 6_000), "8000 × 6000"),
        ("anh-hong.jpg", _truncated_jpeg, "anh-hong.jpg"),
    ],
)
def test_bomb_or_broken_photo_is_refused_and_leaves_no_file(
    name, content, message, world, login, settings
):
    activity = make("activities", world.daklak)
    upload = SimpleUploadedFile(name, content(), content_type="image/png")
    response = login("daklak").post(
        reverse("activities_attach", args=[activity.pk]),
        {"kind": "photo", "file": upload},
        follow=True,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Attachment.objects.count() == 0
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_size_message_counts_megabytes_as_the_readme_does(world, login, settings):
    settings.MAX_UPLOAD_BYTES = 20 * 1024 * 1024
    from doingoai.core.uploads import check_upload

    big = SimpleUploadedFile("to.pdf", b"%PDF" + b"0" * (21 * 1024 * 1024))
    with pytest.raises(Exception, match="giới hạn là 20 MB|the limit is 20 MB"):
        check_upload(big)


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


MINIMAL_WORD = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # a ZIP with a program and the least Word parts: not a document
        ("bao-cao.docx", lambda: _zip({**MINIMAL_WORD, "word/setup.exe": b"MZ" + b"\0" * 100})),
        # "word/" present but no document part
        ("bao-cao.docx", lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/x.txt": b"x"})),
        # a few KB that unpack to 300 MB
        ("bao-cao.docx", lambda: _zip({**MINIMAL_WORD, "word/media/a.bin": b"\0" * 300_000_000})),
        # OLE's magic bytes and nothing of an OLE container behind them
        ("bien-ban.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"MZ" + b"\0" * 600),
        ("so-lieu.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
    ],
)
def test_office_containers_are_checked_inside(name, content):
    from django.core.exceptions import ValidationError

    from doingoai.core.uploads import check_upload

    with pytest.raises(ValidationError, match="content does not match|không khớp|không thực sự"):
        check_upload(SimpleUploadedFile(name, content()))


def test_a_real_docx_is_accepted():
    from docx import Document

    from doingoai.core.uploads import check_upload

    out = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Báo cáo")
    doc.save(out)
    assert check_upload(SimpleUploadedFile("bao-cao.docx", out.getvalue())).extension == "docx"


def test_deleting_a_record_deletes_its_files(world, login, django_capture_on_commit_callbacks):
    """Files no record keeps are not left on the disk: a deleted record's attachments
    (and their thumbnails) go with it."""
    from pathlib import Path

    activity = make("activities", world.daklak)
    client = login("daklak")
    upload = SimpleUploadedFile("anh.png", png_bytes(), content_type="image/png")
    client.post(reverse("activities_attach", args=[activity.pk]), {"kind": "photo", "file": upload})
    att = Attachment.objects.get()
    paths = [Path(att.file.path), Path(att.thumbnail.path)]
    assert all(p.exists() for p in paths)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("activities_delete", args=[activity.pk]), {"version": activity.version}
        )
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not any(p.exists() for p in paths)


def test_a_truncated_photo_is_refused_after_a_pdf_was_made(world, login):
    """Seen in the PostgreSQL run: WeasyPrint turns on Pillow's process-wide
    LOAD_TRUNCATED_IMAGES when imported, so after the first PDF a worker made, a truncated
    JPEG was accepted as a photo."""
    import weasyprint  # noqa: F401  (what making a report's PDF does first)
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES  # the setting the check must not trust
    activity = make("activities", world.daklak)
    upload = SimpleUploadedFile("anh-hong.jpg", _truncated_jpeg(), content_type="image/jpeg")
    page = (
        login("daklak")
        .post(
            reverse("activities_attach", args=[activity.pk]),
            {"kind": "photo", "file": upload},
            follow=True,
        )
        .content.decode()
    )
    assert "không đầy đủ" in page or "incomplete" in page
    assert Attachment.objects.count() == 0
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # put back for WeasyPrint
