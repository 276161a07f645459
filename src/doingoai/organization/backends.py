"""Signing in with a username and password, the signed-in user read with her unit.

Every page asks for the reader's unit (her scope, whether she reads the whole tree): read
with the user in one statement (a join on its primary key) instead of a second one the
first time a request asks. ``django.contrib.auth.backends.ModelBackend`` stays listed
after this one in ``AUTHENTICATION_BACKENDS``: sessions begun before it was added name
that backend and stay signed in."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UnitModelBackend(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("unit")
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
