"""For the kept lists' tests (the web list's and the API's): Đắk Lắk's workshops of
2024, one a day from 1 March, titled ``f"{prefix} {i:02d}"`` so their order by title is
known; the statements the ORM compiles meanwhile."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

import pytest
from tests.conftest import records_for_the_module

from doingoai.core.bulk import bulk_work
from doingoai.core.samples import make


def workshop(world, title, day):
    return make(
        "activities", world.daklak, kind="workshop", title=title, start_date=day, end_date=day
    )


def workshops(world, prefix: str, many: int) -> list:
    first = dt.date(2024, 3, 1)
    with bulk_work():  # the figures counted once, at the end, as an import does
        return [
            workshop(world, f"{prefix} {i:02d}", first + dt.timedelta(days=i)) for i in range(many)
        ]


def workshops_for_the_module(make_all):
    """For a module whose tests all read one set of activities: the fixtures
    ``(_workshops, workshops)``, to be assigned under those names. ``make_all(world)``
    makes the records once for the module (:func:`tests.conftest.records_for_the_module`,
    instead of 12-30 records for each test); ``workshops`` gives each test those records
    as the database holds them for it (what an earlier test changed rolled back with that
    test; the objects it changed are not handed on). A test of the module that reads
    none of them asks for ``_workshops`` all the same."""
    made = records_for_the_module(lambda world: [record.pk for record in make_all(world)])

    @pytest.fixture
    def fixture(_workshops):
        from doingoai.activities.models import Activity

        found = Activity.objects.in_bulk(_workshops)
        return [found[pk] for pk in _workshops]

    return made, fixture


@contextmanager
def compiled():
    """The SQL the ORM compiles while in this block (``SQLCompiler.as_sql``), as a list
    filled as it compiles: a statement run from one kept is run, not compiled."""
    from django.db.models.sql.compiler import SQLCompiler

    statements: list[str] = []
    original = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        sql, params = original(self, *args, **kwargs)
        statements.append(sql)
        return sql, params

    with mock.patch.object(SQLCompiler, "as_sql", counting):
        yield statements
