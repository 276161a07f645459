"""A forgotten password: the link on the sign-in page, the email (through the configured
mailer; Django's locmem outbox here), the new password, and the login lock."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

OLD = "Mat-khau-cu-2024"
NEW = "Hoa-sen-tren-ho-42"


def _user(world, username="nhanvien", email="lan@example.org"):
    from doingoai.organization.models import User

    return User.objects.create_user(
        username, email=email, password=OLD, unit=world.daklak, full_name="Nguyễn Thị Lan"
    )


def _ask(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def test_the_sign_in_page_offers_the_way_back(client, world):
    page = client.get(reverse("login")).content.decode()
    assert "Quên mật khẩu?" in page and f'href="{reverse("password_reset")}"' in page
    form = client.get(reverse("password_reset"))
    assert form.status_code == 200
    assert "Quên mật khẩu?" in form.content.decode()


def test_the_whole_round_trip_by_email(client, world, settings):
    settings.SITE_URL = "https://doingoai.example.vn"
    user = _user(world)
    mail.outbox.clear()
    asked = _ask(client, "LAN@example.org")  # the address in any case
    assert asked.status_code == 302 and asked["Location"] == reverse("password_reset_done")
    assert "Kiểm tra email" in client.get(asked["Location"]).content.decode()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["lan@example.org"]
    assert "mật khẩu mới" in email.subject
    assert "Xin chào nhanvien" in email.body
    link = re.search(r"https://doingoai\.example\.vn(/accounts/password/reset/\S+/)", email.body)
    assert link, email.body
    # the link leads to the form (Django swaps the token for a session one)
    opened = client.get(link.group(1), follow=True)
    assert "Chọn mật khẩu mới" in opened.content.decode()
    form_url = opened.redirect_chain[-1][0]
    weak = client.post(form_url, {"new_password1": "12345678901", "new_password2": "12345678901"})
    assert "hoàn toàn là số" in weak.content.decode()
    user.refresh_from_db()
    assert user.check_password(OLD)  # nothing changed
    done = client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    assert "Mật khẩu của bạn đã được đổi" in client.get(done["Location"]).content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW) and not user.check_password(OLD)
    # the link works once
    again = client.get(link.group(1), follow=True).content.decode()
    assert "Đường dẫn này không còn dùng được" in again
    client.post(reverse("login"), {"username": "nhanvien", "password": NEW})
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_answer_does_not_tell_whether_an_address_is_known(client, world):
    _user(world)
    mail.outbox.clear()
    known = _ask(client, "lan@example.org")
    unknown = _ask(client, "khong-co-ai@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1  # only the real account got an email
    refused = _ask(client, "not-an-address")
    assert refused.status_code == 200
    assert "Nhập địa chỉ email" in refused.content.decode()
    assert len(mail.outbox) == 1


def test_login_lock_holds_and_the_reset_lifts_it(client, world, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    user = _user(world)
    url = reverse("login")
    for n in range(3):
        wrong = {"username": "nhanvien", "password": f"sai-{n}"}
        client.post(url, wrong, REMOTE_ADDR=f"10.0.0.{n}")
    locked = client.post(url, {"username": "nhanvien", "password": OLD}, REMOTE_ADDR="10.9.9.9")
    assert locked.status_code in (403, 429) and "_auth_user_id" not in client.session
    # the owner of the address chooses a new password and gets in
    mail.outbox.clear()
    _ask(client, "lan@example.org")
    path = re.search(r"(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    client.post(url, {"username": "nhanvien", "password": NEW}, REMOTE_ADDR="10.9.9.9")
    assert client.session.get("_auth_user_id") == str(user.pk)
