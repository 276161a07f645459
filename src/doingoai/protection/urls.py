from django.urls import path

from . import views

urlpatterns = [
    path("", views.case_list, name="cases_list"),
    path("add/", views.case_add, name="cases_add"),
    path("log/", views.access_log, name="cases_access_log"),
    path("verify/", views.verify, name="cases_verify"),
    path("2fa/", views.setup, name="cases_2fa_setup"),
    path("<int:pk>/", views.case_detail, name="cases_detail"),
    path("<int:pk>/edit/", views.case_edit, name="cases_edit"),
    path("<int:pk>/actions/", views.action_add, name="cases_action_add"),
    path("<int:pk>/documents/", views.document_add, name="cases_document_add"),
    path("<int:pk>/documents/<int:doc_pk>/", views.document_download, name="cases_document"),
    path("<int:pk>/break-glass/", views.break_glass, name="cases_break_glass"),
]
