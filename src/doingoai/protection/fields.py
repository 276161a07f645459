"""A text field stored encrypted (``crypto``): the database holds only the token."""

from __future__ import annotations

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Plain text in Python, a Fernet token in the database. It cannot be filtered on
    (each encryption of the same text differs): cases are found by number or id."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))
