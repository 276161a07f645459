"""The site's URLs: the framework's (every record kind's pages, generated from the
registry) and each feature app's own pages."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from doingoai.organization.views import PasswordResetConfirmView, PasswordResetView

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # a forgotten password: a link by email (through the configured mailer), valid for
    # PASSWORD_RESET_TIMEOUT; the answer is the same whether the address is known or not
    path(
        "accounts/password/reset/",
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("doingoai.api.urls")),
    path("profile/tokens/", include("doingoai.api.token_urls")),
    path("", include("doingoai.organization.urls")),
    path("", include("doingoai.reports.urls")),
    path("", include("doingoai.search.urls")),
    path("targets/", include("doingoai.targets.urls")),
    path("reminders/", include("doingoai.reminders.urls")),
    path("calendar/", include("doingoai.reminders.calendar_urls")),
    path("import/", include("doingoai.imports.urls")),
    path("iati/", include("doingoai.iati.urls")),
    path("cases/", include("doingoai.protection.urls")),
    path("", include("doingoai.core.urls")),
]
