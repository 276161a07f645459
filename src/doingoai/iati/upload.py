"""The IATI import page: upload a file, see what will be created, updated and skipped
(and why), then confirm — like the spreadsheet import. A file of many activities is
read in the background with its progress on the page (``imports.background``, the
mechanism the spreadsheet preview and the news reader's batches share)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doingoai.core.registry import REGISTRY, may_add
from doingoai.core.scope import VIEW
from doingoai.core.views import list_buttons
from doingoai.imports import background
from doingoai.imports.background import pending_dir
from doingoai.imports.views import MAX_UPLOAD
from doingoai.organization.models import Unit

from .codelists import is_iati_country
from .importing import ActivityResult, IatiReport, import_iati

SESSION_KEY = "pending_iati"
#: a file of at least so many activities is previewed in the background
BACKGROUND_ACTIVITIES = 20


class IatiUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("IATI activities file (.xml)"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("unit"))
    countries = forms.CharField(
        label=gettext_lazy("Recipient countries"),
        initial="VN",
        help_text=gettext_lazy(
            "IATI country codes, separated by commas: only the activities for these "
            "countries (or with the union's IATI identifier) are imported."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # the unit's own scope (its resources are checked again when saved)
        units = Unit.objects.restrict(user, VIEW).filter(valid_to__isnull=True)
        self.fields["unit"].queryset = units.order_by("level", "name")
        if getattr(user, "unit_id", None) and units.filter(pk=user.unit_id).exists():
            self.fields["unit"].initial = user.unit_id

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        head = file.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
        file.seek(0)
        if not head.startswith(b"<"):
            raise forms.ValidationError(_("The file is not an XML file (IATI activities)."))
        return file

    def clean_countries(self):
        codes = [c.strip().upper() for c in self.cleaned_data["countries"].split(",") if c.strip()]
        unknown = [c for c in codes if not is_iati_country(c)]
        if unknown or not codes:
            raise forms.ValidationError(
                _("“%(codes)s” is not on the IATI Country codelist.")
                % {"codes": ", ".join(unknown)}
            )
        return codes


def _may_import(user) -> bool:
    return may_add(REGISTRY["resources"], user)


@list_buttons.provide
def iati_import_button(kind, user) -> list[tuple]:
    """ "Import an IATI file" on the list of resources."""
    if kind.slug != "resources" or not _may_import(user):
        return []
    return [(_("Import an IATI file"), reverse("iati_import"))]


def activities_at_least(path, count: int) -> bool:
    """Does the file (at most MAX_UPLOAD bytes) hold ``count`` activities or more?
    Counted without parsing it."""
    found = re.finditer(rb"<(?:\w+:)?iati-activity[\s>]", Path(path).read_bytes())
    return any(n >= count for n, _ in enumerate(found, 1))


def _fields(obj) -> dict:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def report_to_json(report: IatiReport) -> dict:
    """The report as JSON values (``dataclasses.asdict`` would turn a Counter's items
    into keys)."""
    data = _fields(report)
    data["activities"] = [
        {**_fields(a), "skipped_types": dict(a.skipped_types)} for a in report.activities
    ]
    data["totals"] = [[s, c, str(t)] for (s, c), t in report.totals.items()]
    return data


def report_from_json(data: dict) -> IatiReport:
    values = dict(data)
    values["activities"] = [
        ActivityResult(**{**a, "skipped_types": Counter(a.get("skipped_types") or {})})
        for a in data["activities"]
    ]
    values["totals"] = {(s, c): Decimal(t) for s, c, t in data["totals"]}
    return IatiReport(**values)


@task
@background.once("read")  # run here when no worker takes it; never twice
def preview_iati(token: str, name: str, unit_id: int, countries, user_id: int, language: str):
    """Read the uploaded file ``<token>.iati.xml`` as a preview (rolled back), reporting
    the activities read; delete the file when the preview fails."""
    from django.contrib.auth import get_user_model
    from django.utils import translation

    path = pending_dir() / f"{token}.iati.xml"
    with translation.override(language):
        try:
            user = get_user_model().objects.get(pk=user_id)
            unit = Unit.objects.get(pk=unit_id)
            report = import_iati(
                path,
                unit=unit,
                user=user,
                commit=False,
                countries=countries,
                progress=background.Progress(token),
            )
            report.filename = name
        except BaseException:
            path.unlink(missing_ok=True)  # a failed preview leaves no file behind
            background.write_status(token, state="failed")
            raise
    if not report.ok:
        path.unlink(missing_ok=True)
    background.write_status(token, state="done", report=report_to_json(report))


@login_required
def upload(request):
    if not _may_import(request.user):
        raise PermissionDenied
    ctx = {}
    form = IatiUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        background.sweep_pending()
        token = background.new_token()
        path = pending_dir() / f"{token}.iati.xml"
        with path.open("wb") as out:
            for chunk in form.cleaned_data["file"].chunks():
                out.write(chunk)
        unit, countries = form.cleaned_data["unit"], form.cleaned_data["countries"]
        name = form.cleaned_data["file"].name
        entry = {"name": name, "unit": unit.pk, "countries": countries}
        if activities_at_least(path, BACKGROUND_ACTIVITIES):
            from django.utils.translation import get_language

            args = (token, name, unit.pk, countries, request.user.pk, get_language())
            background.start(request, SESSION_KEY, token, entry, preview_iati, *args)
            return redirect("iati_import_preview", token=token)
        report = import_iati(path, unit=unit, user=request.user, commit=False, countries=countries)
        report.filename = name
        if report.ok:
            background.remember(request, SESSION_KEY, token, entry)
        else:
            path.unlink(missing_ok=True)
            token = None
        ctx.update(report=report, token=token, unit=unit)
    ctx["form"] = form
    return render(request, "iati/import.html", ctx)


@login_required
def preview(request, token):
    """The preview read in the background: the activities read so far (polled by
    HTMX), then what will be created, updated and skipped, as the upload page shows."""
    if not _may_import(request.user):
        raise PermissionDenied
    entry = background.entry_of(request, SESSION_KEY, token)
    status = background.read_status(token)
    if status is None:
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("iati_import")
    unit = Unit.objects.restrict(request.user, VIEW).filter(pk=entry["unit"]).first()
    waiting = background.progress_page(
        request,
        status,
        template="iati/preview_wait.html",
        context={"name": entry["name"]},
        describe=lambda done, total: (
            _("Reading activity %(done)s/%(total)s")
            % {"done": background.thousands(done), "total": background.thousands(total)}
        ),
    )
    if waiting is not None:
        return waiting
    if status["state"] == "done":
        report = report_from_json(status["report"])
    else:  # the task failed: its file is gone already
        report = IatiReport(filename=entry["name"], countries=entry["countries"])
        report.problems.append(_("The file could not be read; nothing was imported."))
    if not report.ok:
        background.forget(request, SESSION_KEY, token)
        background.status_path(token).unlink(missing_ok=True)
        token = None
    ctx = {"form": IatiUploadForm(user=request.user), "report": report, "token": token}
    ctx["unit"] = unit
    return render(request, "iati/import.html", ctx)


@login_required
@require_POST
def confirm(request):
    if not _may_import(request.user):
        raise PermissionDenied
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.get(token)
    path = pending_dir() / f"{token}.iati.xml"
    if background.still_working(token):
        entry = None  # not read to the end yet: nothing to confirm
    if not entry or not token.isalnum() or not path.exists():
        messages.error(request, _("This upload has expired; please upload the file again."))
        return redirect("iati_import")
    unit = Unit.objects.restrict(request.user, VIEW).filter(pk=entry["unit"]).first()
    if unit is None:
        raise PermissionDenied
    report = import_iati(
        path, unit=unit, user=request.user, commit=True, countries=entry["countries"]
    )
    report.filename = entry["name"]
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    path.unlink(missing_ok=True)
    background.status_path(token).unlink(missing_ok=True)
    if not report.ok:
        form = IatiUploadForm(user=request.user)
        ctx = {"form": form, "report": report, "token": None, "unit": unit}
        return render(request, "iati/import.html", ctx, status=409)
    messages.success(
        request,
        _("Imported “%(name)s”: %(summary)s.")
        % {"name": entry["name"], "summary": report.summary()},
    )
    return redirect("resources_list")
