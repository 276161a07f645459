"""The base of every record: version for stale-edit protection, automatic history,
timestamps, attachments and the audit log of actions."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .scope import Nobody, ScopedQuerySet, ThroughParent  # noqa: F401


class StaleEdit(Exception):
    """Somebody saved the record after this copy was read."""

    def __init__(self, instance, current_version):
        self.instance = instance
        self.current_version = current_version
        super().__init__(
            f"{type(instance).__name__} {instance.pk}: version {instance.version} is stale "
            f"(now {current_version})"
        )


def has_version(model) -> bool:
    """Does ``model`` carry a ``version`` column (moved by every save, ``versioned_save``)?"""
    return any(f.attname == "version" for f in model._meta.concrete_fields)


def versioned_save(obj, save):
    """Run ``save()`` for ``obj`` only while the row still has ``obj.version``, and count
    the version up: a copy read before somebody else's save raises :class:`StaleEdit`.
    Used by every record and by user accounts."""
    if obj._state.adding or obj.pk is None:
        return save()
    expected = obj.version
    with transaction.atomic():
        updated = (
            type(obj)._base_manager.filter(pk=obj.pk, version=expected).update(version=expected + 1)
        )
        if not updated:
            current = (
                type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True)
            ).first()
            raise StaleEdit(obj, current)
        obj.version = expected + 1
        try:
            return save()
        except Exception:
            obj.version = expected
            raise


class CoveringIndex(models.Index):
    """An index that carries its ``include`` columns: PostgreSQL's ``INCLUDE``; on
    SQLite, which has none, they follow the key columns. A query that reads only them
    is then answered from the index on both databases: a scoped reader's page, read
    walking the list's order index with her scope checked on each entry
    (``core.scope.UnitOwned.walks_list``), reads no row of the table."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if self.include and not schema_editor.connection.features.supports_covering_indexes:
            wide = models.Index(
                fields=[*self.fields, *self.include], name=self.name, condition=self.condition
            )
            return wide.create_sql(model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class RecordManager(models.Manager.from_queryset(ScopedQuerySet)):
    pass


class Record(models.Model):
    """Abstract base of every record kind."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at", "created_at"])
    objects = RecordManager()

    scope_policy = Nobody()
    #: URL prefix of the kind; set by the registry
    kind_slug: str = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save, refusing a stale copy: the row's version must still be ours."""
        return versioned_save(self, lambda: super(Record, self).save(*args, **kwargs))

    def get_absolute_url(self):
        return reverse(f"{self.kind_slug}_detail", args=[self.pk])


def attachment_path(instance, filename):
    """Files are stored under generated names; the original name is kept in the row."""
    suffix = Path(filename).suffix.lower()[:10]
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A document or photo attached to any record, stored under a generated name."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        SIGNED = "signed", _("Signed document")
        PHOTO = "photo", _("Photo")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DOCUMENT)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    title = models.CharField(_("title"), max_length=255, blank=True)
    thumbnail = models.ImageField(upload_to="thumbnails/%Y/%m/", blank=True, max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        ordering = ["-created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.original_name


class AuditEntry(models.Model):
    """An action with meaning beyond editing (sign, renew, hold a review, import)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=64)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    message = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


def audit(*, user, action: str, record=None, message: str = "", **data) -> AuditEntry:
    ct = ContentType.objects.get_for_model(record) if record is not None else None
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        action=action,
        content_type=ct,
        object_id=getattr(record, "pk", None),
        message=message,
        data=data,
    )


class ExternalRef(models.Model):
    """The key a record carries in another system or file (a spreadsheet's "Mã tham
    chiếu", an IATI identifier), so importing the same source again finds it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    #: where the key comes from, e.g. "xlsx:unit-12" or "iati"
    source = models.CharField(max_length=100)
    key = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "source", "key"], name="externalref_key_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("external reference")
        verbose_name_plural = _("external references")

    def __str__(self):
        return f"{self.source}:{self.key}"


class DataVersion(models.Model):
    """Counters bumped by every change of a record, so what is computed from the
    records can be cached safely in any process: a cache key carries a version.

    Row 1 (topic "") moves with every change: the rendered pages use it. One row per
    app ("activities", "resources", ...) moves with the changes of that app's records:
    a figure that reads only some apps' records (the leading partners read resources
    and partners) is keyed by their versions and survives the changes of the others."""

    topic = models.CharField(max_length=40, default="", unique=True)
    value = models.BigIntegerField(default=0)

    #: its own changes move no version (core.apps)
    data_versioned = False

    class Meta:
        verbose_name = "data version"

    def __str__(self):
        return f"{self.topic or '*'}={self.value}"


#: the data version moved when the search index is rebuilt (``core.searchindex``):
#: the matches kept of every query are dropped. Not moved by a change of "everything"
#: (its changes are the index's own: ``SearchChange``), moved by a restore like every
#: version (``core.backup.rekey_caches``)
SEARCH_INDEX_TOPIC = "search-index"


class SearchChange(models.Model):
    """The search index's change log: a row per index entry written or deleted, its id
    the order of the changes (``core.searchindex``: written in the transaction that
    writes the entry; the kept matches of ``core.searchkept`` are patched from it).
    Trimmed to its last rows as it grows; a rebuild of the index moves the
    ``search-index`` data version instead of logging every entry."""

    id = models.BigAutoField(primary_key=True)
    entry = models.BigIntegerField()

    #: its own writes move no version (written with raw SQL anyway)
    data_versioned = False

    class Meta:
        verbose_name = "search index change"

    def __str__(self):
        return f"{self.pk}: {self.entry}"


def data_version() -> int:
    """The current data version (one primary-key read: asked on every cached page)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(f"SELECT value FROM {DataVersion._meta.db_table} WHERE id = 1")
        row = cur.fetchone()
    return row[0] if row else 0


def topic_versions(*topics: str) -> tuple[int, ...]:
    """The versions of ``topics`` (apps' labels), 0 for a topic never changed: those
    rows only (every subtree has its own rows)."""
    from django.db import connection

    if not topics:
        return ()
    table = DataVersion._meta.db_table
    marks = ", ".join(["%s"] * len(topics))
    with connection.cursor() as cur:
        cur.execute(f"SELECT topic, value FROM {table} WHERE topic IN ({marks})", list(topics))
        versions = dict(cur.fetchall())
    return tuple(versions.get(t, 0) for t in topics)


def topic_versions_once(*topics: str) -> tuple[int, ...]:
    """:func:`topic_versions`, each topic read once a request (``core.memo``; a change
    forgets them): a list page's filter form reads those of its rows with its own."""
    from .memo import remember

    kept = remember("topic-versions-read", dict)  # outside a request: a new dict
    missing = [t for t in dict.fromkeys(topics) if t not in kept]
    if missing:
        kept.update(zip(missing, topic_versions(*missing), strict=True))
    return tuple(kept[t] for t in topics)


def version_stamp(versions: dict, topics) -> str:
    """``topics``' versions out of ``versions`` (:func:`all_topic_versions`; 0 for a
    topic never changed) as one part of a cache key ("12-7-0")."""
    return "-".join(str(versions.get(t, 0)) for t in topics)


def bump_data_version(topic: str | None = None) -> None:
    """Called on every save, delete and many-to-many change of a record (core.apps)
    with the record's app as ``topic``; without a topic every version moves.

    The global row is always moved first, so concurrent writers queue on that one row
    and never take the topic rows in different orders."""
    from django.db import transaction

    with transaction.atomic():  # the global row stays locked until the topic's moved
        _bump(topic)


def subtree_topic(unit_id, part: str = "unit") -> str:
    """The topic of a unit subtree's version (``unit:12``; ``reach:12`` for the part of
    its summaries that is the partners' reach, ``dlg:12`` for its delegations',
    ``res:12`` for its resources'), see :func:`bump_subtrees`."""
    return f"{part}:{unit_id}"


def bump_subtrees(unit_ids, part: str = "unit") -> None:
    """Move the versions of the subtrees ``unit_ids`` (``subtree_topic``) with the
    global one: called when the summary cells of a unit in them were counted again
    (``reports.summaries.refresh``), so figures read from one subtree's cells can be
    cached under that subtree's version and survive changes elsewhere."""
    bump_topics(subtree_topic(u, part) for u in {int(u) for u in unit_ids})


def bump_topics(topics) -> None:
    """Move the global version and each of ``topics`` (in one transaction, the global
    row first as in :func:`bump_data_version`)."""
    from django.db import transaction
    from django.db.models import F

    topics = sorted(set(topics))
    if not topics:
        return
    with transaction.atomic():
        _bump(topics[0])
        rest = DataVersion.objects.filter(topic__in=topics[1:])
        if len(topics) > 1 and rest.update(value=F("value") + 1) < len(topics) - 1:
            # some never moved before: create those (the global row is held)
            there = set(rest.values_list("topic", flat=True))
            for topic in topics[1:]:
                if topic not in there:
                    _bump_topic(topic)


def all_topic_versions() -> dict[str, int]:
    """Every topic's version (the apps' and the subtrees'), by topic: one read (once a
    request: ``core.memo``)."""
    from django.db import connection

    from .memo import remember

    def read():
        table = DataVersion._meta.db_table
        with connection.cursor() as cur:
            # not the units' ``seen`` versions (``core.seen``: a row per unit touched)
            cur.execute(
                f"SELECT topic, value FROM {table} WHERE topic <> %s AND topic NOT LIKE %s",
                ["", "seen:%"],
            )
            return dict(cur.fetchall())

    return dict(remember("topic-versions", read))


def _bump(topic: str | None) -> None:
    from django.db.models import F

    from .memo import forget

    forget()  # what this request read once (the tree's roots, the versions) is read again

    if not DataVersion.objects.filter(pk=1).update(value=F("value") + 1):
        _row, created = DataVersion.objects.get_or_create(pk=1, defaults={"value": 1, "topic": ""})
        if not created:  # another writer created it meanwhile: count this change too
            DataVersion.objects.filter(pk=1).update(value=F("value") + 1)
    if topic is None:  # every record's figures; the search index keeps its own log
        DataVersion.objects.exclude(pk=1).exclude(topic=SEARCH_INDEX_TOPIC).update(
            value=F("value") + 1
        )
    else:
        _bump_topic(topic)


def _bump_topic(topic: str) -> None:
    """Move one topic's row (the global row is held by the caller)."""
    from django.db.models import F

    if not DataVersion.objects.filter(topic=topic).update(value=F("value") + 1):
        # the first change of this app: the global row is held, nobody races here (ids
        # are given, as row 1's was: a sequence that never counted it would repeat it)
        from django.db.models import Max

        last = DataVersion.objects.aggregate(m=Max("pk"))["m"] or 1
        DataVersion.objects.create(pk=last + 1, topic=topic, value=data_version())
