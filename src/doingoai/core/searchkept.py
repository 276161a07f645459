"""The matches of a query kept current, not asked of the index after every change.

Every save moves the data versions, so the search page is rendered again and asked the
index again: on PostgreSQL a common word ("dak lak") is a trigram bitmap scan over
~15,000 heap pages of the index (36–118 ms), on SQLite every match of the word read
from FTS5. Yet a query's matches of one kind (the ids matching in the key, and those
matching in the name, newest first) do not depend on the reader, and a save changes a
few index entries. So they are kept per (query, kind) with the number of the index's
change log they are current at (``core.searchindex.log_changes``); a search reads the
log's newest number and, when the kept matches are behind it, the entries changed since
(a few), their rows by primary key, tests each with the index's own condition
(``searchindex.matches``) and moves it in or out of the lists. The result equals asking
the index afresh (tests/search/test_kept.py). Kept in each server process (as arrays,
at most ``LOCAL_IDS`` ids, the least recently used dropped) and in the shared cache,
where a process that has none takes them from (stored when made afresh and every
``SHARE_EVERY`` changes: the file cache's compressing of "dak lak"'s 13,500 activities
took 6 ms, on every search after a change when they were stored each time).

Made afresh (the index asked, as before) when nothing is kept, when the kept matches
are more than ``PATCH_MAX`` changes behind (the log keeps more than that), when the
log's number went back (a database restored or flushed), and under a new version of
the index (``SEARCH_INDEX_TOPIC``: a rebuild of the index, a restore): the cache key
carries it.

A common word ("viet nam": 842,000 activities) is kept as a window: its newest
``WINDOW`` matches, every match above a floor (``Kept.key_floor``, ``name_floor``; 0:
every match). A change below the floor changes nothing kept; the rare reader who needs
older matches (a province counting hers) reads them from the index (``match_ids`` below
the floor); a window grown to twice its size is cut, one shrunk to half is made afresh.
Reading all of them after every change cost 0.8–1.6 s a search on SQLite.

Why the log's number is enough: a writer of the log holds the global data version's
row to its commit (``log_changes``), so its rows become visible in the order of their
numbers, and the state kept at number ``n`` has every entry changed up to ``n`` tested
as it is now or later. The entries are read after the number: an entry changed after
it may be tested already; it is tested again from the log next time, which changes
nothing (a test puts an entry where it belongs, however often it runs).
"""

from __future__ import annotations

import hashlib
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import partial

from django.core.cache import cache
from django.db import connections

from . import searchindex as index
from .models import SEARCH_INDEX_TOPIC
from .searchindex import (
    LOG_KEEP,
    LOG_TABLE,
    SHIFT,
    TABLE,
    VERSION_TABLE,
    Prefetched,
    Query,
    _vendor,
    entry_id,
    match_ids,
    match_rows,
    match_sql,
    matches,
)

#: bump when what is kept changes shape
FORMAT = 4
TIMEOUT = 6 * 3600
#: kept matches further behind the log are made afresh (the log keeps ``LOG_KEEP``)
PATCH_MAX = 2000
#: a kind's newest matches kept (more: its window, the older ones left in the index)
WINDOW = 20_000
#: the ids one process keeps at most (8 bytes each), the least recently used dropped
LOCAL_IDS = 2_000_000
#: a state moved this many changes past its copy in the shared cache is stored again
SHARE_EVERY = 200
MASK = (1 << SHIFT) - 1

assert PATCH_MAX < LOG_KEEP


@dataclass
class Kept:
    """One kind's matches of one query, current at change ``seq`` of the log. Never
    changed once made: a newer state is a new one (a request reading this one's lists
    while another thread catches up is not disturbed)."""

    seq: int
    keyed: array  # ids matching in the key, newest first (the matches, as the index's)
    named: array  # ids matching in the name, newest first
    titles: dict = field(default_factory=dict)  # id -> (title, phonetic title), the candidates'
    shared: int = -1  # the change this state was last stored at in the shared cache
    key_floor: int = 0  # ``keyed`` is every match above this id (0: every match)
    name_floor: int = 0  # ``named`` is every match by name above this id
    #: id -> owner unit id of the matches whose owners a reader read (``Prefetched.owners``;
    #: a province's count compares them with her units): an entry changed since is
    #: forgotten (its record saved: its owner may have moved), the others stay true
    owners: dict = field(default_factory=dict)
    #: the change after which nothing of this kind changed (the log's last entry of the
    #: kind read, or the number it was made afresh at): what was worked out from these
    #: matches for a reader (``search.ranking``'s groups) holds while it stays
    touched: int = 0

    def usable(self) -> bool:
        """Still holding what a reader needs: a window not shrunk below half its size
        (nor below the candidates, the newest of which it must hold)."""
        least = max(WINDOW // 2, index.CANDIDATES)
        return not (self.key_floor and len(self.keyed) < least) and not (
            self.name_floor and len(self.named) < least
        )


#: this process's kept matches, least recently used first, and how many ids they hold
_LOCAL: OrderedDict[str, Kept] = OrderedDict()
_HELD = [0]
_LOCK = threading.Lock()


def forget() -> None:
    """Drop this process's kept matches (the shared cache keeps its own)."""
    with _LOCK:
        _LOCAL.clear()
        _HELD[0] = 0


def position(using: str = "default") -> tuple[int, int]:
    """(the log's newest number, the index's version): one statement."""
    with connections[using].cursor() as cur:
        cur.execute(
            f"SELECT (SELECT MAX(id) FROM {LOG_TABLE}), "
            f"(SELECT value FROM {VERSION_TABLE} WHERE topic = %s)",
            [SEARCH_INDEX_TOPIC],
        )
        seq, version = cur.fetchone()
    return seq or 0, version or 0


def cache_key(q: Query, ct_id: int, version: int, using: str = "default") -> str:
    """The key of one kind's kept matches: what the index's condition is made of (the
    words' keys and the whole query's), not the query's spelling."""
    what = f"{'|'.join(q.terms)}/{q.whole}/{int(q.whole_needed)}"
    digest = hashlib.sha256(what.encode()).hexdigest()[:32]
    return f"search-kept:{FORMAT}:{using}:{version}:{ct_id}:{digest}"


def kept(q: Query, ct_ids: list[int], using: str = "default") -> dict[int, Prefetched]:
    """Every kind's matches (``Prefetched``: the ids newest first, and the candidates:
    those named by the query first, the newest, then the newest matching elsewhere, up
    to ``CANDIDATES``), from the kept ones brought up to the index's last change.

    Kept in this process and in the shared cache (see the module's note). Inside a
    transaction (its own changes, perhaps rolled back) nothing is stored."""
    if not ct_ids:
        return {}
    seq, version = position(using)
    keys = {ct: cache_key(q, ct, version, using) for ct in ct_ids}

    def usable(state):
        return (
            state is not None
            and state.seq <= seq
            and seq - state.seq <= PATCH_MAX
            and state.usable()
        )

    with _LOCK:
        found = {ct: _LOCAL.get(keys[ct]) for ct in ct_ids}
    elsewhere = [keys[ct] for ct, state in found.items() if not usable(state)]
    if elsewhere:
        shared = cache.get_many(elsewhere)
        for ct, state in found.items():
            if not usable(state) and usable(shared.get(keys[ct])):
                found[ct] = shared[keys[ct]]
    states = {ct: state for ct, state in found.items() if usable(state)}
    behind = {ct: state.seq for ct, state in states.items() if state.seq < seq}
    if behind:
        states.update(_catch_up(q, states, behind, seq, using))
    stale = [ct for ct in ct_ids if ct not in states or not states[ct].usable()]
    if stale:  # asked of the index after the log's number was read: current at it
        states.update(afresh(q, stale, seq, using))
    picked = {ct: _picked(state) for ct, state in states.items()}
    titles = {
        ct: {oid: state.titles[oid] for oid in picked[ct] if oid in state.titles}
        for ct, state in states.items()
    }
    missing = [
        entry_id(ct, oid) for ct, got in picked.items() for oid in got if oid not in titles[ct]
    ]
    for eid, title, name in _read(missing, "title, name", using):
        titles[eid >> SHIFT][eid & MASK] = (title, name)
    out = {}
    for ct, state in states.items():
        if titles[ct] != state.titles:
            states[ct] = state = replace(state, titles=titles[ct])
        got = [(oid, *titles[ct][oid]) for oid in picked[ct] if oid in titles[ct]]
        out[ct] = Prefetched(
            ids=state.keyed,
            found=got,
            named=state.named,
            floor=state.key_floor,
            name_floor=state.name_floor,
            older=partial(match_ids, q, ct, below=state.key_floor, using=using),
            owners=state.owners,
            stamp=f"{keys[ct]}:{state.touched}",
            share_owners=partial(_share_owners, keys[ct], ct, state.seq, state.owners, using),
        )
    if may_keep(using):
        _keep(keys, states, seq)
    return out


#: a reader who read this many owners more than she found kept shares them
OWNERS_SHARED = 100


def _share_owners(key: str, ct: int, seq: int, owners: dict, using: str, read: int = -1):
    """The owners of a kind's matches (``Kept.owners``, current at change ``seq``) kept
    in each server process, read once in each: shared through the cache (``read``
    given: this reader read that many of them, stored when they are
    ``OWNERS_SHARED`` or more), or taken from it (``read`` -1: before reading any),
    less those of the entries changed since they were stored (from the log) or after.
    Each process that had the matches kept but not yet their owners read a province's
    1,350 owners once (2-5 ms) on its first search after a change."""
    okey = key.replace("search-kept:", "search-owners:", 1)
    if read >= 0:
        if read >= OWNERS_SHARED and may_keep(using):
            cache.set(okey, (seq, dict(owners)), TIMEOUT)
        return
    got = cache.get(okey)
    if not got:
        return
    at, theirs = got
    changed = set()
    if at != seq:
        if abs(seq - at) > PATCH_MAX:
            return
        changed = {
            eid & MASK
            for _n, eid in _changes(min(at, seq), max(at, seq), using)
            if eid >> SHIFT == ct
        }
    for oid, unit in theirs.items():
        if oid not in changed:
            owners.setdefault(oid, unit)


def may_keep(using: str = "default") -> bool:
    """Outside a transaction: what was read is committed (a transaction's own changes
    would be kept at numbers that vanish if it rolls back)."""
    return not connections[using].in_atomic_block


def _keep(keys: dict, states: dict, seq: int) -> None:
    """Keep the states made or moved here: in this process, and in the shared cache
    those made afresh or ``SHARE_EVERY`` changes past their last copy there."""
    here = dict(states)
    share = {}
    for ct, state in here.items():
        if state.shared < 0 or seq - state.shared >= SHARE_EVERY:
            here[ct] = share[keys[ct]] = replace(state, shared=seq)
    if share:
        cache.set_many(share, TIMEOUT)
    with _LOCK:
        for ct, state in here.items():
            key = keys[ct]
            old = _LOCAL.get(key)
            if old is not None and old is not state and old.seq <= state.seq:
                _HELD[0] -= len(old.keyed) + len(old.named)
                old = None
            if old is None:
                _LOCAL[key] = state
                _HELD[0] += len(state.keyed) + len(state.named)
            _LOCAL.move_to_end(key)
        while _HELD[0] > LOCAL_IDS and len(_LOCAL) > 1:
            _key, old = _LOCAL.popitem(last=False)
            _HELD[0] -= len(old.keyed) + len(old.named)


def afresh(q: Query, ct_ids: list[int], seq: int, using: str = "default") -> dict[int, Kept]:
    """The matches of each kind asked of the index, current at change ``seq`` (read
    before): the newest ``WINDOW`` in the key and in the name. PostgreSQL: one statement
    for every kind (``match_rows``, every match read); SQLite: two FTS5 lookups per kind,
    newest first, stopped after the window."""
    out = {ct: ([], []) for ct in ct_ids}
    if _vendor(using) == "postgresql":
        for eid, in_key, in_name in match_rows(q, ct_ids, using):
            keyed, named = out[eid >> SHIFT]
            if in_key:
                keyed.append(eid & MASK)
            if in_name:
                named.append(eid & MASK)
    else:
        with connections[using].cursor() as cur:
            for ct in ct_ids:
                for names_only, got in ((False, out[ct][0]), (True, out[ct][1])):
                    sql, params = match_sql(
                        q, ct, "sqlite", names_only=names_only, limit=WINDOW + 1, columns="1"
                    )
                    cur.execute(sql, params)
                    got += [row[0] for row in cur.fetchall()]
    made = {}
    for ct, (keyed, named) in out.items():
        (keyed, key_floor), (named, name_floor) = _window(keyed), _window(named)
        made[ct] = Kept(seq, keyed, named, key_floor=key_floor, name_floor=name_floor, touched=seq)
    return made


def _window(ids) -> tuple:
    """(the newest ``WINDOW`` of ``ids``, newest first, as an array; the floor below
    which the rest lie, 0 when they are all in)."""
    if len(ids) <= WINDOW:
        return array("q", ids), 0
    return array("q", ids[:WINDOW]), ids[WINDOW]


def _changes(after: int, upto: int, using: str) -> list[tuple[int, int]]:
    """The log's (number, entry) of the changes after ``after`` up to ``upto``."""
    with connections[using].cursor() as cur:
        cur.execute(f"SELECT id, entry FROM {LOG_TABLE} WHERE id > %s AND id <= %s", [after, upto])
        return cur.fetchall()


def _catch_up(q: Query, states: dict, behind: dict, seq: int, using: str) -> dict:
    """The kinds ``behind`` ({kind: its number}) brought to change ``seq``: the entries
    of theirs changed since, read as they are now, each put in or out of the lists (new
    states; the lists copied where they change)."""
    changes = _changes(min(behind.values()), seq, using)
    wanted: dict[int, set] = {}
    last: dict[int, int] = {}
    for n, eid in changes:
        ct = eid >> SHIFT
        if ct in behind and n > behind[ct]:
            wanted.setdefault(ct, set()).add(eid & MASK)
            last[ct] = max(n, last.get(ct, 0))
    entries = [entry_id(ct, oid) for ct, oids in wanted.items() for oid in oids]
    rows = {eid: row for eid, *row in _read(entries, "title, name, key", using)}
    out = {}
    for ct in behind:
        state = states[ct]
        keyed, named, titles = state.keyed, state.named, state.titles
        changed = wanted.get(ct, ())
        owners = state.owners
        if changed:  # a copy without them (made at once: the old state's readers, who may
            # have read an owner before this change, go on filling the old one)
            owners = dict(owners)
            for oid in changed:
                owners.pop(oid, None)
        for oid in changed:
            title, name, key = rows.get(entry_id(ct, oid)) or (None, None, None)
            in_key, in_name = matches(q, key), matches(q, name)
            if oid > state.key_floor:  # below its floor: outside the window
                keyed = _placed(keyed, keyed is state.keyed, oid, in_key)
            if oid > state.name_floor:
                named = _placed(named, named is state.named, oid, in_name)
            if oid in titles or in_key or in_name:
                titles = dict(titles) if titles is state.titles else titles
                titles.pop(oid, None)
                if in_key or in_name:
                    titles[oid] = (title, name)
        key_floor, name_floor = state.key_floor, state.name_floor
        if len(keyed) > 2 * WINDOW:  # grown: cut to its newest
            keyed, key_floor = array("q", keyed[:WINDOW]), keyed[WINDOW]
        if len(named) > 2 * WINDOW:
            named, name_floor = array("q", named[:WINDOW]), named[WINDOW]
        out[ct] = replace(
            state,
            seq=seq,
            keyed=keyed,
            named=named,
            titles=titles,
            key_floor=key_floor,
            name_floor=name_floor,
            owners=owners,
            touched=last.get(ct, state.touched),
        )
    return out


def _placed(ids: array, shared: bool, oid: int, present: bool) -> array:
    """``ids`` (newest first) with ``oid`` in or out: the same array when nothing
    changes, else changed (a copy first when ``shared``: another state's)."""
    i = bisect_left(ids, -oid, key=lambda v: -v)
    here = i < len(ids) and ids[i] == oid
    if present == here:
        return ids
    if shared:
        ids = array("q", ids)
    if present:
        ids.insert(i, oid)
    else:
        del ids[i]
    return ids


def _picked(state: Kept) -> list:
    """The candidates: the newest named by the query, then the newest matching
    elsewhere, up to ``CANDIDATES`` (as the index's own ranking picked them)."""
    cap = index.CANDIDATES
    got = state.named[:cap].tolist()
    seen = set(got)
    for oid in state.keyed[:cap]:
        if len(got) >= cap:
            break
        if oid not in seen:
            got.append(oid)
    return got


def read_titles(ct_id: int, oids: list[int], using: str = "default") -> dict:
    """``{id: (title, phonetic title)}`` of some records of one kind, from the index."""
    rows = _read([entry_id(ct_id, oid) for oid in oids], "title, name", using)
    return {eid & MASK: (title, name) for eid, title, name in rows}


def read_keys(ct_id: int, oids: list[int], using: str = "default") -> dict:
    """``{id: (phonetic title, phonetic key)}`` of some records of one kind."""
    rows = _read([entry_id(ct_id, oid) for oid in oids], "name, key", using)
    return {eid & MASK: (name, key) for eid, name, key in rows}


def _read(entries: list[int], columns: str, using: str) -> list[tuple]:
    """``(entry id, <columns>)`` of the index's entries ``entries``, by primary key."""
    if not entries:
        return []
    postgres = _vendor(using) == "postgresql"
    out = []
    with connections[using].cursor() as cur:
        for start in range(0, len(entries), 900):
            chunk = [int(e) for e in entries[start : start + 900]]
            if postgres:
                cur.execute(f"SELECT id, {columns} FROM {TABLE} WHERE id = ANY(%s)", [chunk])
            else:
                marks = ", ".join(["%s"] * len(chunk))
                cur.execute(f"SELECT rowid, {columns} FROM {TABLE} WHERE rowid IN ({marks})", chunk)
            out += cur.fetchall()
    return out
