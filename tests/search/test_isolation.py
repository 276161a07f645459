"""The tests' own isolation: a transactional test's end (Django's flush) empties the
search index with the tables, so no entry outlives its record into the next test."""

import pytest
from django.db import connection
from django.test import TransactionTestCase

from doingoai.core.searchindex import TABLE
from doingoai.partners.models import Partner

pytestmark = pytest.mark.django_db(transaction=True)


def entries() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
        return cursor.fetchone()[0]


def test_the_end_of_a_transactional_test_empties_the_search_index(world):
    Partner.objects.create(
        name_vi="Hội Phụ nữ bản Nongbua", kind="other", country="LA", unit=world.daklak
    )
    assert entries() > 0
    TransactionTestCase()._fixture_teardown()  # the end of a transactional test
    assert entries() == 0
