"""The IATI import page: upload a file, see what will be created, updated and skipped
(and why), then confirm — like the spreadsheet import."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doingoai.core.registry import REGISTRY, may_add
from doingoai.core.scope import VIEW
from doingoai.core.views import list_buttons
from doingoai.imports.views import MAX_UPLOAD, pending_dir
from doingoai.organization.models import Unit

from .codelists import is_iati_country
from .importing import import_iati

SESSION_KEY = "pending_iati"


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


@login_required
def upload(request):
    if not _may_import(request.user):
        raise PermissionDenied
    ctx = {}
    form = IatiUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token = uuid.uuid4().hex
        path = pending_dir() / f"{token}.iati.xml"
        with path.open("wb") as out:
            for chunk in form.cleaned_data["file"].chunks():
                out.write(chunk)
        unit, countries = form.cleaned_data["unit"], form.cleaned_data["countries"]
        name = form.cleaned_data["file"].name
        report = import_iati(path, unit=unit, user=request.user, commit=False, countries=countries)
        report.filename = name
        if report.ok:
            pending = request.session.get(SESSION_KEY, {})
            pending[token] = {"name": name, "unit": unit.pk, "countries": countries}
            request.session[SESSION_KEY] = pending
        else:
            path.unlink(missing_ok=True)
            token = None
        ctx.update(report=report, token=token, unit=unit)
    ctx["form"] = form
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
