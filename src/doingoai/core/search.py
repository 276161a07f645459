"""Search across every record kind, by any spelling, in the reader's scope.

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

A query matches a record when every word of the query (three letters or more)
is in its key, or when the whole query, squashed, is. Results are the
intersection with ``Kind.scoped(user, "view")``, counted per kind, and ranked:
the best candidates by the database's own rank are re-scored on their titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, models
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.shortcuts import render
from django.urls import NoReverseMatch, path, reverse
from rapidfuzz import fuzz

from .countries import subdivision_aliases
from .pagecache import cached_page
from .registry import REGISTRY, RecordKind
from .scope import VIEW
from .text import fold

TABLE = "core_search"
SHIFT = 40  # object ids below 2**40; content type ids in the high bits
MAX_KEY = 20000
MIN_TERM = 3
#: candidates fetched per kind, in the database's rank order, before scoping and re-ranking
CANDIDATES = 100
#: counts stop here ("1.000+"): counting every match of a common word costs a scan
COUNT_CAP = 1000

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


_kinds_imported = False


def ensure_kinds():
    """Import every app's kinds (normally done by the URLconf) once."""
    global _kinds_imported
    if not _kinds_imported:
        from .urls import kinds_loaded

        kinds_loaded()
        _kinds_imported = True


def searchable_kinds() -> list[type[RecordKind]]:
    ensure_kinds()
    return [k for k in sorted(REGISTRY.values(), key=lambda k: k.menu_order) if searchable(k)]


def kind_of(model) -> type[RecordKind] | None:
    ensure_kinds()
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


def write_entries(rows: Iterable[tuple[int, str, str]], using: str = "default") -> int:
    """Upsert ``(entry id, title, folded text)`` rows."""
    data = _rows(rows)
    if not data:
        return 0
    conn = connections[using]
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.executemany(
                f"INSERT INTO {TABLE} (id, title, name, key) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, name = EXCLUDED.name, "
                "key = EXCLUDED.key",
                data,
            )
        else:
            cur.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(d[0],) for d in data])
            cur.executemany(
                f"INSERT INTO {TABLE} (rowid, title, name, key) VALUES (%s, %s, %s, %s)", data
            )
    return len(data)


def _rows(rows) -> list[tuple[int, str, str, str]]:
    """(id, folded title, phonetic title, phonetic key) for the table."""
    return [(eid, title, _phon(title), _phon(text)[:MAX_KEY]) for eid, title, text in rows]


def delete_entries(ids: Iterable[int], using: str = "default"):
    ids = [(i,) for i in ids]
    if not ids:
        return
    conn = connections[using]
    col = "id" if conn.vendor == "postgresql" else "rowid"
    with conn.cursor() as cur:
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
    with conn.cursor() as cur:
        cur.execute(f"DELETE FROM {TABLE} WHERE {col} BETWEEN %s AND %s", [lo, hi])


def reindex(kind, *, batch: int = 2000, progress=None, using: str = "default",
            clear: bool = True) -> int:
    """(Re)build the index of one kind, in primary-key batches; returns the count.

    Call after ``bulk_create`` (which sends no signals)."""
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
            write_entries(rows, using)
        done += len(objs)
        last = objs[-1].pk
        if progress:
            progress(done, total, str(kind.verbose_name_plural()))
    return done


def _insert_fresh(rows, using):
    col = "id" if _vendor(using) == "postgresql" else "rowid"
    with connections[using].cursor() as cur:
        cur.executemany(
            f"INSERT INTO {TABLE} ({col}, title, name, key) VALUES (%s, %s, %s, %s)", _rows(rows)
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

    def like(self, column: str = "key") -> tuple[str, list[str]]:
        """PostgreSQL condition on ``column`` served by the trigram index."""
        conds, params = [], []
        if self.terms:
            conds.append("(" + " AND ".join([f"{column} LIKE %s"] * len(self.terms)) + ")")
            params += [f"%{t}%" for t in self.terms]
        if self.whole and (len(self.terms) != 1 or self.terms[0] != self.whole):
            conds.append(f"{column} LIKE %s")
            params.append(f"%{self.whole}%")
        return "(" + " OR ".join(conds) + ")", params


def match_sql(q: Query, ct_id: int, vendor: str, *, names_only: bool = False,
              limit: int | None = None, columns: str = "title") -> tuple[str, list]:
    """SQL selecting ``(object id, <columns>)`` of the matching entries of one kind: in
    their whole text, or (``names_only``) in their names. When limited, newest first
    on SQLite, in index order on PostgreSQL."""
    lo, hi = ct_range(ct_id)
    mask = (1 << SHIFT) - 1
    if vendor == "postgresql":
        cond, params = q.like("name" if names_only else "key")
        # the kind as an expression, not an id range: the planner then takes the
        # trigram index rather than scanning the kind's range of the primary key
        sql = (f"SELECT (id & {mask}) AS oid, {columns} FROM {TABLE} "
               f"WHERE (id >> {SHIFT}) = %s AND {cond}")
        params = [ct_id, *params]
        order = ""
    else:
        expr = q.fts()
        sql = (f"SELECT (rowid - {lo}) AS oid, {columns} FROM {TABLE} "
               f"WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s")
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
        return RawSQL(f"{column} = ANY(ARRAY(SELECT oid FROM ({sql}) AS m))", params,
                      output_field=models.BooleanField())
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


def candidates(q: Query, ct_id: int, vendor: str, using: str = "default"):
    """The best candidates of one kind, as ``[(object id, title, phonetic title)]``:
    the records whose own name matches first, then the newest of those matching
    elsewhere."""
    out, seen = [], set()
    with connections[using].cursor() as cur:
        for names_only in (True, False):
            sql, params = match_sql(q, ct_id, vendor, names_only=names_only, limit=CANDIDATES,
                                    columns="title, name")
            cur.execute(sql, params)
            for oid, title, name in cur.fetchall():
                if oid not in seen:
                    seen.add(oid)
                    out.append((oid, title, name))
            if len(out) >= CANDIDATES:
                break
    return out


def count_matches(q: Query, ct_id: int, vendor: str, cap: int, using: str = "default") -> int:
    """How many entries of one kind match (at most ``cap``), from the index alone."""
    sql, params = match_sql(q, ct_id, vendor, columns="1")
    with connections[using].cursor() as cur:
        cur.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {int(cap)}) AS m", params)
        return cur.fetchone()[0]


def unrestricted(queryset) -> bool:
    """Does the reader's scope leave every record of the kind in (no condition)?"""
    query = queryset.query
    return not query.where.children and not query.is_empty()


@dataclass
class Prefetched:
    """One kind's matches read together with every other kind's (PostgreSQL)."""

    ids: list = field(default_factory=list)  # every match, newest first
    found: list = field(default_factory=list)  # candidates: (oid, title, phonetic title)


def prefetch(q: Query, ct_ids: list[int], using: str = "default") -> dict | None:
    """PostgreSQL: the matches of every kind in two statements (one scan of the
    trigram index per column) instead of three per kind; each pays a bitmap heap scan
    over the whole index. SQLite's FTS5 lookups are cheap per kind: None there."""
    if _vendor(using) != "postgresql" or not ct_ids:
        return None
    mask = (1 << SHIFT) - 1
    out = {ct: Prefetched() for ct in ct_ids}
    ranked = (f"SELECT id, title, name, ROW_NUMBER() OVER (PARTITION BY id >> {SHIFT} "
              f"ORDER BY id DESC) AS rn FROM {TABLE} WHERE (id >> {SHIFT}) = ANY(%s) AND ")
    names, name_params = q.like("name")
    keys, key_params = q.like("key")
    with connections[using].cursor() as cur:
        cur.execute(f"SELECT id >> {SHIFT}, id & {mask}, title, name FROM ({ranked}{names}) m "
                    f"WHERE rn <= %s ORDER BY id DESC", [ct_ids, *name_params, CANDIDATES])
        seen = set()
        for ct, oid, title, name in cur.fetchall():
            out[ct].found.append((oid, title, name))
            seen.add((ct, oid))
        cur.execute(f"SELECT id >> {SHIFT}, id & {mask}, rn, title, name FROM "
                    f"({ranked}{keys}) m ORDER BY id DESC", [ct_ids, *key_params])
        for ct, oid, rn, title, name in cur.fetchall():
            got = out[ct]
            got.ids.append(oid)
            if rn <= CANDIDATES and (ct, oid) not in seen and len(got.found) < CANDIDATES:
                got.found.append((oid, title, name))
    return out


def search_kind(kind, user, q: Query, *, limit: int = 10, using: str = "default",
                pre: Prefetched | None = None) -> Group | None:
    model = kind.model
    ct = _content_type(using, model)
    vendor = _vendor(using)
    scoped = kind.scoped(user, VIEW)
    if using != "default":
        scoped = scoped.using(using)
    everything = unrestricted(scoped)
    matching = scoped.filter(matching_filter(q, model, using))
    if pre is not None and everything:
        count = len(pre.ids)
    elif pre is not None:
        column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
        count = (scoped.filter(RawSQL(f"{column} = ANY(%s)", [pre.ids],
                                      output_field=models.BooleanField()))
                 .order_by()[: COUNT_CAP + 1].count()) if pre.ids else 0
    elif everything:  # the central level, the partner directory: the index alone answers
        count = count_matches(q, ct.pk, vendor, COUNT_CAP + 1, using)
    else:
        count = matching.order_by()[: COUNT_CAP + 1].count()
    if not count:
        return None
    found = pre.found if pre is not None else candidates(q, ct.pk, vendor, using)
    if everything:
        in_scope = {oid for oid, _t, _n in found}
    else:
        in_scope = set(scoped.filter(pk__in=[oid for oid, _t, _n in found])
                       .values_list("pk", flat=True))
    ranked = sorted(
        ((score(q, title, name), -i, oid) for i, (oid, title, name) in enumerate(found)
         if oid in in_scope),
        reverse=True,
    )[:limit]
    if not ranked:  # none of the candidates is in scope: any in scope, newest first
        ranked = [(0.0, 0, pk) for pk in matching.order_by("-pk").values_list("pk", flat=True)[
            :limit]]
    qs = scoped.order_by()  # ranked here, not by the model's ordering
    if kind.list_select_related:
        qs = qs.select_related(*kind.list_select_related)
    objs = qs.in_bulk([oid for _s, _i, oid in ranked])
    subtitle = getattr(kind, "search_subtitle", None) or _subtitle
    hits = [
        Hit(objs[oid], s or score(q, fold(str(objs[oid]))), _url(objs[oid]), subtitle(objs[oid]))
        for s, _i, oid in ranked
        if oid in objs
    ]
    hits.sort(key=lambda h: -h.score)
    try:
        list_url = reverse(f"{kind.slug}_list")
    except NoReverseMatch:
        list_url = ""
    return Group(kind=kind, count=min(count, COUNT_CAP), hits=hits, list_url=list_url,
                 more=count > COUNT_CAP)


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


def search(user, text: str, *, limit: int = 10, kinds: Iterable[str] | None = None,
           using: str = "default") -> list[Group]:
    """Groups of results per kind, in the user's scope, best group and best match first."""
    q = Query(text or "")
    if not q.usable:
        return []
    groups = []
    chosen = [k for k in searchable_kinds()
              if (not kinds or k.slug in kinds)
              and not (k.nav_group == "hidden" and not k.search_fields)]
    cts = {k.slug: _content_type(using, k.model).pk for k in chosen}
    pre = prefetch(q, list(cts.values()), using)
    for kind in chosen:
        group = search_kind(kind, user, q, limit=limit, using=using,
                            pre=pre[cts[kind.slug]] if pre else None)
        if group:
            groups.append(group)
    groups.sort(key=lambda g: (-g.best, g.kind.menu_order))
    return groups


# ---------------------------------------------------------------- the page


@cached_page
def search_page(request):
    text = (request.GET.get("q") or "").strip()[:200]
    kind = request.GET.get("kind") or None
    groups = search(request.user, text, kinds=[kind] if kind else None,
                    limit=50 if kind else 10) if text else []
    ctx = {
        "q": text,
        "groups": groups,
        "total": sum(g.count for g in groups),
        "too_short": bool(text) and not Query(text).usable,
        "only_kind": kind,
    }
    template = "search/results.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, ctx)


def similar_partners_page(request):
    from doingoai.partners.pages import similar_partners

    return similar_partners(request)


urlpatterns = [
    path("search/", search_page, name="search"),
    path("partners/similar/", similar_partners_page, name="partners_similar"),
]


# ---------------------------------------------------------------- duplicates

#: words that say what an organization is, not which one
GENERIC_WORDS = set(
    """hoi lien hiep phu nu lhpn tinh thanh pho quoc gia trung uong cua va cong hoa dan chu
    nhan dan to chuc uy ban ban so bo vien truong dai hoc dai su quan lanh tong
    women womens woman union unions of the and for province provincial national central
    association federation organization organisation committee council department ministry
    embassy consulate general university institute people s lao""".split()
)


def name_core(name: str, extra_generic: Iterable[str] = ()) -> str:
    words = fold(name).split()
    generic = GENERIC_WORDS | set(extra_generic)
    core = [w for w in words if w not in generic]
    return " ".join(core) if core else " ".join(words)


def name_similarity(a: str, b: str, extra_generic: Iterable[str] = ()) -> float:
    """0-100: how probably two organization names name the same organization."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    if phonetic(fa) == phonetic(fb):
        return 100.0
    ca = " ".join(phonetic(w) for w in name_core(fa, extra_generic).split())
    cb = " ".join(phonetic(w) for w in name_core(fb, extra_generic).split())
    core = fuzz.token_sort_ratio(ca, cb)
    if phonetic(ca) == phonetic(cb):
        core = 100.0
    whole = fuzz.token_sort_ratio(fa, fb)
    if core >= 95 and len(phonetic(ca)) >= 4:
        # the distinctive part is the same: the rest is wording ("Hội LHPN" / "Women's Union")
        return round(90 + whole / 10, 1)
    return round(0.7 * core + 0.3 * whole, 1)


@lru_cache(maxsize=256)
def _country_words(country: str) -> frozenset[str]:
    from .countries import country_name

    words = set()
    for lang in ("vi", "en"):
        words |= set(fold(country_name(country, lang)).split())
    return frozenset(words)


def similar_records(model, names: list[str], *, country: str = "", subdivision: str = "",
                    exclude_pk=None, threshold: float = 80.0, limit: int = 5,
                    candidate_names=None, using: str = "default") -> list[tuple[object, float]]:
    """Existing records of ``model`` whose names resemble ``names`` (best first).

    Candidates come from the search index (any distinctive word of any name),
    narrowed to the same country; ``candidate_names(obj)`` lists a candidate's
    names (default: ``obj.all_names()``)."""
    names = [n for n in names if n and fold(n)]
    if not names:
        return []
    generic = _country_words(country) if country else frozenset()
    words = set()
    for n in names:
        words |= {phonetic(w) for w in name_core(n, generic).split()}
        words.add(phonetic(n))
    words = sorted(w for w in words if len(w) >= 4)
    if not words:
        return []
    ct = _content_type(using, model)
    lo, hi = ct_range(ct.pk)
    vendor = _vendor(using)
    if vendor == "postgresql":
        cond = " OR ".join(["key LIKE %s"] * len(words))
        sql = f"SELECT id - %s FROM {TABLE} WHERE (id >> {SHIFT}) = %s AND ({cond}) LIMIT 500"
        params = [lo, ct.pk, *[f"%{w}%" for w in words]]
    else:
        expr = " OR ".join(f'"{w}"' for w in words)
        sql = (f"SELECT rowid - %s FROM {TABLE} WHERE {TABLE} MATCH %s "
               "AND rowid BETWEEN %s AND %s ORDER BY rank LIMIT 500")
        params = [lo, expr, lo, hi]
    with connections[using].cursor() as cur:
        cur.execute(sql, params)
        ids = [r[0] for r in cur.fetchall()]
    qs = model._base_manager.using(using).filter(pk__in=ids)
    if country:
        qs = qs.filter(country=country)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    candidate_names = candidate_names or (lambda o: o.all_names())
    out = []
    for obj in qs:
        if subdivision and getattr(obj, "subdivision", "") and obj.subdivision != subdivision:
            continue
        best = max(
            (name_similarity(a, b, generic) for a in names for b in candidate_names(obj)),
            default=0.0,
        )
        if best >= threshold:
            out.append((obj, best))
    out.sort(key=lambda t: -t[1])
    return out[:limit]


def vendor() -> str:
    return connection.vendor
