"""Uploaded files read in the background, with their progress on a page (Django's tasks
framework, database backend: ``doingoai db_worker``; ``doingoai serve`` starts one).

One mechanism for every upload read so: the spreadsheet preview (``imports.tasks``), the
IATI preview (``iati.upload``) and the news reader's batches of articles
(``news.batches``). The page that receives the upload keeps the file(s) in
``pending_dir()`` under a random token, remembers the token in the user's session
(nobody else's page can show it) and enqueues the task; the task reports its progress,
then its result, in a status file beside the upload (``<token>.json``); the status page
polls it with HTMX every second (``progress_page``) and shows the result when it is
there.

When no worker has begun the work ``TASK_WORKER_WAIT`` seconds after it was queued, the
page says so (naming ``doingoai db_worker`` and ``doingoai serve``) and offers to do it
"here", in the request of the user who uploaded it (``imports.views.run_here``). Each
piece of work is done once: a task marked ``@once(stage)`` first takes its claim file
(``claims/<token>.<stage>``, created exclusively), so a worker started later finds the
work claimed and does nothing, and so does a second click.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

#: the status file is written at most this often while the work goes on (seconds)
PROGRESS_EVERY = 0.5
#: an upload nobody confirmed is kept so long, then deleted
PENDING_HOURS = 24


def _private(folder: str) -> Path:
    path = Path(settings.MEDIA_ROOT) / "private" / folder
    path.mkdir(parents=True, exist_ok=True)
    return path


def pending_dir() -> Path:
    return _private("imports")


def claims_dir() -> Path:
    """Where the claims are (``claim``): beside the uploads, not among them; they outlive
    the upload (a worker started later still finds the work claimed) until swept."""
    return _private("claims")


def new_token() -> str:
    return uuid.uuid4().hex


def status_path(token: str) -> Path:
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


def still_working(token: str) -> bool:
    status = read_status(token)
    return status is not None and status["state"] in ("queued", "running")


class Progress:
    """``progress(done, total, **more)``: the task's progress written to its status file,
    at most every PROGRESS_EVERY seconds (and always at the end)."""

    def __init__(self, token: str):
        self.token = token
        self.last = 0.0

    def __call__(self, done: int, total: int, **more) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY or done == total:
            self.last = now
            write_status(self.token, state="running", done=done, total=total, **more)


def claim(token: str, stage: str) -> bool:
    """Take ``stage`` (read, confirm, write) of the upload ``token`` for this caller alone:
    True once, False to every later caller, in any process."""
    try:
        fd = os.open(claims_dir() / f"{token}.{stage}", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def claimed(token: str, stage: str) -> bool:
    return (claims_dir() / f"{token}.{stage}").exists()


#: the tasks that may be run "here" (``once``), by their module path
RUNNABLE: set[str] = set()


def once(stage: str):
    """The decorated work (under ``@task``; one of its parameters is ``token``) is done
    once for its upload: by whoever first claims ``stage`` of it, the worker or a
    request that runs it here; every later call does nothing. It may be run here."""

    def decorate(func):
        signature = inspect.signature(func)

        @functools.wraps(func)
        def run(*args, **kwargs):
            token = signature.bind(*args, **kwargs).arguments["token"]
            if not claim(token, stage):
                return None
            return func(*args, **kwargs)

        RUNNABLE.add(f"{func.__module__}.{func.__qualname__}")
        return run

    return decorate


def enqueue(session_key: str, token: str, task, *args, **status) -> None:
    """Hand ``task(*args)`` to the worker. Its status says when it was queued and what
    it is, so that the page can run it here when no worker takes it (``run_here``)."""
    write_status(
        token,
        state="queued",
        queued_at=time.time(),
        upload=token,
        session_key=session_key,
        task=task.module_path,
        args=list(args),
        **status,
    )
    task.enqueue(*args)


def remember(request, session_key: str, token: str, entry: dict) -> None:
    """The upload ``token`` is the user's: her session says so."""
    pending = request.session.get(session_key, {})
    pending[token] = entry
    request.session[session_key] = pending


def entry_of(request, session_key: str, token: str) -> dict:
    """What the session remembers of the user's upload ``token`` (404 for any other)."""
    entry = request.session.get(session_key, {}).get(token)
    if not entry or not token.isalnum():
        raise Http404
    return entry


def forget(request, session_key: str, token: str) -> None:
    pending = request.session.get(session_key, {})
    pending.pop(token, None)
    request.session[session_key] = pending


def start(request, session_key: str, token: str, entry: dict, task, *args, **status) -> None:
    """Remember the upload in the session and enqueue ``task(*args)`` to read it."""
    remember(request, session_key, token, entry)
    enqueue(session_key, token, task, *args, **status)


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def worker_late(status: dict) -> bool:
    """Work queued longer than ``TASK_WORKER_WAIT`` seconds and not begun: no worker runs."""
    queued_at = status.get("queued_at")
    return (
        status["state"] == "queued"
        and queued_at is not None
        and time.time() - queued_at >= settings.TASK_WORKER_WAIT
    )


def progress_page(request, status: dict, *, template: str, context: dict, describe):
    """The page of work going on in the background, or None once it is finished.

    While the task is queued or running: the progress (``describe(done, total)`` says
    it, e.g. "Đang đọc bài 3/12") — the polled part alone for an HTMX poll, the whole
    ``template`` otherwise (it includes ``imports/progress.html``). Queued and not begun
    after ``TASK_WORKER_WAIT`` seconds: the page says no worker runs and offers to run
    the work here (``run_here``). The texts are the caller's (``context``: ``heading``,
    ``waiting_text``, ``note``, ``run_here_note``, ``run_here_label``); the template
    has those of a preview. Finished: an HTMX poll reloads the page; a whole page is
    the caller's to show (None)."""
    if status["state"] in ("queued", "running"):
        done, total = status.get("done", 0), status.get("total", 0)
        late = worker_late(status) and status.get("task") in RUNNABLE
        context = {
            **context,
            "done": done,
            "total": total,
            "progress_text": describe(done, total) if total else None,
            "url": request.get_full_path(),
            "worker_late": late,
            "wait_seconds": settings.TASK_WORKER_WAIT,
            "run_here_url": reverse("import_run_here", args=[status["upload"]]) if late else None,
        }
        return render(request, "imports/progress.html" if request.htmx else template, context)
    if request.htmx:  # finished: the whole page again, with the result
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return None


def sweep_pending() -> int:
    """Delete the uploads (and status files, and claims) nobody confirmed within
    PENDING_HOURS (no record keeps them); returns how many."""
    cutoff = time.time() - PENDING_HOURS * 3600
    removed = 0
    for path in [*pending_dir().iterdir(), *claims_dir().iterdir()]:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # swept meanwhile by another worker
            pass
    return removed
