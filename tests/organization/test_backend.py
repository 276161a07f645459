"""The signed-in user is read with her unit, in one statement (every page asks for her
unit: her scope, whether she reads the whole tree), and kept in the process under her
app's version: a page after a change elsewhere reads no user, a change of a user or a
unit shows at once; sessions begun under Django's own backend stay signed in; the
session's read (``core/sessions.py``) refuses an expired session."""

from __future__ import annotations

from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from doingoai.core.models import bump_data_version
from doingoai.organization.backends import UnitModelBackend

NEW = "doingoai.organization.backends.UnitModelBackend"
OLD = "django.contrib.auth.backends.ModelBackend"


def test_the_signed_in_user_comes_with_her_unit(world, django_assert_num_queries):
    user = world.user("daklak")
    name = world.daklak.name
    # outside a request: the versions, then her with her unit, in one statement
    with django_assert_num_queries(2):
        read = UnitModelBackend().get_user(user.pk)
        assert read.unit.name == name
    with django_assert_num_queries(1):  # kept: the versions alone
        assert UnitModelBackend().get_user(user.pk).unit.name == name
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


def user_reads(client, url) -> tuple[int, int]:
    """(status, statements that read the users' table) of one page."""
    with CaptureQueriesContext(connection) as ran:
        response = client.get(url)
    return response.status_code, sum(
        '"organization_user"' in q["sql"] and q["sql"].lstrip().startswith("SELECT")
        for q in ran.captured_queries
    )


def test_a_page_after_a_change_elsewhere_reads_no_user(world, client):
    client.force_login(world.user("daklak"))
    url = reverse("activities_list")
    assert user_reads(client, url) == (200, 1)  # the first page: she is read
    bump_data_version("activities")  # somebody saved an activity somewhere
    assert user_reads(client, url) == (200, 0)
    bump_data_version("organization")  # somebody saved a user or a unit
    assert user_reads(client, url) == (200, 1)


def test_each_request_has_its_own_copy(world, client):
    client.force_login(world.user("daklak"))
    first = client.get(reverse("activities_list")).wsgi_request.user
    first.first_name = "Changed by one request"
    first.unit.name = "Changed too"
    second = client.get(reverse("activities_list")).wsgi_request.user
    assert second is not first and second.unit is not first.unit
    assert second.first_name != "Changed by one request"
    assert second.unit.name == world.daklak.name


def test_a_change_of_her_account_or_unit_shows_at_once(world, client):
    user = world.user("daklak")
    client.force_login(user)
    add = reverse("activities_add")
    assert client.get(add).status_code == 200  # an editor may add
    user.role = "viewer"
    user.save()
    assert client.get(add).status_code == 403
    world.daklak.name = "Hội LHPN tỉnh Đắk Lắk (mới)"
    world.daklak.save()
    assert "Hội LHPN tỉnh Đắk Lắk (mới)" in client.get(reverse("activities_list")).text


def test_a_disabled_account_or_a_changed_password_signs_her_out(world, client):
    user = world.user("daklak")
    client.force_login(user)
    url = reverse("activities_list")
    assert client.get(url).status_code == 200
    user.set_password("Mat-khau-moi-42")
    user.save()
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(user)
    assert client.get(url).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(url).status_code == 302


def test_an_expired_session_is_not_read(world, client):
    client.force_login(world.user("daklak"))
    url = reverse("activities_list")
    assert client.get(url).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(minutes=1))
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_without_the_page_cache_she_is_read_every_time(world, client, settings):
    settings.PAGE_CACHE = False
    client.force_login(world.user("daklak"))
    url = reverse("activities_list")
    assert user_reads(client, url) == (200, 1)
    assert user_reads(client, url) == (200, 1)
