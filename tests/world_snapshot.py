"""The rows every test starts from (the migrations' rows, content types and permissions,
the unit tree, terms and demo users of ``ensure_world``), copied once per test database
into a schema of their own (PostgreSQL) or an attached in-memory database (SQLite).

A transactional test (``transaction=True``, the live server of the browser tests)
commits, so Django empties every table at its end and then recreates the content types
and permissions; the next test loaded the world again through the services. Emptying
and copying the rows back gives the same rows (the same ids) in a fraction of the time:
on PostgreSQL, TRUNCATE of every table, the recreated permissions and the world loaded
again cost about 2 s a transactional test, on SQLite about 1 s. When the copy is not
there (a database set up otherwise) the test ends as Django ends it."""

from __future__ import annotations

SCHEMA = "world_snapshot"

#: alias -> the tables copied, in the order they were read
_tables: dict[str, list[str]] = {}


def _attached(connection) -> bool:
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA database_list")
        return any(row[1] == SCHEMA for row in cursor.fetchall())


def take(connection) -> None:
    """Copy every non-empty table of the models into the snapshot."""
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return  # a file database: an attached memory database would not outlive it
    qn = connection.ops.quote_name
    tables = sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )
    copied = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        elif not _attached(connection):
            cursor.execute(f"ATTACH DATABASE ':memory:' AS {SCHEMA}")
        for table in tables:
            cursor.execute(f"SELECT 1 FROM {qn(table)} LIMIT 1")
            if cursor.fetchone() is None:
                continue
            cursor.execute(f"CREATE TABLE {SCHEMA}.{qn(table)} AS SELECT * FROM {qn(table)}")
            copied.append(table)
    _tables[connection.alias] = copied


def _empty_and_restore(connection) -> None:
    from django.db import transaction

    qn = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # DELETE of a few rows per table is much faster than TRUNCATE of ~200 tables
            # (a new file each); the foreign keys are checked at commit
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("; ".join(f"DELETE FROM {qn(t)}" for t in tables))
        else:
            for statement in connection.ops.sql_flush(
                _NoStyle(), tables, reset_sequences=False, allow_cascade=False
            ):
                cursor.execute(statement)
        for table in _tables[connection.alias]:
            cursor.execute(f"INSERT INTO {qn(table)} SELECT * FROM {SCHEMA}.{qn(table)}")


class _NoStyle:
    def __getattr__(self, _name):
        return lambda text: text


def fixture_teardown(flush):
    """``TransactionTestCase._fixture_teardown`` that copies the snapshot back."""

    def _fixture_teardown(self):
        from django.db import connections

        if self.available_apps is not None or self.serialized_rollback:
            return flush(self)
        names = self._databases_names(include_mirrors=False)
        if not all(n in _tables and _attached(connections[n]) for n in names):
            return flush(self)
        for name in names:
            _empty_and_restore(connections[name])
        return None

    return _fixture_teardown
