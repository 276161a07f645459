from django.urls import path

from . import pages, pickers, search
from .registry import import_app_modules


def kinds_loaded():
    """Import every app's ``kinds`` module so its record kinds are registered."""
    import_app_modules("kinds")


urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("healthz", pages.healthz, name="healthz"),
    path("pick/<slug:slug>/", pickers.pick, name="pick"),
    *search.urlpatterns,
]
