import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """Assertions on message text read the English msgids; the Vietnamese rendering is
    checked by test_problem_reads_in_vietnamese."""
    with translation.override("en"):
        yield
