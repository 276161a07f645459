"""The preview of a large uploaded spreadsheet, read in the background (Django's tasks
framework, database backend: ``doingoai db_worker``; ``doingoai serve`` starts one).

The task reads the file kept in ``pending_dir()`` and writes its progress, then the
report, to a status file beside it (``<token>.json``) that the status page polls. A
file whose preview fails is deleted; nothing is ever written to the database."""

from __future__ import annotations

import json
import os
import time

from django.tasks import task

#: the status file is written at most this often while rows are read (seconds)
PROGRESS_EVERY = 0.5


def status_path(token: str):
    from .views import pending_dir

    return pending_dir() / f"{token}.json"


def write_status(token: str, **status) -> None:
    """Replace the status file at once (a reader never sees half of it)."""
    path = status_path(token)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read_status(token: str) -> dict | None:
    try:
        return json.loads(status_path(token).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


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
    from .views import pending_dir

    path = pending_dir() / f"{token}.xlsx"
    last = 0.0

    def progress(done, total):
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY or done == total:
            last = now
            write_status(token, state="running", done=done, total=total)

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
