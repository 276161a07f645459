"""Search across every record kind, by any spelling, in the reader's scope: the
matches of the index (``core.searchindex``, kept current by ``core.searchkept``: the
same for every reader) counted in her scope, their candidates ranked on their titles,
grouped by kind."""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation
from rapidfuzz import fuzz

from doingoai.core.models import SEARCH_INDEX_TOPIC, topic_versions
from doingoai.core.registry import RecordKind
from doingoai.core.scope import (
    VIEW,
    SharedDirectory,
    UnitOwned,
    UnitTree,
    owned_among,
    path_fields,
    pk_among,
    small_scope,
    unit_model,
)
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
from doingoai.core.searchkept import kept, may_keep, read_keys, read_titles
from doingoai.core.seen import SEEN_ALL, reads_a_subtree, seen_topic
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
        before = _owners_before(pre)
        count = count_in_scope(scoped, user, pre.newest, matching, owners=pre.owners)
    if not count:
        return None
    found = pre.found
    if everything:
        in_scope = {oid for oid, _t, _n in found}
    else:
        in_scope = _in_scope(scoped, user, [oid for oid, _t, _n in found], pre.owners)
        if pre.share_owners is not None and before is not None:
            pre.share_owners(read=len(pre.owners) - before)
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


def _owners_before(pre: Prefetched) -> int | None:
    """How many of the matches' owners are kept, after taking those another process
    shared when too few of the newest are (``Prefetched.share_owners``); None: not kept."""
    if pre.owners is None:
        return None
    if pre.share_owners is not None and any(oid not in pre.owners for oid in pre.ids[:PROBE]):
        pre.share_owners()
    return len(pre.owners)


def _in_scope(scoped, user, ids: list, owners: dict | None = None) -> set:
    """Which of ``ids`` the reader's scope (``scoped``) holds: those her units own known
    from their owners (``owned_among``, kept with the matches: read once, not after every
    change), the scope's condition asked only for the others (its ``OR`` of subqueries
    beside a hundred ids: 0.5-9 ms a kind on SQLite at 1M)."""
    if not ids:
        return set()
    owned = owned_among(scoped.model, user, ids, scoped.db, known=owners)
    if owned is None:
        return set(scoped.filter(pk__in=ids).values_list("pk", flat=True))
    rest = [pk for pk in ids if pk not in owned]
    if rest:
        narrowed = scoped.filter(pk_among(scoped.model, rest, scoped.db)).order_by()
        owned |= set(narrowed.values_list("pk", flat=True))
    return owned


def count_in_scope(
    scoped, user, newest: Callable[[int, int], list], matching=None, owners: dict | None = None
) -> int:
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
    the statement costs less). ``owners``: the matches' owners read before (kept with
    them, ``Prefetched.owners``), only the others read (and added)."""
    model, using = scoped.model, scoped.db
    owned_count, others, offset, size = 0, [], 0, 0
    while True:
        need = COUNT_CAP + 1 - owned_count
        size = max(need + need // 4, 2 * size) if size else PROBE
        chunk = newest(offset, size)
        offset += len(chunk)
        owned = owned_among(model, user, chunk, using, known=owners)
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
    related = _hit_related(kind)
    if related:
        qs = qs.select_related(*related)
    qs = qs.defer(*_long_columns(kind.model, related))
    objs = qs.in_bulk([oid for _s, _i, oid in ranked])
    subtitle = getattr(kind, "search_subtitle", None) or _subtitle
    url = _url_maker(kind.model)
    return [
        Hit(objs[oid], s or score(q, fold(str(objs[oid]))), url(objs[oid]), subtitle(objs[oid]))
        for s, _i, oid in ranked
        if oid in objs
    ]


#: the column types a hit never shows (a record's text, its notes, its lists): left
#: unread (a news item's body, an activity's search text: most of the rows' bytes)
_LONG = (models.TextField, models.JSONField, models.FileField)


def _long_columns(model, related: list[str]) -> list[str]:
    """The long columns (``_LONG``) of ``model`` and of its ``related`` records (foreign
    keys read with it), as ``defer`` names. (A title or subtitle made of one would cost
    a statement per hit: tests/search checks the statements.)"""
    out = []
    for prefix, m in [("", model)] + [
        (f"{name}__", model._meta.get_field(name).related_model) for name in related
    ]:
        out += [prefix + f.name for f in m._meta.concrete_fields if isinstance(f, _LONG)]
    return out


_SENTINEL = 987654321987


def _url_maker(model) -> Callable:
    """How a hit's address is made: for a record whose ``get_absolute_url`` is
    ``Record``'s (its kind's detail page by id), its address reversed once with a
    stand-in id and the id put in its place (``reverse`` per hit: ~0.1 ms each); else
    ``_url``."""
    from doingoai.core.models import Record

    if getattr(model, "get_absolute_url", None) is not Record.get_absolute_url:
        return _url
    parts = _url_parts(model, translation.get_language(), get_script_prefix())
    if parts is None:
        return _url
    head, tail = parts
    return lambda obj: f"{head}{obj.pk}{tail}"


@functools.lru_cache(maxsize=256)
def _url_parts(model, language, prefix) -> tuple[str, str] | None:
    """(before, after) the id in the address of ``model``'s detail page, as reversed in
    ``language`` under the script ``prefix`` (once: a reverse cost 1-3 ms here)."""
    try:
        template = reverse(f"{model.kind_slug}_detail", args=[_SENTINEL])
    except (AttributeError, NoReverseMatch):
        return None
    if template.count(str(_SENTINEL)) != 1:
        return None
    head, tail = template.split(str(_SENTINEL))
    return head, tail


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
    return search_keyed(user, text, limit=limit, kinds=kinds, using=using)[0]


def search_keyed(
    user, text: str, *, limit: int = 10, kinds: Iterable[str] | None = None, using: str = "default"
) -> tuple[list[Group], tuple | None]:
    """:func:`search`'s groups and what they are: the key each kind's group is kept under
    (equal keys, equal groups), or None when a kind's group has none (not kept)."""
    q = Query(text or "")
    if not q.usable:
        return [], None
    groups = []
    chosen = [
        k
        for k in searchable_kinds()
        if (not kinds or k.slug in kinds) and not (k.nav_group == "hidden" and not k.search_fields)
    ]
    cts = {k.slug: _content_type(using, k.model).pk for k in chosen}
    pre = kept(q, list(cts.values()), using)
    pre = {k.slug: pre[cts[k.slug]] for k in chosen}
    # each kind's group as worked out before for this reader, while nothing it reads
    # moved (its matches, the versions of the apps it reads): a save of an activity
    # leaves the units', partners', agreements' and news' groups as they were
    # and, for a province's or commune's reader, while nothing in her subtree moved
    keys, subtree_keys = _group_keys(chosen, user, limit, pre, using, q)
    found = _kept_groups(subtree_keys) if subtree_keys else {}
    found |= _kept_groups({slug: key for slug, key in keys.items() if slug not in found})
    rest = [k for k in chosen if k.slug not in found]
    scoped = {k.slug: scoped_records(k, user, using) for k in rest}
    small = {}
    if rest and small_scope(user, using):  # a commune: each kind's records in her scope, by id
        for kind in rest:
            if not unrestricted(scoped[kind.slug]):
                ids = scope_ids(scoped[kind.slug])
                if ids is not None:
                    small[kind.slug] = ids
    made = {}
    for kind in chosen:
        slug = kind.slug
        if slug in found:
            group = found[slug]
        elif slug in small:
            group = search_ids(
                kind, q, scoped[slug], small[slug], pre[slug], limit=limit, using=using
            )
        else:
            group = search_kind(
                kind, user, q, pre[slug], limit=limit, using=using, scoped=scoped[slug]
            )
        if slug not in found:
            made.update({each[slug]: group for each in (keys, subtree_keys) if slug in each})
        if group:
            groups.append(group)
    if made and may_keep(using):
        _keep_groups(made)
    groups.sort(key=lambda g: (-g.best, g.kind.menu_order))
    what = []
    for kind in chosen:
        key = subtree_keys.get(kind.slug) or keys.get(kind.slug)
        if key is None:
            return groups, None
        what.append(key)
    return groups, tuple(what)


# ---------------------------------------------------------------- groups kept

#: bump when a kept group changes shape
GROUP_FORMAT = 1
#: the groups one process keeps (the least recently used dropped)
LOCAL_GROUPS = 500
_GROUPS: OrderedDict[str, Group | None] = OrderedDict()
_GROUPS_LOCK = threading.Lock()
_MISSING = object()


def _topics(kind) -> tuple[str, ...] | None:
    """The data versions' topics (apps) a kind's group for a reader reads besides its
    matches: the kind's own app (its records: their scope's columns, their titles and
    subtitles, their links and sharing), the apps of the records its scope goes through
    (a resource seen through its activity's units), of the records its hits show (their
    unit), and the units' (the tree: her subtree, merges, names). None: a scope of
    another shape, not kept."""
    model = kind.model
    if getattr(kind.scoped, "__func__", None) is not RecordKind.scoped.__func__:
        return None
    labels = {model._meta.app_label, unit_model()._meta.app_label}
    policy = model.scope_policy
    if isinstance(policy, UnitOwned):
        paths = policy.unit_paths()
    elif isinstance(policy, (SharedDirectory, UnitTree)):
        paths = []
    else:
        return None
    for path in paths + _hit_related(kind):
        for field in path_fields(model, path):
            if field.many_to_many:
                labels.add(field.remote_field.through._meta.app_label)
            labels.add(field.related_model._meta.app_label)
    return tuple(sorted(labels))


def _seen_topics(kind, user) -> tuple[str, ...] | None:
    """For a province's or commune's reader (her scope her subtree) and a unit-owned
    kind: what her group reads, followed without the kind's matches or app. Her group
    is her records matching the query; a record enters, leaves or changes in her scope
    (its index entry is written in its save's transaction) only with a change that moves
    her unit's ``seen`` version (``core.seen``); a rebuilt index moves its own version;
    the hits' second line reads the units' names. None: another reader or kind."""
    if getattr(kind.scoped, "__func__", None) is not RecordKind.scoped.__func__:
        return None
    if not isinstance(kind.model.scope_policy, UnitOwned):
        return None
    if not reads_a_subtree(user):
        return None
    labels = {unit_model()._meta.app_label}
    for path in _hit_related(kind):
        labels.add(kind.model._meta.get_field(path).related_model._meta.app_label)
    return (seen_topic(user.unit_id), SEEN_ALL, SEARCH_INDEX_TOPIC, *sorted(labels))


def _hit_related(kind) -> list[str]:
    """The foreign keys read with a kind's hits: its unit (the subtitle's), when its list
    reads it (the list's other ones, a news item's activity, are not shown here)."""
    return ["unit"] if "unit" in (kind.list_select_related or ()) else []


def _group_keys(
    chosen, user, limit: int, pre: dict, using: str, q: Query
) -> tuple[dict[str, str], dict[str, str]]:
    """The keys of each kind's group for ``user``: its matches' stamp (the kind's last
    change in the index, ``Prefetched.stamp``), the versions of the apps it reads
    (``_topics``), the reader (her unit, role, rights), the language (the subtitles'
    country names), the number of hits. Equal keys: an equal group (tests/search).
    And for a province's or commune's reader's unit-owned kinds a second key, under
    her subtree's version instead of the matches and the kind's app (``_seen_topics``):
    her group found under either is hers."""
    topics = {k.slug: _topics(k) for k in chosen if pre[k.slug].stamp}
    topics = {slug: t for slug, t in topics.items() if t is not None}
    seen = {k.slug: _seen_topics(k, user) for k in chosen if pre[k.slug].stamp}
    seen = {slug: t for slug, t in seen.items() if t is not None}
    if (not topics and not seen) or using != "default":  # (the default database's versions)
        return {}, {}
    wanted = sorted({t for ts in (*topics.values(), *seen.values()) for t in ts})
    versions = dict(zip(wanted, topic_versions(*wanted), strict=True))
    who = (
        f"{getattr(user, 'pk', None)}:{getattr(user, 'unit_id', None)}:"
        f"{getattr(user, 'role', '')}:{int(bool(getattr(user, 'is_superuser', False)))}:"
        f"{int(bool(getattr(user, 'is_active', False)))}:{translation.get_language()}"
    )

    def key(stamp, ts) -> str:
        what = f"{GROUP_FORMAT}|{using}|{stamp}|{limit}|{who}|" + "-".join(
            f"{t}={versions[t]}" for t in ts
        )
        return "search-group:" + hashlib.sha256(what.encode()).hexdigest()[:40]

    return (
        {slug: key(pre[slug].stamp, ts) for slug, ts in topics.items()},
        # the query and the kind said here, where the matches' stamp said them
        {slug: key(f"seen|{slug}|{q.folded}", ts) for slug, ts in seen.items()},
    )


def _kept_groups(keys: dict[str, str]) -> dict:
    """The groups kept under ``keys`` (in this process, else in the shared cache):
    {slug: group or None (nothing of hers)}."""
    out, elsewhere = {}, {}
    with _GROUPS_LOCK:
        for slug, key in keys.items():
            got = _GROUPS.get(key, _MISSING)
            if got is _MISSING:
                elsewhere[key] = slug
            else:
                _GROUPS.move_to_end(key)
                out[slug] = got
    if elsewhere:
        shared = cache.get_many(list(elsewhere))
        for key, value in shared.items():
            out[elsewhere[key]] = value[0]
        _remember({key: value[0] for key, value in shared.items()})
    return out


def _keep_groups(made: dict) -> None:
    """Keep groups worked out here (a group or None, wrapped: the shared cache's "no
    value" is None), in this process and in the shared cache."""
    cache.set_many({key: (group,) for key, group in made.items()}, GROUP_TIMEOUT)
    _remember(made)


GROUP_TIMEOUT = 6 * 3600


def _remember(groups: dict) -> None:
    with _GROUPS_LOCK:
        for key, group in groups.items():
            _GROUPS[key] = group
            _GROUPS.move_to_end(key)
        while len(_GROUPS) > LOCAL_GROUPS:
            _GROUPS.popitem(last=False)


def forget_groups() -> None:
    """Drop this process's kept groups (the shared cache keeps its own)."""
    with _GROUPS_LOCK:
        _GROUPS.clear()
