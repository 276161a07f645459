"""Pages of the spreadsheet import: the template to download, the upload with its
preview (rows as they will be saved, problems listed) and the confirmation; and the
page's "run it here" of any upload whose background work no worker picked up
(``run_here``: the spreadsheet's, the IATI preview, the news batches)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
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


def _page(importer, record_kind, **more) -> dict:
    """What every page of the import shows around its part (``imports/page.html``)."""
    return {
        "kind": record_kind(),
        "importer": importer,
        "verbose_name_plural": record_kind.verbose_name_plural(),
        **more,
    }


def _report(report, token=None) -> dict:
    """The preview of ``report`` (its rows, at most PREVIEW_ROWS, and its problems); the
    ``token`` to confirm it, if it may be."""
    return {
        "report": report,
        "token": token,
        "rows": report.rows[:PREVIEW_ROWS],
        "more_rows": max(0, len(report.rows) - PREVIEW_ROWS),
        "problems": report.all_problems(),
    }


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
    ctx = _page(importer, record_kind)
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
                background.remember(request, SESSION_KEY, token, {"kind": kind, "name": name})
            else:
                path.unlink(missing_ok=True)
                token = None
            ctx.update(_report(report, token))
    else:
        form = UploadForm()
    ctx["form"] = form
    return render(request, "imports/upload.html", ctx)


def _preview_in_background(request, kind, token, name):
    from django.utils.translation import get_language

    from .tasks import preview_upload

    entry = {"kind": kind, "name": name}
    args = (kind, token, name, request.user.pk, get_language())
    background.start(request, SESSION_KEY, token, entry, preview_upload, *args, stage="read")
    return redirect("import_preview", kind=kind, token=token)


def _waiting(request, entry, status, ctx):
    """The page (or its part polled by HTMX) of the preview or import not finished yet
    (``background.progress_page``, with the texts of a spreadsheet), None once it is."""
    name = entry["name"]
    if status.get("stage") == "write":
        texts = {
            "heading": _("Import of “%(name)s”") % {"name": name},
            "waiting_text": _("Waiting for the background worker to start…"),
            "note": _(
                "The file is large, so it is imported in the background: every row or "
                "none. What was created and updated appears here when it is done."
            ),
            "run_here_note": _(
                "You need not wait for it: the rows can be written here and now. It takes "
                "about 20 seconds for 1,000 rows; keep this page open until the result "
                "appears."
            ),
            "run_here_label": _("Import here now"),
        }
        row = _("Writing row %(done)s/%(total)s")
    else:
        texts = {
            "run_here_note": _(
                "You need not wait for it: the file can be read here and now. It takes about "
                "20 seconds for 1,000 rows; keep this page open until the preview appears."
            ),
        }
        row = _("Reading row %(done)s/%(total)s")
    return background.progress_page(
        request,
        status,
        template="imports/preview_wait.html",
        context={**ctx, **texts, "name": name},
        describe=lambda done, total: (
            row % {"done": background.thousands(done), "total": background.thousands(total)}
        ),
    )


@login_required
def preview(request, kind, token):
    """The preview read in the background: its progress while rows are read (polled by
    HTMX), then the rows and problems as the upload page shows them."""
    from .tasks import read_status, status_path

    importer, record_kind = _importer_or_404(request, kind)
    entry = _entry_or_404(request, kind, token)
    status = read_status(token)
    if status is None:
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    if status.get("stage") == "write":  # confirmed meanwhile (the back button)
        return redirect("import_result", kind=kind, token=token)
    # a failed task's file is gone already
    failed = _("The file could not be read; nothing was imported.")
    waiting, ctx, report = _outcome(request, importer, record_kind, entry, status, failed)
    if waiting is not None:
        return waiting
    if not report.ok:
        background.forget(request, SESSION_KEY, token)
        status_path(token).unlink(missing_ok=True)
        token = None
    ctx.update(_report(report, token))
    return render(request, "imports/upload.html", ctx)


def _outcome(request, importer, record_kind, entry, status, failed: str):
    """(the page of the work going on, or None once it is finished; the page's context;
    the report finished: the task's, or the problem ``failed`` when the task failed)."""
    from .tasks import report_from_json

    ctx = _page(importer, record_kind, form=UploadForm())
    waiting = _waiting(request, entry, status, ctx)
    if waiting is not None:
        return waiting, ctx, None
    if status["state"] == "done":
        return None, ctx, report_from_json(status["report"])
    report = ImportReport(kind=entry["kind"], filename=entry["name"])
    report.problems.append(Problem(failed, sheet=None))
    return None, ctx, report


def _entry_or_404(request, kind, token) -> dict:
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry["kind"] != kind or not token.isalnum():
        raise Http404
    return entry


@login_required
@require_POST
def run_here(request, token):
    """Do here, in this request, the background work of the user's upload that no worker
    picked up (``background.enqueue`` said what it is; a task marked ``background.once``):
    the answer, back to the page it came from, comes when it is done. Nothing is done
    twice: when a worker took it meanwhile, the task finds it claimed and does nothing,
    and the page shows its progress (or result). Another user's upload waiting for a
    worker is not found."""
    import logging

    from django.utils.module_loading import import_string

    status = background.read_status(token)
    if status is None:
        raise Http404
    if status["state"] == "queued":  # not begun: the user's own upload only
        if token not in request.session.get(status.get("session_key") or "", {}):
            raise Http404
        if status.get("task") not in background.RUNNABLE:
            raise Http404
        try:
            import_string(status["task"]).call(*status["args"])
        except Exception:  # the status says it failed; the page says so
            logging.getLogger(__name__).exception("%s of %s failed here", status["task"], token)
    page = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        page = "/"
    return redirect(page)


@login_required
def result(request, kind, token):
    """The import of a confirmed large file: its progress while rows are written (polled
    by HTMX), then what was created and updated, or the problems (nothing written)."""
    from .tasks import read_status

    importer, record_kind = _importer_or_404(request, kind)
    entry = _entry_or_404(request, kind, token)
    status = read_status(token)
    if status is None or status.get("stage") != "write":
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    # a failed task's transaction is rolled back, its file gone
    failed = _("The file could not be imported; nothing was imported.")
    waiting, ctx, report = _outcome(request, importer, record_kind, entry, status, failed)
    if waiting is not None:
        return waiting
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

    importer, record_kind = _importer_or_404(request, kind)
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
        args = (kind, token, entry["name"], request.user.pk, get_language())
        background.enqueue(SESSION_KEY, token, tasks.import_confirmed, *args, stage="write")
        return redirect("import_result", kind=kind, token=token)
    try:
        report = import_workbook(kind, path, user=request.user, commit=True, filename=entry["name"])
    finally:  # the session keeps the entry: a second confirmation says "already"
        path.unlink(missing_ok=True)
        tasks.status_path(token).unlink(missing_ok=True)
    if not report.ok:
        # the data changed between preview and confirmation
        ctx = _page(importer, record_kind, form=UploadForm(), **_report(report))
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
