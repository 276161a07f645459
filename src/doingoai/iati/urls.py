from django.urls import path

from . import views

urlpatterns = [path("export/", views.export_page, name="iati_export")]
