"""Personal tokens (profile page and command line), session auth with CSRF, and the
self-description of the API."""

from __future__ import annotations

import io

from django.core.management import call_command
from django.test import Client
from django.utils.timezone import localtime

from doingoai.api.models import ApiToken, hash_secret


def test_api_token_command_prints_a_working_token(world, client):
    out = io.StringIO()
    call_command("api_token", "daklak", "--name", "báo cáo", stdout=out, stderr=io.StringIO())
    text = out.getvalue().strip()
    assert text.startswith("dgo_")
    token = ApiToken.objects.get(user=world.user("daklak"))
    assert token.name == "báo cáo"
    assert 364 <= (token.expires - token.created).days <= 365  # a year by default
    assert text not in token.secret_hash and token.secret_hash == hash_secret(text.split("_", 2)[2])
    response = client.get("/api/v1/partners/", headers={"Authorization": f"Bearer {text}"})
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    token.revoke()
    response = client.get("/api/v1/partners/", headers={"Authorization": f"Bearer {text}"})
    assert response.status_code == 401


def test_api_token_command_refuses_unknown_user(world):
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("api_token", "nobody-here", stdout=io.StringIO())


def test_tokens_page_creates_shows_once_lists_and_revokes(world, login):
    client = login("daklak")
    profile = client.get("/profile/").content.decode()
    assert 'href="/profile/tokens/"' in profile  # the profile page leads to her tokens
    page = client.get("/profile/tokens/")
    assert page.status_code == 200
    response = client.post("/profile/tokens/", {"name": "kịch bản", "days": "90"})
    assert response.status_code == 302
    shown = client.get("/profile/tokens/").content.decode()
    token = ApiToken.objects.get(user=world.user("daklak"))
    assert 89 <= (token.expires - token.created).days <= 90
    start = shown.index('data-testid="new-token">') + len('data-testid="new-token">')
    text = shown[start : shown.index("</code>", start)]
    assert text.startswith(f"dgo_{token.prefix}_")
    assert token.secret_hash == hash_secret(text.split("_", 2)[2])
    listed = client.get("/profile/tokens/").content.decode()
    assert text not in listed  # shown once
    row = listed[listed.index(f'data-token="{token.prefix}"') :]
    row = row[: row.index("</tr>")]
    assert "kịch bản" in row and "chưa bao giờ" in row  # never used yet
    # the page shows the day in Vietnam's time (UTC+7), not the stored UTC one
    assert localtime(token.expires).strftime("%d/%m/%Y") in row
    api = Client()
    assert (
        api.get("/api/v1/partners/", headers={"Authorization": f"Bearer {text}"}).status_code == 200
    )
    listed = client.get("/profile/tokens/").content.decode()
    row = listed[listed.index(f'data-token="{token.prefix}"') :]
    assert "chưa bao giờ" not in row[: row.index("</tr>")]  # its last use is shown
    # another user neither sees nor revokes it
    other = login("hanoi")
    assert token.prefix not in other.get("/profile/tokens/").content.decode()
    assert other.post(f"/profile/tokens/{token.pk}/revoke/").status_code == 404
    client = login("daklak")
    assert client.post(f"/profile/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
    assert (
        api.get("/api/v1/partners/", headers={"Authorization": f"Bearer {text}"}).status_code == 401
    )


def test_token_lifetime_is_chosen_among_the_offered_ones(world, login):
    client = login("daklak")
    response = client.post("/profile/tokens/", {"name": "x", "days": "100000"})
    assert response.status_code == 400
    assert "Hãy chọn" in response.content.decode()  # Django's "select a valid choice"
    assert not ApiToken.objects.filter(user=world.user("daklak")).exists()
    client.post("/profile/tokens/", {"name": "mặc định"})
    token = ApiToken.objects.get(user=world.user("daklak"))
    assert 364 <= (token.expires - token.created).days <= 365  # a year unless chosen


def test_an_expired_token_is_refused_with_its_date(world, client):
    import datetime as dt

    from django.utils import timezone

    token, text = ApiToken.issue(world.user("daklak"), "cũ", days=30)
    auth = {"Authorization": f"Bearer {text}"}
    assert client.get("/api/v1/partners/", headers=auth).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires=timezone.now() - dt.timedelta(minutes=1))
    response = client.get("/api/v1/partners/", headers=auth)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == "unauthenticated"
    assert "hết hạn" in body["message"] and "/profile/tokens/" in body["message"]
    token.refresh_from_db()
    assert f"{timezone.localtime(token.expires):%d/%m/%Y}" in body["message"]
    # a wrong token is refused without saying whether it ever existed
    wrong = client.get("/api/v1/partners/", headers={"Authorization": f"Bearer {text}x"})
    assert wrong.status_code == 401 and "hết hạn" not in wrong.json()["message"]


def test_api_token_command_takes_a_lifetime(world):
    import pytest
    from django.core.management import CommandError

    call_command("api_token", "daklak", "--days", "7", stdout=io.StringIO(), stderr=io.StringIO())
    token = ApiToken.objects.get(user=world.user("daklak"))
    assert 6 <= (token.expires - token.created).days <= 7
    with pytest.raises(CommandError, match="--days"):
        call_command("api_token", "daklak", "--days", "0", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--days"):
        call_command("api_token", "daklak", "--days", "5000", stdout=io.StringIO())


def test_session_auth_needs_csrf_for_changes(world):
    from doingoai.core.samples import make

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("daklak"))
    partner = make("partners", world.daklak)
    assert client.get(f"/api/v1/partners/{partner.pk}/").status_code == 200
    response = client.patch(
        f"/api/v1/partners/{partner.pk}/",
        '{"notes": "x"}',
        content_type="application/json",
        headers={"If-Match": f'"{partner.version}"'},
    )
    assert response.status_code == 403
    client.get("/profile/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = client.patch(
        f"/api/v1/partners/{partner.pk}/",
        '{"notes": "x"}',
        content_type="application/json",
        headers={"If-Match": f'"{partner.version}"', "X-CSRFToken": csrf},
    )
    assert response.status_code == 200, response.content
    partner.refresh_from_db()
    assert partner.notes == "x"


def test_history_records_the_token_user(world, api):
    from doingoai.core.samples import make

    partner = make("partners", world.daklak)
    response = api.patch(
        f"/api/v1/partners/{partner.pk}/",
        {"notes": "qua API"},
        as_="daklak",
        headers={"If-Match": f'"{partner.version}"'},
    )
    assert response.status_code == 200
    assert partner.history.first().history_user == world.user("daklak")


def test_openapi_and_docs_work_offline(client, world):
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    assert "/api/v1/partners/" in paths and "/api/v1/agreements/{pk}/" in paths
    assert "/api/v1/users/" not in paths  # declared with api = False
    schemes = spec.json()["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_list_filters_through_the_kinds_filterset(world, api):
    from doingoai.core.samples import make

    lao = make(
        "partners",
        world.daklak,
        country="LA",
        subdivision="LA-CH",
        name_vi="Hội Liên hiệp Phụ nữ tỉnh Chămpasăk",
        name_en="",
        aliases=[],
    )
    thai = make("partners", world.daklak, country="TH", subdivision="")
    response = api.get("/api/v1/partners/", as_="daklak", country="TH", limit=500)
    ids = [r["id"] for r in response.json()["results"]]
    assert thai.pk in ids and lao.pk not in ids
    response = api.get("/api/v1/partners/", as_="daklak", q="champasak")
    ids = [r["id"] for r in response.json()["results"]]
    assert lao.pk in ids and thai.pk not in ids
    response = api.get("/api/v1/partners/", as_="daklak", country="XX")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "country"


def test_pagination_and_ordering(world, api):
    from doingoai.core.samples import make

    made = [make("terms", world.daklak) for _ in range(3)]
    first = api.get("/api/v1/terms/", as_="daklak", ordering="-number", limit=2).json()
    assert first["count"] >= 3 and len(first["results"]) == 2
    assert first["results"][0]["id"] == made[-1].pk
    assert first["next"] and first["previous"] is None
    second = api.get(first["next"], as_="daklak").json()
    assert second["previous"]
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
