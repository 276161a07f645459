"""The dashboard's words (issue 17): "1 item", not "1 items"; money axes say "bn"/"mn"
in English and "tỷ"/"tr" in Vietnamese (dashboard.js formats them with Vietnamese
separators: "2,5 tỷ")."""

import json
import re

from django.conf import settings
from django.urls import reverse


def dashboard(client, world, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get("/", {"unit": world.daklak.pk, "term": "XIII"}).content.decode()


def test_one_item_is_singular_and_axis_words_follow_the_language(world, login):
    client = login("daklak")
    response = client.post(
        reverse("resources_add"),
        {
            "title": "Một khoản",
            "direction": "received",
            "kind": "cash",
            "quantity": "1",
            "unit_value": "2,5 tỷ",
            "currency": "VND",
            "date": "15/01/2024",
            "stage": "disbursed",
            "unit": world.daklak.pk,
        },
    )
    assert response.status_code == 302
    english = dashboard(client, world, "en")
    assert "1 item<" in english and "1 items" not in english
    labels = json.loads(
        re.search(r'id="dashboard-data"[^>]*>(.*?)</script>', english, re.S).group(1)
    )["labels"]
    assert (labels["billion"], labels["million"]) == ("bn", "mn")
    vietnamese = dashboard(client, world, "vi")
    assert "1 khoản" in vietnamese
    labels = json.loads(
        re.search(r'id="dashboard-data"[^>]*>(.*?)</script>', vietnamese, re.S).group(1)
    )["labels"]
    assert (labels["billion"], labels["million"]) == ("tỷ", "tr")
