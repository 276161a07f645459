"""The matches of a query kept current, not asked of the index after every change.

Every save moves the data versions, so the search page is rendered again and asked the
index again: on PostgreSQL a common word ("dak lak") is a trigram bitmap scan over
~15,000 heap pages of the index (36–118 ms), on SQLite every match of the word read
from FTS5. Yet a query's matches of one kind (the ids matching in the key, and those
matching in the name, newest first) do not depend on the reader, and a save changes a
few index entries. So they are kept in the cache per (query, kind) with the number of
the index's change log they are current at (``core.searchindex.log_changes``); a
search reads the log's newest number and, when the kept matches are behind it, the
entries changed since (a few), their rows by primary key, tests each with the index's
own condition (``searchindex.matches``) and moves it in or out of the lists. The
result equals asking the index afresh (tests/search/test_kept.py).

Made afresh (the index asked, as before) when nothing is kept, when the kept matches
are more than ``PATCH_MAX`` changes behind (the log keeps more than that), when the
log's number went back (a database restored or flushed), and under a new version of
the index (``SEARCH_INDEX_TOPIC``: a rebuild of the index, a restore): the cache key
carries it. A query matching more than ``MAX_KEPT`` records of a kind is asked afresh
every time (not kept: its lists would cost more to read than to ask).

Why the log's number is enough: a writer of the log holds the global data version's
row to its commit (``log_changes``), so its rows become visible in the order of their
numbers, and the state kept at number ``n`` has every entry changed up to ``n`` tested
as it is now or later. The entries are read after the number: an entry changed after
it may be tested already; it is tested again from the log next time, which changes
nothing (a test puts an entry where it belongs, however often it runs).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field

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
    match_rows,
    match_sql,
    matches,
)

#: bump when what is kept changes shape
FORMAT = 1
TIMEOUT = 6 * 3600
#: kept matches further behind the log are made afresh (the log keeps ``LOG_KEEP``)
PATCH_MAX = 2000
#: a kind's matches kept up to this many (more: asked afresh on every search)
MAX_KEPT = 200_000
MASK = (1 << SHIFT) - 1

assert PATCH_MAX < LOG_KEEP


@dataclass
class Kept:
    """One kind's matches of one query, current at change ``seq`` of the log."""

    seq: int
    keyed: list  # ids matching in the key, newest first (the matches, as the index's)
    named: list  # ids matching in the name, newest first
    titles: dict = field(default_factory=dict)  # id -> (title, phonetic title), the candidates'


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


def cache_key(q: Query, ct_id: int, version: int) -> str:
    """The key of one kind's kept matches: what the index's condition is made of (the
    words' keys and the whole query's), not the query's spelling."""
    what = f"{'|'.join(q.terms)}/{q.whole}/{int(q.whole_needed)}"
    digest = hashlib.sha256(what.encode()).hexdigest()[:32]
    return f"search-kept:{FORMAT}:{version}:{ct_id}:{digest}"


def kept(q: Query, ct_ids: list[int], using: str = "default") -> dict[int, Prefetched]:
    """Every kind's matches (``Prefetched``: the ids newest first, and the candidates:
    those named by the query first, the newest, then the newest matching elsewhere, up
    to ``CANDIDATES``), from the kept ones brought up to the index's last change."""
    if not ct_ids:
        return {}
    seq, version = position(using)
    keys = {ct: cache_key(q, ct, version) for ct in ct_ids}
    cached = cache.get_many(list(keys.values()))
    states: dict[int, Kept] = {}
    changed = set()
    stale = []
    for ct in ct_ids:
        state = cached.get(keys[ct])
        if state is None or state.seq > seq or seq - state.seq > PATCH_MAX:
            stale.append(ct)
        else:
            states[ct] = state
    if stale:  # asked of the index after the log's number was read: current at it
        for ct, (keyed, named) in afresh(q, stale, using).items():
            states[ct] = Kept(seq, keyed, named)
            changed.add(ct)
    behind = {ct: state.seq for ct, state in states.items() if state.seq < seq}
    if behind:
        _catch_up(q, states, behind, seq, using)
        changed |= set(behind)
    out = {}
    picked = {ct: _picked(state) for ct, state in states.items()}
    missing = [
        entry_id(ct, oid)
        for ct, got in picked.items()
        for oid in got
        if oid not in states[ct].titles
    ]
    if missing:
        for eid, title, name in _read(missing, "title, name", using):
            states[eid >> SHIFT].titles[eid & MASK] = (title, name)
        changed |= {eid >> SHIFT for eid in missing}
    for ct, state in states.items():
        got = picked[ct]
        state.titles = {oid: state.titles[oid] for oid in got if oid in state.titles}
        out[ct] = Prefetched(
            ids=state.keyed, found=[(oid, *state.titles[oid]) for oid in got if oid in state.titles]
        )
    store = {
        keys[ct]: states[ct]
        for ct in changed
        if len(states[ct].keyed) <= MAX_KEPT and len(states[ct].named) <= MAX_KEPT
    }
    if store:
        cache.set_many(store, TIMEOUT)
    return out


def afresh(q: Query, ct_ids: list[int], using: str = "default") -> dict[int, tuple[list, list]]:
    """The matches of each kind asked of the index: (ids matching in the key, ids
    matching in the name), newest first. PostgreSQL: one statement for every kind
    (``match_rows``); SQLite: two FTS5 lookups per kind."""
    out = {ct: ([], []) for ct in ct_ids}
    if _vendor(using) == "postgresql":
        for eid, in_key, in_name in match_rows(q, ct_ids, using):
            keyed, named = out[eid >> SHIFT]
            if in_key:
                keyed.append(eid & MASK)
            if in_name:
                named.append(eid & MASK)
        return out
    with connections[using].cursor() as cur:
        for ct in ct_ids:
            for names_only, got in ((False, out[ct][0]), (True, out[ct][1])):
                sql, params = match_sql(q, ct, "sqlite", names_only=names_only, columns="1")
                cur.execute(sql, params)
                got += sorted((row[0] for row in cur.fetchall()), reverse=True)
    return out


def _catch_up(q: Query, states: dict, behind: dict, seq: int, using: str) -> None:
    """Bring the kinds ``behind`` ({kind: its number}) to change ``seq``: the entries of
    theirs changed since, read as they are now, each put in or out of the lists."""
    with connections[using].cursor() as cur:
        cur.execute(
            f"SELECT id, entry FROM {LOG_TABLE} WHERE id > %s AND id <= %s",
            [min(behind.values()), seq],
        )
        changes = cur.fetchall()
    wanted: dict[int, set] = {}
    for n, eid in changes:
        ct = eid >> SHIFT
        if ct in behind and n > behind[ct]:
            wanted.setdefault(ct, set()).add(eid & MASK)
    entries = [entry_id(ct, oid) for ct, oids in wanted.items() for oid in oids]
    rows = {eid: row for eid, *row in _read(entries, "title, name, key", using)}
    for ct in behind:
        state = states[ct]
        for oid in wanted.get(ct, ()):
            row = rows.get(entry_id(ct, oid))
            title, name, key = row or (None, None, None)
            in_key, in_name = matches(q, key), matches(q, name)
            _place(state.keyed, oid, in_key)
            _place(state.named, oid, in_name)
            if in_key or in_name:
                state.titles[oid] = (title, name)
            else:
                state.titles.pop(oid, None)
        state.seq = seq


def _place(ids: list, oid: int, present: bool) -> None:
    """Put ``oid`` in ``ids`` (newest first) or take it out."""
    i = bisect_left(ids, -oid, key=lambda v: -v)
    here = i < len(ids) and ids[i] == oid
    if present and not here:
        ids.insert(i, oid)
    elif here and not present:
        del ids[i]


def _picked(state: Kept) -> list:
    """The candidates: the newest named by the query, then the newest matching
    elsewhere, up to ``CANDIDATES`` (as the index's own ranking picked them)."""
    cap = index.CANDIDATES
    got = state.named[:cap]
    seen = set(got)
    for oid in state.keyed[:cap]:
        if len(got) >= cap:
            break
        if oid not in seen:
            got.append(oid)
    return got


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
