"""What a request reads several times and does not change itself, read once a request.

A dashboard asks a dozen times whether the central union is the only root of the tree,
three times whether the summary tables are valid and reads every version topic three
times: a statement each. While a request runs (``request_started`` to
``request_finished``) :func:`remember` keeps each answer; every change of a record
forgets them (``core.models._bump``: a unit made or moved, the summaries rebuilt or
invalidated move the versions), so a request that saves reads them again after. Outside
a request (a command, a task, a test's direct call) nothing is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_local = threading.local()


def remember(name: str, compute: Callable):
    """``compute()``, once a request under ``name`` (callers do not change the value)."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def request_begins(**kwargs) -> None:
    _local.memo = {}


def request_ends(**kwargs) -> None:
    _local.memo = None


def forget() -> None:
    """Every answer kept for this request (a record changed)."""
    memo = getattr(_local, "memo", None)
    if memo:
        memo.clear()
