"""Partner pages beyond the generic views: the relationship over time (what every other
app adds to the partner's timeline, in the reader's scope) and the live warning of
likely duplicates under the partner form."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from doingoai.core.countries import country_name, subdivision_name
from doingoai.core.forms import TagsField
from doingoai.core.registry import detail_panel, kind_view
from doingoai.core.seen import kept_in_scope

from .duplicates import likely_duplicates
from .hooks import partner_timeline
from .kinds import PartnerKind


@detail_panel(PartnerKind, "partners/partner_panels.html")
def partner_panel(partner, user):
    # its providers read only records in the reader's scope (the hook's promise): a
    # subtree reader's is kept until her subtree changes
    timeline = kept_in_scope(
        user,
        f"partner-timeline:{partner.pk}",
        lambda: partner_timeline.gather(partner, user),
    )
    timeline.sort(key=lambda e: (e["date"] is None, e["date"]), reverse=True)
    return {
        "partner_country": country_name(partner.country),
        "partner_subdivision": subdivision_name(partner.subdivision),
        "timeline": timeline,
        "add_contact_url": reverse("contacts_add") + f"?partner={partner.pk}",
    }


@kind_view(PartnerKind, "partners_similar", path="similar/", detail=False)
def similar_partners(request):
    """HTMX fragment under the partner form's names: partners that may be the same."""
    g = request.GET
    names = [
        g.get("name_vi", ""),
        g.get("name_en", ""),
        g.get("name_local", ""),
        g.get("acronym", ""),
    ]
    names += TagsField(required=False).clean(g.get("aliases", ""))
    exclude = g.get("exclude") or None
    matches = likely_duplicates(
        names=[n.strip()[:300] for n in names if n and n.strip()],
        country=g.get("country", "")[:2],
        subdivision=g.get("subdivision", "")[:6],
        exclude_pk=int(exclude) if exclude and exclude.isdigit() else None,
    )
    return render(request, "partners/similar.html", {"matches": matches})
