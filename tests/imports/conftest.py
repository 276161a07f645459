"""Fixtures of the imports' tests: English messages (``background_work``, for the pages of
work done in the background, is in tests/conftest.py: the news batches and the IATI
preview use it too)."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """Assertions on message text read the English msgids; the Vietnamese rendering is
    checked by test_problem_reads_in_vietnamese."""
    with translation.override("en"):
        yield
