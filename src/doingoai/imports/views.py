"""Pages of the spreadsheet import: the template to download, the upload with its
preview (rows as they will be saved, problems listed) and the confirmation."""

from __future__ import annotations

from django import forms
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

    from .tasks import preview_upload

    entry = {"kind": kind, "name": name}
    args = (kind, token, name, request.user.pk, get_language())
    background.start(request, SESSION_KEY, token, entry, preview_upload, *args)
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
    ctx = {
        "kind": record_kind(),
        "importer": importer,
        "verbose_name_plural": record_kind.verbose_name_plural(),
        "form": UploadForm(),
    }
    ctx["name"] = entry["name"]
    waiting = background.progress_page(
        request,
        status,
        template="imports/preview_wait.html",
        context=ctx,
        describe=lambda done, total: (
            _("Reading row %(done)s/%(total)s")
            % {"done": background.thousands(done), "total": background.thousands(total)}
        ),
    )
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


@login_required
@require_POST
def confirm(request, kind):
    _importer, record_kind = _importer_or_404(request, kind)
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.get(token)
    path = pending_dir() / f"{token}.xlsx"
    if not entry or entry["kind"] != kind or not token.isalnum() or background.still_working(token):
        entry = None
    if not entry or not path.exists():
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("import_upload", kind=kind)
    report = import_workbook(kind, path, user=request.user, commit=True, filename=entry["name"])
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    path.unlink(missing_ok=True)
    (pending_dir() / f"{token}.json").unlink(missing_ok=True)
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
