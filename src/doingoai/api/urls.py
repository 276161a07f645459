"""Included by the project's urls.py at ``api/v1/``; built when URLs load, so every
kind registered by then has its endpoints."""

# set before building: a kind module may load the root URLconf while we build, and
# Django's include() reads app_name at that moment (urlpatterns are read later)
app_name = "api-v1"

from .api import build_api, urlpatterns_of  # noqa: E402

api = build_api()
assert api.urls_namespace == app_name
urlpatterns, _app, _namespace = urlpatterns_of(api)
