"""The /api/v1/ API, assembled from the record-kind registry when URLs load."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.utils import translation
from ninja import NinjaAPI

from doingoai.core.registry import REGISTRY

from . import errors
from .auth import session_auth, token_auth
from .crud import kind_router

DESCRIPTION = """Every record kind of doingoai: list (filters, `ordering`, `limit`/`offset`),
read, create, replace (PUT), update (PATCH) and delete, in the scope of the calling user.

Authenticate with a personal token (`Authorization: Bearer dgo_...`, made on your profile
page or with `doingoai api_token USERNAME`). Updates need the version you read: send
`If-Match: "<version>"` (the `ETag` of the read) or a `version` field; a stale one answers
412 / 409 and changes nothing. Errors are JSON: `{"code", "message", "errors": [{"field",
"message"}]}`."""


class API(NinjaAPI):
    """The schema of every operation, worked out once per process, path prefix and
    language (several seconds for the hundred and more operations of the registry's
    kinds; the operations do not change while the process runs). Callers read it and do
    not change it."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        key = (path_prefix, translation.get_language())
        kept = self.__dict__.setdefault("_schemas", {})
        if key not in kept:
            kept[key] = super().get_openapi_schema(path_prefix=path_prefix)
        return kept[key]


def build_api() -> NinjaAPI:
    api = API(
        title="doingoai API",
        version="1",
        description=DESCRIPTION,
        auth=[token_auth, session_auth],
        urls_namespace="api-v1",
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    errors.install(api)
    with translation.override("en"):  # operation summaries are English, like the code
        for slug in sorted(REGISTRY):
            kind = REGISTRY[slug]
            if kind.api:
                api.add_router("", kind_router(kind, api))
    return api


def urlpatterns_of(api: NinjaAPI):
    """The API's URL patterns, opened to the world: the API does its own auth."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = login_not_required(pattern.callback)
    return patterns, app_name, namespace
