"""Unit pages beyond the generic views: the figures of a unit's subtree this term (what
every other app adds through ``hooks.unit_stats``) and the user's own profile page."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
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


class PasswordResetView(auth_views.PasswordResetView):
    """A forgotten password: the link goes out by email (the configured mailer) with the
    site's address (SITE_URL); the answer is the same whether the address is known."""

    def form_valid(self, form):
        from django.conf import settings

        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password from the emailed link. Whoever holds the link controls the
    account's email: the login lock of the account (wrong passwords guessed by
    somebody else) is lifted so she can sign in with the new one."""

    def form_valid(self, form):
        from axes.utils import reset

        response = super().form_valid(form)
        reset(username=form.user.get_username())
        return response
