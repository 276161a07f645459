"""The tokens section of the profile page: create (shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ApiToken

SESSION_KEY = "api_token_shown_once"


def profile_context(request) -> dict:
    """What the profile page's tokens section needs."""
    return {
        "api_tokens": list(ApiToken.objects.filter(user=request.user)),
        "api_new_token": request.session.pop(SESSION_KEY, None),
    }


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


urlpatterns = [
    path("profile/tokens/", token_create, name="api_token_create"),
    path("profile/tokens/<int:pk>/revoke/", token_revoke, name="api_token_revoke"),
]
