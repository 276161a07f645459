"""Signing in with a username and password, the signed-in user read with her unit.

Every page asks for the reader's unit (her scope, whether she reads the whole tree): read
with the user in one statement (a join on its primary key) instead of a second one the
first time a request asks. ``django.contrib.auth.backends.ModelBackend`` stays listed
after this one in ``AUTHENTICATION_BACKENDS``: sessions begun before it was added name
that backend and stay signed in.

The user and her unit read are kept in the process under the versions of their app
(``core.keptquery.reader_topics``: every save of a user or a unit moves it, as the
kept lists already rely on), read with every tracked app's version in the one statement
the page reads them in anyway: a page after a change elsewhere reads no user. Each
request gets its own copy. A password changed, an account disabled or a role changed
moves the version: the next request reads her again."""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

#: users kept per process (a user and her unit: a few KB each)
SIZE = 256
_kept: OrderedDict = OrderedDict()
_lock = threading.Lock()


def clear() -> None:
    with _lock:
        _kept.clear()


class UnitModelBackend(ModelBackend):
    def get_user(self, user_id):
        key = self._key(user_id)
        user = None
        if key is not None:
            with _lock:
                user = _kept.get(key)
                if user is not None:
                    _kept.move_to_end(key)
        if user is None:
            user = self._read(user_id)
            if user is None:
                return None
            if key is not None:
                with _lock:
                    _kept[key] = user
                    while len(_kept) > SIZE:
                        _kept.popitem(last=False)
        user = _own_copy(user)
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def _key(user_id):
        """(her id, her app's versions), or None: not kept (the page cache is off)."""
        from doingoai.core import keptquery
        from doingoai.core.models import topic_versions_once

        mine = _kept_under()
        if mine is None or not keptquery.enabled():
            return None
        every = keptquery.tracked_topics()
        # every tracked app's versions: what a list or a kept page reads next, at once
        versions = dict(zip(every, topic_versions_once(*every), strict=True))
        return (str(user_id), tuple(versions[t] for t in mine))

    @staticmethod
    def _read(user_id):
        users = get_user_model()._default_manager.select_related("unit")
        try:
            return users.get(pk=user_id)
        except (get_user_model().DoesNotExist, ValueError):
            return None


@cache
def _kept_under() -> tuple[str, ...] | None:
    """The apps of a user and her unit (``keptquery.reader_topics``), or None when one
    of them has no version (not tracked): then she is not kept."""
    from doingoai.core import keptquery

    mine = keptquery.reader_topics()
    return mine if set(mine) <= set(keptquery.tracked_topics()) else None


def _own_copy(user):
    """A copy of a kept user for one request (its state and her unit copied too: a
    request may set attributes on either)."""
    mine = copy.copy(user)
    unit = user._state.fields_cache.get("unit")
    if unit is not None:
        mine._state.fields_cache["unit"] = copy.copy(unit)
    return mine
