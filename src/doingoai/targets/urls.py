from django.urls import path

from . import views

urlpatterns = [
    path("", views.targets, name="targets"),
    path("add/", views.target_add, name="target_add"),
    path("<int:pk>/delete/", views.target_remove, name="target_delete"),
    path("export.xlsx", views.targets_export, name="targets_export"),
]
