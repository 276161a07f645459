"""API authentication: personal tokens (``Authorization: Bearer ...``) for scripts,
the Django session (with its CSRF token) for the pages' own calls."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from .models import ApiToken, TokenExpired


class TokenAuth(HttpBearer):
    """A personal API token. A token that is sent but wrong is refused outright
    (no falling back to the session)."""

    def authenticate(self, request, token):
        try:
            user = ApiToken.authenticate(token.strip())
        except TokenExpired as exc:
            expires = timezone.localtime(exc.token.expires)
            raise AuthenticationError(
                401,
                _(
                    "This API token expired on %(date)s. Create a new one on your "
                    "“API tokens” page (%(path)s)."
                )
                % {"date": f"{expires:%d/%m/%Y}", "path": reverse("api_tokens")},
            ) from None
        if user is None:
            raise AuthenticationError(401, _("Invalid or revoked API token."))
        request.user = user  # the change history records who made the change
        return user


class SessionWithCsrf(SessionAuth):
    """The signed-in user of the pages; unsafe methods need the CSRF token."""

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


token_auth = TokenAuth()
session_auth = SessionWithCsrf()
