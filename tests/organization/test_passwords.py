"""Passwords: Vietnamese messages from the validators, a page to change one's own."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("nhanvien01", "Mật khẩu quá giống với"),
        ("4815162342", "Mật khẩu này hoàn toàn là số."),
        ("abc", "Mật khẩu quá ngắn"),
        ("password123", "Mật khẩu này quá phổ biến."),
    ],
)
def test_weak_passwords_are_refused_in_vietnamese(password, message, world, login):
    from doingoai.organization.models import User

    client = login("admin")
    data = {
        "username": "nhanvien01",
        "full_name": "Nguyễn Thị Lan",
        "unit": world.daklak.pk,
        "role": "viewer",
        "is_active": "on",
        "password": password,
    }
    response = client.post(reverse("users_add"), data)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert not User.objects.filter(username="nhanvien01").exists()


def test_a_user_changes_her_own_password(world, client):
    from doingoai.organization.models import User

    user = User.objects.create_user("nhanvien", password="Mat-khau-cu-2024", unit=world.daklak)
    client.force_login(user)
    assert 'href="/accounts/password/"' in client.get(reverse("profile")).content.decode()
    page = client.get(reverse("password_change"))
    assert "Đổi mật khẩu" in page.content.decode()
    refused = client.post(
        reverse("password_change"),
        {"old_password": "sai", "new_password1": "12345678901", "new_password2": "12345678901"},
    )
    assert refused.status_code == 200
    assert "hoàn toàn là số" in refused.content.decode()
    done = client.post(
        reverse("password_change"),
        {
            "old_password": "Mat-khau-cu-2024",
            "new_password1": "Hoa-sen-tren-ho-42",
            "new_password2": "Hoa-sen-tren-ho-42",
        },
    )
    assert done.status_code == 302 and done["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("Hoa-sen-tren-ho-42")
