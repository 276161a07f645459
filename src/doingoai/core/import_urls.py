from django.urls import path

from . import import_views

urlpatterns = [
    path("", import_views.index, name="import_index"),
    path("<slug:kind>/", import_views.upload, name="import_upload"),
    path("<slug:kind>/template.xlsx", import_views.template_download, name="import_template"),
    path("<slug:kind>/confirm/", import_views.confirm, name="import_confirm"),
]
