"""Personal API tokens: stored as a SHA-256 hash, shown once when created."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "dgo_"
#: how long a new token lasts unless chosen otherwise, and the longest it may last
DEFAULT_DAYS = 365
MAX_DAYS = 730


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class TokenExpired(Exception):
    """A right token past its expiry date."""

    def __init__(self, token):
        super().__init__(f"token {token.prefix} expired on {token.expires:%Y-%m-%d}")
        self.token = token


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        """Neither revoked nor expired."""
        return self.filter(revoked__isnull=True, expires__gt=timezone.now())


class ApiToken(models.Model):
    """A personal token for scripts: ``Authorization: Bearer dgo_<prefix>_<secret>``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires = models.DateTimeField(_("expires"))

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name or self.prefix} ({self.user})"

    @property
    def is_expired(self) -> bool:
        return self.expires <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked is None and not self.is_expired

    @classmethod
    def issue(cls, user, name: str = "", *, days: int = DEFAULT_DAYS) -> tuple[ApiToken, str]:
        """Create a token valid for ``days`` (1 to MAX_DAYS); returns it and the full
        secret text, which is never stored."""
        if not 1 <= int(days) <= MAX_DAYS:
            raise ValueError(f"a token lasts from 1 to {MAX_DAYS} days, not {days}")
        prefix = secrets.token_hex(4)
        while cls.objects.filter(prefix=prefix).exists():  # pragma: no cover
            prefix = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name[:100],
            prefix=prefix,
            secret_hash=hash_secret(secret),
            expires=timezone.now() + dt.timedelta(days=int(days)),
        )
        return token, f"{TOKEN_PREFIX}{prefix}_{secret}"

    @classmethod
    def authenticate(cls, text: str):
        """The user of a valid token text, or None; raises ``TokenExpired`` for a
        right token past its expiry. Marks the token used."""
        if not text or not text.startswith(TOKEN_PREFIX):
            return None
        prefix, sep, secret = text[len(TOKEN_PREFIX) :].partition("_")
        if not sep or not prefix or not secret:
            return None
        token = (
            cls.objects.filter(revoked__isnull=True, prefix=prefix)
            .select_related("user", "user__unit")
            .first()
        )
        if token is None or not secrets.compare_digest(token.secret_hash, hash_secret(secret)):
            return None
        if not token.user.is_active:
            return None
        if token.is_expired:
            raise TokenExpired(token)
        now = timezone.now()
        if token.last_used is None or (now - token.last_used).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token.user

    def revoke(self):
        if self.revoked is None:
            self.revoked = timezone.now()
            self.save(update_fields=["revoked"])
