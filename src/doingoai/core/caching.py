"""One computation per cache key at a time (single flight).

After a change invalidates a popular page or figure, every server worker asking for
it at once would compute it at once; instead the first takes a short lock in the
shared cache and computes, the others wait for its result (polling the cache) and
compute themselves only if it does not come in time."""

from __future__ import annotations

import os
import pickle
import time
import zlib
from collections.abc import Callable

from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache

MISSING = object()


def get_or_compute(
    key: str,
    compute: Callable,
    *,
    store: Callable | None = None,
    timeout: int = 6 * 3600,
    wait: float = 10.0,
    poll: float = 0.02,
):
    """The cached value of ``key``, else ``compute()`` once across the workers.

    ``store(value)`` saves what was computed (default: ``cache.set(key, value)``);
    the value is returned either way."""
    value = cache.get(key, MISSING)
    if value is not MISSING:
        return value
    lock = f"{key}:computing"
    if cache.add(lock, 1, timeout=int(wait * 3) + 1):
        try:
            value = compute()
            (store or (lambda v: cache.set(key, v, timeout)))(value)
            return value
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        time.sleep(poll)
        value = cache.get(key, MISSING)
        if value is not MISSING:
            return value
        if not cache.get(lock):  # the other worker failed or gave up: do it here
            break
    return compute()


def get_or_set(key: str, compute: Callable, *, timeout: int = 6 * 3600):
    """The cached value of ``key``, else ``compute()`` stored under it: without
    :func:`get_or_compute`'s lock, for the parts of a computation that its caller
    already makes once across the workers (the parts of a unit's figures, of the
    targets' matrix). On the file cache the lock is two files written and one removed
    a part: a first view after a change misses several parts."""
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = compute()
        cache.set(key, value, timeout)
    return value


class FileCache(FileBasedCache):
    """Django's file cache, shared by the server's workers on one machine, counting its
    files at most once a minute on the machine.

    The stock backend lists the whole cache directory on every ``set`` to decide
    whether to cull (64 ms per set at 45,000 entries, measured): after a change every
    page and figure is stored again, so that listing was most of the time of the
    first view after a change. Between two counts the directory may hold a minute's
    worth of entries more than ``MAX_ENTRIES``."""

    cull_interval = 60.0

    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._next_cull = 0.0

    #: zlib's fastest level: a first view after a change stores its figures, the targets
    #: matrix and the page (150–240 KB pickled each); level 1 compresses them 2–3 times
    #: faster than the default 6 for files ~20 % larger (Django's ``get`` reads either)
    compress_level = 1

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), self.compress_level))

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        # once a minute for the machine, not for each worker: the last count's time is
        # the marker file's (a new worker's first store would list the directory, 4 ms
        # at 40,000 entries, measured on the bench's server)
        marker = os.path.join(self._dir, ".counted")
        wall = time.time()
        try:
            age = wall - os.stat(marker).st_mtime
        except OSError:
            age = None
        if age is not None and 0 <= age < self.cull_interval:
            self._next_cull = now + self.cull_interval - age
            return
        self._next_cull = now + self.cull_interval
        # counted by the directory's names alone (an upper bound: a file being written
        # counts too); Django's count makes every entry's path (7,000 entries: 4 ms so,
        # 17 ms Django's way; the bound is 50,000), and this store waits for it
        try:
            with open(marker, "a"):
                os.utime(marker, (wall, wall))
            if len(os.listdir(self._dir)) < self._max_entries:
                return
        except FileNotFoundError:
            return
        super()._cull()
