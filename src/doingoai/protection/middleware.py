"""A case handler gives her second factor right after the password: until she does,
every page but the second-factor pages and signing out sends her there."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse

from . import otp


@cache
def _open_paths() -> frozenset[str]:
    return frozenset(
        reverse(name) for name in ("cases_verify", "cases_2fa_setup", "logout", "set_language")
    )


class SecondFactorAtSignIn:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES  # no session, nothing owed
            and request.session.get(otp.DUE_KEY)
            and request.path_info not in _open_paths()
        ):
            if request.user.is_authenticated:
                return self._ask(request)
        return self.get_response(request)

    def _ask(self, request):
        page = "cases_verify" if otp.has_device(request.user) else "cases_2fa_setup"
        if not request.headers.get("HX-Request"):
            target = reverse(page) + "?" + urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(target)
        # a part of a page (the bell ...): nothing, and the whole page goes to the code
        # unless it is already there
        response = HttpResponse(status=204)
        current = urlsplit(request.headers.get("HX-Current-URL", ""))
        if current.path not in _open_paths():
            back = current.path + (f"?{current.query}" if current.query else "")
            response["HX-Redirect"] = reverse(page) + "?" + urlencode({"next": back or "/"})
        return response
