"""Every API error is JSON: a machine-readable ``code``, a human ``message`` and,
for validation, the ``errors`` naming each field."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError


class ApiError(Exception):
    def __init__(self, status: int, code: str, message, errors=None):
        super().__init__(str(message))
        self.status = status
        self.code = code
        self.message = str(message)
        self.errors = [
            {"field": e.get("field"), "message": str(e["message"])} for e in errors or []
        ]
        self.headers: dict[str, str] = {}


def form_errors(form) -> list[dict]:
    out = []
    for field, errors in form.errors.as_data().items():
        for error in errors:
            for message in error.messages:
                out.append({"field": None if field == "__all__" else field, "message": message})
    return out


def _loc_field(loc) -> str | None:
    parts = [str(p) for p in loc if not isinstance(p, int)]
    parts = [p for p in parts if p not in ("body", "payload", "query", "path", "header")]
    return ".".join(parts) or None


def install(api):
    def respond(request, status, code, message, errors=(), headers=None):
        response = api.create_response(
            request,
            {"code": code, "message": str(message), "errors": list(errors)},
            status=status,
        )
        for key, value in (headers or {}).items():
            response[key] = value
        return response

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.status, exc.code, exc.message, exc.errors, exc.headers)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = []
        for err in exc.errors:
            field = _loc_field(err.get("loc", ()))
            errors.append({"field": field, "message": str(err.get("msg", ""))})
        message = _("Some values are invalid.")
        if errors:
            first = errors[0]
            message = f"{message} {first['field'] or ''}: {first['message']}".strip()
        return respond(request, 422, "validation_error", message, errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        message = (
            exc.message
            if getattr(exc, "message", None) not in (None, "Unauthorized")
            else _("Authentication required: send “Authorization: Bearer <token>”.")
        )
        return respond(
            request,
            401,
            "unauthenticated",
            message,
            headers={"WWW-Authenticate": 'Bearer realm="doingoai"'},
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, "not_found", _("Not found."))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        codes = {
            400: "bad_request",
            403: "forbidden",
            404: "not_found",
            405: "not_allowed",
            429: "throttled",
        }
        return respond(
            request,
            exc.status_code,
            codes.get(exc.status_code, "error"),
            exc.message if hasattr(exc, "message") else str(exc),
        )

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        return respond(
            request,
            413,
            "too_large",
            _("The request body is larger than %(limit).0f MB.") % {"limit": limit},
        )

    @api.exception_handler(SuspiciousOperation)
    def bad_request(request, exc):
        return respond(request, 400, "bad_request", _("The request cannot be read."))
