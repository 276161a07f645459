"""The framework's URLs: every registered kind's pages (generated from the registry),
attachments, type-ahead pickers and the health check."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import path

from . import pickers, views


@login_not_required
def healthz(request):
    return JsonResponse({"ok": True})


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("pick/<slug:slug>/", pickers.pick, name="pick"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path(
        "attachments/<int:pk>/thumbnail/",
        views.attachment_download,
        {"thumb": True},
        name="attachment_thumbnail",
    ),
    path("attachments/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
    *views.kind_urlpatterns(),
]
