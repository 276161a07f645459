"""Guessing one account's password from many addresses locks the account."""

from __future__ import annotations

from django.urls import reverse


def test_wrong_passwords_from_many_addresses_lock_the_account(world, client, settings):
    from django.contrib.auth import get_user_model

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    user = get_user_model().objects.create_user("nhanvien", password="Dung-mat-khau-42")
    url = reverse("login")
    for n in range(3):
        client.post(
            url, {"username": "nhanvien", "password": f"sai-{n}"}, REMOTE_ADDR=f"10.0.0.{n + 1}"
        )
    response = client.post(
        url, {"username": "nhanvien", "password": "Dung-mat-khau-42"}, REMOTE_ADDR="10.9.9.9"
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (403, 429)
    # another account from the same addresses is not locked
    other = get_user_model().objects.create_user("khac", password="Mat-khau-khac-42")
    client.post(url, {"username": "khac", "password": "Mat-khau-khac-42"}, REMOTE_ADDR="10.0.0.1")
    assert client.session.get("_auth_user_id") == str(other.pk)
    assert user.pk
