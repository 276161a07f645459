"""A case handler gives the code of her authenticator app right after her password,
before any page; anyone else signs in as before. The case pages still ask again after
a quiet period (test_cases.py)."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.protection.conftest import code
from tests.protection.helpers import handler, make_case

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    answer = client.post("/accounts/login/", {"username": user.username, "password": "x"})
    assert answer.status_code == 302, answer.content.decode()[:300]
    return answer


def test_a_handler_gives_her_code_before_any_page(case, hanoi_handler, client):
    sign_in(client, hanoi_handler)
    for url in ("/", "/partners/", "/search/?q=Lào", "/profile/tokens/", case.get_absolute_url()):
        answer = client.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith("/cases/verify/?next="), url
    wrong = client.post("/cases/verify/", {"token": "000000", "next": "/"})
    assert wrong.status_code == 400 and "Mã này sai hoặc đã hết hạn." in wrong.content.decode()
    assert client.get("/").status_code == 302  # still owed
    device = TOTPDevice.objects.get(user=hanoi_handler)
    device.throttle_reset()  # as if the wait after a wrong code were over
    right = client.post("/cases/verify/", {"token": code(device), "next": "/"})
    assert right.status_code == 302 and right["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.get("/partners/").status_code == 200
    assert client.get(case.get_absolute_url()).status_code == 200  # fresh: not asked again


def test_htmx_requests_are_sent_to_the_code_too(case, hanoi_handler, client):
    sign_in(client, hanoi_handler)
    answer = client.get(
        "/partners/",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/partners/?q=a"},
    )
    assert answer.status_code == 204
    assert answer["HX-Redirect"] == "/cases/verify/?next=%2Fpartners%2F%3Fq%3Da"
    # the bell of the code's own page: nothing, and no loop
    bell = client.get(
        "/reminders/bell/",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/cases/verify/"},
    )
    assert bell.status_code == 204 and not bell.has_header("HX-Redirect")


def test_a_handler_without_an_app_sets_one_up_first(world, client):
    user = handler(world.daklak)
    make_case(world.daklak, handlers=[user])
    sign_in(client, user)
    first = client.get("/")
    assert first.status_code == 302 and first["Location"].startswith("/cases/2fa/?next=")
    setup = client.get(first["Location"])
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(first["Location"], {"token": code(device), "next": "/"})
    assert len(done.context["codes"]) == 10  # recovery codes, shown once
    assert client.get("/").status_code == 200


def test_others_sign_in_as_before(world, client):
    user = handler(world.daklak, role="editor")  # named on no case
    sign_in(client, user)
    assert client.get("/").status_code == 200
    assert client.get("/partners/").status_code == 200


def test_signing_out_is_possible_while_the_code_is_owed(case, hanoi_handler, client):
    sign_in(client, hanoi_handler)
    assert client.post("/accounts/logout/").status_code in (200, 302)
    answer = client.get("/")
    assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")


def test_a_password_alone_cannot_replace_the_app(world, client):
    """Whoever has only the password cannot scan a new key to get past the code."""
    admin = world.user("admin")  # not a handler: no code owed at sign-in
    admin.set_password("x")
    admin.save(update_fields=["password"])
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    sign_in(client, admin)
    answer = client.get("/cases/2fa/")
    assert answer.status_code == 302 and answer["Location"].startswith("/cases/verify/")
    assert not TOTPDevice.objects.filter(user=admin, confirmed=False).exists()
    answer = client.post("/cases/2fa/", {"token": "123456"})
    assert answer.status_code == 302
    assert TOTPDevice.objects.filter(user=admin).count() == 1
