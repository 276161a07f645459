from importlib import import_module

from django.apps import apps
from django.urls import path

from . import pages, pickers, search


def kinds_loaded():
    """Import every app's ``kinds`` module so its record kinds are registered."""
    for config in apps.get_app_configs():
        if config.name.startswith("doingoai."):
            try:
                import_module(f"{config.name}.kinds")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.kinds":
                    raise


urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("healthz", pages.healthz, name="healthz"),
    path("pick/<slug:slug>/", pickers.pick, name="pick"),
    *search.urlpatterns,
]
