"""A fingerprint of the installed release, read when the settings load."""

from __future__ import annotations

import hashlib
from pathlib import Path


def fingerprint(root: Path) -> str:
    """A digest of every file under ``root`` (code, templates, translations, static
    files; compiled bytecode left out): it changes with any change a deploy brings.
    Cache keys carry it, so pages and figures rendered by an earlier release are not
    served by this one. About 20 ms for the package."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.hexdigest()[:12]
