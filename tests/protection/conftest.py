import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.protection.helpers import handler, make_case


def code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def hanoi_handler(world):
    """A case handler who is only a viewer of the Hà Nội union: handlers see their cases
    whatever their role or level."""
    user = handler(world.hanoi, "hanoi_case")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user


@pytest.fixture
def case(world, hanoi_handler):
    return make_case(world.daklak, handlers=[hanoi_handler])


@pytest.fixture
def verified(client):
    """Sign ``user`` in and give the code of her authenticator app."""

    def sign_in(user):
        client.force_login(user)
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        # a code is taken once (django-otp refuses a replay): the next sign-in in the
        # same 30 seconds is let through as if the next code had come
        device.last_t = -1
        device.throttle_reset(commit=False)
        device.save()
        page = client.post("/cases/verify/", {"token": code(device), "next": "/cases/"})
        assert page.status_code == 302, page.content.decode()[:500]
        return client

    return sign_in
