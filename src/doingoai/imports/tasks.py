"""The preview and the import of a large uploaded spreadsheet, done in the background
(Django's tasks framework, database backend: ``doingoai db_worker``; ``doingoai serve``
starts one).

The tasks read the file kept in ``pending_dir()`` and write their progress, then the
report, to a status file beside it (``<token>.json``: its ``stage`` is ``read`` for the
preview, ``write`` for the import) that the status pages poll. A file whose preview
fails is deleted; the preview writes nothing to the database. The import writes all
rows or none (one transaction, through ``core.writing``) and deletes the file after.

Each stage of an upload is done once: whoever first creates its claim file
(``<token>.<stage>.claim``, created exclusively) does it, be it the worker or the
request of an officer who chose to run it "here" because no worker picked it up. A
second confirmation of the same upload finds the ``confirm`` claim taken and imports
nothing."""

from __future__ import annotations

import os
import time

from django.tasks import task

# the mechanism shared with the other uploads read in the background
from .background import Progress, pending_dir, read_status, status_path, write_status

__all__ = ["import_confirmed", "preview_upload", "read_status", "report_from_json", "status_path"]


def claim(token: str, stage: str) -> bool:
    """Take ``stage`` (read, confirm, write) of the upload ``token`` for this caller alone:
    True once, False to every later caller, in any process."""
    try:
        fd = os.open(pending_dir() / f"{token}.{stage}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def claimed(token: str, stage: str) -> bool:
    return (pending_dir() / f"{token}.{stage}.claim").exists()


def queue_status(token: str, stage: str) -> None:
    """The status of work just handed to the worker, with the time it was queued (the
    pages say so plainly when no worker picks it up)."""
    write_status(token, stage=stage, state="queued", queued_at=time.time())


def report_to_json(report) -> dict:
    return {
        "kind": report.kind,
        "filename": report.filename,
        "headers": report.headers,
        "problems": [str(p) for p in report.problems],
        "rows": [
            {
                "row": r.row,
                "ref": r.ref,
                "action": r.action,
                "cells": r.cells,
                "problems": [str(p) for p in r.problems],
                "object_id": r.object_id,
            }
            for r in report.rows
        ],
        "committed": report.committed,
    }


def report_from_json(data: dict):
    from .spreadsheet import ImportReport, Problem, RowResult

    def problems(texts):
        return [Problem(text, sheet=None) for text in texts]  # already located and worded

    return ImportReport(
        kind=data["kind"],
        filename=data["filename"],
        headers=data["headers"],
        problems=problems(data["problems"]),
        rows=[
            RowResult(
                row=r["row"],
                ref=r["ref"],
                action=r["action"],
                cells=r["cells"],
                problems=problems(r["problems"]),
                object_id=r.get("object_id"),
            )
            for r in data["rows"]
        ],
        committed=data.get("committed", False),
    )


def _progress(token: str, stage: str):
    progress = Progress(token)
    return lambda done, total: progress(done, total, stage=stage)


def read_upload(kind: str, token: str, filename: str, user_id: int, language: str) -> None:
    """Read the uploaded file ``<token>.xlsx`` as a preview (rolled back), reporting
    progress; delete the file when the preview fails. Does nothing when somebody else
    read it already."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from .spreadsheet import import_workbook

    if not claim(token, "read"):
        return
    path = pending_dir() / f"{token}.xlsx"
    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            report = import_workbook(
                kind,
                path,
                user=user,
                commit=False,
                filename=filename,
                progress=_progress(token, "read"),
            )
        except BaseException:
            path.unlink(missing_ok=True)  # a failed preview leaves no file behind
            write_status(token, stage="read", state="failed")
            raise
        if not report.ok:
            path.unlink(missing_ok=True)
        write_status(token, stage="read", state="done", report=report_to_json(report))


def write_upload(kind: str, token: str, filename: str, user_id: int, language: str) -> None:
    """Import the confirmed file ``<token>.xlsx``: every row or none, reporting progress,
    then the rows created and updated (or the problems); the file is deleted after.
    Does nothing when somebody else imports it already."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from .spreadsheet import import_workbook

    if not claim(token, "write"):
        return
    path = pending_dir() / f"{token}.xlsx"
    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            report = import_workbook(
                kind,
                path,
                user=user,
                commit=True,
                filename=filename,
                progress=_progress(token, "write"),
            )
        except BaseException:
            write_status(token, stage="write", state="failed")
            raise
        finally:
            path.unlink(missing_ok=True)
        write_status(token, stage="write", state="done", report=report_to_json(report))


@task
def preview_upload(kind: str, token: str, filename: str, user_id: int, language: str):
    """The preview of a large upload, by the worker."""
    read_upload(kind, token, filename, user_id, language)


@task
def import_confirmed(kind: str, token: str, filename: str, user_id: int, language: str):
    """The confirmed import of a large upload, by the worker."""
    write_upload(kind, token, filename, user_id, language)
