"""The profile page's token actions (the API itself is ``api/urls.py``)."""

from django.urls import path

from .views import token_create, token_revoke

urlpatterns = [
    path("", token_create, name="api_token_create"),
    path("<int:pk>/revoke/", token_revoke, name="api_token_revoke"),
]
