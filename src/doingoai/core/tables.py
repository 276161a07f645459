"""Tables of every list page, built from the kind's declared columns."""

from __future__ import annotations

from functools import partialmethod

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.hashable import make_hashable
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django_tables2.columns.base import library
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.columns.manytomanycolumn import ManyToManyColumn
from django_tables2.data import TableQuerysetData
from django_tables2.utils import A, signature

from .text import collated


class VietnameseQuerysetData(TableQuerysetData):
    """A list sorted by a column of names or titles is in Vietnamese alphabetical
    order ("Dự án …", "Đại sứ quán …", "Tổ chức …"), on both databases."""

    def order_by(self, aliases):
        from .keptquery import carry

        source = self.data
        super().order_by(aliases)
        query = self.data.query
        if query.order_by:
            self.data = self.data.order_by(*collated(query.order_by, self.data.model))
        self.data = carry(source, self.data, tuple(aliases))


class RecordTable(tables.Table):
    class Meta:
        attrs = {"class": "table"}
        template_name = "generic/table.html"
        per_page = 25
        empty_text = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.data, TableQuerysetData):
            self.data.__class__ = VietnameseQuerysetData
        if self.Meta.empty_text is None:
            from django.utils.translation import gettext

            self.empty_text = gettext("No records match.")

    def body_html(self) -> str:
        """The ``<tr>`` rows of the current page, kept in the cache under what they show
        when the table says so (``row_topics``, see ``rows_key``): after a change
        elsewhere a list page reads its rows' versions, not its records."""
        page = getattr(self, "page", None)  # not ``if self.page``: that counts the rows
        rows = page.object_list if page is not None else self.rows
        key = self.rows_key()
        if key is None:
            return self.render_body(rows)
        from .caching import get_or_set

        return mark_safe(get_or_set(key, lambda: str(self.render_body(rows))))

    #: the apps (data version topics) of the records a row shows besides its own record
    #: and the rows that are part of it, saved with it (an activity's places): the unit's
    #: name (``organization``), the partner's (``partners``). A page's rows are then kept
    #: in the cache under their records' versions (every save moves a record's version;
    #: writes that send no signals announce their records, ``core.bulk.records_changed``,
    #: which moves ``rows_topic(model)``), these topics' versions, the language, the
    #: day and the reader's role and unit. None: rendered on every view. A table whose
    #: rows show anything else (another record of its own kind, a count) leaves it None.
    row_topics: tuple[str, ...] | None = None

    def keeps_rows(self) -> bool:
        """Are this table's rendered rows kept under their records' versions?"""
        from .pagecache import enabled

        return self.row_topics is not None and enabled()

    def versioned_by(self) -> tuple[str, ...]:
        """The topics whose versions the kept rows are under (none when not kept)."""
        if self.row_topics is None:
            return ()
        return (*self.row_topics, rows_topic(self._meta.model))

    def rows_key(self) -> str | None:
        """The cache key of this page's rows, or None when they are not kept."""
        import hashlib

        from django.urls import get_script_prefix
        from django.utils import timezone, translation

        from .models import topic_versions_once

        if not self.keeps_rows():
            return None
        page = getattr(self, "page", None)
        if page is None:
            return None
        stamp = getattr(page, "row_stamp", None)
        if stamp is None:  # a list of one page, read in one query: its records' own
            records = [row.record for row in page.object_list]
            if not all(isinstance(getattr(r, "version", None), int) for r in records):
                return None
            stamp = [(r.pk, r.version) for r in records]
        user = getattr(getattr(self, "request", None), "user", None)
        parts = (
            ROWS_FORMAT,
            f"{type(self).__module__}.{type(self).__qualname__}",
            ",".join(bc.name for bc in self.columns),
            translation.get_language(),
            timezone.localdate().isoformat(),
            get_script_prefix(),
            getattr(user, "role", ""),
            getattr(user, "unit_id", "") or "",
            int(bool(getattr(user, "is_superuser", False))),
            "-".join(map(str, topic_versions_once(*self.versioned_by()))),
            ";".join(f"{pk}:{version}" for pk, version in stamp),
        )
        return "rows:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()

    def render_body(self, rows) -> str:
        """The ``<tr>`` rows of the current page, rendered in Python.

        The same cells as django-tables2's template (accessors, ``get_FOO_display``
        for choices, ``render_FOO`` methods, empty values, links, localization and
        escaping), but each column's way of rendering is worked out once per page
        instead of once per cell: a 25-row page took most of a list's time."""
        plans = [_CellPlan(bc) for bc in self.columns]
        context = Context(autoescape=True)
        out = []
        for bound_row in rows:
            record = bound_row.record
            cells = "".join(plan.td(bound_row, record, context) for plan in plans)
            out.append(f"<tr {bound_row.attrs.as_html()}>{cells}</tr>")
        return mark_safe("".join(out))


#: bump when what ``RecordTable.body_html`` keeps changes shape
ROWS_FORMAT = 1


def rows_topic(model) -> str:
    """The data version topic moved when records of ``model`` were written without
    signals (``core.bulk.records_changed``: an aid record's equivalents after a new
    exchange rate): their rows kept by ``RecordTable.body_html`` are rendered again."""
    return f"rows:{model._meta.label_lower}"


class _CellPlan:
    """How one column renders its cells (see ``RecordTable.body_html``)."""

    _ARGS = ("value", "record", "column", "bound_column", "bound_row", "table")

    def __init__(self, bound_column):
        self.bc = bound_column
        self.column = bound_column.column
        self.accessor = A(bound_column.accessor)
        self.render = bound_column.render
        args, catch_all = signature(self.render)
        self.wants = self._ARGS if catch_all else tuple(a for a in args if a in self._ARGS)
        self.complete = catch_all or all(a in self._ARGS for a in args)
        self.link = bound_column.link
        self.default = bound_column.default
        self.empty = self.column.empty_values
        self.m2m = isinstance(self.column, ManyToManyColumn)
        self.text_link = isinstance(self.column, BaseLinkColumn) and self.column.text is not None
        self.attrs = None
        self.choices = None  # decided on the first record
        self.labels = None  # (attname, {value: label}) when Django's display is used

    def value(self, record):
        """(value, found): the cell's value as django-tables2's BoundRow finds it."""
        if self.choices is None:
            self.choices = False
            penultimate, remainder = self.accessor.penultimate(record)
            if isinstance(penultimate, models.Model):
                try:
                    field = self.accessor.get_field(record)
                    self.choices = bool(getattr(field, "choices", ())) and remainder
                except FieldDoesNotExist:
                    pass
                if self.choices:
                    self.labels = _choice_labels(type(penultimate), field, remainder)
        if self.choices:
            penultimate, remainder = self.accessor.penultimate(record)
            if self.labels is not None and isinstance(penultimate, models.Model):
                # Django's own get_FOO_display, its choices' dict made once per page
                value = getattr(penultimate, self.labels[0])
                return force_str(self.labels[1].get(make_hashable(value), value), True), True
            display = getattr(penultimate, f"get_{remainder}_display", None)
            if display is not None:
                return display(), True
        try:
            return self.accessor.resolve(record), True
        except Exception:  # noqa: BLE001 - as django-tables2: a column not backed by a field
            return None, False

    def content(self, bound_row, record):
        value, found = self.value(record)
        if not found and self.text_link:
            return self.call(bound_row, record, None)
        if value in self.empty or (self.m2m and not value.exists()):
            return self.default
        return self.call(bound_row, record, value)

    def call(self, bound_row, record, value):
        if not self.complete:
            return None
        given = {
            "value": value,
            "record": record,
            "column": self.column,
            "bound_column": self.bc,
            "bound_row": bound_row,
            "table": self.bc._table,
        }
        kwargs = {name: given[name] for name in self.wants}
        content = self.render(**kwargs)
        return self.link(content, **given) if self.link else content

    def td(self, bound_row, record, context) -> str:
        if self.attrs is None:
            self.attrs = self.bc.attrs.get("td").as_html()
        text = render_value_in_context(self.content(bound_row, record), context)
        return f"<td {self.attrs}>{text}</td>"


def _choice_labels(model, field, name: str) -> tuple[str, dict] | None:
    """(attname, {value: label}) of a choices field whose ``get_FOO_display`` is Django's
    own (not one the model defines): the dict it builds on every call (its labels
    translated and hashed, ~0.1 ms), built once. None: call the model's method."""
    display = None
    for klass in model.__mro__:
        display = klass.__dict__.get(f"get_{name}_display")
        if display is not None:
            break
    if not (
        isinstance(display, partialmethod)
        and display.func is models.Model._get_FIELD_display
        and display.keywords.get("field") is field
    ):
        return None
    return field.attname, dict(make_hashable(field.flatchoices))


class LinkColumn(tables.Column):
    """The first column links to the record."""

    def render(self, value, record):
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), value)


def table_factory(model, columns):
    attrs = {}
    if columns:
        attrs[columns[0]] = LinkColumn()
    meta = type(
        "Meta",
        (RecordTable.Meta,),
        {"model": model, "fields": list(columns), "sequence": list(columns)},
    )
    attrs["Meta"] = meta
    return type(f"{model.__name__}Table", (RecordTable,), attrs)


@library.register
class FastDateColumn(tables.Column):
    """Dates in the local short format (dd/mm/yyyy). django-tables2's own DateColumn
    compiles a template for every cell, which was a third of a list page's time."""

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None

    def render(self, value):
        return date_format(value, "SHORT_DATE_FORMAT")

    def value(self, value):
        return value.isoformat() if value else ""


@library.register
class FastDateTimeColumn(tables.Column):
    """Date and time in the local short format, without a template per cell."""

    @classmethod
    def from_field(cls, field, **kwargs):
        if isinstance(field, models.DateTimeField):
            return cls(**kwargs)
        return None

    def render(self, value):
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")

    def value(self, value):
        return value.isoformat() if value else ""
