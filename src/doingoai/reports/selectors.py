"""What the reports app adds to the page frame and to its own dashboard from the apps above
it: the "Reports" menu entry; the delegations on their path (counts per state) and the
post-trip reports past due; the records a unit's subtree owns, as the summary tables keep
them (the lists' totals)."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.activities.delegation import late_reports
from doingoai.activities.models import Activity
from doingoai.core.hooks import NavLink, nav_links, subtree_counts
from doingoai.core.scope import VIEW, under

from . import summaries
from .hooks import dashboard_cards


@nav_links.provide
def reports_link(request) -> list[NavLink]:
    return [NavLink(_("Reports"), reverse("reports_index"), order=70)]


@subtree_counts.provide
def kept_count(model, unit_id, using) -> list[int]:
    """The records of a unit's subtree counted in the summary tables (``COUNTED``)."""
    n = summaries.subtree_count(model, unit_id, using)
    return [] if n is None else [n]


#: the states counted on the dashboard: delegations somebody has to act on
ACTIVE = [
    Activity.State.SUBMITTED,
    Activity.State.APPROVED,
    Activity.State.UNDER_WAY,
    Activity.State.REPORT_DUE,
    Activity.State.REPORT_SUBMITTED,
]


@dashboard_cards.provide
def delegation_cards(unit, period, user) -> list[dict]:
    mine = Activity.objects.restrict(user, VIEW)
    if unit is not None:
        mine = mine.filter(under(unit.path))
    counts = dict(
        mine.filter(state__in=ACTIVE).values_list("state").annotate(n=Count("id")).order_by()
    )
    url = reverse("activities_list")
    # the same scope narrowed to the unit on the late reports themselves (an index range
    # on the state), not their ids looked up in every record of the unit: 6.7 s -> 10 ms
    # for the country at 1,000,000 activities
    late = late_reports(user).order_by()
    if unit is not None:
        late = late.filter(under(unit.path))
    late = late.count()
    cards = [
        {
            "key": "delegation-reports-late",
            "value": late,
            "label": _("Post-trip reports late"),
            "url": url + "?state=report_due",
        }
    ]
    for state in ACTIVE:
        if counts.get(state):
            cards.append(
                {
                    "key": f"delegations-{state}",
                    "value": counts[state],
                    "label": _("Delegations: %(state)s") % {"state": Activity.State(state).label},
                    "url": url + f"?state={state}",
                }
            )
    return cards
