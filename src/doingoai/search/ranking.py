"""Search across every record kind, by any spelling, in the reader's scope: the
matches of the index (``core.searchindex``, kept current by ``core.searchkept``: the
same for every reader) counted in her scope, their candidates ranked on their titles,
grouped by kind."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from rapidfuzz import fuzz

from doingoai.core.registry import RecordKind
from doingoai.core.scope import VIEW, owned_among, pk_among, small_scope
from doingoai.core.searchindex import (
    CANDIDATES,
    Prefetched,
    Query,
    _content_type,
    _phon,
    _vendor,
    matches,
    matching_filter,
    searchable_kinds,
    unrestricted,
)
from doingoai.core.searchkept import kept, read_keys, read_titles
from doingoai.core.text import fold

#: counts stop here ("1.000+"): counting every match of a common word costs a scan
COUNT_CAP = 1000
#: a small scope's records of one kind read by id and searched in Python, up to this many
#: (more: the index is asked, as for a large scope)
SMALL_SCOPE_RECORDS = 5000
#: "every one of them" as a limit of ``count_in_scope``'s ``newest``
ALL = 1 << 62
#: the newest matches ``count_in_scope`` reads first, to see whether most are hers
PROBE = 100


def score(q: Query, title: str, key: str | None = None) -> float:
    """How well a record's folded title (and its phonetic ``key``, as stored in the
    index) answers the query (0-100)."""
    if not title:
        return 0.0
    key = _phon(title) if key is None else key
    if title == q.folded or key == q.whole:
        return 100.0
    if key.startswith(q.whole):
        return 95.0
    if re.search(rf"\b{re.escape(q.folded)}\b", title):
        return 90.0
    if q.whole in key:
        return 85.0
    if q.terms and all(t in key for t in q.terms):
        return 70.0 + fuzz.token_set_ratio(q.folded, title) / 10
    # matched elsewhere in the record (description, partners, places ...)
    return 20.0 + fuzz.partial_ratio(q.folded, title) / 5


@dataclass
class Hit:
    obj: object
    score: float
    url: str
    subtitle: str = ""


@dataclass
class Group:
    kind: type[RecordKind]
    count: int
    hits: list[Hit]
    list_url: str
    more: bool = False  # there are more than ``count`` (counting stopped at COUNT_CAP)

    @property
    def best(self) -> float:
        return self.hits[0].score if self.hits else 0.0

    @property
    def verbose_name_plural(self):
        return self.kind.verbose_name_plural()


def scoped_records(kind, user, using: str = "default"):
    scoped = kind.scoped(user, VIEW)
    return scoped.using(using) if using != "default" else scoped


def search_kind(
    kind,
    user,
    q: Query,
    pre: Prefetched,
    *,
    limit: int = 10,
    using: str = "default",
    scoped=None,
) -> Group | None:
    """One kind's group in the reader's scope, from its matches (``pre``: kept current
    by ``core.searchkept``, the same for every reader)."""
    model = kind.model
    if scoped is None:
        scoped = scoped_records(kind, user, using)
    everything = unrestricted(scoped)
    if everything:  # the central level, the partner directory: the matches alone answer
        # (a common word's window: its newest, the older ones from the index if needed)
        count = len(pre.ids) if pre.complete else len(pre.newest(0, COUNT_CAP + 1))
    else:
        # SQLite intersects a scope holding few of the matches with the index's lookup
        # within the statement (it costs less there than the list of every id)
        sqlite = _vendor(using) != "postgresql"
        matching = matching_filter(q, model, using) if sqlite else None
        count = count_in_scope(scoped, user, pre.newest, matching)
    if not count:
        return None
    found = pre.found
    if everything:
        in_scope = {oid for oid, _t, _n in found}
    else:
        in_scope = set(
            scoped.filter(pk__in=[oid for oid, _t, _n in found]).values_list("pk", flat=True)
        )
    ranked = sorted(
        (
            (score(q, title, name), -i, oid)
            for i, (oid, title, name) in enumerate(found)
            if oid in in_scope
        ),
        reverse=True,
    )[:limit]
    if not ranked:  # none of the candidates is in scope: any in scope, newest first
        matching = scoped.filter(matching_filter(q, model, using))
        ranked = [
            (0.0, 0, pk) for pk in matching.order_by("-pk").values_list("pk", flat=True)[:limit]
        ]
    return _group(kind, count, _hits(kind, q, scoped, ranked))


def count_in_scope(scoped, user, newest: Callable[[int, int], list], matching=None) -> int:
    """How many of the matches (``newest(offset, limit)``: their ids, newest first) the
    reader's scope (``scoped``) holds, at most ``COUNT_CAP + 1``. While most of them are
    her units' own (a province's "dak lak"), in batches, the first of ``PROBE``, then
    each a quarter larger than what is still needed and twice the one before: their
    owners compared with her units (``owned_among``), the database asked about the
    others only when her own do not reach the cap. The ``OR`` of her scope beside the
    matches made SQLite read her 33,000 activities by unit (18 ms), and the array of all
    13,400 ids took PostgreSQL 16 ms to plan, to count 1,001. When a batch holds few of
    hers (Hà Nội's "dak lak"), the database intersects the rest with her scope in one
    statement: the ids read (PostgreSQL's, ``matching`` None), or every match
    (``matching``: the condition of the index's matches, SQLite's: its lookup within
    the statement costs less)."""
    model, using = scoped.model, scoped.db
    owned_count, others, offset, size = 0, [], 0, 0
    while True:
        need = COUNT_CAP + 1 - owned_count
        size = max(need + need // 4, 2 * size) if size else PROBE
        chunk = newest(offset, size)
        offset += len(chunk)
        owned = owned_among(model, user, chunk, using)
        if owned is None or 2 * len(owned) < len(chunk):
            if matching is not None:
                return scoped.filter(matching).order_by()[: COUNT_CAP + 1].count()
            others += chunk + (newest(offset, ALL) if len(chunk) == size else [])
            break
        owned_count += len(owned)
        if owned_count > COUNT_CAP:
            return COUNT_CAP + 1
        others += [pk for pk in chunk if pk not in owned]
        if len(chunk) < size:
            break
    if others:
        narrowed = scoped.filter(pk_among(model, others, using)).order_by()
        owned_count += narrowed[: COUNT_CAP + 1 - owned_count].count()
    return min(owned_count, COUNT_CAP + 1)


def _hits(kind, q: Query, scoped, ranked: list[tuple]) -> list[Hit]:
    """The records of ``ranked`` ((score, order, id), best first, every one in the
    reader's scope already) read in one query by primary key, with their subtitles;
    ranked here, not by the model's ordering. (Through the scope's ``OR`` beside the
    ids, SQLite read every record of a province's units to keep ten.)"""
    qs = kind.model._default_manager.db_manager(scoped.db).order_by()
    if kind.list_select_related:
        qs = qs.select_related(*kind.list_select_related)
    objs = qs.in_bulk([oid for _s, _i, oid in ranked])
    subtitle = getattr(kind, "search_subtitle", None) or _subtitle
    return [
        Hit(objs[oid], s or score(q, fold(str(objs[oid]))), _url(objs[oid]), subtitle(objs[oid]))
        for s, _i, oid in ranked
        if oid in objs
    ]


def _group(kind, count: int, hits: list[Hit]) -> Group:
    hits.sort(key=lambda h: -h.score)
    try:
        list_url = reverse(f"{kind.slug}_list")
    except NoReverseMatch:
        list_url = ""
    return Group(
        kind=kind, count=min(count, COUNT_CAP), hits=hits, list_url=list_url, more=count > COUNT_CAP
    )


def scope_ids(scoped) -> list | None:
    """The ids of the records of a scoped queryset when they are at most
    ``SMALL_SCOPE_RECORDS`` (else None)."""
    ids = list(scoped.order_by().values_list("pk", flat=True)[: SMALL_SCOPE_RECORDS + 1])
    return ids if len(ids) <= SMALL_SCOPE_RECORDS else None


def search_ids(
    kind, q: Query, scoped, ids: list, pre: Prefetched, *, limit: int = 10, using: str = "default"
) -> Group | None:
    """One kind searched within a small scope (``ids``, a commune's records): the kept
    matches (``pre``) that are hers, counted and ranked as the index's candidates are
    (those matching by name first, then the newest), their titles read by primary key.
    (Asking the index for a common word read every match of the country to keep a
    handful; reading her records' index rows to match them here read a few thousand
    keys.)"""
    hers = set(ids)
    ct = _content_type(using, kind.model).pk
    named = [oid for oid in pre.named if oid in hers]
    keyed = [oid for oid in pre.ids if oid in hers]
    low = sorted((oid for oid in hers if oid <= max(pre.floor, pre.name_floor)), reverse=True)
    if low:  # a common word's window: her older records matched here, from their keys
        rows = read_keys(ct, low, using)
        named += [o for o in low if o <= pre.name_floor and o in rows and matches(q, rows[o][0])]
        keyed += [o for o in low if o <= pre.floor and o in rows and matches(q, rows[o][1])]
    by_name = set(named)
    other = [oid for oid in keyed if oid not in by_name]
    count = len(named) + len(other)
    if not count:
        return None
    chosen = (named + other)[:CANDIDATES]
    titles = read_titles(ct, chosen, using)
    found = [(oid, *titles[oid]) for oid in chosen if oid in titles]
    ranked = sorted(
        ((score(q, title, name), -i, oid) for i, (oid, title, name) in enumerate(found)),
        reverse=True,
    )[:limit]
    return _group(kind, count, _hits(kind, q, scoped, ranked))


def _subtitle(obj) -> str:
    """A short second line: where a partner is, when an activity was, who recorded it."""
    parts = []
    for attr in ("name_en", "country_label", "subdivision_label"):
        value = getattr(obj, attr, "")
        if value and value != str(obj):
            parts.append(str(value))
    for attr in ("start_date", "signed_date", "published", "date"):
        value = getattr(obj, attr, None)
        if hasattr(value, "strftime"):
            parts.append(value.strftime("%d/%m/%Y"))
            break
    cache = getattr(getattr(obj, "_state", None), "fields_cache", {})
    unit = cache.get("unit")  # only when already loaded: no query per hit
    if unit is not None and unit != obj:
        parts.append(str(unit))
    return " · ".join(parts)


def _url(obj) -> str:
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


def search(
    user, text: str, *, limit: int = 10, kinds: Iterable[str] | None = None, using: str = "default"
) -> list[Group]:
    """Groups of results per kind, in the user's scope, best group and best match first."""
    q = Query(text or "")
    if not q.usable:
        return []
    groups = []
    chosen = [
        k
        for k in searchable_kinds()
        if (not kinds or k.slug in kinds) and not (k.nav_group == "hidden" and not k.search_fields)
    ]
    cts = {k.slug: _content_type(using, k.model).pk for k in chosen}
    scoped = {k.slug: scoped_records(k, user, using) for k in chosen}
    small = {}
    if small_scope(user, using):  # a commune: each kind's records in her scope, by id
        for kind in chosen:
            if not unrestricted(scoped[kind.slug]):
                ids = scope_ids(scoped[kind.slug])
                if ids is not None:
                    small[kind.slug] = ids
    pre = kept(q, [cts[k.slug] for k in chosen], using)
    for kind in chosen:
        if kind.slug in small:
            group = search_ids(
                kind,
                q,
                scoped[kind.slug],
                small[kind.slug],
                pre[cts[kind.slug]],
                limit=limit,
                using=using,
            )
        else:
            group = search_kind(
                kind,
                user,
                q,
                pre[cts[kind.slug]],
                limit=limit,
                using=using,
                scoped=scoped[kind.slug],
            )
        if group:
            groups.append(group)
    groups.sort(key=lambda g: (-g.best, g.kind.menu_order))
    return groups
