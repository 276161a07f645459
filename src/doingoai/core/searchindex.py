"""The search index of every record kind: any spelling finds a record.

(The search page, its ranking and grouping live in ``doingoai.search``; this module
is the index: its key, its writing and the queries that read it.)

The index
---------
One index for all kinds, keyed by ``content type << 40 | object id`` (so a row's
kind and record are found from its key alone, and an upsert is a primary-key
operation). Each row holds:

* ``key``: the record's text folded (no diacritics, lower case), squashed (no
  spaces) and reduced to a phonetic key (``c``/``q`` -> ``k``, ``x``/``z`` ->
  ``s``, ``y`` -> ``i``, ``ou`` -> ``u``, doubled letters once). "Chăm-pa-sắc",
  "Chămpasăk", "champasac" and "Champassak" all become ``champasak``;
  "Sê Kông", "Sekong" and "Xekong" become ``sekong``; "Đắk Lắk", "DAK LAK",
  "Daklak" become ``daklak``.
* ``title``: the folded display name, used to rank.

On SQLite the index is an FTS5 virtual table with the trigram tokenizer (any
substring of three letters or more is an index lookup); on PostgreSQL a plain
table with a pg_trgm GIN index, which serves ``LIKE '%...%'``. Records are
indexed by the model save/delete signals; bulk inserts call
:func:`reindex` or ``doingoai rebuild_search``.

Every entry written or deleted is logged (``core_searchchange``, :func:`log_changes`)
in the writer's transaction, so the matches of a query kept by ``core.searchkept`` are
brought up to date from the few entries changed since, not asked of the index after
every change; a rebuild moves the index's version instead (:func:`move_index_version`).

A query matches a record when every word of the query (three letters or more)
is in its key, or when the whole query, squashed, is (:func:`matches` is the same
test in Python). Results are the intersection with ``Kind.scoped(user, "view")``,
counted per kind, and ranked: the candidates (the newest named by the query, then the
newest matching elsewhere) are re-scored on their titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, models, transaction
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

from .countries import subdivision_aliases
from .registry import REGISTRY, RecordKind
from .text import fold

TABLE = "core_search"
#: the index's columns besides the entry's id (``id`` on PostgreSQL, the rowid on SQLite)
COLUMNS = "title, name, key"
SHIFT = 40  # object ids below 2**40; content type ids in the high bits
MAX_KEY = 20000
MIN_TERM = 3
#: candidates fetched per kind, in the database's rank order, before scoping and re-ranking
CANDIDATES = 100
#: PostgreSQL: the kinds with trigram indexes of their own (partial, on their content
#: type; migration core 0007), the kinds every reader reads whole
OWN_INDEX = ("organization.unit", "partners.partner")

# ---------------------------------------------------------------- the key


_PROTECT_CH = "\x01"
_RULES = [
    (re.compile(r"ch"), _PROTECT_CH),
    (re.compile(r"ngh"), "ng"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"[cq]"), "k"),
    (re.compile(r"[xz]"), "s"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(_PROTECT_CH), "ch"),
]


def phonetic(value: str | None) -> str:
    """The squashed phonetic key of any spelling: 'Xê Kông' -> 'sekong'."""
    return _phon(fold(value))


def _phon(folded: str) -> str:
    """``phonetic`` of a text already folded."""
    out = folded.replace(" ", "")
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out


def phonetic_words(value: str | None) -> list[str]:
    return [p for p in (phonetic(w) for w in fold(value).split()) if p]


def glue_short(words: list[str]) -> list[str]:
    """Join words too short to look up to the next one ("Sê Kông" -> "sekong",
    "UN Women" -> "unwomen"): alone they match nothing (trigrams), and dropping
    them would let "kong" match every "công"."""
    out, carry = [], ""
    for w in words:
        w = carry + w
        if len(w) < MIN_TERM:
            carry = w
            continue
        out.append(w)
        carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return [w for w in out if len(w) >= MIN_TERM]


def entry_id(ct_id: int, object_id: int) -> int:
    return (ct_id << SHIFT) | int(object_id)


def ct_range(ct_id: int) -> tuple[int, int]:
    return ct_id << SHIFT, ((ct_id + 1) << SHIFT) - 1


# ---------------------------------------------------------------- kinds


def searchable(kind: type[RecordKind]) -> bool:
    if not getattr(kind, "searchable", True):
        return False
    model = kind.model
    has_text = any(f.name == "search_text" for f in model._meta.get_fields())
    return bool(kind.search_fields or has_text or getattr(kind, "search_document", None))


def searchable_kinds() -> list[type[RecordKind]]:
    return [k for k in sorted(REGISTRY.values(), key=lambda k: k.menu_order) if searchable(k)]


def kind_of(model) -> type[RecordKind] | None:
    slug = getattr(model, "kind_slug", "")
    kind = REGISTRY.get(slug) if slug else None
    if kind is None or kind.model is not model or not searchable(kind):
        return None
    return kind


def _resolve(obj, path: str) -> list[str]:
    values = [obj]
    for part in path.split("__"):
        nxt = []
        for v in values:
            if v is None:
                continue
            attr = getattr(v, part, None)
            if isinstance(attr, models.Manager):
                nxt += list(attr.all())
            elif callable(attr):
                nxt.append(attr())
            elif isinstance(attr, (list, tuple)):
                nxt += list(attr)
            else:
                nxt.append(attr)
        values = nxt
    return [str(v) for v in values if v not in (None, "")]


def document(kind: type[RecordKind], obj) -> tuple[str, str]:
    """(folded title, folded full text) of a record: its name, its ``search_text``,
    its ``search_fields`` and the aliases of the subdivision it is in."""
    title = fold(str(obj))
    parts = []
    hook = getattr(kind, "search_document", None)
    if hook:
        parts.append(hook(obj) or "")
    for name in kind.search_fields:
        parts += _resolve(obj, name)
    sub = getattr(obj, "subdivision", None)
    if isinstance(sub, str) and sub:
        parts += subdivision_aliases(sub)
    text = getattr(obj, "search_text", None)  # kept folded by the model's save
    folded = " ".join(p for p in (title, fold(" ".join(parts)), text) if p)
    return title[:300], folded.lower()


def search_select_related(kind) -> list[str]:
    out = []
    for name in kind.search_fields:
        if "__" not in name:
            continue
        head = name.split("__")[0]
        try:
            f = kind.model._meta.get_field(head)
        except Exception:  # noqa: BLE001 - a property or method
            continue
        if f.many_to_one or f.one_to_one:
            out.append(head)
    return out


def search_prefetch_related(kind) -> list[str]:
    out = []
    for name in kind.search_fields:
        head = name.split("__")[0]
        try:
            f = kind.model._meta.get_field(head)
        except Exception:  # noqa: BLE001
            continue
        if f.many_to_many or f.one_to_many:
            out.append(head)
    return out


# ---------------------------------------------------------------- writing


def _content_type(using: str, model) -> ContentType:
    """The model's content type through the shared (cached) manager."""
    if using == "default":
        return ContentType.objects.get_for_model(model)
    return ContentType.objects.db_manager(using).get_for_model(model)


def _vendor(using="default") -> str:
    return connections[using].vendor


def write_entries(
    rows: Iterable[tuple[int, str, str]], using: str = "default", *, log: bool = True
) -> int:
    """Upsert ``(entry id, title, folded text)`` rows, and log them (``log_changes``;
    a rebuild, ``log=False``, moves the index's version instead)."""
    data = _rows(rows)
    if not data:
        return 0
    conn = connections[using]
    with transaction.atomic(using=using, savepoint=False), conn.cursor() as cur:
        if log:
            log_changes([d[0] for d in data], using)
        if conn.vendor == "postgresql":
            cur.executemany(
                f"INSERT INTO {TABLE} (id, {COLUMNS}) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, name = EXCLUDED.name, "
                "key = EXCLUDED.key",
                data,
            )
        else:
            cur.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(d[0],) for d in data])
            cur.executemany(f"INSERT INTO {TABLE} (rowid, {COLUMNS}) VALUES (%s, %s, %s, %s)", data)
    return len(data)


# ---------------------------------------------------------------- the change log


#: the change log keeps its last ``LOG_KEEP`` rows, trimmed each ``LOG_TRIM`` rows (a
#: kept state further behind than ``searchkept.PATCH_MAX < LOG_KEEP`` is made afresh)
LOG_KEEP = 20000
LOG_TRIM = 1000
LOG_TABLE = "core_searchchange"
VERSION_TABLE = "core_dataversion"


def log_changes(ids: list[int], using: str = "default") -> None:
    """Record that the index entries ``ids`` were written or deleted, in the caller's
    transaction (``SearchChange``: the kept matches of ``core.searchkept`` re-read
    these entries).

    The order of the log must be the order in which its rows become visible: a reader
    that has seen change ``n`` takes every change up to ``n`` as seen. PostgreSQL takes
    a row's number when it is inserted, not when it commits: a writer that took 5 and
    commits after another took 6 and committed would be missed by a reader keeping 6.
    So every writer of the log first locks the global data version's row (row 1, the
    one every save moves first: ``core.models.bump_data_version``), held to its commit:
    the writers of the log follow one another, each takes its numbers and commits
    before the next takes any, and a reader sees every number below the highest it
    sees. (A save already held that row from its data version bump to its commit; the
    lock now starts at its index write, a few statements earlier, and is taken in the
    same order as before: no new deadlock.) SQLite has one writer at a time already."""
    if not ids:
        return
    conn = connections[using]
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute(f"SELECT 1 FROM {VERSION_TABLE} WHERE id = 1 FOR UPDATE")
            if cur.fetchone() is None:  # a new installation: the row every save moves
                cur.execute(
                    f"INSERT INTO {VERSION_TABLE} (id, topic, value) VALUES (1, '', 0) "
                    "ON CONFLICT DO NOTHING"
                )
                cur.execute(f"SELECT 1 FROM {VERSION_TABLE} WHERE id = 1 FOR UPDATE")
        numbers = []
        for start in range(0, len(ids), 500):
            chunk = [int(i) for i in ids[start : start + 500]]
            marks = ", ".join(["(%s)"] * len(chunk))
            cur.execute(f"INSERT INTO {LOG_TABLE} (entry) VALUES {marks} RETURNING id", chunk)
            numbers += [row[0] for row in cur.fetchall()]
        first, last = min(numbers), max(numbers)
        if last // LOG_TRIM != (first - 1) // LOG_TRIM:  # passed a multiple: trim
            cur.execute(f"DELETE FROM {LOG_TABLE} WHERE id <= %s", [last - LOG_KEEP])


def move_index_version(using: str = "default") -> None:
    """Move the search index's data version (``SEARCH_INDEX_TOPIC``): every kept match
    is dropped and made afresh. A rebuild calls it (it logs no entry)."""
    from .models import SEARCH_INDEX_TOPIC

    with connections[using].cursor() as cur:
        cur.execute(
            f"UPDATE {VERSION_TABLE} SET value = value + 1 WHERE topic = %s", [SEARCH_INDEX_TOPIC]
        )
        if cur.rowcount:
            return
        # made by migration core 0008; a flushed test database has lost it
        cur.execute(
            f"INSERT INTO {VERSION_TABLE} (id, topic, value) "
            f"SELECT COALESCE(MAX(id), 1) + 1, %s, 1 FROM {VERSION_TABLE}",
            [SEARCH_INDEX_TOPIC],
        )


def _rows(rows) -> list[tuple[int, str, str, str]]:
    """(id, folded title, phonetic title, phonetic key) for the table."""
    return [(eid, title, _phon(title), _phon(text)[:MAX_KEY]) for eid, title, text in rows]


def delete_entries(ids: Iterable[int], using: str = "default"):
    ids = [(i,) for i in ids]
    if not ids:
        return
    conn = connections[using]
    col = "id" if conn.vendor == "postgresql" else "rowid"
    with transaction.atomic(using=using, savepoint=False), conn.cursor() as cur:
        log_changes([i for (i,) in ids], using)
        cur.executemany(f"DELETE FROM {TABLE} WHERE {col} = %s", ids)


def index_objects(objs, using: str = "default") -> int:
    """Index saved records (of any searchable kind)."""
    rows = []
    for obj in objs:
        kind = kind_of(type(obj))
        if kind is None:
            continue
        ct = _content_type(using, type(obj))
        title, text = document(kind, obj)
        rows.append((entry_id(ct.pk, obj.pk), title, text))
    return write_entries(rows, using)


def clear_kind(kind, using: str = "default"):
    ct = _content_type(using, kind.model)
    lo, hi = ct_range(ct.pk)
    conn = connections[using]
    col = "id" if conn.vendor == "postgresql" else "rowid"
    with transaction.atomic(using=using, savepoint=False), conn.cursor() as cur:
        cur.execute(f"DELETE FROM {TABLE} WHERE {col} BETWEEN %s AND %s", [lo, hi])
        move_index_version(using)


def reindex(
    kind, *, batch: int = 2000, progress=None, using: str = "default", clear: bool = True
) -> int:
    """(Re)build the index of one kind, in primary-key batches; returns the count.

    Call after ``bulk_create`` (which sends no signals). Its entries are not logged one
    by one: the index's version moves at its end (``move_index_version``; at its start
    too when it clears), in the caller's transaction, and every kept match is dropped."""
    model = kind.model
    ct = _content_type(using, model)
    if clear:
        clear_kind(kind, using)
    qs = model._base_manager.using(using).order_by("pk")
    if sel := search_select_related(kind):
        qs = qs.select_related(*sel)
    if pre := search_prefetch_related(kind):
        qs = qs.prefetch_related(*pre)
    total = model._base_manager.using(using).count()
    done = 0
    last = None
    while True:
        page = qs.filter(pk__gt=last) if last is not None else qs
        objs = list(page[:batch])
        if not objs:
            break
        rows = []
        for obj in objs:
            title, text = document(kind, obj)
            rows.append((entry_id(ct.pk, obj.pk), title, text))
        if clear:
            _insert_fresh(rows, using)
        else:
            write_entries(rows, using, log=False)
        done += len(objs)
        last = objs[-1].pk
        if progress:
            progress(done, total, str(kind.verbose_name_plural()))
    move_index_version(using)
    return done


def _insert_fresh(rows, using):
    col = "id" if _vendor(using) == "postgresql" else "rowid"
    with connections[using].cursor() as cur:
        cur.executemany(
            f"INSERT INTO {TABLE} ({col}, {COLUMNS}) VALUES (%s, %s, %s, %s)", _rows(rows)
        )


def optimize(using: str = "default"):
    conn = connections[using]
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute(f"ANALYZE {TABLE}")
        else:
            cur.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")


# ---------------------------------------------------------------- signals


def _on_save(sender, instance, raw=False, using="default", **kwargs):
    if raw or kind_of(sender) is None:
        return
    index_objects([instance], using)


def _on_delete(sender, instance, using="default", **kwargs):
    if kind_of(sender) is None or instance.pk is None:
        return
    ct = _content_type(using, sender)
    delete_entries([entry_id(ct.pk, instance.pk)], using)


def connect_signals():
    post_save.connect(_on_save, dispatch_uid="doingoai.search.save")
    post_delete.connect(_on_delete, dispatch_uid="doingoai.search.delete")


# ---------------------------------------------------------------- querying


@dataclass
class Query:
    text: str
    folded: str = ""
    whole: str = ""  # phonetic key of the whole query
    terms: list[str] = field(default_factory=list)  # phonetic keys of its words

    def __post_init__(self):
        self.folded = fold(self.text)
        self.whole = phonetic(self.text)
        self.terms = glue_short(phonetic_words(self.text))

    @property
    def usable(self) -> bool:
        return len(self.whole) >= MIN_TERM

    def fts(self) -> str:
        """FTS5 expression: (all words) OR the squashed whole. Keys are [a-z0-9]."""
        alts = []
        if self.terms:
            alts.append("(" + " AND ".join(f'"{t}"' for t in self.terms) + ")")
        if self.whole and (len(self.terms) != 1 or self.terms[0] != self.whole):
            alts.append(f'"{self.whole}"')
        return " OR ".join(alts)

    @property
    def whole_needed(self) -> bool:
        """Can the whole query squashed match where its words do not? Not when it is
        the only word, nor when it holds every word ("daklak" holds "dak" and "lak":
        a key holding it holds them), which left PostgreSQL a second trigram scan."""
        if not self.whole:
            return False
        return not self.terms or not all(t in self.whole for t in self.terms)

    def like(self, column: str = "key") -> tuple[str, list[str]]:
        """PostgreSQL condition on ``column`` served by the trigram index (the same
        matches as :func:`matches`)."""
        conds, params = [], []
        if self.terms:
            conds.append("(" + " AND ".join([f"{column} LIKE %s"] * len(self.terms)) + ")")
            params += [f"%{t}%" for t in self.terms]
        if self.whole_needed:
            conds.append(f"{column} LIKE %s")
            params.append(f"%{self.whole}%")
        return "(" + " OR ".join(conds) + ")", params


def match_sql(
    q: Query,
    ct_id: int,
    vendor: str,
    *,
    names_only: bool = False,
    limit: int | None = None,
    columns: str = "title",
) -> tuple[str, list]:
    """SQL selecting ``(object id, <columns>)`` of the matching entries of one kind: in
    their whole text, or (``names_only``) in their names. When limited, newest first
    on SQLite, in index order on PostgreSQL."""
    lo, hi = ct_range(ct_id)
    mask = (1 << SHIFT) - 1
    if vendor == "postgresql":
        cond, params = q.like("name" if names_only else "key")
        # the kind as an expression, not an id range: the planner then takes the
        # trigram index rather than scanning the kind's range of the primary key
        sql = (
            f"SELECT (id & {mask}) AS oid, {columns} FROM {TABLE} "
            f"WHERE (id >> {SHIFT}) = %s AND {cond}"
        )
        params = [ct_id, *params]
        order = ""
    else:
        expr = q.fts()
        sql = (
            f"SELECT (rowid - {lo}) AS oid, {columns} FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
        )
        params = [f"{{name}} : ({expr})" if names_only else f"{{key}} : ({expr})", lo, hi]
        order = " ORDER BY rowid DESC"
    if limit:
        sql += f"{order} LIMIT {int(limit)}"
    return sql, params


def ids_subquery(q: Query, model, using: str = "default") -> RawSQL:
    ct = _content_type(using, model)
    vendor = _vendor(using)
    sql, params = match_sql(q, ct.pk, vendor)
    return RawSQL(f"SELECT oid FROM ({sql}) AS m", params)


def matching_filter(q: Query, model, using: str = "default"):
    """A condition for ``queryset.filter(...)``: the record matches the query.

    PostgreSQL gets ``pk = ANY(ARRAY(subquery))``: an InitPlan run once, where
    ``IN (subquery)`` may be planned as a loop re-running the trigram scan per row."""
    ct = _content_type(using, model)
    vendor = _vendor(using)
    sql, params = match_sql(q, ct.pk, vendor)
    if vendor == "postgresql":
        column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
        return RawSQL(
            f"{column} = ANY(ARRAY(SELECT oid FROM ({sql}) AS m))",
            params,
            output_field=models.BooleanField(),
        )
    return models.Q(pk__in=RawSQL(f"SELECT oid FROM ({sql}) AS m", params))


def filter_queryset(queryset, value: str):
    """Narrow a queryset of a searchable kind to the records matching ``value``;
    None when the kind is not indexed (the caller falls back)."""
    kind = kind_of(queryset.model)
    if kind is None:
        return None
    q = Query(value)
    if not q.usable:
        return None
    return queryset.filter(matching_filter(q, queryset.model, queryset.db))


def match_ids(
    q: Query, ct_id: int, offset: int, limit: int, using: str = "default", *, below: int = 0
) -> list:
    """The ids of the matching records of one kind, newest first, ``limit`` of them
    after the first ``offset`` (of those up to ``below`` when given)."""
    vendor = _vendor(using)
    sql, params = match_sql(q, ct_id, vendor, columns="1")
    if below:
        sql += f" AND {'id' if vendor == 'postgresql' else 'rowid'} <= %s"
        params.append(entry_id(ct_id, below))
    order = "oid DESC" if vendor == "postgresql" else "rowid DESC"
    with connections[using].cursor() as cur:
        cur.execute(f"{sql} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}", params)
        return [row[0] for row in cur.fetchall()]


def unrestricted(queryset) -> bool:
    """Does the reader's scope leave every record of the kind in (no condition)?"""
    query = queryset.query
    return not query.where.children and not query.is_empty()


@dataclass
class Prefetched:
    """One kind's matches (``core.searchkept.kept``), the same for every reader."""

    ids: Sequence = field(default_factory=list)  # every match above ``floor``, newest first
    found: list = field(default_factory=list)  # candidates: (oid, title, phonetic title)
    named: Sequence = ()  # the ids matching in the name above ``name_floor``, newest first
    floor: int = 0  # the matches up to this id are not in ``ids`` (0: every one is)
    name_floor: int = 0
    older: Callable | None = None  # (offset, limit) -> the matches up to ``floor``
    #: the owners (unit ids) of matches read so far, by id, kept with the matches
    #: (``core.searchkept``: forgotten for an entry changed since), filled by the readers
    #: who compare them with their units (``core.scope.owned_among``); None: not kept
    owners: dict | None = None
    #: what these matches are (the query, the kind, the index's version and the last
    #: change of the kind's entries, ``core.searchkept``): equal stamps, equal matches
    stamp: str = ""
    #: ``(read)``: share the owners this reader read (``read`` of them); ``()``: take
    #: those shared before reading any (``core.searchkept._share_owners``)
    share_owners: Callable | None = None

    def newest(self, offset: int, limit: int) -> list:
        """``limit`` of the matches' ids after the newest ``offset`` (as ``match_ids``)."""
        out = list(self.ids[offset : offset + limit])
        if len(out) < limit and self.floor:
            out += self.older(max(0, offset - len(self.ids)), limit - len(out))
        return out

    @property
    def complete(self) -> bool:
        return not self.floor


def match_rows(q: Query, ct_ids: list[int], using: str = "default") -> list[tuple]:
    """PostgreSQL: every match of every kind of ``ct_ids`` in one statement, as ``(entry
    id, in the key, in the name)``, newest first. Its cost is the bitmap heap scan over
    every kind's matches ("dak lak": the 17,600 records of Đắk Lắk, one heap page each),
    paid once for the names and the keys together. The kinds with indexes of their own
    (``OWN_INDEX``) are asked in their own part of the statement: a commune's search of
    the partners read the 17,600 matches of every kind to keep 11. (The search keeps
    what this finds and patches it from the index's change log: ``core.searchkept``.)"""
    names, name_params = q.like("name")
    keys, key_params = q.like("key")
    # a kind with its own index is asked alone (its content type written out, for the
    # planner to match the index's condition), the others together
    own = set(_own_index_cts(using)) & set(ct_ids)
    rest = [ct for ct in ct_ids if ct not in own]
    kinds = [(f"= {int(ct)}", []) for ct in sorted(own)] + ([("= ANY(%s)", [rest])] if rest else [])
    select = f"SELECT id, {keys}, {names} FROM {TABLE} WHERE (id >> {SHIFT}) "
    sql = " UNION ALL ".join(f"{select}{cond} AND ({keys} OR {names})" for cond, _p in kinds)
    params = [
        p for _c, ps in kinds for p in (*key_params, *name_params, *ps, *key_params, *name_params)
    ]
    with connections[using].cursor() as cur:
        cur.execute(f"{sql} ORDER BY id DESC", params)
        return cur.fetchall()


def _own_index_cts(using: str = "default") -> list[int]:
    """The content types of the kinds with trigram indexes of their own."""
    out = []
    for label in OWN_INDEX:
        app_label, model = label.split(".")
        try:
            out.append(
                ContentType.objects.db_manager(using).get_by_natural_key(app_label, model).pk
            )
        except ContentType.DoesNotExist:
            continue
    return out


def matches(q: Query, key: str) -> bool:
    """Does an index key (or phonetic title) answer the query, as the index's own
    condition does (every word in it, or the whole query squashed): the FTS5 trigram
    phrase and ``LIKE '%...%'`` are substring tests on keys of ``[a-z0-9]``."""
    if not key:
        return False
    if q.terms and all(t in key for t in q.terms):
        return True
    return bool(q.whole) and q.whole in key


def vendor() -> str:
    return connection.vendor


def candidate_ids(
    model, words: list[str], *, limit: int = 500, using: str = "default"
) -> list[int]:
    """Ids of records of ``model`` whose index key holds any of ``words`` (phonetic
    keys of four letters or more), best first: the candidates of a fuzzy comparison."""
    words = sorted(w for w in set(words) if len(w) >= 4)
    if not words:
        return []
    ct = _content_type(using, model)
    lo, hi = ct_range(ct.pk)
    if _vendor(using) == "postgresql":
        cond = " OR ".join(["key LIKE %s"] * len(words))
        sql = (
            f"SELECT id - %s FROM {TABLE} WHERE (id >> {SHIFT}) = %s AND ({cond}) "
            f"LIMIT {int(limit)}"
        )
        params = [lo, ct.pk, *[f"%{w}%" for w in words]]
    else:
        expr = " OR ".join(f'"{w}"' for w in words)
        sql = (
            f"SELECT rowid - %s FROM {TABLE} WHERE {TABLE} MATCH %s "
            f"AND rowid BETWEEN %s AND %s ORDER BY rank LIMIT {int(limit)}"
        )
        params = [lo, expr, lo, hi]
    with connections[using].cursor() as cur:
        cur.execute(sql, params)
        return [r[0] for r in cur.fetchall()]
