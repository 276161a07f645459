"""The tokens section of the profile page: create (shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doingoai.organization.hooks import profile_sections

from .models import ApiToken

SESSION_KEY = "api_token_shown_once"


@profile_sections.provide
def tokens_section(request) -> list:
    """The profile page's tokens section: her tokens, and a new one shown once."""
    return [
        (
            "api/tokens_section.html",
            {
                "api_tokens": list(ApiToken.objects.filter(user=request.user)),
                "api_new_token": request.session.pop(SESSION_KEY, None),
            },
        )
    ]


@require_POST
def token_create(request):
    name = request.POST.get("name", "").strip()[:100]
    _token, text = ApiToken.issue(request.user, name)
    request.session[SESSION_KEY] = text
    messages.success(request, _("Token created. Copy it now: it will not be shown again."))
    return HttpResponseRedirect(reverse("profile") + "#api-tokens")


def token_revoke(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("Token revoked: %(name)s") % {"name": token.name or token.prefix})
    return HttpResponseRedirect(reverse("profile") + "#api-tokens")
