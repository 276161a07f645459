"""Protection cases: only their handlers see them (whatever the role), every read and
change is logged, break-glass needs a reason, the second factor is asked for, and what
the database holds is ciphertext."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.protection.conftest import code
from tests.protection.helpers import PLANTED_NAME, PLANTED_PHONE, PLANTED_SUMMARY, make_case

from doingoai.protection import otp
from doingoai.protection.models import BreakGlass, CaseAccess, ProtectionCase

pytestmark = pytest.mark.django_db


def test_handler_reads_and_changes_her_case(case, hanoi_handler, verified):
    client = verified(hanoi_handler)
    listing = client.get("/cases/").content.decode()
    assert case.number in listing
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert PLANTED_NAME in html and PLANTED_PHONE in html and PLANTED_SUMMARY in html
    assert "no-store" in page["Cache-Control"]  # no decrypted page is ever cached
    form = client.get(reverse("cases_edit", args=[case.pk]))
    assert form.status_code == 200
    data = {
        "number": case.number,
        "opened": "2024-04-01",
        "status": "referred",
        "kind": "trafficking",
        "country": "CN",
        "unit": case.unit_id,
        "handlers": [hanoi_handler.pk],
        "person_name": "Tên đã sửa",
        "person_birth_year": "2002",
        "version": case.version,
    }
    r = client.post(reverse("cases_edit", args=[case.pk]), data)
    assert r.status_code == 302, r.context["form"].errors
    case.refresh_from_db()
    assert case.person_name == "Tên đã sửa" and case.status == "referred"
    # a stale copy is refused, changing nothing
    stale = client.post(reverse("cases_edit", args=[case.pk]), dict(data, person_name="X"))
    assert stale.status_code == 400
    assert "Có người đã lưu vụ việc này" in stale.content.decode()
    case.refresh_from_db()
    assert case.person_name == "Tên đã sửa"
    bad = client.post(
        reverse("cases_edit", args=[case.pk]),
        dict(data, version=case.version, person_birth_year="năm 2002", closed="2020-01-01"),
    )
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "Ghi năm sinh bằng bốn chữ số" in text and "trước" in text
    client.post(
        reverse("cases_action_add", args=[case.pk]),
        {"date": "2024-05-01", "kind": "embassy", "note": "Liên hệ Đại sứ quán"},
    )
    upload = SimpleUploadedFile("bien-ban.txt", b"bien ban lam viec")
    client.post(reverse("cases_document_add", args=[case.pk]), {"file": upload})
    doc = case.documents.order_by("-pk").first()
    got = client.get(reverse("cases_document", args=[case.pk, doc.pk]))
    assert got.content == b"bien ban lam viec" and "no-store" in got["Cache-Control"]
    assert case.actions.filter(kind="embassy").exists()


def test_second_factor_is_asked_for_and_again_after_a_quiet_period(case, hanoi_handler, client):
    client.force_login(hanoi_handler)
    url = case.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 302 and first["Location"].startswith("/cases/verify/")
    wrong = client.post("/cases/verify/", {"token": "000000", "next": url})
    assert wrong.status_code == 400
    assert "Mã này sai hoặc đã hết hạn." in wrong.content.decode()
    device = TOTPDevice.objects.get(user=hanoi_handler)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # guessing is slowed down
    device.throttle_reset()  # as if the wait were over
    right = client.post("/cases/verify/", {"token": code(device), "next": url})
    assert right.status_code == 302 and right["Location"] == url
    assert client.get(url).status_code == 200
    session = client.session
    session[otp.SESSION_KEY] = time.time() - otp.quiet_seconds() - 1
    session.save()
    again = client.get(url)
    assert again.status_code == 302 and again["Location"].startswith("/cases/verify/")


def test_handler_without_an_app_sets_one_up_with_recovery_codes(world, client):
    from tests.protection.helpers import handler

    user = handler(world.daklak)
    case = make_case(world.daklak, handlers=[user])
    client.force_login(user)
    first = client.get(case.get_absolute_url())
    assert first["Location"].startswith("/cases/2fa/")
    setup = client.get(first["Location"])
    assert setup.status_code == 200 and "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(first["Location"], {"token": code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10
    assert client.get(case.get_absolute_url()).status_code == 200
    # a recovery code works once, in a new session
    client.logout()
    client.force_login(user)
    assert client.post("/cases/verify/", {"token": codes[0]}).status_code == 302
    client.logout()
    client.force_login(user)
    assert client.post("/cases/verify/", {"token": codes[0]}).status_code == 400


def test_every_read_and_change_is_logged_and_shown_to_handlers(case, hanoi_handler, verified):
    client = verified(hanoi_handler)
    before = CaseAccess.objects.filter(case=case).count()
    client.get(case.get_absolute_url(), REMOTE_ADDR="10.1.2.3")
    client.get(reverse("cases_edit", args=[case.pk]))
    doc = case.documents.get()
    client.get(reverse("cases_document", args=[case.pk, doc.pk]))
    client.post(
        reverse("cases_action_add", args=[case.pk]),
        {"date": "2024-05-01", "kind": "police", "note": "Đã chuyển hồ sơ"},
    )
    entries = list(CaseAccess.objects.filter(case=case).order_by("pk"))[before:]
    assert [(e.part, e.verb) for e in entries] == [
        ("case", "read"),
        ("edit", "read"),
        ("document", "read"),
        ("action", "create"),
    ]
    assert entries[0].user == hanoi_handler and entries[0].address == "10.1.2.3"
    page = client.get(case.get_absolute_url()).content.decode()
    assert "10.1.2.3" in page and "hanoi_case" in page


def test_break_glass_needs_a_reason_is_read_only_and_shown(case, hanoi_handler, world, verified):
    admin = world.user("admin")
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    client = verified(admin)
    assert client.get(case.get_absolute_url()).status_code == 404  # no reason, no case
    log_page = client.get("/cases/log/").content.decode()
    assert case.number in log_page and PLANTED_NAME not in log_page
    url = reverse("cases_break_glass", args=[case.pk])
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400 and not BreakGlass.objects.exists()
    assert client.get(case.get_absolute_url()).status_code == 404
    reason = "Yêu cầu khẩn của Bộ Công an ngày 03/12"
    assert client.post(url, {"reason": reason}).status_code == 302
    page = client.get(case.get_absolute_url())
    assert page.status_code == 200 and PLANTED_NAME in page.content.decode()
    assert client.get(reverse("cases_edit", args=[case.pk])).status_code == 403
    entry = CaseAccess.objects.get(case=case, part="break_glass")
    assert entry.user == admin and entry.reason == reason
    handler_page = verified(hanoi_handler).get(case.get_absolute_url()).content.decode()
    assert reason in handler_page
    # the grant runs out
    BreakGlass.objects.update(until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert verified(admin).get(case.get_absolute_url()).status_code == 404


def test_break_glass_is_for_system_admins_only(case, world, login):
    for name in ("daklak", "daklak_lead", "trunguong", "hanoi"):
        client = login(name)
        url = reverse("cases_break_glass", args=[case.pk])
        assert client.post(url, {"reason": "Tôi muốn xem vụ việc này"}).status_code == 404
    assert not BreakGlass.objects.exists()


def _everything_stored() -> str:
    """Every row of every table, as text (what a copy of the database holds)."""
    out = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names():
            cur.execute(f'SELECT * FROM "{table}"')
            for row in cur.fetchall():
                out.append(
                    " ".join(
                        bytes(v).decode("latin-1") if isinstance(v, (bytes, memoryview)) else str(v)
                        for v in row
                    )
                )
    if connection.vendor == "sqlite":
        out.extend(connection.connection.iterdump())  # the SQL dump too
    return "\n".join(out)


def test_the_database_holds_no_plaintext(case, hanoi_handler, verified):
    client = verified(hanoi_handler)
    client.post(
        reverse("cases_action_add", args=[case.pk]),
        {"date": "2024-05-01", "kind": "police", "note": "Ghi chú bí mật XYZ"},
    )
    upload = SimpleUploadedFile("giay-to-bi-mat.txt", b"NOI DUNG BI MAT")
    client.post(reverse("cases_document_add", args=[case.pk]), {"file": upload})
    stored = _everything_stored()
    assert case.number in stored  # the tables were read
    for secret in (
        PLANTED_NAME,
        PLANTED_PHONE,
        PLANTED_SUMMARY,
        "Ghi chú bí mật XYZ",
        "Hà Khẩu",
        "giay-to-bi-mat",
        "NOI DUNG BI MAT",
        "Đã báo công an huyện",
    ):
        assert secret not in stored, secret
    with connection.cursor() as cur:
        cur.execute("SELECT person_name, summary FROM protection_protectioncase")
        assert all(v.startswith("fernet:") for row in cur.fetchall() for v in row)


def test_key_rotation_keeps_every_case_readable(world, monkeypatch):
    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from doingoai.protection.crypto import KeyProblem

    old, new, stranger = (Fernet.generate_key().decode() for _ in range(3))
    monkeypatch.setenv("DOINGOAI_PROTECTION_KEYS", old)
    case = make_case(world.daklak)

    def raw():
        with connection.cursor() as cur:
            cur.execute(
                "SELECT person_name FROM protection_protectioncase WHERE id = %s", [case.pk]
            )
            return cur.fetchone()[0]

    before = raw()
    monkeypatch.setenv("DOINGOAI_PROTECTION_KEYS", f"{new},{old}")
    call_command(
        "protection_rotate_key",
        stdout=__import__("io").StringIO(),
        stderr=__import__("io").StringIO(),
    )
    assert raw() != before
    monkeypatch.setenv("DOINGOAI_PROTECTION_KEYS", new)  # the old key removed
    again = ProtectionCase.objects.get(pk=case.pk)
    assert again.person_name == PLANTED_NAME and again.summary == PLANTED_SUMMARY
    assert again.actions.get().note == "Đã báo công an huyện"
    from doingoai.protection import crypto

    assert crypto.decrypt_bytes(again.documents.get().content) == b"noi dung don"
    monkeypatch.setenv("DOINGOAI_PROTECTION_KEYS", stranger)  # a wrong key: a clear error
    with pytest.raises(KeyProblem, match="key is wrong or missing"):
        ProtectionCase.objects.get(pk=case.pk)
    monkeypatch.setenv("DOINGOAI_PROTECTION_KEYS", "not-a-key")
    with pytest.raises(KeyProblem, match="not a Fernet key"):
        ProtectionCase.objects.get(pk=case.pk)


def _page(response) -> str:
    """The page without what differs on every answer (CSP nonces, CSRF tokens)."""
    import re

    return re.sub(r'(nonce|value|content)="[^"]*"', "", response.content.decode())


def test_refused_attempts_are_logged_and_tell_the_asker_nothing(
    case, hanoi_handler, world, login, verified
):
    """A non-handler opening a case URL gets the same 404 as for an id that is no case;
    the attempt (who, when, address, case id, part) is in the access log."""
    client = login("daklak")  # an editor of the case's own unit, named on nothing
    missing = ProtectionCase.objects.order_by("-pk").first().pk + 1000
    refused = client.get(case.get_absolute_url(), REMOTE_ADDR="10.9.8.7")
    nothing = client.get(f"/cases/{missing}/", REMOTE_ADDR="10.9.8.7")
    assert refused.status_code == nothing.status_code == 404
    assert _page(refused) == _page(nothing)  # nothing tells a case is there
    assert (
        client.post(
            reverse("cases_action_add", args=[case.pk]), {"date": "2024-05-01", "note": "x"}
        ).status_code
        == 404
    )
    assert client.get(reverse("cases_break_glass", args=[case.pk])).status_code == 404
    daklak = world.user("daklak")
    entries = CaseAccess.objects.filter(verb="refused").order_by("pk")
    assert [(e.case_id, e.asked_id, e.part, e.user, e.address) for e in entries] == [
        (case.pk, case.pk, "case", daklak, "10.9.8.7"),
        (None, missing, "case", daklak, "10.9.8.7"),
        (case.pk, case.pk, "action", daklak, "127.0.0.1"),
        (case.pk, case.pk, "break_glass", daklak, "127.0.0.1"),
    ]
    assert not case.actions.filter(note="x").exists()
    # the system admin's access log shows them, a case at a time too
    admin = world.user("admin")
    TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    admin_client = verified(admin)
    page = admin_client.get("/cases/log/").content.decode()
    assert "bị từ chối" in page and f"#{missing}" in page and "không có vụ việc này" in page
    assert PLANTED_NAME not in page
    one = admin_client.get("/cases/log/", {"case": case.pk}).content.decode()
    assert one.count('class="refused"') == 3
    # a break-glass reader trying to change the case is refused (403) and logged
    admin_client.post(
        reverse("cases_break_glass", args=[case.pk]), {"reason": "Kiểm tra theo yêu cầu"}
    )
    assert admin_client.get(reverse("cases_edit", args=[case.pk])).status_code == 403
    assert CaseAccess.objects.filter(verb="refused", part="edit", user=admin).count() == 1
    # the handlers see who tried on their case
    handler_page = verified(hanoi_handler).get(case.get_absolute_url()).content.decode()
    assert handler_page.count('class="refused"') == 4


def test_a_handler_asking_for_a_document_of_another_case_is_refused(
    case, hanoi_handler, world, verified
):
    other = make_case(world.hanoi)
    doc = other.documents.get()
    client = verified(hanoi_handler)
    got = client.get(reverse("cases_document", args=[case.pk, doc.pk]))
    assert got.status_code == 404
    entry = CaseAccess.objects.get(verb="refused")
    assert (entry.case, entry.part, entry.detail) == (case, "document", f"#{doc.pk}")


def test_a_backup_of_the_database_holds_no_plaintext(transactional_db, world, tmp_path):
    """What leaves the machine: ``doingoai backup``'s copy of the database file (SQLite)
    and a plain SQL dump (pg_dump on PostgreSQL, SQLite's dump) hold no planted name,
    phone number, summary, note or document, in any encoding."""
    import subprocess
    import tarfile

    from django.core.management import call_command
    from tests.protection.helpers import handler

    from doingoai.core import backup
    from doingoai.protection import services

    someone = handler(world.daklak, "backup_handler")
    case = make_case(world.daklak, handlers=[someone])
    services.action_add(
        case=case,
        acting_user=someone,
        date=dt.date(2024, 5, 1),
        kind="police",
        note="Ghi chú bí mật XYZ",
    )
    upload = SimpleUploadedFile("giay-to-bi-mat.txt", b"NOI DUNG BI MAT")
    services.document_add(case=case, acting_user=someone, upload=upload)
    path = tmp_path / "sao-luu.tar.gz"
    call_command(
        "backup", str(path), stdout=__import__("io").StringIO(), stderr=__import__("io").StringIO()
    )
    with tarfile.open(path) as tar:
        copies = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    database = [v for k, v in copies.items() if k.startswith("database.")]
    assert len(database) == 1
    dumps = [database[0]]
    if connection.vendor == "sqlite":
        assert case.number.encode() in database[0]  # the file holds the case itself
    if connection.vendor == "postgresql":
        done = subprocess.run(
            ["pg_dump", "--format=plain", "--no-owner", *backup._pg_args()],
            env=backup._pg_env(),
            capture_output=True,
            check=True,
        )
        dumps.append(done.stdout)
    else:
        dumps.append("\n".join(connection.connection.iterdump()).encode())
    assert case.number.encode() in dumps[-1]  # the dump holds the case itself
    for secret in (
        PLANTED_NAME,
        PLANTED_PHONE,
        PLANTED_SUMMARY,
        "Ghi chú bí mật XYZ",
        "Hà Khẩu",
        "giay-to-bi-mat",
        "NOI DUNG BI MAT",
    ):
        for encoding in ("utf-8", "utf-16-le"):
            for dump in dumps:
                assert secret.encode(encoding) not in dump, secret
