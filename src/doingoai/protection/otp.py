"""The second factor of the case handlers (django-otp): a TOTP device in an authenticator
app, recovery codes (a static device), and a fresh check after a quiet period."""

from __future__ import annotations

import time

from django.conf import settings
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

SESSION_KEY = "cases_active_at"
#: set at sign-in for a case handler until she gives her second factor
DUE_KEY = "cases_second_factor_due"
RECOVERY_CODES = 10


def quiet_seconds() -> int:
    return int(getattr(settings, "PROTECTION_QUIET_MINUTES", 15)) * 60


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_fresh(request) -> bool:
    """Verified with a second factor in this session, and not quiet for too long."""
    user = request.user
    if not getattr(user, "is_verified", lambda: False)():
        return False
    at = request.session.get(SESSION_KEY)
    return at is not None and time.time() - at < quiet_seconds()


def touch(request) -> None:
    request.session[SESSION_KEY] = time.time()
    request.session.pop(DUE_KEY, None)


def handles_cases(user) -> bool:
    """Is she named on any case? Then she signs in with a second factor."""
    from .models import ProtectionCase

    return ProtectionCase.objects.filter(handlers=user).exists()


def ask_at_sign_in(sender, request, user, **kwargs) -> None:
    """``user_logged_in``: a case handler owes her second factor before any page
    (``SecondFactorAtSignIn``); anyone else signs in as before."""
    session = getattr(request, "session", None)
    if session is not None and handles_cases(user):
        session[DUE_KEY] = True


def verify(request, token: str) -> bool:
    device = match_token(request.user, (token or "").strip().replace(" ", ""))
    if device is None:
        return False
    otp_login(request, device)
    touch(request)
    return True


def pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def confirm(request, device: TOTPDevice, token: str) -> list[str] | None:
    """The device confirmed by a code it produced, and new recovery codes (shown once)."""
    if not device.verify_token((token or "").strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    otp_login(request, device)
    touch(request)
    return new_recovery_codes(request.user)


def new_recovery_codes(user) -> list[str]:
    static, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def qr_svg(device: TOTPDevice) -> str:
    import segno

    return segno.make(device.config_url, error="m").svg_inline(scale=4)
