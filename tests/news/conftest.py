"""Make ``doingoai`` importable from ``src/`` when the package is not installed."""

import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))


@pytest.fixture(autouse=True)
def _media_root():
    """The news reader needs no Django settings: override the project-wide fixture."""
    return None
