"""Unit pages beyond the generic views: the figures of a unit's subtree this term (what
every other app adds through ``hooks.unit_stats``) and the user's own profile page."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core.registry import detail_panel

from .hooks import profile_sections, unit_stats
from .kinds import UnitKind
from .models import Term


@detail_panel(UnitKind, "organization/unit_panels.html")
def unit_overview(unit, user):
    term = Term.current()
    return {"overview": {"term": term, "stats": unit_stats.gather(unit, user, term)}}


def profile(request):
    return render(
        request,
        "organization/profile.html",
        {
            "profile_user": request.user,
            "users_url": reverse("users_list"),
            "title": _("Profile"),
            "sections": profile_sections.gather(request),
        },
    )
