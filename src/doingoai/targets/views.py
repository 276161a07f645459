"""/targets/: the completeness matrix of the units below a unit, its export, and the
setting of targets."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.core.exports import xlsx_bytes
from doingoai.core.pagecache import cached_page
from doingoai.core.scope import VIEW
from doingoai.organization.models import Term
from doingoai.reports.views import selected, unit_choices

from .completeness import STATUS_LABELS, matrix
from .forms import TargetForm
from .models import Target
from .services import may_set_targets, target_delete, target_set

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def period_query(unit, period) -> str:
    query = {"unit": unit.pk}
    if period.year:
        query["year"] = period.year
    elif period.term:
        query["term"] = period.term.name
    return urlencode(query)


def page_url(unit, period) -> str:
    return reverse("targets") + "?" + period_query(unit, period)


@login_required
@cached_page
def targets(request):
    unit, period = selected(request)
    form = None
    if may_set_targets(request.user, unit):
        form = TargetForm(user=request.user, unit=unit, period=period)
    return _page(request, unit, period, form)


def rows_html(grid, period) -> str:
    """The matrix's rows (``targets/matrix.html`` shows the markup), written here rather
    than in the template: a province's hundred communes × eleven targets are a thousand
    cells, which the template language takes several times longer to write, on every
    first view after a change."""
    down = reverse("targets") + "?unit={}"
    if period.year:
        down += f"&year={period.year}"
    elif period.term:
        down += "&" + urlencode({"term": period.term.name})
    labels = {key: escape(label) for key, label in STATUS_LABELS.items()}
    out = []
    for row in grid.rows:
        name = escape(row.unit.name)
        nothing = ' class="nothing"' if row.nothing else ""
        out.append(
            f'<tr data-unit="{name}"{nothing}>\n'
            f'  <th><a href="{escape(down.format(row.unit.pk))}">{name}</a></th>'
        )
        for cell in row.cells:
            if cell is None:
                out.append('<td class="cell na">·</td>')
                continue
            value = cell.measured
            if value is None:
                figure = "—"
            elif -1000 < value < 1000 and value == value.to_integral_value():
                figure = str(int(value))  # what floatformat writes, without its cost
            else:
                figure = floatformat(value, "-2g")
            if value is not None and cell.target.is_percent:
                figure += "%"
            # a list's address (reverse + urlencode): "&" is the only character to escape
            out.append(
                f'<td class="cell {cell.status}" data-status="{cell.status}">'
                f'<a href="{cell.url.replace("&", "&amp;")}">{figure}</a>\n'
                f'  <span class="badge {cell.status}">{labels[cell.status]}</span></td>'
            )
        out.append("</tr>\n")
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped)


def _page(request, unit, period, form, status=200):
    grid = matrix(unit=unit, period=period, user=request.user)
    qs = period_query(unit, period)
    ctx = {
        "unit": unit,
        "period": period,
        "grid": grid,
        "rows_html": rows_html(grid, period),
        "units": unit_choices(request.user, unit),
        "terms": Term.objects.all(),
        "years": range(dt.date.today().year + 1, 2009, -1),
        "form": form,
        "qs": qs,
        "parent_url": page_url(unit.parent, period) if _visible_parent(request.user, unit) else "",
    }
    return render(request, "targets/matrix.html", ctx, status=status)


def _visible_parent(user, unit) -> bool:
    from doingoai.organization.models import Unit

    return bool(
        unit.parent_id and Unit.objects.restrict(user, VIEW).filter(pk=unit.parent_id).exists()
    )


@login_required
@require_POST
def target_add(request):
    unit, period = selected(request)
    if not may_set_targets(request.user, unit):
        raise PermissionDenied
    form = TargetForm(request.POST, user=request.user, unit=unit, period=period)
    if not form.is_valid():
        return _page(request, unit, period, form, status=400)
    target = target_set(form=form, acting_user=request.user)
    messages.success(request, _("Target set: %(target)s.") % {"target": target})
    return redirect(page_url(unit, period))


@login_required
@require_POST
def target_remove(request, pk):
    visible = Target.objects.restrict(request.user, VIEW)
    target = get_object_or_404(visible.select_related("unit", "term"), pk=pk)
    target_delete(target=target, acting_user=request.user)
    messages.success(request, _("Target removed: %(target)s.") % {"target": target})
    from doingoai.reports.periods import make_period

    period = make_period(year=target.year) if target.year else make_period(term=target.term)
    return redirect(page_url(target.unit, period))


@login_required
def targets_export(request):
    """The matrix as an Excel workbook: one row per unit, measured and status per target."""
    unit, period = selected(request)
    grid = matrix(unit=unit, period=period, user=request.user)
    header = [_("Unit")]
    for t in grid.targets:
        label = f"{t.get_measure_display()} (≥ {t.value_display})"
        header += [label, _("Status")]
    rows = [header]
    for row in grid.rows:
        line = [row.unit.name]
        for cell in row.cells:
            if cell is None:
                line += [None, ""]
            else:
                line += [cell.measured, str(cell.status_label)]
        rows.append(line)
    data = xlsx_bytes({str(_("Completeness")): rows})
    name = f"chi-tieu-{slugify(unit.area_name or unit.name)}-{period.slug}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
