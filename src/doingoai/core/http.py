"""Answers for one reader stay with that reader: no shared cache or browser keeps them."""

from __future__ import annotations

from django.utils.cache import patch_cache_control


class PrivateAnswersMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a signed-in reader (pages,
    exports, reports) and every API answer, unless the view chose its own caching (the
    public world map)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            patch_cache_control(response, private=True, no_store=True)
        return response
