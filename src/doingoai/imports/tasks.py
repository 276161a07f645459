"""The preview of a large uploaded spreadsheet, read in the background (Django's tasks
framework, database backend: ``doingoai db_worker``; ``doingoai serve`` starts one).

The task reads the file kept in ``pending_dir()`` and writes its progress, then the
report, to a status file beside it (``<token>.json``) that the status page polls
(``background``, the mechanism every upload read in the background shares). A file
whose preview fails is deleted; nothing is ever written to the database."""

from __future__ import annotations

from django.tasks import task

# the mechanism shared with the other uploads read in the background
from .background import Progress, pending_dir, read_status, status_path, write_status

__all__ = ["preview_upload", "read_status", "report_from_json", "status_path", "write_status"]


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
            }
            for r in report.rows
        ],
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
            )
            for r in data["rows"]
        ],
    )


@task
def preview_upload(kind: str, token: str, filename: str, user_id: int, language: str):
    """Read the uploaded file ``<token>.xlsx`` as a preview (rolled back), reporting
    progress; delete the file when the preview fails."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from .spreadsheet import import_workbook

    path = pending_dir() / f"{token}.xlsx"
    progress = Progress(token)

    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            report = import_workbook(
                kind, path, user=user, commit=False, filename=filename, progress=progress
            )
        except BaseException:
            path.unlink(missing_ok=True)  # a failed preview leaves no file behind
            write_status(token, state="failed")
            raise
    if not report.ok:
        path.unlink(missing_ok=True)
    write_status(token, state="done", report=report_to_json(report))
