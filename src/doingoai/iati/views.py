"""The IATI export page: what will be written (and what cannot be expressed), and the
file itself."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.scope import VIEW, is_central, is_system_admin
from doingoai.organization.models import Unit
from doingoai.reports.hooks import more_reports

from .export import export_iati


def can_export_iati(user) -> bool:
    return is_system_admin(user) or is_central(user)


@more_reports.provide
def iati_link(user, unit) -> list[tuple]:
    if not can_export_iati(user):
        return []
    return [
        ("IATI", reverse("iati_export"), _("Resources received, as an IATI 2.03 activity file."))
    ]


def export_page(request):
    if not can_export_iati(request.user):
        raise PermissionDenied
    unit = None
    if request.GET.get("unit"):
        unit = get_object_or_404(Unit.objects.restrict(request.user, VIEW), pk=request.GET["unit"])
    result = export_iati(user=request.user, unit=unit)
    if request.GET.get("download"):
        response = HttpResponse(result.xml, content_type="application/xml")
        response["Content-Disposition"] = 'attachment; filename="doingoai-iati-activities.xml"'
        return response
    return render(request, "iati/export.html", {"result": result, "unit": unit})
