"""The signed-in user is read with her unit, in one statement (every page asks for her
unit: her scope, whether she reads the whole tree); sessions begun under Django's own
backend stay signed in."""

from __future__ import annotations

from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user_model
from django.urls import reverse

from doingoai.organization.backends import UnitModelBackend

NEW = "doingoai.organization.backends.UnitModelBackend"
OLD = "django.contrib.auth.backends.ModelBackend"


def test_the_signed_in_user_comes_with_her_unit(world, django_assert_num_queries):
    user = world.user("daklak")
    name = world.daklak.name
    with django_assert_num_queries(1):
        read = UnitModelBackend().get_user(user.pk)
        assert read.unit.name == name
    user.is_active = False
    user.save()
    assert UnitModelBackend().get_user(user.pk) is None
    assert UnitModelBackend().get_user(10**9) is None


def test_signing_in_through_the_form_uses_it(world, client):
    get_user_model().objects.create_user("canbo", password="Mat-khau-dung-42", unit=world.daklak)
    response = client.post(reverse("login"), {"username": "canbo", "password": "Mat-khau-dung-42"})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == NEW
    assert client.get(reverse("activities_list")).status_code == 200


def test_a_session_begun_under_djangos_backend_stays_signed_in(world, client):
    user = world.user("daklak")
    session = client.session
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = OLD
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.save()
    client.cookies["sessionid"] = session.session_key
    response = client.get(reverse("activities_list"))
    assert response.status_code == 200
    assert response.wsgi_request.user == user
