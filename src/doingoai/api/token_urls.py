"""Her API tokens' page (the API itself is ``api/urls.py``)."""

from django.urls import path

from .views import token_list, token_revoke

urlpatterns = [
    path("", token_list, name="api_tokens"),
    path("<int:pk>/revoke/", token_revoke, name="api_token_revoke"),
]
