"""``doingoai protection_rotate_key``: re-encrypt every protection case with the first key.

Rotation: generate a key (``protection_new_key``), put it first in
DOINGOAI_PROTECTION_KEYS (or the key file) keeping the old one after it, run this
command, then remove the old key."""

from django.core.management.base import BaseCommand, CommandError

from doingoai.core.progress import Progress
from doingoai.protection.crypto import KeyProblem, keys
from doingoai.protection.services import rotate_keys


class Command(BaseCommand):
    help = "Re-encrypt every protection case, action, document and reason with the first key."

    def handle(self, *args, **opts):
        try:
            n_keys = len(keys())
            with Progress("re-encrypting", stream=self.stderr) as bar:
                done = rotate_keys(progress=bar)
        except KeyProblem as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{done} rows re-encrypted with the first of {n_keys} keys.")
