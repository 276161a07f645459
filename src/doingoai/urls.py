from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog  # noqa: F401

from doingoai.core import views as core_views
from doingoai.core.registry import REGISTRY  # noqa: F401
from doingoai.core.urls import kinds_loaded

kinds_loaded()

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("attachments/<int:pk>/", core_views.attachment_download, name="attachment_download"),
    path(
        "attachments/<int:pk>/thumbnail/",
        core_views.attachment_download,
        {"thumb": True},
        name="attachment_thumbnail",
    ),
    path(
        "attachments/<int:pk>/delete/", core_views.attachment_delete, name="attachment_delete"
    ),
    path("api/v1/", include("doingoai.api.urls")),
    path("", include("doingoai.api.pages")),
    path("", include("doingoai.reports.urls")),
    path("import/", include("doingoai.core.import_urls")),
    path("", include("doingoai.core.urls")),
    *core_views.kind_urlpatterns(),
]
