"""An edit that does not say which version it was read at is refused like a stale one,
for records and for user accounts (issue 20: the version field removed, or 0)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doingoai.core.registry import REGISTRY
from doingoai.core.samples import make
from doingoai.core.writing import current_data


def _open_form(slug, obj, user) -> dict:
    data = {k: v for k, v in current_data(REGISTRY[slug], obj, user).items() if v is not None}
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


@pytest.mark.parametrize("version", ["missing", "0", "-3", "stale"])
def test_partner_edit_without_a_current_version_is_refused(version, world, login):
    partner = make("partners", world.daklak)
    opened = _open_form("partners", partner, world.user("daklak"))
    assert (
        login("daklak")
        .post(reverse("partners_edit", args=[partner.pk]), {**opened, "city": "Pakse"})
        .status_code
        == 302
    )
    stale = {**opened, "city": "Vientiane"}
    if version == "missing":
        stale.pop("version")
    elif version != "stale":
        stale["version"] = version
    response = login("daklak_lead").post(reverse("partners_edit", args=[partner.pk]), stale)
    assert response.status_code == 409
    partner.refresh_from_db()
    assert partner.city == "Pakse" and partner.version == 2


@pytest.mark.parametrize("version", ["missing", "0", "stale"])
def test_a_stale_user_form_does_not_undo_a_newer_change(version, world, login):
    """A unit admin renames an account; the admin's older form must not undo it."""
    from doingoai.organization.models import User

    account = User.objects.create_user("nhanvien", password="x-Long-pass-42", unit=world.daklak)
    account.full_name = "Nguyễn Thị A"
    account.save()
    account.refresh_from_db()
    opened = _open_form("users", account, world.user("admin"))
    opened.pop("password", None)
    first = login("admin").post(
        reverse("users_edit", args=[account.pk]), {**opened, "full_name": "Nguyễn Thị Bình"}
    )
    assert first.status_code == 302, first.content.decode()[:2000]
    stale = {**opened, "full_name": "Nguyễn Thị Cũ"}
    if version == "missing":
        stale.pop("version")
    elif version == "0":
        stale["version"] = "0"
    response = login("admin").post(reverse("users_edit", args=[account.pk]), stale)
    assert response.status_code == 409
    account.refresh_from_db()
    assert account.full_name == "Nguyễn Thị Bình"


def test_login_does_not_make_an_open_user_form_stale(world, client):
    """Django's own saves (last login) leave the account's version alone."""
    from doingoai.organization.models import User

    account = User.objects.create_user("nhanvien2", password="x-Long-pass-42", unit=world.daklak)
    version = User.objects.get(pk=account.pk).version
    assert client.login(username="nhanvien2", password="x-Long-pass-42")
    assert User.objects.get(pk=account.pk).version == version
