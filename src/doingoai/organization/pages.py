from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from doingoai.core.registry import REGISTRY, hook

from .models import Term


def unit_overview(unit, user):
    """Figures of the unit's subtree this term, for its page (more as kinds register)."""
    term = Term.current()
    stats = []
    for slug in ("partners", "agreements", "activities", "resources"):
        kind = REGISTRY.get(slug)
        fn = hook(kind, "unit_stats") if kind else None
        if fn:
            try:
                stats += fn(unit, user, term)
            except NoReverseMatch:
                pass
    return {"overview": {"term": term, "stats": stats}}


def profile(request):
    return render(
        request,
        "organization/profile.html",
        {"profile_user": request.user, "users_url": reverse("users_list"), "title": _("Profile")},
    )
