"""A list page's filtered query, kept in the server process under what it was built from.

Building a list's query (her scope, the filter form bound and checked, its filters
applied) is a third of a list page's time after a change (3 of 8 ms at 1M activities
on SQLite), and it depends on little: the query string, the reader (unit, role), the
day, the language and the records it read while being built (her unit's path, the
unit a filter names). :func:`kept` builds it once and keeps it (an unevaluated
queryset and its filterset) under those, the versions of the apps whose tables the
building read included; every request gets a fresh copy of the queryset.

Safe by construction: the statements the building ran are watched, and a query is kept
only when every table they read belongs to a tracked record model (whose every write
moves its app's version: ``core.apps``); one that read anything else (the search index
for a "contains" filter, a history table) is built on every request, as before. The
apps of the reader's account and unit are always among the versions (her unit's path
may have been read before the building began). Versions are read before building, so a
change made meanwhile leaves the query kept under the older versions, never found again.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache

from django.apps import apps
from django.db import connections
from django.utils import timezone, translation

#: kept queries per process, the least recently used dropped first (an entry, a bound
#: filterset with its form and a queryset, takes ~65 KB: 8 MB a process at most)
SIZE = 128
_kept: OrderedDict = OrderedDict()
#: the topics (apps) each query's building read the last time it was built
_topics: dict = {}
_lock = threading.Lock()
_TABLE = re.compile(r'(?:FROM|JOIN)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)


def enabled() -> bool:
    from .pagecache import enabled as page_cache_enabled

    return page_cache_enabled()


def clear() -> None:
    with _lock:
        _kept.clear()
        _topics.clear()


@cache
def _versioned_tables() -> dict[str, str]:
    """db_table -> the topic (app) every write of it moves, for tracked record models."""
    from .apps import is_tracked

    found = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.model_name.startswith("historical"):
            continue
        owner = meta.auto_created or model  # a many-to-many table: its model's signals
        if not is_tracked(owner._meta.app_label) or not getattr(owner, "data_versioned", True):
            continue
        found[meta.db_table] = owner._meta.app_label
    from .models import DataVersion

    found[DataVersion._meta.db_table] = None  # reading versions depends on nothing
    return found


def tables_read(statements: list[str]) -> set[str]:
    """The tables ``statements`` read."""
    return {table for sql in statements for table in _TABLE.findall(sql)}


@contextmanager
def watching(using: str = "default"):
    """The statements run on ``using`` while in this block, as a list filled as they run."""
    statements: list[str] = []

    def watch(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connections[using].execute_wrapper(watch):
        yield statements


def topics_read(statements: list[str]) -> tuple[str, ...] | None:
    """The topics of the tables ``statements`` read, or None if one of them is not a
    tracked record model's (what it read could change without a version moving)."""
    tables = _versioned_tables()
    read = tables_read(statements)
    if not read <= tables.keys():
        return None
    return tuple(sorted({tables[t] for t in read if tables[t]}))


@cache
def reader_topics() -> tuple[str, ...]:
    """The apps of the reader's account and of the units (her scope's path)."""
    from django.contrib.auth import get_user_model

    from .scope import unit_model

    return tuple(sorted({get_user_model()._meta.app_label, unit_model()._meta.app_label}))


#: query string parameters the table reads, not the filters: one kept query serves
#: every page and order of a list
TABLE_PARAMETERS = ("page", "sort")


def base_key(request, slug: str, user, ignore: tuple) -> tuple:
    query = request.GET.copy()
    for name in ignore:
        query.pop(name, None)
    return (
        slug,
        query.urlencode(),
        bool(request.GET),  # bound or not (``?page=2`` binds the filters to nothing)
        user.pk,
        user.unit_id,
        user.role,
        user.is_superuser,
        user.is_active,
        getattr(user, "version", None),
        timezone.localdate().isoformat(),
        translation.get_language(),
    )


def built_topics(request, slug: str, user, ignore: tuple = TABLE_PARAMETERS):
    """The topics the last building of this request's list query read in this process,
    or None (not built here, or built without being kept)."""
    return _topics.get(base_key(request, slug, user, ignore))


@cache
def tracked_topics() -> tuple[str, ...]:
    """Every tracked app's topic and its models' rows' (``tables.rows_topic``, which a
    list's rows are kept under): their versions are read in one statement (once a
    request), before a query is built or looked for."""
    from .tables import rows_topic

    apps_ = {t for t in _versioned_tables().values() if t}
    rows = {rows_topic(m) for m in apps.get_models() if m._meta.app_label in apps_}
    return tuple(sorted(apps_ | rows))


def kept(
    request,
    slug: str,
    build: Callable,
    *,
    user=None,
    ignore: tuple = TABLE_PARAMETERS,
    using: str = "default",
):
    """``build()`` -> (filterset, queryset), kept as described above: the kept
    filterset (shared: read it, never bind or render it) and a copy of the queryset.
    ``user``: the reader (default ``request.user``); ``ignore``: the query string's
    parameters the building does not read."""
    from .models import topic_versions_once

    user = user if user is not None else getattr(request, "user", None)
    if not enabled() or user is None or not user.is_authenticated:
        return build()
    base = base_key(request, slug, user, ignore)
    every = tracked_topics()
    versions = dict(zip(every, topic_versions_once(*every), strict=True))
    topics = _topics.get(base)
    if topics is not None:
        key = (base, tuple(versions[t] for t in topics))
        with _lock:
            entry = _kept.get(key)
            if entry is not None:
                _kept.move_to_end(key)
        if entry is not None:
            filterset, queryset, statements = entry
            return filterset, _copy(queryset, statements)
    with watching(using) as statements:
        filterset, queryset = build()
    read = topics_read(statements)
    if read is None or queryset._result_cache is not None:
        return filterset, queryset
    # kept under the versions read before it was built
    needed = tuple(sorted({*read, *reader_topics()}))
    statements = {}
    with _lock:
        _topics[base] = needed
        _kept[(base, tuple(versions[t] for t in needed))] = (filterset, queryset, statements)
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    return filterset, _copy(queryset, statements)


def _copy(queryset, statements: dict):
    """A fresh copy of a kept queryset, with the statements kept for it (:func:`count`,
    :func:`values`)."""
    copy = queryset.all()
    copy._kept_statements = statements
    return copy


# -- a kept query's statements ------------------------------------------------
# Compiling a count or a page of ids is most of what an API list costs after a change
# once its query is kept (1.1 of 2.7 ms, profiled): the statement a kept query compiles
# to is the same every time (its parameters included: the day is in its key), so it is
# kept with it, captured the first time it runs, and run directly on a cursor after.

#: the fields :func:`values` reads straight from the cursor: no database converts them
_PLAIN_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
    }
)


def count(queryset, upto: int | None = None, using: str = "default") -> int:
    """``queryset.count()``, or with ``upto`` the rows counted up to that many
    (``COUNT(*)`` over ``LIMIT upto``); for a kept query's copy, its statement kept
    with it."""

    def evaluate():
        return queryset.count() if upto is None else queryset.order_by()[:upto].count()

    return _statement(
        queryset, ("count", upto), evaluate, lambda cursor: cursor.fetchone()[0], using
    )


def carry(source, result, order: tuple):
    """``result``, ``source`` sorted again (a list's table sorting it by ``order``, the
    column aliases from its query string): for a kept query's copy, given the
    statements kept for that order, so a sorted list's count and page of ids are
    compiled once too. The sorting must depend on ``source`` and ``order`` alone."""
    statements = getattr(source, "_kept_statements", None)
    if statements is not None and result is not source:
        with _lock:
            result._kept_statements = statements.setdefault(("order", tuple(order)), {})
    return result


def values(queryset, fields: tuple[str, ...], start: int, stop: int, using: str = "default"):
    """``list(queryset.values_list(*fields)[start:stop])`` as tuples; for a kept query's
    copy whose ``fields`` are integers, its statement kept with it."""

    def evaluate():
        rows = queryset.prefetch_related(None).values_list(*fields)[start:stop]
        return [tuple(row) for row in rows]

    meta = queryset.model._meta
    plain = all(
        (meta.pk if f == "pk" else meta.get_field(f)).get_internal_type() in _PLAIN_TYPES
        for f in fields
    )
    if not plain:
        return evaluate()
    return _statement(
        queryset,
        ("values", fields, start, stop),
        evaluate,
        lambda cursor: [tuple(row) for row in cursor.fetchall()],
        using,
    )


def _statement(queryset, name: tuple, evaluate: Callable, read: Callable, using: str):
    kept = getattr(queryset, "_kept_statements", None)
    if kept is None:
        return evaluate()
    statement = kept.get(name)
    if statement is not None:
        sql, params = statement
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return read(cursor)
    ran = []

    def capture(execute, sql, params, many, context):
        ran.append((sql, params))
        return execute(sql, params, many, context)

    with connections[using].execute_wrapper(capture):
        value = evaluate()
    if len(ran) == 1 and not ran[0][0].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
        with _lock:
            kept[name] = ran[0]
    return value
