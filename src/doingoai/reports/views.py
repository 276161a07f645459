"""The dashboard and the report pages."""

from __future__ import annotations

import datetime as dt
import functools
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from doingoai.agreements.kinds import AgreementKind
from doingoai.core.pagecache import cached_page
from doingoai.core.registry import detail_panel
from doingoai.core.scope import VIEW
from doingoai.documents.layout import file_name
from doingoai.organization.kinds import UnitKind
from doingoai.organization.models import Term, Unit

from . import figures as F
from .hooks import dashboard_cards, map_layers, more_reports, report_documents
from .periods import PeriodError, make_period

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xml": "application/xml",
}


def default_unit(user) -> Unit:
    if user.unit_id:
        return user.unit.current_unit() if user.unit.successor_id else user.unit
    from doingoai.organization.services import central_unit

    return central_unit()


def period_errors_answered(view):
    """A period no report can cover answers 400 with the reason, not a server error."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PeriodError as exc:
            return HttpResponseBadRequest(f"{exc}\n", content_type="text/plain; charset=utf-8")

    return wrapper


def requested_period(request):
    """The term or year asked for in the querystring (the current term by default)."""
    year = request.GET.get("year") or None
    if year and not str(year).isdigit():
        raise Http404
    try:
        return make_period(term=request.GET.get("term") or None, year=year)
    except PeriodError:
        raise
    except ValueError:
        raise Http404


def selected(request):
    """The unit and period picked on the page (default: the user's unit, current term)."""
    user = request.user
    units = Unit.objects.restrict(user, VIEW)
    unit_id = request.GET.get("unit")
    if unit_id:
        if not str(unit_id).isdigit():
            raise Http404
        unit = get_object_or_404(units, pk=unit_id)
    else:
        unit = default_unit(user)
        if not units.filter(pk=unit.pk).exists():
            raise Http404
    period = requested_period(request)
    return unit, period


def unit_choices(user, unit):
    """Units offered in the selector (their ``pk`` and ``name``): central and provinces
    of today in scope, the chosen unit's own line and the units directly below it."""
    units = Unit.objects.restrict(user, VIEW).filter(successor__isnull=True)
    top = units.filter(level__in=[Unit.Level.CENTRAL, Unit.Level.PROVINCE], valid_to__isnull=True)
    below = units.filter(parent=unit)
    own = units.filter(pk__in=[unit.pk, user.unit_id or unit.pk])
    # (id, name) rows, what the selector shows: a province's hundred communes and the
    # 34 provinces are not made into Unit instances on every first view
    return (top | below | own).distinct().order_by("path").values_list("pk", "name", named=True)


def chart_data(fig) -> dict:
    acts = fig["activities"]
    res = fig["resources"]
    return {
        "years": acts.get("years", []),
        "kindsByYear": [{"name": k["label"], "data": k["values"]} for k in acts["kinds"]],
        "totalByYear": [{"value": y["n"], "url": y["url"]} for y in acts["by_year"]],
        "byKind": [{"name": k["label"], "value": k["n"], "url": k["url"]} for k in acts["by_kind"]],
        "partnerCountries": [
            {
                "name": c["country"],
                "label": c["name"],
                "value": c["n"],
                "new": c["new"],
                "url": c["url"],
            }
            for c in fig["partners"]["by_country"]
        ],
        "resourcesByCountry": [
            {
                "direction": r["direction"],
                "name": r["name"],
                "vnd": float(r["vnd"]),
                "usd": float(r["usd"]),
                "url": r["url"],
            }
            for r in res["by_country"]
        ],
        "resourcesByKind": [
            {
                "direction": r["direction"],
                "name": r["label"],
                "vnd": float(r["vnd"]),
                "url": r["url"],
            }
            for r in res["by_kind"]
        ],
        "timeline": fig["agreements"]["timeline"],
        "today": fig["today"].isoformat(),
        "geojson": reverse("reports_world"),
        "labels": {
            "activities": _("Activities"),
            "total": _("Total"),
            "received": _("Received"),
            "given": _("Given"),
            "partners": _("Partners"),
            "new": _("new"),
            "review": _("Review"),
            "overdue": _("overdue"),
            "held": _("held"),
            "today": _("Today"),
            "planned": _("Planned"),
            "heldReview": _("Held"),
            "billion": _("bn"),
            "million": _("mn"),
        },
    }


@detail_panel(UnitKind, "reports/unit_panel.html", order=200)
def unit_panel(unit, user):
    return {}


@detail_panel(AgreementKind, "reports/agreement_panel.html", order=200)
def agreement_panel(agreement, user):
    return {}


@period_errors_answered
@cached_page
def dashboard(request):
    """The user's dashboard: figures and charts of a unit and a term or year."""
    unit, period = selected(request)
    fig = F.unit_figures(unit=unit, period=period, user=request.user)
    query = {"unit": unit.pk}
    if period.year:
        query["year"] = period.year
    elif period.term:
        query["term"] = period.term.name
    qs = urlencode(query)
    layers = map_layers.gather(unit, period, request.user)
    charts = chart_data(fig)
    charts["mapLayers"] = [
        {"key": layer["key"], "noun": layer["noun"], "countries": layer["countries"]}
        for layer in layers
    ]
    ctx = {
        "fig": fig,
        "unit": unit,
        "period": period,
        "units": unit_choices(request.user, unit),
        "terms": Term.objects.all(),
        "years": range(dt.date.today().year + 1, 2009, -1),
        "charts": charts,
        "map_layers": layers,
        "report_links": [
            (fmt.upper(), reverse("reports_unit", args=[unit.pk]) + f"?{qs}&format={fmt}")
            for fmt in ("docx", "pdf", "xlsx")
        ],
        "more_reports": more_reports.gather(request.user, unit),
        "more_cards": dashboard_cards.gather(unit, period, request.user),
    }
    return render(request, "dashboard.html", ctx)


@cache_control(max_age=86400, public=True)
def world(request):
    from .geo import world_geojson_bytes

    return HttpResponse(world_geojson_bytes(), content_type="application/geo+json")


def _download(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@period_errors_answered
@cached_page
def index(request):
    unit, period = selected(request)
    return render(
        request,
        "reports/index.html",
        {
            "unit": unit,
            "period": period,
            "units": unit_choices(request.user, unit),
            "terms": Term.objects.all(),
            "years": range(dt.date.today().year + 1, 2009, -1),
            "more_reports": more_reports.gather(request.user, unit),
            **_report_documents(request.user, unit),
        },
    )


def _report_documents(user, unit) -> dict:
    """The unit's report documents and where to start one, from the apps that provide
    them (``hooks.report_documents``: the reportdocs app, above this one, decides who
    may start one)."""
    given = report_documents.gather(user, unit)
    return {
        "report_documents": [d for part in given for d in part["documents"]],
        "start_report_url": next((p["start_url"] for p in given if p.get("start_url")), ""),
    }


@period_errors_answered
@cached_page
def unit_report(request, pk):
    from .documents import render_unit_report

    unit = get_object_or_404(Unit.objects.restrict(request.user, VIEW), pk=pk)
    fmt = request.GET.get("format", "docx")
    if fmt not in ("docx", "pdf", "xlsx"):
        raise Http404
    period = requested_period(request)
    data = render_unit_report(unit=unit, period=period, user=request.user, fmt=fmt)
    name = file_name("bao-cao-doi-ngoai", unit.area_name or unit.name, period.slug)
    return _download(data, fmt, name)


@cached_page
def agreement_report(request, pk):
    from doingoai.agreements.models import Agreement

    from .documents import render_review_report

    agreement = get_object_or_404(Agreement.objects.restrict(request.user, VIEW), pk=pk)
    fmt = request.GET.get("format", "docx")
    if fmt not in ("docx", "pdf"):
        raise Http404
    start = _date(request.GET.get("from"))
    end = _date(request.GET.get("to"))
    review = None
    if request.GET.get("review"):
        review = get_object_or_404(agreement.reviews, pk=_int(request.GET["review"]))
    data = render_review_report(
        agreement=agreement, user=request.user, fmt=fmt, start=start, end=end, review=review
    )
    return _download(data, fmt, f"bao-cao-danh-gia-thoa-thuan-{agreement.pk}")


def _int(value) -> int:
    if not str(value).isdigit():
        raise Http404
    return int(value)


def _date(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Http404
