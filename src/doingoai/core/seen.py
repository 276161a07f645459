"""What a subtree's readers may see changed: a data version per unit.

A province's or a commune's reader sees the records owned in her subtree, those her
units take part in or are party to, and those shared with her unit
(``scope.UnitOwned``). So a record can enter, leave or change in her view only when a
unit of her subtree is among the units it touches, before or after the change: its
owner, the units of its ``visible_via`` paths (an aid record's activity's units
included), the units it is shared with (:func:`touched`).

Every change of such a record (saved, deleted, a link added or taken away: the model
signals, ``core.apps``) moves, in the same transaction as the change and with the
app's version, the version ``seen:<id>`` of every unit on the path of every unit it
touched before and after (:func:`change_topics`). A change of a child record
(``scope.ThroughParent``: an activity's places, an agreement's reviews) counts as a
change of its parent. Writes without signals (``core.bulk.records_changed``) move
``seen:*``, which every key made of these versions carries, as does a change of
everything (``bump_data_version()``).

A reader's list page is then kept under her unit's ``seen`` version with the versions
of everything else it shows (``views.ObjectListView``, :class:`ListKept`): a save in
another province leaves it served from the cache instead of counted, read and
rendered again. It is kept only when every table its rendering read is one whose
changes these versions follow, or belongs to an app whose version is in the key. A
part of a page that reads only records in her scope (the partner's timeline: its
hook's providers promise so) is kept the same way (:func:`kept_in_scope`).
"""

from __future__ import annotations

import hashlib
from functools import cache

from django.apps import apps
from django.db import connections

#: moved by a write without signals and by a change of everything: part of every key
SEEN_ALL = "seen:*"
#: bump when what a kept list page is stored under changes shape
FORMAT = 1


def seen_topic(unit_id) -> str:
    return f"seen:{unit_id}"


# -- which records, which units -------------------------------------------------------


def _policy(model):
    return getattr(model, "scope_policy", None)


@cache
def owned_model(model):
    """The unit-owned model whose readers ``model``'s records concern: the model itself
    (``UnitOwned``), its parent's (``ThroughParent``, followed up), else None."""
    from .scope import ThroughParent, UnitOwned

    policy = _policy(model)
    if isinstance(policy, UnitOwned):
        return model
    if isinstance(policy, ThroughParent):
        parent = model._meta.get_field(policy.parent).related_model
        return owned_model(parent) if parent is not model else None
    return None


def owners_of(model, pks) -> tuple:
    """(unit-owned model, its records' pks) that ``model``'s records ``pks`` concern."""
    from .scope import ThroughParent

    owned = owned_model(model)
    if owned is None or not pks:
        return None, []
    pks = list(pks)
    while model is not owned:  # children: their parents' ids
        policy = _policy(model)
        assert isinstance(policy, ThroughParent)
        field = model._meta.get_field(policy.parent)
        pks = list(
            model._base_manager.filter(pk__in=pks)
            .exclude(**{f"{field.attname}__isnull": True})
            .values_list(field.attname, flat=True)
            .distinct()
        )
        model = field.related_model
        if not pks:
            return None, []
    return owned, pks


def touched(model, pks, using: str = "default") -> set[int]:
    """The ids of the units on the paths of the units the records ``pks`` of ``model``
    touch as the database holds them now (in the caller's transaction): one query."""

    owned, pks = owners_of(model, pks)
    if owned is None:
        return set()
    if len(pks) == 1:  # a record saved: its statement made once per model and database
        sql, params = _one_sql(owned, using)
        with connections[using].cursor() as cur:
            cur.execute(sql, [pks[0] if p == _ONE else p for p in params])
            return _ids(row[0] for row in cur.fetchall())
    return _ids(_units_query(owned, pks, using).values_list("path", flat=True))


def _units_query(owned, pks, using):
    """The paths of the units the records ``pks`` of ``owned`` touch."""
    from .scope import unit_model

    base = owned._base_manager.using(using).filter(pk__in=pks)
    # (a path's NULL, no unit there, matches no unit of the IN)
    paths = _policy(owned).unit_paths()
    first, *rest = (base.order_by().values_list(p, flat=True) for p in paths)
    return unit_model()._base_manager.using(using).filter(pk__in=first.union(*rest))


#: stands for the record's id in :func:`_one_sql`'s parameters (no record has it)
_ONE = -7_340_033


@cache
def _one_sql(owned, using: str) -> tuple[str, list]:
    query = _units_query(owned, [_ONE], using).values_list("path", flat=True).query
    sql, params = query.get_compiler(using=using).as_sql()
    return sql, list(params)


def _ids(paths) -> set[int]:
    """The ids on ``paths`` (a unit's path is its ancestors' ids and its own)."""
    found = set()
    for path in paths:
        found.update(int(part) for part in path.strip("/").split("/") if part.isdigit())
    return found


# -- the signals: what a change moves ---------------------------------------------------

_BEFORE = "_seen_before"


def before_change(sender, instance, **kwargs) -> None:
    """pre_save / pre_delete: the units the record touches as it was (a new record:
    none)."""
    from django.db.models.signals import pre_save

    if kwargs.get("raw") or owned_model(sender) is None or instance.pk is None:
        return
    if kwargs.get("signal") is pre_save and instance._state.adding:
        return
    instance.__dict__[_BEFORE] = touched(sender, [instance.pk], kwargs.get("using") or "default")


def _m2m_records(kwargs) -> tuple:
    """(model, pks, unit ids linked or unlinked) of a many-to-many change."""
    from .scope import unit_model

    instance, related, pk_set = kwargs["instance"], kwargs["model"], kwargs.get("pk_set")
    units = unit_model()
    if kwargs.get("reverse"):
        # ``unit.activities.add(...)``: the records are pk_set of ``related``
        linked = {instance.pk} if isinstance(instance, units) else set()
        return related, list(pk_set or ()), linked
    linked = set(pk_set or ()) if related is units else set()
    return type(instance), [instance.pk], linked


def change_topics(sender, kwargs) -> list[str]:
    """The ``seen`` topics a signal's change moves (``core.apps``), [] for a record no
    subtree reader's view depends on."""
    action = kwargs.get("action")
    using = kwargs.get("using") or "default"
    instance = kwargs.get("instance")
    if action is not None:  # a many-to-many change, sent by the through model
        if kwargs.get("reverse") and kwargs.get("pk_set") is None:
            # every record linked to ``instance`` unlinked (``unit.activities.clear()``):
            # which ones is not said, so every reader's view may have changed
            return [SEEN_ALL] if owned_model(kwargs["model"]) is not None else []
        model, pks, linked = _m2m_records(kwargs)
        if owned_model(model) is None:
            return []
        if action == "pre_clear":
            instance.__dict__[_BEFORE] = touched(model, pks, using)
            return []
        if not action.startswith("post_"):
            return []
        units = touched(model, pks, using) | _path_ids(linked, using)
        if action == "post_clear":
            units |= instance.__dict__.pop(_BEFORE, set())
        return _topics(units)
    if owned_model(sender) is None:
        return []
    from django.db.models.signals import post_delete

    units = instance.__dict__.pop(_BEFORE, set())
    if kwargs.get("signal") is not post_delete:
        units |= touched(sender, [instance.pk], using)
    return _topics(units)


def _path_ids(unit_ids, using) -> set[int]:
    from .scope import unit_model

    if not unit_ids:
        return set()
    paths = unit_model()._base_manager.using(using).filter(pk__in=unit_ids)
    return _ids(paths.values_list("path", flat=True))


def _topics(units) -> list[str]:
    return [seen_topic(u) for u in sorted(units)]


# -- a reader's list kept under them ----------------------------------------------------


#: the apps of the records each kind's filter form offers, learnt from its forms in this
#: process (the same fields for every reader; a form offering more is learnt, not kept)
_offered: dict[str, frozenset] = {}


def offered_topics(filterset) -> frozenset[str]:
    """The apps of the records ``filterset``'s form offers as choices
    (``filters.offered_models``, as its cached fields are keyed; a record a hidden field
    names is read when the form is checked, which ``ListKept.keep`` sees)."""
    from .filters import offered_models

    return frozenset(m._meta.app_label for m in offered_models(filterset))


@cache
def covered_tables(model) -> frozenset[str]:
    """The tables a list of ``model`` may read whose changes the ``seen`` versions
    follow: its own, its many-to-many links, its children's (``ThroughParent``) and
    the link tables its scope reads (``visible_via``, ``shared``)."""
    from .scope import ThroughParent, path_fields

    tables = {model._meta.db_table}
    for field in model._meta.many_to_many:
        tables.add(field.remote_field.through._meta.db_table)
    for other in apps.get_models():
        policy = _policy(other)
        if isinstance(policy, ThroughParent) and owned_model(other) is model:
            tables.add(other._meta.db_table)
            for field in other._meta.many_to_many:
                tables.add(field.remote_field.through._meta.db_table)
    for path in _policy(model).unit_paths()[1:]:
        for field in path_fields(model, path):
            if field.many_to_many:
                tables.add(field.remote_field.through._meta.db_table)
    return frozenset(tables)


@cache
def _app_tables(app_label: str) -> frozenset[str]:
    config = apps.get_app_config(app_label)
    found = set()
    for model in config.get_models(include_auto_created=True):
        found.add(model._meta.db_table)
    return frozenset(found)


#: tables a list page reads that no record's change touches apart from what the key
#: carries: the session (a page with messages waiting is never kept:
#: ``pagecache._keeps``) and the versions themselves
_INFRASTRUCTURE = frozenset({"django_session", "core_dataversion"})


def _derived_tables() -> frozenset[str]:
    """The summary tables (``reports``): counted from the records in the transaction
    that changes them (a subtree's owned records: its ``seen`` version moves with
    them), rebuilt whole with every version moved."""
    try:
        return _app_tables("reports")
    except LookupError:
        return frozenset()


def reads_a_subtree(user) -> bool:
    """Is ``user`` a reader whose scope is her subtree (not the central level's: her
    versions would move with every change)? The central level is asked first: the tree's
    roots are then not read for her."""
    from .scope import is_central, subtree_reader

    return not is_central(user) and subtree_reader(user) is not None


def _followed(tables, covered: frozenset[str], topics) -> bool:
    """Do the ``seen`` versions and the apps among ``topics`` follow every change of what
    ``tables`` hold (``covered``: the unit-owned tables they follow there)?"""
    allowed = covered | _INFRASTRUCTURE | _derived_tables()
    for topic in topics:
        if ":" not in topic:
            allowed |= _app_tables(topic)
    return set(tables) <= allowed


def _digest(parts) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


class ListKept:
    """A subtree reader's list page of a unit-owned kind, kept under her unit's ``seen``
    version and the versions of the apps whose records the page shows besides the
    kind's own: her account's and the units' (``keptquery.reader_topics``), what its
    rows show (``row_topics``, the rows topic) and what its filter form offers.

    ``for_list`` says whether a request's page may be; ``served()`` is the page kept,
    or None; ``keep(response, tables)`` keeps it when ``tables`` (what rendering it
    read) are all followed by the key."""

    def __init__(self, request, user, kind, topics: tuple[str, ...]):
        self.request, self.user, self.kind, self.topics = request, user, kind, topics

    @classmethod
    def for_list(cls, request, kind, table_class) -> ListKept | None:
        from .keptquery import reader_topics
        from .pagecache import _keeps
        from .scope import UnitOwned
        from .tables import rows_topic

        user = getattr(request, "user", None)
        if not _keeps(request, user) or not reads_a_subtree(user):
            return None
        if not isinstance(_policy(kind.model), UnitOwned):
            return None
        row_topics = getattr(table_class, "row_topics", None)
        if row_topics is None:
            return None  # its rows may show anything
        filters = _offered.get(kind.slug, frozenset())
        topics = (
            seen_topic(user.unit_id),
            SEEN_ALL,
            *sorted({*reader_topics(), *row_topics, *filters}),
            rows_topic(kind.model),
        )
        return cls(request, user, kind, topics)

    def key(self) -> str:
        from .models import topic_versions_once
        from .pagecache import key_for

        versions = topic_versions_once(*self.topics)
        parts = (FORMAT, self.kind.slug, *self.topics, *versions)
        return key_for(self.request, self.user, f"seen:{_digest(parts)}")

    def served(self):
        from django.core.cache import cache as django_cache

        from .pagecache import _rebuild

        self._key = self.key()  # versions read before the page: a change meanwhile moves them
        entry = django_cache.get(self._key)
        return None if entry is None else _rebuild(self.request, entry)

    def follows(self, tables) -> bool:
        """Does the key follow every change of what ``tables`` hold?"""
        return _followed(tables, covered_tables(self.kind.model), self.topics)

    def keep(self, response, tables, filterset) -> None:
        from django.core.cache import cache as django_cache

        from .keptquery import built_topics
        from .pagecache import TIMEOUT, _entry

        offered = offered_topics(filterset)
        if not offered <= set(self.topics):  # learnt now: kept from the next view on
            _offered[self.kind.slug] = _offered.get(self.kind.slug, frozenset()) | offered
            return
        if response.status_code != 200 or not self.follows(tables):
            return
        # what building the list's query read, when it was kept from an earlier view
        # (``core.keptquery``): its apps' versions must be in the key too
        built = built_topics(self.request, self.kind.slug, self.user)
        if built is None or not set(built) <= set(self.topics):
            return
        entry = _entry(self.request, response)
        if entry is not None:
            django_cache.set(self._key, entry, TIMEOUT)


@cache
def _unit_owned_tables() -> frozenset[str]:
    """The tables of every unit-owned kind the ``seen`` versions follow
    (:func:`covered_tables` of each)."""
    from .scope import UnitOwned

    found = set()
    for model in apps.get_models():
        if isinstance(_policy(model), UnitOwned):
            found |= covered_tables(model)
    return frozenset(found)


def kept_in_scope(user, name: str, compute, topics: tuple[str, ...] = ()):
    """``compute()`` for a subtree reader, kept under her unit's ``seen`` version,
    ``seen:*``, her account's and the units' versions and ``topics``' (apps), with her
    account, the language and the day: a save in another province leaves it as it was.

    Only for what reads records *in her scope* (a hook whose providers promise so, as
    the partner's timeline's): the ``seen`` versions move when a record she may see
    changes, not when one outside her view does. It is kept only when every table it
    read is a unit-owned kind's (:func:`covered_tables`), the units' and her account's,
    or an app's in ``topics``; for any other reader (the central level's, whose
    versions move with every change) it is computed each time."""
    from django.core.cache import cache as django_cache
    from django.utils import timezone, translation

    from .keptquery import reader_topics, tables_read, watching
    from .models import topic_versions_once
    from .pagecache import TIMEOUT, enabled

    if not enabled() or not getattr(user, "is_authenticated", False) or not reads_a_subtree(user):
        return compute()
    every = (seen_topic(user.unit_id), SEEN_ALL, *sorted({*reader_topics(), *topics}))
    parts = (
        FORMAT,
        name,
        user.pk,
        user.unit_id,
        user.role,
        user.is_superuser,
        translation.get_language(),
        timezone.localdate().isoformat(),
        *every,
        *topic_versions_once(*every),
    )
    key = f"seenpart:{_digest(parts)}"
    missing = object()
    value = django_cache.get(key, missing)
    if value is not missing:
        return value
    with watching() as statements:
        value = compute()
    if _followed(tables_read(statements), _unit_owned_tables(), every):
        django_cache.set(key, value, TIMEOUT)
    return value
