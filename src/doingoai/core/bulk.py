"""Bulk work: imports and services that write many records at once.

Apps that keep something derived from the records (the summary tables of the
reports) plug in a context manager with :func:`register`; :func:`bulk_work` enters
them all, so the derived data is brought up to date once at the end instead of after
every record. Writes that send no model signals (``bulk_update``, ``QuerySet.update``)
announce the records they changed with :data:`records_changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack, contextmanager

from django.dispatch import Signal

#: sender: the model; ``ids``: primary keys of the records changed without signals
records_changed = Signal()

_CONTEXTS: list[Callable] = []


def register(factory: Callable) -> None:
    """``factory(savepoint=...)`` returns a context manager entered around every bulk
    work (``savepoint``: see :func:`bulk_work`)."""
    if factory not in _CONTEXTS:
        _CONTEXTS.append(factory)


@contextmanager
def bulk_work(*, savepoint: bool = True):
    """``savepoint=False`` inside a transaction block that is itself undone when the
    work fails (the write path's own): no savepoint of its own, two statements less."""
    with ExitStack() as stack:
        for factory in _CONTEXTS:
            stack.enter_context(factory(savepoint=savepoint))
        yield
