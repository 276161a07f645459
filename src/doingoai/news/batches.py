"""Several articles read from the page at once: files, or ZIP archives of them, uploaded
together, read in the background (``imports.background``: the same mechanism as the
spreadsheet and IATI previews) with their progress ("Đang đọc bài 3/12"), each into a
draft news item as ``services.import_file`` reads one; then each draft is reviewed in
turn on its review page (previous / next, "còn 9 bài chờ duyệt").

The limits of one article (``forms.check_article_upload``: type by content, size) and
of an archive (``core.uploads``: its members and what they unpack to, checked when it is
uploaded; each member at most ``documents.MAX_ARTICLE_BYTES``, checked as it is read)
apply with their messages. A file that cannot be read is listed with its reason and
stops nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.tasks import task
from django.utils.translation import gettext as _

from doingoai.imports import background

from .models import NewsItem

#: the session remembers the user's batches under this key (token -> entry)
SESSION_KEY = "news_batches"


def is_archive(uploaded) -> bool:
    name = (uploaded.name or "").lower()
    return name.endswith(".zip")


def check_archive_upload(uploaded) -> None:
    """A ZIP of articles: within the upload size, really a ZIP, and within the limits of
    an archive (how many files, what they unpack to) — checked on its directory alone,
    nothing is unpacked. A ValidationError names the limit."""
    from django.conf import settings

    from doingoai.core.uploads import MB

    from .documents import archive_members

    name = uploaded.name or ""
    limit = settings.MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size).1f MB; the limit is %(limit).0f MB.")
            % {"name": name, "size": uploaded.size / MB, "limit": limit / MB},
            code="too_large",
        )
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            members = archive_members(archive, name)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValidationError(
            _("“%(name)s” is not really a .%(ext)s file (its content does not match its name).")
            % {"name": name, "ext": "zip"},
            code="content_mismatch",
        ) from None
    finally:
        uploaded.seek(0)
    if not members:
        raise ValidationError(
            _("“%(name)s” holds no article (.txt, .html or .docx files).") % {"name": name},
            code="empty_archive",
        )


def keep(uploads, token: str) -> list[dict]:
    """Keep the uploaded files beside the token until they are read: (stored name, name
    as uploaded) of each."""
    kept = []
    for n, uploaded in enumerate(uploads, 1):
        suffix = Path(uploaded.name or "").suffix.lower()
        stored = f"{token}-{n}{suffix}"
        with (background.pending_dir() / stored).open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        kept.append({"stored": stored, "name": Path(uploaded.name or stored).name})
    return kept


def _articles(files: list[dict], archives: list) -> list[tuple[str, object]]:
    """(name, read() or the exception to report) of every article of the files kept."""
    from .documents import archive_members

    out = []
    for file in files:
        path = background.pending_dir() / file["stored"]
        if file["stored"].endswith(".zip"):
            try:
                archive = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile) as exc:
                out.append((file["name"], exc))
                continue
            archives.append(archive)
            try:
                members = archive_members(archive, file["name"])
            except ValidationError as exc:
                out.append((file["name"], exc))
                continue
            out += [(f"{file['name']}: {name}", read) for name, read in members]
        else:
            out.append((file["name"], path.read_bytes))
    return out


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    if isinstance(exc, PermissionDenied):
        return _("You may not add news items for this unit.")
    return _("The file could not be read: %(error)s") % {"error": exc}


@task
@background.once("read")  # run here when no worker takes it; never twice
def read_articles(
    token: str, files: list, unit_id: int, user_id: int, language: str, published: str | None
):
    """Read every article of the kept files into draft news items, reporting "article n
    of N"; the result lists each article: its draft, the one already imported, or why
    it could not be read. The kept files are deleted."""
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import translation

    from doingoai.organization.models import Unit

    from .services import earlier_copies, import_file

    archives: list = []
    results = []
    progress = background.Progress(token)
    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            unit = Unit.objects.get(pk=unit_id)
            day = dt.date.fromisoformat(published) if published else None
            articles = _articles(files, archives)
            for n, (name, source) in enumerate(articles, 1):
                progress(n, len(articles), current=name)
                entry = {"name": name}
                try:
                    if isinstance(source, Exception):
                        raise source
                    result = import_file(
                        data=source(),
                        filename=Path(name.split(": ")[-1]).name,
                        unit=unit,
                        acting_user=user,
                        published=day,
                    )
                except Exception as exc:  # noqa: BLE001 - one bad article stops nothing
                    entry["error"] = _reason(exc)
                else:
                    entry.update(item=result.item.pk, created=result.created)
                    if result.created:  # the same story imported before, edited?
                        copies = earlier_copies(result.item, user)
                        if copies:
                            entry["copy_of"] = copies[0][0].pk
                results.append(entry)
        except BaseException:
            background.write_status(token, state="failed", results=results)
            raise
        finally:
            for archive in archives:
                archive.close()
            for file in files:
                (background.pending_dir() / file["stored"]).unlink(missing_ok=True)
    background.write_status(token, state="done", results=results)


def drafts_of(entry: dict) -> list[int]:
    """The news items a batch made, in the order read."""
    return list(entry.get("items") or [])


def waiting(pks: list[int]) -> list[int]:
    """Those of ``pks`` still drafts waiting for their review, in order."""
    still = set(
        NewsItem.objects.filter(
            pk__in=pks, status=NewsItem.Status.DRAFT, activity__isnull=True
        ).values_list("pk", flat=True)
    )
    return [pk for pk in pks if pk in still]
