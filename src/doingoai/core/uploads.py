"""Uploads: the type is checked by content, not by name; size is limited; files are
stored under generated names."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# extension -> accepted MIME types detected from content
ALLOWED = {
    "pdf": {"application/pdf"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "webp": {"image/webp"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "doc": {"application/msword", "application/x-ole-storage", "application/x-cfb"},
    "xls": {"application/vnd.ms-excel", "application/x-ole-storage", "application/x-cfb"},
    "txt": {"text/plain"},
}
PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}
OOXML_MARKERS = {
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}


@dataclass
class Checked:
    mime_type: str
    extension: str
    size: int


#: the part every real document of the kind holds
OOXML_MAIN = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
#: the stream every real old-Office document of the kind holds
OLE_MAIN = {"doc": [["WordDocument"]], "xls": [["Workbook"], ["Book"]]}
#: names no document part carries: programs and scripts riding inside a container
EXECUTABLE = (".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".msi", ".ps1", ".vbs", ".js", ".jar")
#: what an Office ZIP may unpack to (a "zip bomb" of a few KB claims gigabytes)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000


def check_zip(zf: zipfile.ZipFile, name: str, *, max_members: int, max_unpacked: int) -> list:
    """The members of an archive within the limits (their number, and the total size they
    declare: a member is never read past its declared size), or a ValidationError naming
    the limit. Nothing is unpacked."""
    infos = zf.infolist()
    if len(infos) > max_members:
        raise ValidationError(
            _("“%(name)s” holds %(count)d files; the limit is %(limit)d.")
            % {"name": name, "count": len(infos), "limit": max_members},
            code="too_many_members",
        )
    total = sum(i.file_size for i in infos)
    if total > max_unpacked:
        raise ValidationError(
            _("“%(name)s” unpacks to %(size).0f MB; the limit is %(limit).0f MB.")
            % {"name": name, "size": total / MB, "limit": max_unpacked / MB},
            code="too_big_unpacked",
        )
    return infos


def read_member(zf: zipfile.ZipFile, info, name: str, *, limit: int) -> bytes:
    """One member of an archive, read only up to ``limit`` bytes: a larger one is a
    ValidationError naming the limit (whatever size it declares)."""
    if info.file_size > limit:
        data_size = info.file_size
    else:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
        if len(data) <= limit:
            return data
        data_size = len(data)
    raise ValidationError(
        _("“%(name)s” unpacks to %(size).1f MB; the limit for one file is %(limit).0f MB.")
        % {"name": name, "size": data_size / MB, "limit": limit / MB},
        code="too_big_unpacked",
    )


def _ooxml(ext: str, data_for_zip) -> str | None:
    try:
        with zipfile.ZipFile(data_for_zip()) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    names = [i.filename for i in infos]
    if "[Content_Types].xml" not in names or OOXML_MAIN[ext] not in names:
        return None
    if any(n.lower().endswith(EXECUTABLE) for n in names):
        return None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        return None
    return next(iter(ALLOWED[ext]))


def _ole(ext: str, data) -> str | None:
    """An old-Office file: the document's own stream is there, and no stream is a program
    (an OLE "package" carrying an .exe names it, or starts with "MZ")."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError):
        return None
    with ole:
        streams = ole.listdir(streams=True, storages=False)
        if ext in OLE_MAIN and not any(ole.exists("/".join(p)) for p in OLE_MAIN[ext]):
            return None
        for path in streams:
            if path[-1].lower().endswith(EXECUTABLE):
                return None
            with ole.openstream(path) as stream:
                start = stream.read(4096)
            if start.startswith(b"MZ") or b".exe\x00" in start.lower():
                return None
    return "application/x-ole-storage"


def _sniff(head: bytes, ext: str, data_for_zip) -> str | None:
    if ext in OOXML_MARKERS and head.startswith(b"PK"):
        return _ooxml(ext, data_for_zip)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole(ext, data_for_zip())
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if ext == "txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if b"\x00" in head:
            return None
        return "text/plain"
    return None


MB = 1024 * 1024  # the README's "20 MB" is 20 × 1024 × 1024 bytes


def check_upload(uploaded, *, photos_only: bool = False) -> Checked:
    """Raise ValidationError with a clear message, or return the checked type."""
    name = uploaded.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    limit = settings.MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; the limit is %(limit).0f MB.")
            % {"name": name, "size": uploaded.size / MB, "limit": limit / MB},
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    if ext not in ALLOWED:
        raise ValidationError(
            _("“%(name)s”: files of type .%(ext)s are not accepted (accepted: %(list)s).")
            % {"name": name, "ext": ext or "?", "list": ", ".join(sorted(ALLOWED))},
            code="bad_type",
        )
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)

    def whole():
        uploaded.seek(0)
        data = io.BytesIO(uploaded.read())
        uploaded.seek(0)
        return data

    mime = _sniff(head, ext, whole)
    if mime is None or mime not in ALLOWED[ext]:
        raise ValidationError(
            _("“%(name)s” is not really a .%(ext)s file (its content does not match its name).")
            % {"name": name, "ext": ext},
            code="content_mismatch",
        )
    if photos_only and mime not in PHOTO_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a photo (JPEG, PNG or WebP).") % {"name": name}, code="not_photo"
        )
    if mime in PHOTO_TYPES:
        check_image(uploaded, name)
    return Checked(mime_type=mime, extension=ext, size=uploaded.size)


#: the largest photo accepted, in pixels (a 40-megapixel camera; a "pixel bomb" of a
#: few kilobytes claiming 400 megapixels would take gigabytes to decode)
MAX_IMAGE_PIXELS = 40_000_000


def check_image(uploaded, name: str) -> None:
    """A photo must decode completely and stay within MAX_IMAGE_PIXELS.

    WeasyPrint sets Pillow's process-wide ``ImageFile.LOAD_TRUNCATED_IMAGES`` when it is
    imported (after the first PDF a worker makes, a truncated photo would load): the check
    turns it off while it decodes and puts it back."""
    from PIL import Image, ImageFile

    uploaded.seek(0)
    tolerant = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with Image.open(uploaded) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "“%(name)s” is %(width)d × %(height)d pixels; the limit is "
                        "%(limit)d megapixels."
                    )
                    % {
                        "name": name,
                        "width": width,
                        "height": height,
                        "limit": MAX_IMAGE_PIXELS // 1_000_000,
                    },
                    code="too_many_pixels",
                )
            image.draft("RGB", (320, 320))  # JPEG: decode at thumbnail size
            image.load()  # a truncated or damaged file fails here
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError(
            _("“%(name)s” has more pixels than the limit of %(limit)d megapixels.")
            % {"name": name, "limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ValidationError(
            _("“%(name)s” is damaged or incomplete and cannot be shown as a photo.")
            % {"name": name},
            code="bad_image",
        ) from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = tolerant
        uploaded.seek(0)


def make_thumbnail(attachment, size=(320, 320)):
    """A JPEG thumbnail for a photo attachment."""
    from django.core.files.base import ContentFile
    from PIL import Image

    with attachment.file.open("rb") as fh:
        image = Image.open(fh)
        image.thumbnail(size)
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82)
    attachment.thumbnail.save(f"{attachment.pk}.jpg", ContentFile(out.getvalue()), save=True)
