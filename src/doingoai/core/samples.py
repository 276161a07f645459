"""Sample records of every kind, for the generic tests, the API fuzzing and the demo.

Each app declares ``samples.py`` with ``@sample("slug")`` functions taking the
owning unit and returning a saved record. The generic tests walk every
registered kind and require a sample for it, so a new kind is covered as soon
as it declares one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

SAMPLES: dict[str, Callable] = {}
_counter = itertools.count(1)


def sample(slug: str):
    def register(fn):
        SAMPLES[slug] = fn
        return fn

    return register


def next_number() -> int:
    return next(_counter)


def load_all() -> dict[str, Callable]:
    from .registry import import_app_modules

    import_app_modules("samples")
    return SAMPLES


def make(slug: str, unit, **overrides):
    """A saved sample of ``slug`` owned by ``unit``; what is derived from the records
    (the summary tables) is brought up to date once, when it is made."""
    from .bulk import bulk_work

    load_all()
    with bulk_work():
        return SAMPLES[slug](unit, **overrides)
