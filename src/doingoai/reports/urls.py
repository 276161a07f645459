from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("reports/", views.index, name="reports_index"),
    path("reports/unit/<int:pk>/", views.unit_report, name="reports_unit"),
    path("reports/agreement/<int:pk>/", views.agreement_report, name="reports_agreement"),
    path("reports/world.geojson", views.world, name="reports_world"),
]
