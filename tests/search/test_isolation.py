"""The tests' own isolation: a transactional test's end empties the search index with
the tables (the world copied back), so no entry outlives its record into the next test."""

import pytest
from django.db import connection
from django.test import TransactionTestCase

from doingoai.core.searchindex import TABLE
from doingoai.partners.models import Partner

pytestmark = pytest.mark.django_db(transaction=True)


def entries() -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {TABLE}")
        return sorted(map(repr, cursor.fetchall()))


def test_the_end_of_a_transactional_test_empties_the_search_index(world):
    """What the index holds after the end is what it held at the start: the entries of
    the world every test starts from (its units), not the partner's."""
    before = entries()
    Partner.objects.create(
        name_vi="Hội Phụ nữ bản Nongbua", kind="other", country="LA", unit=world.daklak
    )
    assert len(entries()) > len(before)
    TransactionTestCase()._fixture_teardown()  # the end of a transactional test
    assert entries() == before
    assert not Partner.objects.exists()
