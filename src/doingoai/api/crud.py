"""Endpoints generated from the record-kind registry: list, read, create, replace,
update and delete for every kind declared with ``api = True``.

Validation goes through the kind's form, filtering through its FilterSet and
scope through ``restrict(user, action)``, so the API and the pages share rules.

(No ``from __future__ import annotations`` here: ninja reads the payload types of
the generated views at runtime.)
"""

from functools import partial

from django.db.models import ManyToManyField, Model, Prefetch
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router

from doingoai.core import keptquery, pagecache
from doingoai.core.keptquery import kept
from doingoai.core.models import has_version, topic_versions_once
from doingoai.core.registry import may_add
from doingoai.core.scope import CHANGE, DELETE, VIEW
from doingoai.core.tables import rows_topic
from doingoai.core.text import collated
from doingoai.core.writing import (
    CONFLICT,
    FORBIDDEN,
    INVALID,
    PROTECTED,
    STALE,
    RecordRefused,
    current_data,
    record_delete,
    record_save,
)

from . import schemas
from .errors import ApiError, form_errors

ERRORS = {s: schemas.ErrorOut for s in (400, 401, 403, 404, 409, 412, 422, 428)}


class Endpoints:
    """What the six endpoints of one kind do, one method each; ``kind_router`` wires
    them to their routes and payload types."""

    def __init__(self, kind, api):
        self.kind, self.api = kind, api
        self.out = schemas.output_schema(kind)
        self.m2m = [f.name for f in schemas.model_fields(kind) if isinstance(f, ManyToManyField)]

    def respond(self, request, obj, status=200):
        response = self.api.create_response(
            request, self.out.from_orm(obj).model_dump(), status=status
        )
        response["ETag"] = f'"{obj.version}"'
        return response

    def visible(self, request, pk, action=VIEW) -> Model:
        """The record when in scope for ``action``: 404 when not even visible,
        403 when visible but not allowed."""
        kind, user = self.kind, request.auth
        obj = kind.detail_queryset(user, VIEW).filter(pk=pk).first()
        if obj is None:
            raise ApiError(404, "not_found", _("No such record, or not yours to see."))
        if action != VIEW and (
            not kind.editable or not kind.scoped(user, action).filter(pk=pk).exists()
        ):
            raise ApiError(403, "forbidden", _("You may not change this record."))
        return obj

    def filtered(self, request):
        """The kind's list in the reader's scope, filtered and ordered as asked: kept in
        the process under what it was built from (``core.keptquery``), a copy each time."""
        return kept(
            request,
            f"api:{self.kind.slug}",
            lambda: (None, self.build_filtered(request)),
            user=request.auth,
            ignore=("limit", "offset"),
        )[1]

    def build_filtered(self, request):
        kind, params = self.kind, request.GET
        data = params.copy()
        for key in schemas.LIST_PARAMS:
            data.pop(key, None)
        filterset = kind.get_filterset_class()(
            data or None, queryset=kind.list_queryset(request.auth), request=request
        )
        if filterset.is_bound and not filterset.is_valid():
            raise ApiError(
                422, "validation_error", _("Some filters are invalid."), form_errors(filterset.form)
            )
        qs = filterset.qs
        if params.get("ordering"):
            qs = qs.order_by(*_ordering(kind, params["ordering"]))
        # into lists read by the output schema (schemas.listed_base), not per-record managers
        listed = [Prefetch(name, to_attr=schemas.LISTED.format(name)) for name in self.m2m]
        return qs.prefetch_related(*listed) if listed else qs

    def list(self, request):
        params = request.GET
        limit = _int_param(params, "limit", schemas.DEFAULT_LIMIT, 1, schemas.MAX_LIMIT)
        offset = _int_param(params, "offset", 0, 0, schemas.MAX_OFFSET)
        qs = self.filtered(request)
        count = keptquery.count(qs)
        shown = self.shown(qs, count, offset, limit)
        render = partial(self.render_list, request, qs, count, offset, limit)
        if shown is None:
            return render()
        return pagecache.respond_shown(request, shown, render, user=request.auth)

    def shown(self, qs, count, offset, limit) -> tuple | None:
        """What a page of the list shows (``pagecache.respond_shown``): its count, its
        records' ids and versions (every save through the write path moves a record's
        version, its many-to-many links included) and the versions of the apps of the
        records it links to and of its rows written without signals; None for a kind
        without versions."""
        model = self.kind.model
        if not has_version(model):
            return None
        stamp = keptquery.values(qs, ("pk", "version"), offset, offset + limit)
        return (count, stamp, topic_versions_once(*self.shows, rows_topic(model)))

    @cached_property
    def shows(self) -> tuple[str, ...]:
        """The apps of the other records a list's items show: those its many-to-many
        fields list (their ids) and those its records' names read (``name_reads``)."""
        meta = self.kind.model._meta
        linked = {meta.get_field(name).related_model._meta.app_label for name in self.m2m}
        reads = self.kind.name_reads
        if reads is None:
            reads = {
                f.related_model._meta.app_label
                for f in meta.concrete_fields
                if f.is_relation and f.related_model is not None
            }
        return tuple(sorted(linked | set(reads)))

    def render_list(self, request, qs, count, offset, limit):
        params = request.GET
        items = list(qs[offset : offset + limit])
        base = request.build_absolute_uri(request.path)

        def link(new_offset):
            q = params.copy()
            q["offset"], q["limit"] = str(new_offset), str(limit)
            return f"{base}?{q.urlencode()}"

        return self.api.create_response(
            request,
            {
                "count": count,
                "next": link(offset + limit) if offset + limit < count else None,
                "previous": link(max(offset - limit, 0)) if offset > 0 else None,
                "results": [self.out.from_orm(obj).model_dump() for obj in items],
            },
            status=200,
        )

    def create(self, request, payload):
        kind, user = self.kind, request.auth
        if not may_add(kind, user):
            raise ApiError(403, "forbidden", _("You may not add records of this kind."))
        data = payload.model_dump()
        data.pop("version", None)
        obj = _save(kind, kind.model(), data, user, created=True)
        response = self.respond(request, obj, status=201)
        response["Location"] = request.build_absolute_uri(f"{request.path}{obj.pk}/")
        return response

    def update(self, request, pk, payload, partial):
        kind, user = self.kind, request.auth
        obj = self.visible(request, pk, CHANGE)
        sent = payload.model_dump(exclude_unset=partial)
        expected, via_header = _expected_version(request, sent.pop("version", None))
        if expected != obj.version:
            raise _stale(obj, via_header)
        data = current_data(kind, obj, user) if partial else {}
        data.update(sent)
        data["version"] = expected
        try:
            saved = record_save(kind=kind, acting_user=user, data=data, instance=obj)
        except RecordRefused as exc:
            if exc.reason == STALE:
                raise _stale(type(obj)._base_manager.get(pk=obj.pk), via_header) from None
            raise refusal(exc) from None
        return self.respond(request, type(obj)._default_manager.get(pk=saved.obj.pk))

    def delete(self, request, pk):
        obj = self.visible(request, pk, DELETE)
        if request.headers.get("If-Match"):
            expected, _header = _expected_version(request, None)
            if expected != obj.version:
                raise _stale(obj, True)
        try:
            record_delete(kind=self.kind, obj=obj, acting_user=request.auth)
        except RecordRefused as exc:
            raise refusal(exc) from None
        return HttpResponse(status=204)


def kind_router(kind, api) -> Router:
    """A router with the six endpoints of one kind (read-only kinds: two)."""
    slug, name, ends = kind.slug, str(kind.verbose_name()), Endpoints(kind, api)
    out = ends.out
    payload_in = schemas.input_schema(kind)
    payload_patch = schemas.input_schema(kind, partial=True)
    router = Router(tags=[slug])
    one, many = f"/{slug}/{{pk}}/", f"/{slug}/"

    @router.get(
        many,
        response={200: schemas.page_schema(kind, out), **ERRORS},
        operation_id=f"{slug}_list",
        summary=f"List {kind.verbose_name_plural()}",
        openapi_extra={"parameters": schemas.list_parameters(kind)},
    )
    def list_records(request):
        # served through the page cache: the same list for the same reader and data
        # version is not queried again
        return pagecache.respond(request, lambda: ends.list(request), user=request.auth)

    @router.get(
        one, response={200: out, **ERRORS}, operation_id=f"{slug}_read", summary=f"Read one {name}"
    )
    def read_record(request, pk: int):
        return ends.respond(request, ends.visible(request, pk))

    if not kind.editable:
        return router

    @router.post(
        many,
        response={201: out, **ERRORS},
        operation_id=f"{slug}_create",
        summary=f"Create one {name}",
    )
    def create_record(request, payload: payload_in):
        return ends.create(request, payload)

    @router.put(
        one,
        response={200: out, **ERRORS},
        operation_id=f"{slug}_replace",
        summary=f"Replace one {name}",
    )
    def replace_record(request, pk: int, payload: payload_in):
        return ends.update(request, pk, payload, partial=False)

    @router.patch(
        one,
        response={200: out, **ERRORS},
        operation_id=f"{slug}_update",
        summary=f"Update some fields of one {name}",
    )
    def update_record(request, pk: int, payload: payload_patch):
        return ends.update(request, pk, payload, partial=True)

    @router.delete(
        one,
        response={204: None, **ERRORS},
        operation_id=f"{slug}_delete",
        summary=f"Delete one {name}",
    )
    def delete_record(request, pk: int):
        return ends.delete(request, pk)

    return router


def _int_param(params, name, default, low, high):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < low or (high is not None and value > high):
        bounds = f"{low}–{high}" if high is not None else f"≥ {low}"
        raise ApiError(
            422,
            "validation_error",
            _("Invalid %(name)s.") % {"name": name},
            [{"field": name, "message": _("A whole number %(bounds)s.") % {"bounds": bounds}}],
        )
    return value


def _ordering(kind, text):
    allowed = schemas.ordering_fields(kind)
    out = []
    for part in text.split(","):
        part = part.strip()
        desc = part.startswith("-")
        field = allowed.get(part.lstrip("-"))
        if field is None:
            raise ApiError(
                422,
                "validation_error",
                _("Unknown ordering field."),
                [
                    {
                        "field": "ordering",
                        "message": _("“%(value)s” is not one of: %(names)s.")
                        % {"value": part, "names": ", ".join(sorted(allowed))},
                    }
                ],
            )
        out.append(f"-{field}" if desc else field)
    return [*collated(out, kind.model), "-pk"]  # names in Vietnamese order


def _expected_version(request, body_version):
    """The version the client read: If-Match wins over the body's ``version``."""
    header = request.headers.get("If-Match")
    if header:
        tag = header.split(",")[0].strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tag = tag.strip('"')
        if not tag.isdigit():
            raise ApiError(412, "stale", _("If-Match must be the ETag of the record you read."))
        return int(tag), True
    if body_version is not None:
        return int(body_version), False
    raise ApiError(
        428,
        "version_required",
        _("Send the version you read, as an If-Match header or a “version” field."),
        [{"field": "version", "message": _("This field is required.")}],
    )


def _stale(current, via_header) -> ApiError:
    error = ApiError(
        412 if via_header else 409,
        "stale",
        _(
            "Somebody else saved this record after you read it (now version %(version)s). "
            "Nothing was changed; read it again and reapply your change."
        )
        % {"version": current.version},
        [{"field": "version", "message": _("Stale version.")}],
    )
    error.headers["ETag"] = f'"{current.version}"'
    return error


def _save(kind, instance, data, user, *, created):
    """Through the one write path (``core.writing``); its refusal as a JSON error."""
    try:
        saved = record_save(
            kind=kind, acting_user=user, data=data, instance=None if created else instance
        )
    except RecordRefused as exc:
        raise refusal(exc) from None
    return type(saved.obj)._default_manager.get(pk=saved.obj.pk)


#: a refused write as an API answer: (status, code, message)
REFUSALS = {
    INVALID: (422, "validation_error", gettext_lazy("Some values are invalid.")),
    FORBIDDEN: (403, "forbidden", None),
    CONFLICT: (409, "conflict", None),
    PROTECTED: (409, "protected", None),
}


def refusal(exc: RecordRefused) -> ApiError:
    status, code, message = REFUSALS.get(exc.reason, (409, exc.reason, None))
    errors = [{"field": e.field, "message": e.message} for e in exc.errors]
    if message is None:
        message = "; ".join(exc.messages)
    return ApiError(status, code, message, errors)
