"""Fixtures of the API tests: tokens of the demo users, a JSON client."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def token(world):
    from doingoai.api.models import ApiToken

    made = {}

    def for_user(username):
        if username not in made:
            made[username] = ApiToken.issue(world.user(username), "test")[1]
        return made[username]

    return for_user


class Api:
    """A thin JSON client: ``api.get(url, as_="daklak")`` returns the response."""

    def __init__(self, client, token):
        self.client = client
        self.token = token

    def call(self, method, url, data=None, *, as_=None, headers=None, **params):
        headers = dict(headers or {})
        if as_:
            headers["Authorization"] = f"Bearer {self.token(as_)}"
        kwargs = {"headers": headers}
        if data is not None:
            kwargs["data"] = json.dumps(data, default=str)
            kwargs["content_type"] = "application/json"
        elif params:
            kwargs["data"] = params
        return getattr(self.client, method)(url, **kwargs)

    def get(self, url, **kw):
        return self.call("get", url, **kw)

    def post(self, url, data, **kw):
        return self.call("post", url, data, **kw)

    def put(self, url, data, **kw):
        return self.call("put", url, data, **kw)

    def patch(self, url, data, **kw):
        return self.call("patch", url, data, **kw)

    def delete(self, url, **kw):
        return self.call("delete", url, **kw)


@pytest.fixture
def api(client, token):
    return Api(client, token)
