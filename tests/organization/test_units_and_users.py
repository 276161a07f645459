"""The unit tree from the official lists, historical provinces rolling up, terms, and unit
admins managing the users of their subtree."""

import datetime as dt

from django.core.management import call_command
from django.urls import reverse

from doingoai.agreements.models import Agreement
from doingoai.core.samples import make
from doingoai.organization.models import Term, Unit, User


def test_the_34_provinces_of_today_and_63_before_2025(world):
    today = Unit.objects.filter(level="province", valid_to__isnull=True)
    before = Unit.objects.filter(level="province", valid_to=dt.date(2025, 6, 30))
    assert today.count() == 34
    assert before.count() == 63
    assert today.get(code="66").area_name == "Đắk Lắk"
    # every old province rolls up into a province of today
    assert not before.filter(successor__isnull=True).exists()
    assert world.phu_yen.current_unit() == world.daklak


def test_record_made_under_phu_yen_is_seen_by_todays_dak_lak(world):
    old = make("agreements", world.phu_yen, signed_date=dt.date(2023, 5, 1))
    assert old.unit == world.phu_yen  # it keeps the unit it was made under
    assert Agreement.objects.restrict(world.user("daklak")).filter(pk=old.pk).exists()
    assert not Agreement.objects.restrict(world.user("hanoi")).filter(pk=old.pk).exists()


def test_communes_load_by_command_with_progress(world, capsys):
    call_command("load_communes", "Hà Nội")
    communes = Unit.objects.filter(level="commune", parent=world.hanoi)
    assert communes.count() == 126
    assert communes.filter(path__startswith=world.hanoi.path).count() == 126
    assert "Hà Nội" in capsys.readouterr().err  # progress on stderr


def test_congress_terms_and_their_years(world):
    xiii = Term.objects.get(name="XIII")
    assert xiii.years == [2022, 2023, 2024, 2025, 2026, 2027]
    assert Term.current(dt.date(2024, 6, 25)) == xiii
    assert list(Term.objects.values_list("name", flat=True)) == ["XII", "XIII", "XIV"]


def test_unit_admin_manages_users_of_her_subtree_only(world, client):
    admin = make("users", world.daklak, role="unit_admin")
    client.force_login(admin)
    commune = make("units", world.daklak)
    data = {
        "username": "xa_ea_kao",
        "full_name": "Cán bộ xã",
        "unit": commune.pk,
        "role": "editor",
        "is_active": "on",
        "password": "Mot-mat-khau-dai-42",
    }
    assert client.post(reverse("users_add"), data).status_code == 302
    assert User.objects.get(username="xa_ea_kao").unit == commune
    # not in another province, and never a system admin
    response = client.post(reverse("users_add"), {**data, "username": "hn", "unit": world.hanoi.pk})
    assert response.status_code == 400 and not User.objects.filter(username="hn").exists()
    response = client.post(
        reverse("users_add"), {**data, "username": "boss", "role": "system_admin"}
    )
    assert response.status_code == 400 and not User.objects.filter(username="boss").exists()
    # Hà Nội's users are not even visible
    hanoi_user = world.user("hanoi")
    assert client.get(reverse("users_detail", args=[hanoi_user.pk])).status_code == 404


def test_django_admin_site_is_for_system_admins_only(world, login):
    assert login("admin").get("/admin/").status_code == 200
    response = login("daklak_lead").get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
