"""HTTPS settings for a deployment, and answers for one reader kept private."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.urls import reverse

DEPLOY_WARNINGS = ("security.W004", "security.W008", "security.W012", "security.W016")


def _check_deploy(**env) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "doingoai.cli", "check", "--deploy"],
        env={**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 60, **env},
        capture_output=True,
        text=True,
    )
    return done.stdout + done.stderr


@pytest.mark.once
def test_https_setting_turns_on_hsts_redirect_and_secure_cookies():
    plain = _check_deploy(HTTPS="0")
    assert all(w in plain for w in DEPLOY_WARNINGS), plain
    https = _check_deploy(HTTPS="1")
    assert not any(w in https for w in DEPLOY_WARNINGS), https


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("dashboard"),
        lambda w: reverse("partners_list"),
        lambda w: reverse("partners_export", args=["xlsx"]),
        lambda w: reverse("partners_export", args=["csv"]),
        lambda w: reverse("reports_unit", args=[w.daklak.pk]) + "?format=xlsx",
    ],
)
def test_pages_and_exports_of_a_reader_are_not_stored(url, world, login):
    response = login("daklak").get(url(world))
    assert response.status_code == 200
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache


def test_api_answers_are_not_stored(world, client):
    from doingoai.api.models import ApiToken

    _token, secret = ApiToken.issue(world.user("daklak"), "t")
    response = client.get("/api/v1/partners/", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "no-store" in client.get("/api/v1/partners/")["Cache-Control"]  # 401 too
