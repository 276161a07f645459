from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="import_index"),
    path("run-here/<slug:token>/", views.run_here, name="import_run_here"),
    path("<slug:kind>/", views.upload, name="import_upload"),
    path("<slug:kind>/template.xlsx", views.template_download, name="import_template"),
    path("<slug:kind>/preview/<slug:token>/", views.preview, name="import_preview"),
    path("<slug:kind>/confirm/", views.confirm, name="import_confirm"),
    path("<slug:kind>/import/<slug:token>/", views.result, name="import_result"),
]
