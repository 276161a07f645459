"""Who may see and change what: one place for every queryset, view, export and API call.

A user belongs to one unit and has one role. Her scope is her unit's subtree
(``Unit.path`` prefix; historical units sit under their successor, so a
province also sees the records of the provinces merged into it). Every model
declares a ``scope_policy``; ``Model.objects.restrict(user, action)`` asks it.
Out of scope means "not in the queryset", which the views turn into 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connections
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.enums import TextChoices
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"
APPROVE = "approve"
MANAGE_USERS = "manage_users"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, APPROVE, MANAGE_USERS)


class Role(TextChoices):
    VIEWER = "viewer", _("Viewer")
    EDITOR = "editor", _("Editor")
    APPROVER = "approver", _("Approver (unit leader)")
    UNIT_ADMIN = "unit_admin", _("Unit administrator")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


ROLE_RANK = {
    Role.VIEWER: 0,
    Role.EDITOR: 1,
    Role.APPROVER: 2,
    Role.UNIT_ADMIN: 3,
    Role.SYSTEM_ADMIN: 4,
}
ACTION_MIN_ROLE = {
    VIEW: Role.VIEWER,
    ADD: Role.EDITOR,
    CHANGE: Role.EDITOR,
    DELETE: Role.EDITOR,
    APPROVE: Role.APPROVER,
    MANAGE_USERS: Role.UNIT_ADMIN,
}


def is_active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_system_admin(user) -> bool:
    return is_active(user) and (user.is_superuser or user.role == Role.SYSTEM_ADMIN)


def role_allows(user, action: str) -> bool:
    """Does the user's role allow this kind of action at all (anywhere)?"""
    if not is_active(user):
        return False
    if is_system_admin(user):
        return True
    if user.unit_id is None:
        return False
    return ROLE_RANK[Role(user.role)] >= ROLE_RANK[ACTION_MIN_ROLE[action]]


def user_path(user) -> str | None:
    unit = getattr(user, "unit", None)
    return unit.path if unit is not None else None


def covers_whole_tree(path: str | None) -> bool:
    """Is ``path`` the subtree of every unit (the central union, the only root)?

    Then "owned by a unit under ``path``" holds for every record and needs no
    condition: the central level's lists and figures skip the join with the units."""
    if not path or path.strip("/").count("/"):
        return False  # a root's path is one segment ("/1/"): a unit below needs no query
    roots = _roots()
    return len(roots) == 1 and roots[0][0] == path


def _roots() -> list:
    """The tree's roots (read once a request: ``core.memo``)."""
    from .memo import remember

    def read():
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute(
                "SELECT path FROM organization_unit "
                "WHERE parent_id IS NULL AND successor_id IS NULL LIMIT 2"
            )
            return cur.fetchall()

    return remember("tree-roots", read)


def unit_model():
    """The model of the organization's tree: the one the user model's ``unit`` points to
    (it has a ``path``: a unit's ancestors' paths are its prefixes)."""
    from django.contrib.auth import get_user_model

    return get_user_model()._meta.get_field("unit").related_model


def subtree_ids(path: str) -> QuerySet:
    """The ids of the units in the subtree at ``path`` (a path prefix: units merged
    into another sit under their successor), as a subquery: one index range on the
    paths, used in an IN rather than a join per record."""
    return unit_model()._base_manager.filter(path__startswith=path).values("pk")


def under(path: str, field: str = "unit") -> Q:
    """Records whose ``field`` unit lies in the subtree at ``path``."""
    if covers_whole_tree(path):
        return Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__in": subtree_ids(path)})


def is_central(user) -> bool:
    unit = getattr(user, "unit", None)
    return unit is not None and unit.parent_id is None and unit.successor_id is None


class Policy:
    """Base policy: subclasses narrow a queryset for a user and an action."""

    def restrict(self, qs: QuerySet, user, action: str) -> QuerySet:  # pragma: no cover
        raise NotImplementedError

    def allows(self, obj, user, action: str) -> bool:
        """Object-level check, always through the same queryset rule."""
        if obj is None or obj.pk is None:
            return False
        return (
            self.restrict(type(obj)._default_manager.all(), user, action).filter(pk=obj.pk).exists()
        )

    def can_add(self, user) -> bool:
        return role_allows(user, ADD)


@dataclass
class UnitOwned(Policy):
    """A record owned by a unit (``owner``), optionally visible to other units.

    ``visible_via`` are paths to further unit paths (for instance the units
    that are parties of an agreement); ``shared`` is a many-to-many of units
    the record is shared with (read-only).
    """

    owner: str = "unit"
    visible_via: list[str] = field(default_factory=list)
    shared: str | None = "shared_with"

    def unit_paths(self) -> list[str]:
        """The lookups from a record to every unit its visibility reads: its owner, its
        ``visible_via`` paths, its sharing."""
        return [self.owner, *self.visible_via, *([self.shared] if self.shared else [])]

    def restrict(self, qs, user, action):
        if not role_allows(user, action):
            return qs.none()
        if is_system_admin(user):
            return qs
        path = user_path(user)
        if covers_whole_tree(path):
            return qs  # the central level: every record is under it
        units = self._units(qs, user, path)
        own = Q(**{f"{self.owner}__in": units})
        if action != VIEW:
            return qs.filter(own)
        parts = self._view_parts(qs, user, units)
        if connections[qs.db].vendor == "postgresql" and len(units) <= SMALL_SCOPE_UNITS:
            # a small scope (a commune and the units merged into it): PostgreSQL plans
            # an OR of IN subqueries as a filter over every record (a sequential scan of
            # 1M activities, 0.75 s); the ids of each part united in one IN are a
            # semi-join on the primary key (1.6 ms). A large one (a province) is better
            # read in the list's order with the OR as a filter (18 ms for page 1, where
            # the union took 1 s).
            base = qs.model._base_manager
            first, *rest = (base.filter(part).order_by().values("pk") for part in parts)
            return qs.filter(pk__in=first.union(*rest, all=True))
        cond = parts[0]
        for part in parts[1:]:
            cond |= part
        return qs.filter(cond)

    def _units(self, qs, user, path: str):
        """Her subtree's units: a subquery; on PostgreSQL a list of ids (a hundred for
        a province): it then estimates each unit's rows and reads the (unit, date)
        index, where for a subquery it guessed a tenth of the table and read all of it."""
        if connections[qs.db].vendor == "postgresql":
            return subtree_id_list(user, path, qs.db)
        return subtree_ids(path)

    def _view_parts(self, qs, user, units) -> list[Q]:
        """What she views, part by part: her subtree's records, those her units take
        part in or are party to, those shared with her unit. IN subqueries on the
        record's own columns, each computed once per query: correlated EXISTS made the
        database run them for every record (a province's resource list: 1.3 s -> 0.15 s
        at 200,000 on SQLite)."""
        parts = [Q(**{f"{self.owner}__in": units})]
        for via in self.visible_via:
            parts.append(linked(qs.model, via, units))
        if self.shared:
            parts.append(linked(qs.model, self.shared, [user.unit_id]))
        return parts

    def count_bitmap(self, qs, user, limit: int) -> int | None:
        """On PostgreSQL, how many records of ``qs`` a reader of a large subtree (a
        province) sees, up to ``limit``, her scope read as one bitmap: each part's
        subquery computed once into an array (``col = ANY(ARRAY(...))``), so every part
        is an index scan and the parts are OR'ed as bitmaps. Her scope's ``OR`` of IN
        subqueries was a filter on each of the kind's records: a province's aid records
        counted over all 200,000 (60-110 ms at 1M) where the bitmap reads her 7,000 (12
        ms). Only to count: as a filter on a walk in the list's order, an array is
        searched entry by entry. None: not such a reader, or not PostgreSQL."""
        path = subtree_reader(user)
        if path is None or connections[qs.db].vendor != "postgresql":
            return None
        units = self._units(qs, user, path)
        if len(units) <= SMALL_SCOPE_UNITS:
            return None  # read by the union of its parts' ids (restrict)
        cond = Q()
        for part in self._view_parts(qs, user, units):
            cond |= any_array(qs.model, part, qs.db)
        # counted whole, not over a LIMIT: a bare COUNT(*) reads the bitmap alone (the
        # rows' pages only where the visibility map does not vouch for them), where
        # the LIMIT's subquery selected each row's id from its page (5,000 pages read)
        return min(qs.filter(cond).order_by().count(), limit)

    def count_visible(self, qs, user, limit: int, owned=...) -> int | None:
        """``limit`` when ``user`` sees at least ``limit`` records of ``qs`` (every
        record of the kind: a list unfiltered) because her subtree alone owns that many,
        as the write path keeps them counted (``hooks.subtree_counts``); None: count
        the list (a reader of everything, a kind with no kept count, a subtree owning
        fewer). A province's list counted 10,001 rows of the ``OR`` of her scope on
        every first view to say "more than 10,000" (45 ms at 1M on PostgreSQL); her
        units own 32,000 activities: one row of a summary says it.

        Counting only the records of other units she sees (hers take part in them, are
        party to them, they are shared with her) and adding them was tried for a
        subtree owning fewer: at 1M it took as long as counting the list on SQLite,
        and longer on PostgreSQL (the resources of the 9,670 activities her units take
        part in, most of them hers, read to find 594 of others: 43-93 ms against 64).

        ``owned``: ``kept_owned`` when the caller has it already."""
        if owned is ...:
            owned = self.kept_owned(qs.model, user, qs.db)
        return limit if owned is not None and owned >= limit else None

    def kept_owned(self, model, user, using: str = "default") -> int | None:
        """How many records of ``model`` the subtree of ``user``'s unit owns, as the write
        path keeps them counted (``hooks.subtree_counts``), when what she views is her
        subtree below the whole tree (with what is shared with her); else None (the
        central level, a system administrator, a kind with no kept count)."""
        if subtree_reader(user) is None:
            return None
        from .hooks import subtree_counts

        kept = subtree_counts.gather(model, user.unit_id, using)
        return kept[0] if kept else None

    def walks_list(self, qs, user, rows: int, owned: int | None) -> bool:
        """Should the first ``rows`` records of ``user``'s whole list ``qs`` (in the
        list's order, unfiltered) be read walking the list's order index, her scope
        checked on each entry, rather than through her scope's own indexes?

        SQLite reads her scope's ``OR`` through an index per part and sorts all she sees
        (a province: 42,000 activities, 19-40 ms at 1M for any page); PostgreSQL
        chooses the walk itself where it pays. Walking the order index, which carries
        the scope's columns (``core.models.CoveringIndex``), costs about
        ``1 / WALK_ADVANTAGE`` of that per entry, and reads all records' entries down to
        her ``rows``-th: about ``rows * total / owned`` of them. So she walks when
        ``rows * total <= WALK_ADVANTAGE * owned ** 2``: a province's first 200 pages
        (page 1: 19 -> 2.3 ms, page 200: 34 -> 20 ms), never a commune (her few records
        are read by their indexes in 1-2 ms). ``owned``: the records her subtree owns
        (``kept_owned``; she sees at least those); ``total``: the highest id."""
        connection = connections[qs.db]
        if connection.vendor != "sqlite" or not owned or rows <= 0:
            return False
        meta, quote = qs.model._meta, connection.ops.quote_name
        with connection.cursor() as cur:  # the rowid's last entry: no ORM for one number
            cur.execute(f"SELECT MAX({quote(meta.pk.column)}) FROM {quote(meta.db_table)}")
            total = cur.fetchone()[0] or 0
        return rows * total <= WALK_ADVANTAGE * owned * owned


#: a subtree of at most this many units (a commune, with the communes merged into it) is
#: read from its own records on PostgreSQL
SMALL_SCOPE_UNITS = 5

#: how many index entries of the list's order walked cost what one record of her scope
#: read through its indexes and sorted costs, on SQLite (measured at 1M: 0.15 µs an
#: entry walked, 0.6-1.1 µs a record): see ``UnitOwned.walks_list``
WALK_ADVANTAGE = 5


def subtree_id_list(user, path: str, using: str = "default") -> list[int]:
    """The ids of the units of the subtree at ``path``, read once per request (kept on
    the request's user object, beside her unit)."""
    kept = user.__dict__.get("_subtree_id_list")
    if kept is None or kept[0] != (path, using):
        ids = list(subtree_ids(path).using(using).values_list("pk", flat=True))
        kept = ((path, using), ids)
        user.__dict__["_subtree_id_list"] = kept
    return kept[1]


def subtree_reader(user) -> str | None:
    """The path of ``user``'s unit when what she may view is her subtree below the whole
    tree (with what is shared with her), else None (no right to view, no unit, a system
    administrator, the central level)."""
    if not role_allows(user, VIEW) or is_system_admin(user):
        return None
    path = user_path(user)
    return None if covers_whole_tree(path) else path


def owned_among(
    model, user, ids: list, using: str = "default", known: dict | None = None
) -> set | None:
    """Which of ``ids`` (records of ``model``) are owned by the units of ``user``'s
    subtree, every one of them in her view scope: their owners read by primary key and
    compared with her units, a set in memory. None when the records are not owned by
    units or her scope is not her subtree (the central level, a system administrator):
    then nothing is to be learned this way. The ``OR`` of her scope beside a list of
    ids made SQLite read every record of her units by the owner's index to keep those
    among the ids (a province's 33,000 activities for the 1,250 newest matches of a
    search: 18 ms; their owners by primary key: 1.8 ms).

    ``known``: owners already read (``{id: unit id}``, kept by the caller as long as
    the records' owners cannot have changed: a search's kept matches, forgotten for a
    record saved since), only the others read, and added to it."""
    policy = model.scope_policy
    path = subtree_reader(user)
    if not isinstance(policy, UnitOwned) or path is None:
        return None
    if not ids:
        return set()
    mine = set(subtree_id_list(user, path, using))
    owner = model._meta.get_field(policy.owner).attname
    manager = model._base_manager.db_manager(using)
    if known is None:
        rows = manager.order_by().filter(pk_among(model, ids, using))
        return {pk for pk, unit in rows.values_list("pk", owner) if unit in mine}
    missing = [pk for pk in ids if pk not in known]
    if missing:
        rows = manager.order_by().filter(pk_among(model, missing, using))
        known.update(rows.values_list("pk", owner))
    return {pk for pk in ids if pk in known and known[pk] in mine}


def pk_among(model, ids: list, using: str = "default") -> RawSQL:
    """The condition "the record's primary key is one of ``ids``" (integers) without a
    parameter per id: Django prepares every one of ``pk__in``'s (1,250 ids: 3 ms)."""
    column = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
    if connections[using].vendor == "postgresql":
        return RawSQL(f"{column} = ANY(%s)", [[int(i) for i in ids]], output_field=BooleanField())
    listed = ", ".join(str(int(i)) for i in ids)
    return RawSQL(f"{column} IN ({listed})", [], output_field=BooleanField())


def small_scope(user, using: str = "default") -> bool:
    """Is the user's own subtree small (a commune and the communes merged into it, at
    most ``SMALL_SCOPE_UNITS`` units)? Then the records in her scope are few enough to
    be read by their ids and the rest worked out on them (search)."""
    if not is_active(user) or is_system_admin(user) or user.unit_id is None:
        return False
    path = user_path(user)
    if covers_whole_tree(path):
        return False
    return len(subtree_id_list(user, path, using)) <= SMALL_SCOPE_UNITS


def any_array(model, part: Q, using: str) -> Q:
    """``part``, "``field`` IN (a subquery)" (``linked``), as "``field`` = ANY(ARRAY(the
    subquery))" on PostgreSQL: the subquery computed once, the field's index scanned for
    its values (``UnitOwned.count_bitmap``). A part of another shape (her units as a
    list of ids: already an array) is kept as it is."""
    children = part.children
    if len(children) != 1 or part.negated or not isinstance(children[0], tuple):
        return part
    lookup, sub = children[0]
    if not lookup.endswith("__in") or not isinstance(sub, QuerySet):
        return part
    name = lookup.removesuffix("__in")
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    quote = connections[using].ops.quote_name
    sql, params = sub.query.get_compiler(using=using).as_sql()
    column = f"{quote(model._meta.db_table)}.{quote(field.column)}"
    return Q(RawSQL(f"{column} = ANY(ARRAY({sql}))", params, output_field=BooleanField()))


def path_fields(model, path: str):
    """The fields a lookup ``path`` (``activity__units``) of ``model`` goes through, in
    order."""
    current = model
    for name in path.split("__"):
        field = current._meta.get_field(name)
        yield field
        current = field.related_model


def linked(model, via: str, units) -> Q:
    """Records of ``model`` whose ``via`` (a path of foreign keys ending in a link to
    units, e.g. ``activity__units``) reaches one of ``units``, written as IN subqueries
    on the record's own columns, so each is an index lookup."""
    head, _, rest = via.partition("__")
    field = model._meta.get_field(head)
    if rest:
        related = field.related_model
        inner = linked(related, rest, units)
        target = getattr(field, "target_field", None)
        if (
            target is not None
            and target.primary_key
            and len(inner.children) == 1
            and not inner.negated
            and isinstance(inner.children[0], tuple)
            and inner.children[0][0] == "pk__in"
        ):
            # the related record's ids straight from its link table: ``activity_id IN
            # (SELECT activity_id FROM activity_units WHERE ...)``, not through the
            # activities' own table (a province's resource list: 35 -> 10 ms at 1M)
            return Q(**{f"{head}__in": inner.children[0][1]})
        sub = related._base_manager.filter(inner).values("pk")
        return Q(**{f"{head}__in": sub})
    if field.many_to_many:
        through = field.remote_field.through
        return Q(
            pk__in=through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}__in": units}
            ).values(field.m2m_field_name())
        )
    return Q(**{f"{head}__in": units})


@dataclass
class SharedDirectory(Policy):
    """Partners: everyone signed in reads; the adding unit's subtree and the
    central level change."""

    owner: str = "unit"

    def restrict(self, qs, user, action):
        if not role_allows(user, action):
            return qs.none()
        if action == VIEW or is_system_admin(user) or is_central(user):
            return qs
        return qs.filter(under(user_path(user), self.owner))


@dataclass
class ThroughParent(Policy):
    """A child record (a review, a commitment) is in scope when its parent is."""

    parent: str = "agreement"

    def restrict(self, qs, user, action):
        if not role_allows(user, action):
            return qs.none()
        if is_system_admin(user):
            return qs
        parent_field = qs.model._meta.get_field(self.parent)
        parent_model = parent_field.related_model
        parent_action = VIEW if action == VIEW else CHANGE
        if action == APPROVE:
            parent_action = APPROVE
        allowed = parent_model._default_manager.restrict(user, parent_action)
        return qs.filter(**{f"{self.parent}__in": allowed.values("pk")})


@dataclass
class UnitTree(Policy):
    """Units themselves: a user sees her subtree; unit admins change it."""

    def restrict(self, qs, user, action):
        if not role_allows(user, action):
            return qs.none()
        if is_system_admin(user):
            return qs
        path = user_path(user)
        if action in (CHANGE, DELETE, ADD):
            if not role_allows(user, MANAGE_USERS):
                return qs.none()
            # a unit admin manages the units below her own, not her own unit
            return qs.filter(path__startswith=path).exclude(pk=user.unit_id)
        if covers_whole_tree(path):
            return qs
        return qs.filter(path__startswith=path)

    def can_add(self, user) -> bool:
        return role_allows(user, MANAGE_USERS)


@dataclass
class Everyone(Policy):
    """Reference data read by everyone signed in, changed by system admins."""

    def restrict(self, qs, user, action):
        if not is_active(user):
            return qs.none()
        if action == VIEW or is_system_admin(user):
            return qs
        return qs.none()

    def can_add(self, user) -> bool:
        return is_system_admin(user)


@dataclass
class Nobody(Policy):
    def restrict(self, qs, user, action):
        return qs if is_system_admin(user) else qs.none()

    def can_add(self, user) -> bool:
        return is_system_admin(user)


def visible(model, user, unit=None) -> QuerySet:
    """The records of ``model`` that ``user`` may see, for figures of ``unit``'s subtree
    (the caller narrows to it with :func:`under`).

    When that subtree lies inside the user's own (the usual case: a unit looks at
    itself or below) and the records are owned by units, owning implies the scope, so
    the scope's clauses (taking-part units, sharing) are left out of the aggregates."""
    own_path = user_path(user)
    if (
        unit is not None
        and isinstance(model.scope_policy, UnitOwned)
        and (is_system_admin(user) or (own_path and unit.path.startswith(own_path)))
    ):
        return model._default_manager.all()
    return model._default_manager.restrict(user, VIEW)


def visible_under(model, user, unit, field: str = "unit") -> QuerySet:
    """The records of ``model`` owned by ``unit``'s subtree that ``user`` may see."""
    return visible(model, user, unit).filter(under(unit.path, field))


class ScopedQuerySet(QuerySet):
    def restrict(self, user, action: str = VIEW) -> QuerySet:
        return self.model.scope_policy.restrict(self, user, action)
