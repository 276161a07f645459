"""Schemas generated from each record kind: the model gives the fields and types
(ninja's ``create_schema``), the kind's form says which fields are writable, the
kind's FilterSet says which query parameters a list takes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from ninja import Field, Schema
from ninja.orm import create_schema
from ninja.orm.fields import get_schema_field
from pydantic import create_model
from pydantic.fields import FieldInfo

from doingoai.core.forms import TagsField

#: never shown nor written through the API, whatever the kind
HIDDEN_FIELDS = {"search_text", "password", "path"}
#: the paging and ordering parameters of every list; filters must not shadow them
LIST_PARAMS = ("limit", "offset", "ordering")
MAX_LIMIT = 500
#: further than any list goes (a larger offset is a 422, not a database error)
MAX_OFFSET = 10**9
DEFAULT_LIMIT = 50


class FieldError(Schema):
    field: str | None = Field(None, description="The field at fault; null for the record.")
    message: str


class ErrorOut(Schema):
    code: str = Field(
        ...,
        description="Machine-readable: validation_error, not_found, "
        "forbidden, unauthenticated, stale, version_required, protected, conflict.",
    )
    message: str
    errors: list[FieldError] = []


class RecordOut(Schema):
    id: int
    version: int = Field(1, description="Send it back (or as If-Match) when you update.")
    display: str = Field("", description="How the record is named on the pages.")

    @staticmethod
    def resolve_display(obj) -> str:
        return str(obj)


def _name(kind) -> str:
    return kind.model.__name__


def model_fields(kind) -> list[models.Field]:
    """Concrete and many-to-many fields shown by the API, in model order."""
    hidden = HIDDEN_FIELDS | set(getattr(kind, "api_exclude", ()))
    out = []
    for f in kind.model._meta.get_fields():
        if f.auto_created and not f.concrete:
            continue  # reverse relations
        if not (f.concrete or f.many_to_many) or f.name in hidden or f.name in ("id",):
            continue
        if (
            isinstance(f, (models.FileField,))
            or getattr(f, "remote_field", None)
            and (f.remote_field.model is None)
        ):
            continue
        out.append(f)
    return out


def form_fields(kind) -> dict[str, forms.Field]:
    """The fields of the kind's form, including those its ``__init__`` adds; the API
    writes exactly these."""
    form_class = kind.get_form_class()
    try:
        fields = form_class(user=None).fields
    except Exception:  # a form that needs more than an unbound instance
        fields = form_class.base_fields
    return {name: field for name, field in fields.items() if name != "version"}


def _model_field(model, name):
    """The model's own field (not a reverse relation) of that name, or None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _form_type(form_field):
    """The JSON type of a form-only field."""
    if isinstance(form_field, TagsField):
        return list[str]
    for form_class, python_type in (
        (forms.BooleanField, bool),
        (forms.IntegerField, int),
        (forms.DecimalField, Decimal),
        (forms.FloatField, float),
        (forms.DateTimeField, dt.datetime),
        (forms.DateField, dt.date),
        (forms.ModelMultipleChoiceField, list[int]),
        (forms.ModelChoiceField, int),
        (forms.MultipleChoiceField, list[str]),
        (forms.CharField, str),
        (forms.ChoiceField, str),
    ):
        if isinstance(form_field, form_class):
            return python_type
    return Any


def _choices_type(values):
    values = tuple(v for v in values if v is not None)
    return Literal[values] if values else str


#: a record number a database can hold
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]


def _input_field(model, name, form_field, partial: bool):
    """(type, FieldInfo) for one writable field, named as the form names it."""
    mf = _model_field(model, name)
    optional = partial or not form_field.required
    if mf is not None:
        python_type, info = get_schema_field(mf, optional=optional)
        attrs = {
            k: v
            for k, v in info._attributes_set.items()
            if k not in ("alias", "validation_alias", "serialization_alias")
        }
        if mf.many_to_many:
            # record numbers only: ninja's own type passes null and nested lists on
            python_type = list[RecordId] | None if optional else list[RecordId]
        elif mf.choices and not mf.many_to_many:
            values = [value for value, _label in mf.flatchoices]
            if mf.blank and "" not in values and not isinstance(values[0], int):
                values.append("")
            python_type = _choices_type(values)
            python_type = python_type | None if optional else python_type
        elif isinstance(form_field, TagsField):
            python_type = list[str] | None if optional else list[str]
        elif isinstance(mf, models.JSONField):
            python_type = Any
    else:
        python_type = _form_type(form_field)
        python_type = python_type | None if optional else python_type
        attrs = {"default": None if optional else ..., "title": str(form_field.label or name)}
    if partial:
        attrs["default"] = None
        attrs.pop("default_factory", None)
    if form_field.help_text and not attrs.get("description"):
        attrs["description"] = str(form_field.help_text)
    info = FieldInfo(**attrs)
    return python_type, info


def output_schema(kind) -> type[Schema]:
    fields = [f.name for f in model_fields(kind)]
    # a JSON field holds a list (tags, aliases, links) as often as an object: ninja
    # describes it as an object, which the answers would violate
    json = [
        (f.name, Any, Field(None, title=str(f.verbose_name)))
        for f in model_fields(kind)
        if isinstance(f, models.JSONField)
    ]
    return create_schema(
        kind.model,
        name=f"{_name(kind)}Out",
        fields=["id", *(f for f in fields if f not in {name for name, _t, _i in json})],
        custom_fields=json,
        base_class=RecordOut,
    )


def input_schema(kind, *, partial: bool = False) -> type[Schema]:
    custom = []
    names = []
    for name, form_field in form_fields(kind).items():
        python_type, info = _input_field(kind.model, name, form_field, partial)
        custom.append((name, python_type, info))
        if _model_field(kind.model, name) is not None:
            names.append(name)
    custom.append(
        (
            "version",
            int | None,
            Field(None, ge=1, description="The version you read; or send it as If-Match."),
        )
    )
    suffix = "Patch" if partial else "In"
    return create_schema(
        kind.model,
        name=f"{_name(kind)}{suffix}",
        fields=names or ["id"],
        custom_fields=custom + ([] if names else [("id", int | None, Field(None))]),
    )


def page_schema(kind, out: type[Schema]) -> type[Schema]:
    return create_model(
        f"{_name(kind)}Page",
        __base__=Schema,
        count=(int, ...),
        next=(str | None, None),
        previous=(str | None, None),
        results=(list[out], ...),
    )


def _filter_schema(flt) -> dict:
    if isinstance(flt, django_filters.BooleanFilter):
        return {"type": "boolean"}
    if isinstance(flt, django_filters.NumberFilter):
        if issubclass(flt.field_class, forms.IntegerField):  # a year: its bounds
            schema = {"type": "integer"}
            for key, bound in (("minimum", "min_value"), ("maximum", "max_value")):
                if flt.extra.get(bound) is not None:
                    schema[key] = flt.extra[bound]
            return schema
        return {"type": "number"}
    if isinstance(flt, django_filters.ModelMultipleChoiceFilter):
        return {"type": "array", "items": {"type": "integer"}}
    if isinstance(flt, django_filters.ModelChoiceFilter):
        return {"type": "integer"}
    if isinstance(flt, (django_filters.ChoiceFilter, django_filters.MultipleChoiceFilter)):
        choices = flt.extra.get("choices")
        if callable(choices):
            choices = choices()
        values = [str(v) for v, _label in choices or [] if v not in ("", None)]
        item = {"type": "string", "enum": values} if values else {"type": "string"}
        if isinstance(flt, django_filters.MultipleChoiceFilter):
            return {"type": "array", "items": item}
        return item
    if isinstance(flt, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    return {"type": "string"}


def ordering_fields(kind) -> dict[str, str]:
    """Names a client may order by -> the database field."""
    out = {"id": "pk"}
    for f in model_fields(kind):
        if f.concrete and not f.many_to_many:
            out[f.name] = f.attname
    return out


def list_parameters(kind) -> list[dict]:
    """OpenAPI query parameters of a list: the kind's filters, ordering and paging."""
    params = []
    filterset = kind.get_filterset_class()
    for name, flt in filterset.base_filters.items():
        if name in LIST_PARAMS:
            continue
        schema = _filter_schema(flt)
        param = {
            "in": "query",
            "name": name,
            "required": False,
            "schema": schema,
            "description": str(flt.label or name),
        }
        if schema["type"] == "array":
            param.update(style="form", explode=True)
        params.append(param)
    order_names = ", ".join(sorted(ordering_fields(kind)))
    one = "-?(" + "|".join(sorted(ordering_fields(kind))) + ")"
    params += [
        {
            "in": "query",
            "name": "ordering",
            "required": False,
            "schema": {"type": "string", "pattern": f"^{one}(,{one})*$"},
            "description": f"Comma-separated fields, '-' for descending: {order_names}.",
        },
        {
            "in": "query",
            "name": "limit",
            "required": False,
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_LIMIT,
                "default": DEFAULT_LIMIT,
            },
        },
        {
            "in": "query",
            "name": "offset",
            "required": False,
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        },
    ]
    return params
