"""What the targets give to the menu and the dashboard."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.hooks import NavLink, nav_links
from doingoai.reports.hooks import dashboard_cards

from .completeness import matrix
from .views import period_query


@nav_links.provide
def targets_link(request):
    if not request.user.is_authenticated:
        return []
    return [NavLink(_("Targets"), reverse("targets"), order=65)]


@dashboard_cards.provide
def behind_card(unit, period, user):
    """ "12 of 34 provinces have not held an international event this term"."""
    if unit.level not in ("central", "province"):
        return []
    grid = matrix(unit=unit, period=period, user=user)
    if not grid.rows:
        return []
    cards = []
    for i, target in enumerate(grid.targets):
        applies = sum(1 for r in grid.rows if r.cells[i])
        behind = grid.behind(i)
        cards.append(
            {
                "key": f"targets-{target.measure}",
                "label": _("Units behind: %(measure)s") % {"measure": target.get_measure_display()},
                "value": f"{behind}/{applies}",
                "note": _(
                    "%(behind)s of %(total)s units below have not reached %(target)s in %(period)s"
                )
                % {
                    "behind": behind,
                    "total": applies,
                    "target": target.value_display,
                    "period": period.label,
                },
                "url": reverse("targets") + "?" + period_query(unit, period),
            }
        )
    return cards
