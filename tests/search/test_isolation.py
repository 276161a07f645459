"""The tests' own isolation: a transactional test's end (Django's flush) empties the
search index with the tables, so no entry outlives its record into the next test."""

import pytest
from django.core.management import call_command
from django.db import connection

from doingoai.core.searchindex import TABLE
from doingoai.partners.models import Partner

pytestmark = pytest.mark.django_db(transaction=True)


def entries() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TABLE}")
        return cursor.fetchone()[0]


def test_flush_empties_the_search_index_with_the_records(world):
    Partner.objects.create(
        name_vi="Hội Phụ nữ bản Nongbua", kind="other", country="LA", unit=world.daklak
    )
    assert entries() > 0
    # what TransactionTestCase does at the end of a test
    call_command("flush", interactive=False, verbosity=0)
    assert entries() == 0
