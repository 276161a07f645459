"""The API answers JSON for a body it cannot take: 413 for one too large."""

from __future__ import annotations


def test_a_25_mb_body_answers_json_413(world, api, client, token, settings):
    body = '{"title": "' + "x" * (25 * 1024 * 1024) + '"}'
    response = client.post(
        "/api/v1/activities/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token('daklak')}"},
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "too_large"
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    assert str(limit) in response.json()["message"]
