"""What the targets give to the menu and the dashboard."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.hooks import NavLink, nav_links
from doingoai.reports.hooks import dashboard_cards, report_sections

from .completeness import MET, NOT_DUE, ON_TRACK, behind, matrix
from .views import period_query


@nav_links.provide
def targets_link(request):
    if not request.user.is_authenticated:
        return []
    return [NavLink(_("Targets"), reverse("targets"), order=65)]


@dashboard_cards.provide
def behind_card(unit, period, user):
    """ "12 of 34 provinces have not held an international event this term": counted
    from the matrix's measures without making the matrix (``completeness.behind``)."""
    if unit.level not in ("central", "province"):
        return []
    columns = behind(unit=unit, period=period, user=user)
    if not columns:  # no unit below
        return []
    url = reverse("targets") + "?" + period_query(unit, period)
    return [
        {
            "key": f"targets-{c['measure']}",
            "label": _("Units behind: %(measure)s") % {"measure": c["label"]},
            "value": f"{c['behind']}/{c['applies']}",
            "note": _(
                "%(behind)s of %(total)s units below have not reached %(target)s in %(period)s"
            )
            % {
                "behind": c["behind"],
                "total": c["applies"],
                "target": c["value"],
                "period": period.label,
            },
            "url": url,
        }
        for c in columns
    ]


#: units with nothing yet named one by one in the report up to this many (else counted)
IDLE_NAMED = 40


@report_sections.provide
def targets_section(unit, period, user):
    """A section of the term or year report: the targets set for the units below and
    how far each unit has come (Vietnamese: the report is a Vietnamese document)."""
    from doingoai.documents.formatting import vn_number
    from doingoai.reports import content

    grid = matrix(unit=unit, period=period, user=user)
    if not grid.rows:
        return []
    header = ["Đơn vị"] + [f"{t.get_measure_display()} (≥ {t.value_display})" for t in grid.targets]
    rows, raw, idle = [], [], []
    for row in grid.rows:
        if all(cell is None or not cell.measured for cell in row.cells):
            idle.append(row.unit.name)  # nothing done yet: named in one paragraph
            continue
        texts, values = [row.unit.name], [row.unit.name]
        for cell in row.cells:
            if cell is None:
                texts.append("")
                values.append(None)
                continue
            figure = (
                "—" if cell.measured is None else vn_number(cell.measured, 1).removesuffix(",0")
            )
            texts.append(f"{figure} ({cell.status_label})")
            values.append(cell.measured)
        rows.append(texts)
        raw.append(values)
    paragraphs = []
    for i, t in enumerate(grid.targets):
        total = sum(1 for r in grid.rows if r.cells[i])
        ok = grid.count(MET, i) + grid.count(ON_TRACK, i)
        not_due = grid.count(NOT_DUE, i)
        paragraphs.append(
            f"{t.get_measure_display()} (chỉ tiêu ≥ {t.value_display}): "
            f"{ok}/{total} đơn vị đạt hoặc đúng tiến độ, {grid.behind(i)} đơn vị chưa đạt"
            + (f", {not_due} đơn vị chưa đến hạn." if not_due else ".")
        )
    if idle:  # rather than pages of zeros (issue 16); a long list only counted
        names = (
            ": " + ", ".join(idle) if len(idle) <= IDLE_NAMED else " (danh sách tại trang Chỉ tiêu)"
        )
        paragraphs.append(f"{vn_number(len(idle))} đơn vị chưa có kết quả nào{names}.")
    table = content.Table(
        title="Kết quả thực hiện chỉ tiêu của các đơn vị trực thuộc (các đơn vị đã có kết quả)",
        header=header,
        rows=rows,
        sheet="Chỉ tiêu",
        # a figure and its status in words ("412 (đạt)"): text that wraps, not a figure
        numeric=set(),
        raw=raw,
    )
    return [
        content.Block(
            number="",
            title="THỰC HIỆN CHỈ TIÊU ĐỐI NGOẠI",  # a section (level 1): capitals
            level=1,
            paragraphs=paragraphs,
            tables=[table] if rows else [],
        )
    ]
