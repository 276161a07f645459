"""Generic views for every registered record kind: list, detail, add, edit, delete,
export, attachments. Each is configured by the kind's declaration; scope comes
from ``Model.objects.restrict(user, action)`` and out of scope is a 404."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from . import keptquery
from .filters import FilterFields, narrows
from .history import changes_since, history_for
from .keptquery import kept, reader_topics, tables_read, watching
from .models import Attachment, has_version, topic_versions_once
from .pagecache import cached_page, respond_shown
from .registry import REGISTRY, Hook, RecordKind, may_add
from .scope import ADD, CHANGE, DELETE, VIEW, role_allows
from .seen import ListKept
from .uploads import PHOTO_TYPES, check_upload, make_thumbnail
from .writing import (
    CONFLICT,
    FORBIDDEN,
    INVALID,
    PROTECTED,
    STALE,
    RecordRefused,
    record_delete,
    record_save,
)

#: ``fn(kind, user) -> [(label, url)]``: buttons other apps add to every list page
#: (the spreadsheet import's "Import from Excel")
list_buttons = Hook("list buttons", "Buttons on the list page of a kind.")


class KindView(View):
    kind: type[RecordKind] = None

    def get_object(self, pk, action=VIEW):
        qs = self.kind.detail_queryset(self.request.user, action)
        return get_object_or_404(qs, pk=pk)

    def base_context(self, **extra):
        ctx = {
            "kind": self.kind,
            "verbose_name": self.kind.verbose_name(),
            "verbose_name_plural": self.kind.verbose_name_plural(),
            "can_add": may_add(self.kind, self.request.user),
        }
        ctx.update(extra)
        return ctx


class WholeList:
    """A reader's whole list of a kind (no filter narrows it): what her scope's policy
    knows of it without reading it counts it and chooses how its pages are read. The
    records her subtree owns, as the write path keeps them counted, are read once."""

    def __init__(self, kind, user):
        self.kind = kind
        self.user = user
        self.policy = kind.model.scope_policy

    @cached_property
    def owned(self) -> int | None:
        kept = getattr(self.policy, "kept_owned", None)
        return kept(self.kind.model, self.user) if kept is not None else None

    def count(self, data: QuerySet, limit: int) -> int | None:
        """``limit`` when she sees at least so many (``UnitOwned.count_visible``); else
        her scope counted as one bitmap where that pays (``UnitOwned.count_bitmap``:
        PostgreSQL, a province); else None: count the list."""
        count = getattr(self.policy, "count_visible", None)
        n = None if count is None else count(data, self.user, limit, owned=self.owned)
        bitmap = getattr(self.policy, "count_bitmap", None)
        if n is None and bitmap is not None:
            # the whole list is every record of the kind she may view (list_queryset)
            n = bitmap(self.kind.model._default_manager.using(data.db), self.user, limit)
        return n

    def index_to_walk(self, data: QuerySet, rows: int) -> str | None:
        """The index to read the list's first ``rows`` ids walking (in the list's own
        order; ``UnitOwned.walks_list``), or None: let the database choose."""
        index = self.kind.list_order_index
        walks = getattr(self.policy, "walks_list", None)
        if index is None or walks is None or self.owned is None:
            return None
        if tuple(data.query.order_by) != tuple(self.kind.sorted(data.none()).query.order_by):
            return None  # sorted by a column: not the index's order
        return index if walks(data, self.user, rows, self.owned) else None


def walked_ids(ids: QuerySet, index: str) -> list:
    """The primary keys of ``ids`` (a sliced ``values_list("pk", flat=True)``) read
    walking ``index`` of its table (SQLite's ``INDEXED BY``: Django has no index hints)."""
    from django.core.exceptions import EmptyResultSet
    from django.db import connections

    try:
        sql, params = ids.query.get_compiler(using=ids.db).as_sql()
    except EmptyResultSet:
        return []
    table = connections[ids.db].ops.quote_name(ids.model._meta.db_table)
    head = f"FROM {table}"
    if head not in sql:
        return list(ids)
    sql = sql.replace(head, f"{head} INDEXED BY {connections[ids.db].ops.quote_name(index)}", 1)
    with connections[ids.db].cursor() as cur:
        cur.execute(sql, params)
        return [row[0] for row in cur.fetchall()]


class CappedPaginator(Paginator):
    """Counts at most ``cap`` rows (``COUNT(*)`` over ``LIMIT cap + 1``), so a list of a
    million records does not count them all on every page; the list says "more than
    10,000" instead. The requested page is always inside the counted range.

    ``whole``, a reader's whole list (``WholeList``, when no filter narrows it), is
    asked first: its rows counted up to ``limit`` some faster way, or None; and which
    index to walk to read a page's ids, if any."""

    cap = 10_000

    def __init__(self, object_list, per_page, *args, cap=None, whole=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.cap = cap or self.cap
        self.whole = whole
        self.capped = False

    @cached_property
    def count(self):
        data = getattr(getattr(self.object_list, "data", None), "data", None)
        if not isinstance(data, QuerySet):
            return super().count
        n = self.whole.count(data, self.cap + 1) if self.whole else None
        if n is None:
            n = keptquery.count(data, upto=self.cap + 1, using=data.db)
        if n > self.cap:
            self.capped = True
            return self.cap
        return n

    def page(self, number):
        """The page's records in two steps: the ids of the page in the list's order (a
        narrow query that the indexes often answer alone, however deep the page), then
        those records with their related rows. In one query the database joined and
        sorted every matching row, with all its columns, to keep 25 (a province's
        resource list: 80 -> 15 ms at 1M on SQLite)."""
        rows = self.object_list
        data = getattr(getattr(rows, "data", None), "data", None)
        if (
            not isinstance(data, QuerySet)
            or not hasattr(rows, "table")
            or self.count <= self.per_page
        ):
            return super().page(number)  # one page: one query
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        index = self.whole.index_to_walk(data, top) if self.whole else None
        if index:
            ids = data.prefetch_related(None).values_list("pk", flat=True)[bottom:top]
            ids = walked_ids(ids, index)
        else:  # a kept query's statement kept with it
            ids = [row[0] for row in keptquery.values(data, ("pk",), bottom, top, using=data.db)]
        keeps_rows = getattr(rows.table, "keeps_rows", None)
        stamp = row_stamp(data, ids) if keeps_rows and keeps_rows() else None
        records = LazyRecords(data, ids)
        page = self._get_page(type(rows)(records, table=rows.table), number, self)
        # the table's body may be kept under its rows' versions (RecordTable.body_html):
        # then the records are never read
        page.row_stamp = stamp
        return page


def row_stamp(data: QuerySet, ids: list) -> list:
    """(id, version) of each record ``ids`` in that order: one read by primary key."""
    model = data.model
    if not ids or not has_version(model):
        return None
    connection = connections[data.db]
    quote = connection.ops.quote_name
    meta = model._meta
    # written out: the same statement each time but for the number of ids; compiled
    # by the ORM it was a tenth of a central list page's time after a change (profiled)
    sql = "SELECT {}, {} FROM {} WHERE {} IN ({})".format(
        quote(meta.pk.column),
        quote(meta.get_field("version").column),
        quote(meta.db_table),
        quote(meta.pk.column),
        ", ".join(["%s"] * len(ids)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        found = dict(cursor.fetchall())
    return [(pk, found.get(pk)) for pk in ids]


class LazyRecords:
    """A page's records (``ids`` read from ``data`` by ``records_by_id``), read when the
    page is first iterated or measured: a table body kept in the cache reads none."""

    def __init__(self, data: QuerySet, ids: list):
        self.data, self.ids, self._records = data, ids, None

    @property
    def records(self) -> list:
        if self._records is None:
            found = records_by_id(self.data, self.ids) if self.ids else {}
            self._records = [found[pk] for pk in self.ids if pk in found]
        return self._records

    def __iter__(self):
        return iter(self.records)

    def __len__(self):
        # the ids' number until read (a template's ``{% if page %}`` reads nothing); a
        # record deleted between the two reads is then left out of the rows only
        return len(self._records if self._records is not None else self.ids)

    def __getitem__(self, key):
        return self.records[key]


def records_by_id(data: QuerySet, ids: list) -> dict:
    """The records ``ids`` (read from ``data`` itself) with ``data``'s related rows, by
    primary key alone: the list's conditions were applied when the ids were read, and
    applied again they made the database rebuild her scope's lists to check 25 rows (a
    province's list: the ids of the 42,000 activities her units take part in, 16 ms of
    the 25 rows' 16 ms at 1M on SQLite). A list that annotates keeps its queryset."""
    if data.query.annotations or data.query.extra or data.query.distinct_fields:
        return data.in_bulk(ids)
    fresh = data.model._default_manager.using(data.db).all()
    fresh.query.select_related = data.query.select_related
    fresh.query.deferred_loading = data.query.deferred_loading
    fresh = fresh.prefetch_related(*data._prefetch_related_lookups)
    return fresh.in_bulk(ids)


MAX_PAGE = 1_000_000


class ObjectListView(KindView):
    template_name = "generic/object_list.html"

    def filtered(self):
        """(filterset, queryset) of this request's list: kept in the process under what
        it was built from (``core.keptquery``); the filterset may be shared, read only."""
        return kept(self.request, self.kind.slug, self.build_filtered)

    def build_filtered(self):
        kind = self.kind
        qs = kind.list_queryset(self.request.user)
        filterset = kind.get_filterset_class()(
            self.request.GET or None, queryset=qs, request=self.request
        )
        if filterset.is_bound and not filterset.is_valid():
            return filterset, qs.none()
        return filterset, filterset.qs

    def get(self, request):
        # a province's or commune's reader: kept until a change touches her subtree
        kept_here = ListKept.for_list(request, self.kind, self.kind.get_table_class())
        if kept_here is None:
            return self.list_page(request)[0]
        served = kept_here.served()
        if served is not None:
            return served
        with watching() as statements:
            response, filterset = self.list_page(request)
        kept_here.keep(response, tables_read(statements), filterset)
        return response

    def list_page(self, request):
        """(the list page, its filterset)."""
        filterset, qs = self.filtered()
        table = self.kind.get_table_class()(qs)
        per_page = 25
        page = request.GET.get("page", "1")
        # a page past the millionth is the last page, not a LIMIT no database can hold
        page = min(int(page), MAX_PAGE) if page.isdigit() else 1
        whole = None
        if not narrows(filterset):  # the kind's whole list in her scope: maybe kept counted
            whole = WholeList(self.kind, request.user)
        RequestConfig(
            request,
            paginate={
                "per_page": per_page,
                "paginator_class": CappedPaginator,
                "cap": max(CappedPaginator.cap, (page + 1) * per_page),
                "whole": whole,
            },
        ).configure(table)
        filter_fields = FilterFields(
            request,
            self.kind.slug,
            filterset,
            # its table's rows' topics read with its own: one statement
            also=getattr(table, "versioned_by", tuple)(),
            # rendered from a filterset of its own (the one above may be shared)
            fresh=lambda: self.build_filtered()[0],
        )
        ctx = self.base_context(
            filterset=filterset,
            filter_fields=filter_fields,
            table=table,
            query=request.GET.urlencode(),
            list_actions=self.list_actions(),
        )
        template = self.template_name
        if request.htmx and not request.htmx.boosted:
            template = f"{template}#results"
        page = partial(render, request, template, ctx)
        shown = self.shown(table, filter_fields, ctx)
        response = page() if shown is None else respond_shown(request, shown, page)
        return response, filterset

    def shown(self, table, filter_fields, ctx) -> tuple | None:
        """What the page shows, as a key (see ``pagecache.respond_shown``), or None when
        its rows are not kept under their versions: the rows' key (their records, their
        versions, what else they show), the filter form's, the count, the buttons and
        the frame's reader."""
        rows = getattr(table, "rows_key", lambda: None)()
        if rows is None:
            return None
        paginator = table.paginator
        return (
            rows,
            filter_fields.key(),
            paginator.count,
            paginator.capped,
            paginator.num_pages,
            ctx["can_add"],
            ctx["list_actions"],
            # her name and her unit's in the frame: their apps' versions
            topic_versions_once(*reader_topics()),
        )

    def list_actions(self) -> list[tuple]:
        user = self.request.user
        out = []
        for v in self.kind.list_actions():
            allowed = may_add(self.kind, user) if v.action == ADD else role_allows(user, v.action)
            if allowed and (v.permission is None or v.permission(user)):
                out.append((v.label, reverse(v.name)))
        return out + list_buttons.gather(self.kind, user)


def filter_errors(form) -> str:
    """The filter form's errors as lines of text: "field: message"."""
    lines = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else name
        lines += [f"{label}: {message}" for message in errors]
    return "\n".join(lines) + "\n"


class ObjectExportView(ObjectListView):
    def get(self, request, fmt):
        from .exports import csv_response, xlsx_response

        filterset, qs = self.filtered()
        if filterset.is_bound and not filterset.is_valid():
            # a file of nothing would look like "no records": say what is wrong instead
            return HttpResponseBadRequest(
                filter_errors(filterset.form), content_type="text/plain; charset=utf-8"
            )
        fields = self.kind.get_export_fields()
        name = f"{self.kind.slug}"
        if fmt == "csv":
            return csv_response(qs, fields, name)
        if fmt == "xlsx":
            return xlsx_response(qs, fields, name, str(self.kind.verbose_name_plural()))
        raise Http404


class ObjectDetailView(KindView):
    template_name = "generic/object_detail.html"

    def get(self, request, pk):
        obj = self.get_object(pk)
        user = request.user
        policy = type(obj).scope_policy
        ctx = self.base_context(
            object=obj,
            fields=detail_fields(obj, self.kind.detail_fields),
            related=related_panels(self.kind, obj, user),
            history=history_for(obj, limit=30),
            can_change=self.kind.editable and policy.allows(obj, user, CHANGE),
            can_delete=self.kind.editable and policy.allows(obj, user, DELETE),
            attachments=attachments_of(obj) if self.kind.has_attachments else None,
            object_actions=[
                (v.label, v.name)
                for v in self.kind.object_actions()
                if policy.allows(obj, user, v.action)
            ],
            panels=[p.template for p in self.kind.panels],
        )
        for panel in self.kind.panels:
            if panel.context is not None:
                ctx.update(panel.context(obj, user))
        return render(request, self.template_name, ctx)


def related_panels(kind, obj, user) -> list[dict]:
    related = []
    for rel in kind.related:
        rel_kind = REGISTRY[rel.kind]
        qs = rel.queryset(obj, user)
        if rel_kind.list_select_related:
            qs = qs.select_related(*rel_kind.list_select_related)
        items = list(rel_kind.sorted(qs)[: rel.limit + 1])
        related.append(
            {
                "title": rel.title,
                "kind": rel_kind,
                "items": items[: rel.limit],
                "more": len(items) > rel.limit,
                "list_url": reverse(f"{rel_kind.slug}_list"),
            }
        )
    return related


def detail_fields(obj, names):
    out = []
    for name in names:
        field = obj._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            value = list(getattr(obj, name).all())
        else:
            display = getattr(obj, f"get_{name}_display", None)
            value = display() if display else getattr(obj, name)
        out.append({"name": name, "label": field.verbose_name, "value": value, "field": field})
    return out


def attachments_of(obj):
    ct = ContentType.objects.get_for_model(obj)
    return list(Attachment.objects.filter(content_type=ct, object_id=obj.pk))


class ObjectEditView(KindView):
    template_name = "generic/object_form.html"

    def get_instance(self, pk):
        if pk is None:
            if not self.kind.editable or not self.kind.model.scope_policy.can_add(
                self.request.user
            ):
                raise PermissionDenied
            return self.kind.model()
        if not self.kind.editable:
            raise PermissionDenied
        self.get_object(pk, VIEW)  # 404 when not even visible
        obj = self.kind.detail_queryset(self.request.user, CHANGE).filter(pk=pk).first()
        if obj is None:
            raise PermissionDenied
        return obj

    def form(self, instance, data=None, files=None):
        initial = {}
        if instance.pk is None:
            if self.kind.initial:
                initial.update(self.kind.initial(self.request.user))
            elif hasattr(instance, "unit_id") and self.request.user.unit_id:
                initial["unit"] = self.request.user.unit_id
            initial.update({k: v for k, v in self.request.GET.items() if k != "version"})
        elif self.request.GET.get("historical"):  # units that have ended offered too
            initial["historical"] = self.request.GET["historical"]
        return self.kind.get_form_class()(
            data, files, instance=instance, user=self.request.user, initial=initial
        )

    def get(self, request, pk=None):
        instance = self.get_instance(pk)
        return render(
            request,
            self.template_name,
            self.base_context(form=self.form(instance), object=instance if pk else None),
        )

    def post(self, request, pk=None):
        instance = self.get_instance(pk)
        form = self.form(instance, request.POST, request.FILES)
        ctx = self.base_context(form=form, object=instance if pk else None)
        try:
            saved = record_save(kind=self.kind, acting_user=request.user, form=form)
        except RecordRefused as exc:
            if exc.reason == STALE:
                fresh = type(instance)._base_manager.get(pk=instance.pk)
                ctx["stale"] = {
                    "changes": changes_since(fresh, int(request.POST.get("version") or 0)),
                    "current_version": exc.current_version,
                }
            if exc.form is None:  # refused before the form was read
                raise PermissionDenied from exc
            return render(request, self.template_name, ctx, status=REFUSAL_STATUS[exc.reason])
        messages.success(request, _("Saved: %(obj)s") % {"obj": saved.obj})
        return HttpResponseRedirect(saved.obj.get_absolute_url())


#: the answer to a refused write, by reason
REFUSAL_STATUS = {INVALID: 400, FORBIDDEN: 403, STALE: 409, CONFLICT: 400, PROTECTED: 409}


class ObjectDeleteView(KindView):
    template_name = "generic/object_confirm_delete.html"

    def get_target(self, pk):
        self.get_object(pk, VIEW)
        obj = self.kind.detail_queryset(self.request.user, DELETE).filter(pk=pk).first()
        if obj is None or not self.kind.editable:
            raise PermissionDenied
        return obj

    def get(self, request, pk):
        obj = self.get_target(pk)
        return render(request, self.template_name, self.base_context(object=obj))

    def post(self, request, pk):
        obj = self.get_target(pk)
        label = str(obj)
        try:
            record_delete(kind=self.kind, obj=obj, acting_user=request.user)
        except RecordRefused as exc:
            for message in exc.messages:
                messages.error(request, message)
            return HttpResponseRedirect(obj.get_absolute_url())
        messages.success(request, _("Deleted: %(obj)s") % {"obj": label})
        return HttpResponseRedirect(reverse(f"{self.kind.slug}_list"))


class AttachmentUploadView(KindView):
    def post(self, request, pk):
        self.get_object(pk, VIEW)
        obj = self.kind.detail_queryset(request.user, CHANGE).filter(pk=pk).first()
        if obj is None:
            raise PermissionDenied
        kind = request.POST.get("kind") or Attachment.Kind.DOCUMENT
        if kind not in Attachment.Kind.values:
            kind = Attachment.Kind.DOCUMENT
        files = request.FILES.getlist("file")
        if not files:
            messages.error(request, _("Choose a file to upload."))
            return HttpResponseRedirect(obj.get_absolute_url())
        try:
            checked = [
                (f, check_upload(f, photos_only=kind == Attachment.Kind.PHOTO)) for f in files
            ]
        except ValidationError as exc:
            for msg in exc.messages:
                messages.error(request, msg)
            return HttpResponseRedirect(obj.get_absolute_url())
        ct = ContentType.objects.get_for_model(obj)
        stored = []  # files written so far: removed again if the transaction fails
        try:
            with transaction.atomic():
                for f, info in checked:
                    att = Attachment(
                        content_type=ct,
                        object_id=obj.pk,
                        kind=kind,
                        original_name=f.name[:255],
                        mime_type=info.mime_type,
                        size=info.size,
                        title=request.POST.get("title", "")[:255],
                        created_by=request.user,
                    )
                    att.file.save(f.name, f, save=False)
                    stored.append(att.file)
                    att.save()
                    if info.mime_type in PHOTO_TYPES:
                        make_thumbnail(att)
                        stored.append(att.thumbnail)
        except Exception:
            for file in stored:
                file.storage.delete(file.name)
            raise
        messages.success(request, _("Uploaded %(n)d file(s).") % {"n": len(checked)})
        return HttpResponseRedirect(obj.get_absolute_url())


def _attachment_in_scope(request, att_pk, action):
    att = get_object_or_404(Attachment.objects.select_related("content_type"), pk=att_pk)
    model = att.content_type.model_class()
    kind = next((k for k in REGISTRY.values() if k.model is model), None)
    if kind is None or not kind.scoped(request.user, VIEW).filter(pk=att.object_id).exists():
        raise Http404
    if action != VIEW and not kind.scoped(request.user, action).filter(pk=att.object_id).exists():
        raise PermissionDenied
    return att, kind


def attachment_download(request, pk, thumb=False):
    att, _kind = _attachment_in_scope(request, pk, VIEW)
    f = att.thumbnail if thumb and att.thumbnail else att.file
    if not f:
        raise Http404
    filename = att.original_name
    base, _dot, ext = filename.rpartition(".")
    safe = f"{slugify(base) or 'file'}.{ext}" if ext else slugify(filename) or "file"
    response = FileResponse(
        f.open("rb"),
        content_type="image/jpeg" if thumb and att.thumbnail else att.mime_type,
        as_attachment=not (thumb or att.mime_type in PHOTO_TYPES),
        filename=safe,
    )
    return response


def attachment_delete(request, pk):
    if request.method != "POST":
        raise Http404
    att, kind = _attachment_in_scope(request, pk, CHANGE)
    target = kind.model._default_manager.get(pk=att.object_id)
    att.file.delete(save=False)
    if att.thumbnail:
        att.thumbnail.delete(save=False)
    att.delete()
    messages.success(request, _("Deleted: %(obj)s") % {"obj": att.original_name})
    return HttpResponseRedirect(target.get_absolute_url())


def declared_view(declared):
    """The URL callable of a page declared with ``kind_view``: the scope is checked
    here, once for every such page (404 out of scope, 403 not allowed)."""
    kind, action = declared.kind, declared.action

    if declared.detail:

        def view(request, pk, **kwargs):
            obj = get_object_or_404(kind.detail_queryset(request.user, VIEW), pk=pk)
            if action != VIEW and not type(obj).scope_policy.allows(obj, request.user, action):
                raise PermissionDenied
            return declared.view(request, obj, **kwargs)
    else:

        def view(request, **kwargs):
            allowed = (
                may_add(kind, request.user) if action == ADD else role_allows(request.user, action)
            )
            if not allowed or (declared.permission and not declared.permission(request.user)):
                raise PermissionDenied
            return declared.view(request, **kwargs)

    view.__name__ = view.__qualname__ = declared.name
    view.__doc__ = declared.view.__doc__
    return view


def kind_urlpatterns():
    """URL patterns for every registered kind and the pages declared against it,
    generated from the registry."""
    from django.urls import path

    patterns = []
    for slug, kind in REGISTRY.items():
        patterns += [
            path(f"{slug}/", cached_page(ObjectListView.as_view(kind=kind)), name=f"{slug}_list"),
            path(f"{slug}/add/", ObjectEditView.as_view(kind=kind), name=f"{slug}_add"),
            path(
                f"{slug}/export.<str:fmt>",
                ObjectExportView.as_view(kind=kind),
                name=f"{slug}_export",
            ),
            path(
                f"{slug}/<int:pk>/",
                cached_page(ObjectDetailView.as_view(kind=kind)),
                name=f"{slug}_detail",
            ),
            path(f"{slug}/<int:pk>/edit/", ObjectEditView.as_view(kind=kind), name=f"{slug}_edit"),
            path(
                f"{slug}/<int:pk>/delete/",
                ObjectDeleteView.as_view(kind=kind),
                name=f"{slug}_delete",
            ),
            path(
                f"{slug}/<int:pk>/attachments/",
                AttachmentUploadView.as_view(kind=kind),
                name=f"{slug}_attach",
            ),
        ]
    for kind in REGISTRY.values():
        for declared in kind.views:
            route = (
                f"{declared.prefix}/<int:pk>/{declared.path}"
                if declared.detail
                else f"{declared.prefix}/{declared.path}"
            )
            patterns.append(path(route, declared_view(declared), name=declared.name))
    return patterns
