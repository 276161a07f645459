"""Pages of the spreadsheet import: the template to download, the upload with its
preview (rows as they will be saved, problems listed) and the confirmation."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doingoai.core.registry import may_add
from doingoai.core.views import list_buttons

from . import background
from .background import pending_dir, sweep_pending
from .spreadsheet import (
    IMPORTERS,
    ImportReport,
    Problem,
    build_template,
    get_importer,
    import_workbook,
    rows_at_least,
    template_filename,
)

MAX_UPLOAD = 20 * 1024 * 1024
PREVIEW_ROWS = 500
SESSION_KEY = "pending_imports"
#: a file with at least so many rows is previewed in the background (about 20 ms a row)
BACKGROUND_ROWS = 100


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Excel file (.xlsx)"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        head = file.read(4)
        file.seek(0)
        if head != b"PK\x03\x04":
            raise forms.ValidationError(
                _(
                    "The file is not an Excel workbook (.xlsx). Download the template and "
                    "fill it in."
                )
            )
        return file


def _importer_or_404(request, kind):
    importer = get_importer(kind)
    if importer is None:
        raise Http404
    record_kind = importer.get_kind()
    if not may_add(record_kind, request.user):
        raise PermissionDenied
    return importer, record_kind


@list_buttons.provide
def import_button(kind, user) -> list[tuple]:
    """ "Import from Excel" on the list of every kind that has an importer."""
    if get_importer(kind.slug) is None or not may_add(kind, user):
        return []
    return [(_("Import from Excel"), reverse("import_upload", kwargs={"kind": kind.slug}))]


@login_required
def index(request):
    kinds = []
    for slug in sorted(IMPORTERS):
        importer = get_importer(slug)
        if importer is not None and may_add(importer.get_kind(), request.user):
            kinds.append(importer.get_kind()())
    return render(request, "imports/index.html", {"kinds": kinds})


@login_required
def template_download(request, kind):
    _importer_or_404(request, kind)
    content = build_template(kind, user=request.user)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{template_filename(kind)}"'
    return response


@login_required
def upload(request, kind):
    importer, record_kind = _importer_or_404(request, kind)
    ctx = {
        "kind": record_kind(),
        "importer": importer,
        "verbose_name_plural": record_kind.verbose_name_plural(),
    }
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            sweep_pending()
            token = background.new_token()
            path = pending_dir() / f"{token}.xlsx"
            with path.open("wb") as out:
                for chunk in form.cleaned_data["file"].chunks():
                    out.write(chunk)
            name = form.cleaned_data["file"].name
            if rows_at_least(path, BACKGROUND_ROWS):
                return _preview_in_background(request, kind, token, name)
            try:
                report = import_workbook(kind, path, user=request.user, commit=False, filename=name)
            except BaseException:
                path.unlink(missing_ok=True)  # a failed preview leaves no file behind
                raise
            if report.ok:
                pending = request.session.get(SESSION_KEY, {})
                pending[token] = {"kind": kind, "name": name}
                request.session[SESSION_KEY] = pending
            else:
                path.unlink(missing_ok=True)
                token = None
            ctx.update(
                report=report,
                token=token,
                rows=report.rows[:PREVIEW_ROWS],
                more_rows=max(0, len(report.rows) - PREVIEW_ROWS),
                problems=report.all_problems(),
            )
    else:
        form = UploadForm()
    ctx["form"] = form
    return render(request, "imports/upload.html", ctx)


def _preview_in_background(request, kind, token, name):
    from django.utils.translation import get_language

    from .tasks import preview_upload, queue_status

    pending = request.session.get(SESSION_KEY, {})
    pending[token] = {"kind": kind, "name": name}
    request.session[SESSION_KEY] = pending
    queue_status(token, "read")
    preview_upload.enqueue(kind, token, name, request.user.pk, get_language())
    return redirect("import_preview", kind=kind, token=token)


@login_required
def preview(request, kind, token):
    """The preview read in the background: its progress while rows are read (polled by
    HTMX), then the rows and problems as the upload page shows them."""
    from .tasks import read_status, report_from_json, status_path

    importer, record_kind = _importer_or_404(request, kind)
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.get(token)
    if not entry or entry["kind"] != kind or not token.isalnum():
        raise Http404
    status = read_status(token)
    if status is None:
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    if status.get("stage") == "write":  # confirmed meanwhile (the back button)
        return redirect("import_result", kind=kind, token=token)
    ctx = {
        "kind": record_kind(),
        "importer": importer,
        "verbose_name_plural": record_kind.verbose_name_plural(),
        "form": UploadForm(),
    }
    waiting = _waiting(request, kind, token, entry, status, ctx)
    if waiting is not None:
        return waiting
    if status["state"] == "done":
        report = report_from_json(status["report"])
    else:  # the task failed: its file is gone already
        report = ImportReport(kind=kind, filename=entry["name"])
        report.problems.append(
            Problem(_("The file could not be read; nothing was imported."), sheet=None)
        )
    if not report.ok:
        pending.pop(token, None)
        request.session[SESSION_KEY] = pending
        status_path(token).unlink(missing_ok=True)
        token = None
    ctx.update(
        report=report,
        token=token,
        rows=report.rows[:PREVIEW_ROWS],
        more_rows=max(0, len(report.rows) - PREVIEW_ROWS),
        problems=report.all_problems(),
    )
    return render(request, "imports/upload.html", ctx)


def _worker_late(status: dict) -> bool:
    """Work queued longer than ``TASK_WORKER_WAIT`` seconds and not begun: no worker runs."""
    import time

    queued_at = status.get("queued_at")
    return (
        status["state"] == "queued"
        and queued_at is not None
        and time.time() - queued_at >= settings.TASK_WORKER_WAIT
    )


def _waiting(request, kind, token, entry, status, ctx):
    """The page (or its part polled by HTMX) of work not finished yet, None once it is."""
    if status["state"] in ("queued", "running"):
        done, total = status.get("done", 0), status.get("total", 0)
        ctx.update(
            name=entry["name"],
            writing=status.get("stage") == "write",
            done=done,
            total=total,
            done_text=background.thousands(done),
            total_text=background.thousands(total),
            url=request.get_full_path(),
            worker_late=_worker_late(status),
            token=token,
            wait_seconds=settings.TASK_WORKER_WAIT,
        )
        template = "imports/progress.html" if request.htmx else "imports/preview_wait.html"
        return render(request, template, ctx)
    if request.htmx:  # finished: the whole page again, with the preview or the result
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return None


def _entry_or_404(request, kind, token) -> dict:
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry["kind"] != kind or not token.isalnum():
        raise Http404
    return entry


@login_required
@require_POST
def run_here(request, kind, token):
    """Do here, in this request, the work of an upload that no worker picked up (the
    preview or the import): the answer comes when it is done. Nothing is done twice: when
    the worker took it meanwhile, this only shows its progress."""
    import logging

    from django.utils.translation import get_language

    from . import tasks

    _importer_or_404(request, kind)
    entry = _entry_or_404(request, kind, token)
    status = tasks.read_status(token)
    if status is None:
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    writing = status.get("stage") == "write"
    if status["state"] == "queued":
        work = tasks.write_upload if writing else tasks.read_upload
        try:
            work(kind, token, entry["name"], request.user.pk, get_language())
        except Exception:  # the status says it failed; the page says so
            logging.getLogger(__name__).exception("import %s of %s failed", token, kind)
    return redirect("import_result" if writing else "import_preview", kind=kind, token=token)


@login_required
def result(request, kind, token):
    """The import of a confirmed large file: its progress while rows are written (polled
    by HTMX), then what was created and updated, or the problems (nothing written)."""
    from .tasks import read_status, report_from_json

    importer, record_kind = _importer_or_404(request, kind)
    entry = _entry_or_404(request, kind, token)
    status = read_status(token)
    if status is None or status.get("stage") != "write":
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    ctx = {
        "kind": record_kind(),
        "importer": importer,
        "verbose_name_plural": record_kind.verbose_name_plural(),
        "form": UploadForm(),
    }
    waiting = _waiting(request, kind, token, entry, status, ctx)
    if waiting is not None:
        return waiting
    if status["state"] == "done":
        report = report_from_json(status["report"])
    else:  # the task failed: its transaction is rolled back, its file gone
        report = ImportReport(kind=kind, filename=entry["name"])
        report.problems.append(
            Problem(_("The file could not be imported; nothing was imported."), sheet=None)
        )
    written = [
        {
            "row": row,
            "url": reverse(f"{record_kind.slug}_detail", args=[row.object_id])
            if row.object_id
            else "",
        }
        for row in report.rows
        if report.committed and row.action in ("create", "update")
    ]
    ctx.update(
        report=report,
        written=written[:PREVIEW_ROWS],
        more_rows=max(0, len(written) - PREVIEW_ROWS),
        problems=report.all_problems(),
    )
    return render(request, "imports/result.html", ctx, status=200 if report.ok else 409)


def _still_reading(token) -> bool:
    from .tasks import read_status

    status = read_status(token)
    return (
        status is not None and status.get("stage", "read") == "read" and status["state"] != "done"
    )


@login_required
@require_POST
def confirm(request, kind):
    """Import a previewed file: at once when it is small, by the background worker when
    it has BACKGROUND_ROWS rows or more (its progress and result on ``import_result``).
    A file is imported once: a second confirmation (a double click, the back button,
    another tab) only shows the first one's outcome."""
    from django.utils.translation import get_language

    from . import tasks

    _importer, record_kind = _importer_or_404(request, kind)
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.get(token)
    if not entry or entry["kind"] != kind or not token.isalnum():
        entry = None
    if entry and tasks.claimed(token, "confirm"):
        return _confirmed_already(request, kind, token, record_kind)
    path = pending_dir() / f"{token}.xlsx"
    if not entry or _still_reading(token) or not path.exists():
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    if not tasks.claim(token, "confirm"):  # another request confirmed it just now
        return _confirmed_already(request, kind, token, record_kind)
    if rows_at_least(path, BACKGROUND_ROWS):
        tasks.queue_status(token, "write")
        tasks.import_confirmed.enqueue(kind, token, entry["name"], request.user.pk, get_language())
        return redirect("import_result", kind=kind, token=token)
    try:
        report = import_workbook(kind, path, user=request.user, commit=True, filename=entry["name"])
    finally:  # the session keeps the entry: a second confirmation says "already"
        path.unlink(missing_ok=True)
        tasks.status_path(token).unlink(missing_ok=True)
    if not report.ok:
        # the data changed between preview and confirmation
        ctx = {
            "kind": record_kind(),
            "form": UploadForm(),
            "report": report,
            "token": None,
            "rows": report.rows[:PREVIEW_ROWS],
            "problems": report.all_problems(),
            "verbose_name_plural": record_kind.verbose_name_plural(),
        }
        return render(request, "imports/upload.html", ctx, status=409)
    messages.success(
        request,
        _("Imported “%(name)s”: %(summary)s.")
        % {"name": entry["name"], "summary": report.summary()},
    )
    return redirect(f"{record_kind.slug}_list")


def _confirmed_already(request, kind, token, record_kind):
    from .tasks import read_status

    messages.info(request, _("This file has already been confirmed; it is imported only once."))
    status = read_status(token)
    if status is not None and status.get("stage") == "write":
        return redirect("import_result", kind=kind, token=token)
    return redirect(f"{record_kind.slug}_list")
