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

from doingoai.core.filters import FIRST_YEAR, LAST_YEAR
from doingoai.core.forms import EMAIL_PATTERN, URL_PATTERN, TagsField

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

#: the years a date may have (``core.forms.date_in_range``), as a pattern on the text
DATE_YEARS = r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
assert (FIRST_YEAR, LAST_YEAR) == (1900, 2100), "DATE_YEARS says 1900–2100"


def _decimal_schema(form_field) -> dict:
    """A decimal as the form takes it: text of at most ``max_digits`` digits, of which
    ``decimal_places`` after the point (a JSON number with a fraction is a binary float:
    0.35 arrives as 0.35000000000000003 and is refused), or a whole JSON number."""
    digits, places = form_field.max_digits, form_field.decimal_places
    # a bound the model's clean() checks is told by the form (``api_minimum``)
    minimum = getattr(form_field, "api_minimum", form_field.min_value)
    negative = minimum is None or minimum < 0
    sign = "-?" if negative else ""
    whole = (
        f"[0-9]{{1,{digits - places}}}" if digits is not None and places is not None else "[0-9]+"
    )
    if places is None:
        fraction = r"(\.[0-9]+)?"
    elif places:
        fraction = rf"(\.[0-9]{{1,{places}}})?"
    else:
        fraction = ""
    number: dict = {"type": "integer"}
    if digits is not None and places is not None:
        bound = 10 ** (digits - places) - 1
        number.update(minimum=-bound if negative else 0, maximum=bound)
    elif not negative:
        number["minimum"] = 0
    return {"anyOf": [{"type": "string", "pattern": f"^{sign}{whole}{fraction}$"}, number]}


def _choice_rules(form_field, *, optional: bool, required: bool) -> dict:
    values = [
        value
        for value, label in form_field.choices
        for value in ([v for v, _l in label] if isinstance(label, (list, tuple)) else [value])
        if value not in ("", None)
    ]
    if not values or not all(isinstance(v, str) for v in values):
        return {}
    return {"enum": [*values, *([""] if not required else []), *([None] if optional else [])]}


def _text_rules(form_field, *, required: bool) -> dict:
    rules: dict = {}
    if form_field.max_length is not None:
        rules["maxLength"] = form_field.max_length
    # no NUL character (Django's ProhibitNullCharactersValidator); when required, not
    # blank (the form strips the text: spaces alone are no value)
    rules["pattern"] = r"^[^\x00]*[^\s\x00][^\x00]*$" if required else r"^[^\x00]*$"
    if required:
        rules["minLength"] = 1
    # an address, or nothing when the field may be left empty
    for field_class, pattern, name in (
        (forms.EmailField, EMAIL_PATTERN, "email"),
        (forms.URLField, URL_PATTERN, "uri"),
    ):
        if isinstance(form_field, field_class):
            rules.update(format=name, pattern=f"^{pattern}$" if required else f"^({pattern})?$")
    return rules


def _field_rules(form_field, *, optional: bool, required: bool) -> dict:
    """The JSON-schema words for what one form field refuses."""
    if isinstance(form_field, forms.DecimalField):
        return {"replace": _decimal_schema(form_field)}
    if isinstance(form_field, forms.DateTimeField):
        return {}
    if isinstance(form_field, forms.DateField):
        return {"pattern": DATE_YEARS}
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return {}  # record numbers (RecordId); which exist cannot be said
    if isinstance(form_field, forms.ModelChoiceField):
        return {"minimum": 1, "maximum": 2**63 - 1}
    if isinstance(form_field, forms.IntegerField):
        bounds = {"minimum": form_field.min_value, "maximum": form_field.max_value}
        return {key: value for key, value in bounds.items() if value is not None}
    if isinstance(form_field, forms.MultipleChoiceField):
        return {}
    if isinstance(form_field, forms.ChoiceField):
        return _choice_rules(form_field, optional=optional, required=required)
    if isinstance(form_field, TagsField):
        return {"items": {"type": "string", "pattern": r"^[^\x00]*$"}}
    if isinstance(form_field, forms.CharField):
        return _text_rules(form_field, required=required)
    return {}


def _describe(schema: dict, rules: dict, *, optional: bool, required: bool) -> None:
    """Apply ``rules`` to the schema pydantic made of one field."""
    replace = rules.get("replace")
    if replace is not None:  # a decimal: its own variants, the title kept
        schema.pop("anyOf", None)
        schema.pop("type", None)
        schema["anyOf"] = [*replace["anyOf"], *([{"type": "null"}] if optional else [])]
    schema.update({k: v for k, v in rules.items() if k != "replace"})
    if required and "anyOf" in schema:  # a value the form requires is never null
        schema["anyOf"] = [v for v in schema["anyOf"] if v.get("type") != "null"]
        if len(schema["anyOf"]) == 1:
            schema.update(schema.pop("anyOf")[0])


def _form_truth(form_field, *, optional: bool, required: bool, extra: dict):
    """``json_schema_extra`` of one input field: what the kind's form refuses that a JSON
    schema can say (lengths, bounds, choices, formats, the years of a date), so the
    description is as strict as the server. The form still checks every value and
    answers in its own words; the schema only describes."""
    rules = {**extra, **_field_rules(form_field, optional=optional, required=required)}
    # a field of its own kind says the rest (``api_schema``: a currency's codes...)
    rules.update(getattr(form_field, "api_schema", None) or {})
    if not rules and not required:
        return None
    return lambda schema: _describe(schema, rules, optional=optional, required=required)


def _input_field(model, name, form_field, partial: bool, extra: dict | None = None):
    """(type, FieldInfo) for one writable field, named as the form names it."""
    mf = _model_field(model, name)
    # a list the form requires one of at least (``api_required_lists`` of the kind)
    required = form_field.required or bool(extra and extra.get("minItems"))
    optional = partial or not required
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
    truth = _form_truth(form_field, optional=optional, required=required, extra=extra or {})
    if truth is not None:
        attrs["json_schema_extra"] = truth
    info = FieldInfo(**attrs)
    return python_type, info


#: where a list puts each record's many-to-many records it read for all of them
LISTED = "listed_{}"


def listed_base(names: list[str]) -> type[Schema]:
    """``RecordOut`` reading each many-to-many field in ``names`` from the records a
    list read for all its records at once (``LISTED``, a prefetch into a list), else from
    the field itself: Django's prefetch made a manager and a queryset per record and
    field (25 records, 4 fields: ~5 ms of an activity list)."""

    def resolver(name):
        def resolve(obj):
            listed = obj.__dict__.get(LISTED.format(name))
            return listed if listed is not None else list(getattr(obj, name).all())

        return staticmethod(resolve)

    namespace = {f"resolve_{name}": resolver(name) for name in names}
    return type("ListedRecordOut", (RecordOut,), namespace)


def output_schema(kind) -> type[Schema]:
    fields = [f.name for f in model_fields(kind)]
    m2m = [f.name for f in model_fields(kind) if isinstance(f, models.ManyToManyField)]
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
        base_class=listed_base(m2m) if m2m else RecordOut,
    )


class StrictInput(Schema):
    """A body naming a field the kind does not have is refused (422 naming it), not
    silently half-saved: the description says ``additionalProperties: false``."""

    model_config = {"extra": "forbid"}


def input_schema(kind, *, partial: bool = False) -> type[Schema]:
    custom = []
    names = []
    # what a form checks across fields, said by the kind: lists that need one item at least
    extras = {name: {"minItems": 1} for name in getattr(kind, "api_required_lists", ())}
    for name, form_field in form_fields(kind).items():
        python_type, info = _input_field(kind.model, name, form_field, partial, extras.get(name))
        custom.append((name, python_type, info))
        if _model_field(kind.model, name) is not None:
            names.append(name)
    custom.append(
        (
            "version",
            int | None,
            Field(
                None,
                ge=1,
                le=2**63 - 1,
                description="The version you read; or send it as If-Match.",
            ),
        )
    )
    suffix = "Patch" if partial else "In"
    return create_schema(
        kind.model,
        name=f"{_name(kind)}{suffix}",
        fields=names or ["id"],
        custom_fields=custom + ([] if names else [("id", int | None, Field(None))]),
        base_class=StrictInput,
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
    record_id = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    if isinstance(flt, django_filters.ModelMultipleChoiceFilter):
        return {"type": "array", "items": record_id}
    if isinstance(flt, django_filters.ModelChoiceFilter):
        return record_id
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
