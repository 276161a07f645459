"""The preview and the import of a large uploaded spreadsheet, done in the background
(Django's tasks framework, database backend: ``doingoai db_worker``; ``doingoai serve``
starts one).

The tasks read the file kept in ``pending_dir()`` and write their progress, then the
report, to a status file beside it (``<token>.json``: its ``stage`` is ``read`` for the
preview, ``write`` for the import) that the status pages poll. A file whose preview
fails is deleted; the preview writes nothing to the database. The import writes all
rows or none (one transaction, through ``core.writing``) and deletes the file after.

Each stage of an upload is done once (``background.once``): whoever first creates its
claim (``claims/<token>.<stage>``, created exclusively) does it, be it the worker or
the request of an officer who chose to run it "here" because no worker picked it up. A
second confirmation of the same upload finds the ``confirm`` claim taken and imports
nothing."""

from __future__ import annotations

from django.tasks import task

# the mechanism shared with the other uploads read in the background
from .background import (
    Progress,
    claim,
    claimed,
    once,
    pending_dir,
    read_status,
    status_path,
    write_status,
)

__all__ = [
    "claim",
    "claimed",
    "import_confirmed",
    "preview_upload",
    "read_status",
    "report_from_json",
    "status_path",
]


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


def run_stage(stage: str, kind: str, token: str, filename: str, user_id: int, language: str):
    """Do ``stage`` of the uploaded file ``<token>.xlsx``, reporting progress: ``read``,
    the preview (rolled back; the file is deleted when it fails), or ``write``, the
    import of every row or none (the file is deleted after). The status says the report
    (the rows, or the problems)."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from .spreadsheet import import_workbook

    writing = stage == "write"
    path = pending_dir() / f"{token}.xlsx"
    progress = Progress(token)
    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            report = import_workbook(
                kind,
                path,
                user=user,
                commit=writing,
                filename=filename,
                progress=lambda done, total: progress(done, total, stage=stage),
            )
        except BaseException:
            path.unlink(missing_ok=True)  # a failed stage leaves no file behind
            write_status(token, stage=stage, state="failed")
            raise
        if writing or not report.ok:
            path.unlink(missing_ok=True)
        write_status(token, stage=stage, state="done", report=report_to_json(report))


@task
@once("read")
def preview_upload(kind: str, token: str, filename: str, user_id: int, language: str):
    """The preview of a large upload (by the worker, or here when no worker runs)."""
    run_stage("read", kind, token, filename, user_id, language)


@task
@once("write")
def import_confirmed(kind: str, token: str, filename: str, user_id: int, language: str):
    """The confirmed import of a large upload (by the worker, or here when no worker runs)."""
    run_stage("write", kind, token, filename, user_id, language)
