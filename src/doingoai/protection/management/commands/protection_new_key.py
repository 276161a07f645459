"""``doingoai protection_new_key``: print a new Fernet key for the protection cases."""

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new key for the protection cases (put it FIRST in DOINGOAI_PROTECTION_KEYS)."
    requires_system_checks = []

    def handle(self, *args, **opts):
        self.stdout.write(Fernet.generate_key().decode())
