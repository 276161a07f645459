"""The protection cases' encryption at rest: Fernet (AES-128-CBC + HMAC-SHA256, from the
``cryptography`` package) with several keys (``MultiFernet``): the first encrypts, every
one decrypts, so a new key is put first, ``doingoai protection_rotate_key`` re-encrypts
every case with it, and the old one is then removed.

The keys never live in the database or the repository. They come from
``DOINGOAI_PROTECTION_KEYS`` (comma-separated, newest first) or from the file named by
``DOINGOAI_PROTECTION_KEY_FILE`` (one key a line, newest first). Without either, a
development or test run keeps a generated key in ``var/protection.key``; production
(DEBUG off, outside the tests) refuses to start."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"  # marks an encrypted value in the database


class KeyProblem(ImproperlyConfigured):
    """The configured keys cannot decrypt what the database holds (or are unusable)."""


def _configured_keys() -> list[str]:
    keys = os.environ.get("DOINGOAI_PROTECTION_KEYS", "")
    if keys.strip():
        return [k.strip() for k in keys.split(",") if k.strip()]
    path = os.environ.get("DOINGOAI_PROTECTION_KEY_FILE", "")
    if path:
        try:
            text = Path(path).read_text()
        except OSError as exc:
            raise KeyProblem(
                f"DOINGOAI_PROTECTION_KEY_FILE={path}: the key file cannot be read ({exc})."
            ) from exc
        return [line.strip() for line in text.splitlines() if line.strip()]
    return []


def _development() -> bool:
    return settings.DEBUG or "pytest" in sys.modules


def _development_key() -> list[str]:
    path = Path(settings.VAR_DIR) / "protection.key"
    if not path.exists():
        path.write_text(Fernet.generate_key().decode() + "\n")
        path.chmod(0o600)
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def keys() -> list[str]:
    found = _configured_keys()
    if found:
        return found
    if _development():
        return _development_key()
    raise KeyProblem(
        "No key for the protection cases: set DOINGOAI_PROTECTION_KEYS (Fernet keys, "
        "newest first) or DOINGOAI_PROTECTION_KEY_FILE. Generate one with "
        "`doingoai protection_new_key`. doingoai does not start without it in production."
    )


@lru_cache(maxsize=4)
def _fernet(key_tuple: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in key_tuple])
    except (ValueError, TypeError) as exc:
        raise KeyProblem(
            "A protection key is not a Fernet key (32 url-safe base64-encoded bytes); "
            "generate one with `doingoai protection_new_key`."
        ) from exc


def fernet() -> MultiFernet:
    return _fernet(tuple(keys()))


SERVING_COMMANDS = {"serve", "runserver", "db_worker"}


def serving() -> bool:
    """Is this process starting to serve (``doingoai serve``, its gunicorn workers,
    ``runserver``, the task worker)? Other commands (migrate, check) start without a key
    and fail only if they touch a case."""
    return "gunicorn" in sys.modules or bool(set(sys.argv[1:2]) & SERVING_COMMANDS)


def check_configured() -> None:
    """At start-up of a server: the keys are there and usable, or a clear refusal."""
    if serving() or _configured_keys():
        fernet()


def encrypt(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    if not value.startswith(PREFIX):
        raise KeyProblem("A protection case field is stored without encryption.")
    try:
        return fernet().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise KeyProblem(
            "The protection keys cannot decrypt the cases: the key is wrong or missing "
            "(DOINGOAI_PROTECTION_KEYS / DOINGOAI_PROTECTION_KEY_FILE). Nothing was shown."
        ) from exc


def encrypt_bytes(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt_bytes(data: bytes) -> bytes:
    try:
        return fernet().decrypt(bytes(data))
    except InvalidToken as exc:
        raise KeyProblem("The protection keys cannot decrypt this document.") from exc


def rotate(value: str) -> str:
    """``value`` encrypted again with the first key (any configured key decrypts it)."""
    if not value:
        return value
    token = fernet().rotate(value[len(PREFIX) :].encode())
    return PREFIX + token.decode()


def rotate_bytes(data: bytes) -> bytes:
    return fernet().rotate(bytes(data))
