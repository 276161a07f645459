from django.urls import path

from . import upload, views

urlpatterns = [
    path("export/", views.export_page, name="iati_export"),
    path("import/", upload.upload, name="iati_import"),
    path("import/confirm/", upload.confirm, name="iati_import_confirm"),
    path("import/<slug:token>/", upload.preview, name="iati_import_preview"),
]
