"""What the menu, the dashboard and the reports show of the protection cases: a menu
entry, and counts only (by kind, status, country, year), never a person, and never a
count that could single someone out (below ``MIN_COUNT`` it shows as "< 5")."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.countries import country_name
from doingoai.core.hooks import NavLink, nav_links
from doingoai.core.scope import under
from doingoai.documents.formatting import vn_number
from doingoai.reports.content import Block, Table
from doingoai.reports.hooks import dashboard_cards, report_sections

from .models import ProtectionCase

MIN_COUNT = 5


def shown(n: int) -> str:
    """A count as reports may show it: nothing below ``MIN_COUNT`` is told exactly."""
    if 0 < n < MIN_COUNT:
        return f"< {MIN_COUNT}"
    return vn_number(n)


@nav_links.provide
def cases_link(request):
    return [NavLink(_("Protection cases"), reverse("cases_list"), order=58)]


def cases_of(unit, period):
    """The cases of ``unit``'s subtree opened in ``period``: counted, never listed. The
    figures are for whoever may see the unit's dashboard (the caller checked her scope)."""
    return ProtectionCase.objects.filter(under(unit.path)).filter(
        opened__gte=period.start, opened__lte=period.end
    )


@dashboard_cards.provide
def cases_card(unit, period, user):
    n = cases_of(unit, period).count()
    if not n:
        return []
    return [
        {
            "label": _("Protection cases opened"),
            "value": shown(n),
            "url": reverse("cases_list"),
            "note": _("counts only"),
            "key": "cases",
        }
    ]


def _counts(qs, field: str) -> list[tuple[str, int]]:
    rows = qs.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(r[field], r["n"]) for r in rows]


@report_sections.provide
def cases_section(unit, period, user):
    qs = cases_of(unit, period)
    total = qs.count()
    if not total:
        return []
    kinds = dict(ProtectionCase.Kind.choices)
    statuses = dict(ProtectionCase.Status.choices)
    rows = (
        [["Loại vụ việc", str(kinds[k]), shown(n)] for k, n in _counts(qs, "kind")]
        + [["Tình trạng", str(statuses[s]), shown(n)] for s, n in _counts(qs, "status")]
        + [["Quốc gia", country_name(c, "vi"), shown(n)] for c, n in _counts(qs, "country")]
        + [["Năm", str(y), shown(n)] for y, n in _counts(qs, "opened__year")]
    )
    table = Table(
        title="Vụ việc bảo vệ quyền lợi phụ nữ (chỉ số lượng)",
        header=["Theo", "Nhóm", "Số vụ việc"],
        rows=rows,
        sheet="Vụ việc bảo vệ",
        numeric={2},
    )
    return [
        Block(
            number="",
            title="BẢO VỆ QUYỀN, LỢI ÍCH CỦA PHỤ NỮ TRONG QUAN HỆ CÓ YẾU TỐ NƯỚC NGOÀI",
            level=1,
            paragraphs=[
                f"Trong {period.label_vi}, đơn vị đã tiếp nhận {shown(total)} vụ việc. "
                f"Số liệu dưới {MIN_COUNT} được ghi “< {MIN_COUNT}” để không nhận diện được "
                "người trong cuộc."
            ],
            tables=[table],
        )
    ]
