"""Her API tokens: the page that lists them (with their last use and expiry),
creates one (shown once) and revokes one; the profile page links to it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.organization.hooks import profile_sections

from .models import DEFAULT_DAYS, ApiToken

SESSION_KEY = "api_token_shown_once"
LIFETIMES = [
    (30, gettext_lazy("30 days")),
    (90, gettext_lazy("90 days")),
    (DEFAULT_DAYS, gettext_lazy("1 year")),
    (730, gettext_lazy("2 years")),
]


class TokenForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("New token for"), max_length=100, required=False)
    days = forms.TypedChoiceField(
        label=gettext_lazy("valid for"),
        choices=LIFETIMES,
        coerce=int,
        initial=DEFAULT_DAYS,
        required=False,
        empty_value=DEFAULT_DAYS,  # a year unless chosen
    )


@profile_sections.provide
def tokens_section(request) -> list:
    """The profile page's tokens section: how many she has, and the way to the page."""
    active = ApiToken.objects.filter(user=request.user).active().count()
    return [("api/tokens_section.html", {"api_active_tokens": active})]


@login_required
def token_list(request):
    """Her tokens (GET) and a new one (POST): it is shown once, on the next page."""
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _token, text = ApiToken.issue(
                request.user, form.cleaned_data["name"].strip(), days=form.cleaned_data["days"]
            )
            request.session[SESSION_KEY] = text
            messages.success(request, _("Token created. Copy it now: it will not be shown again."))
            return HttpResponseRedirect(reverse("api_tokens"))
        status = 400
    context = {
        "form": form,
        "tokens": list(ApiToken.objects.filter(user=request.user)),
        "new_token": request.session.pop(SESSION_KEY, None),
    }
    return render(request, "api/tokens.html", context, status=status)


@login_required
def token_revoke(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("Token revoked: %(name)s") % {"name": token.name or token.prefix})
    return HttpResponseRedirect(reverse("api_tokens"))
