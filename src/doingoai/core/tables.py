"""Tables of every list page, built from the kind's declared columns."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html


class RecordTable(tables.Table):
    class Meta:
        attrs = {"class": "table"}
        template_name = "generic/table.html"
        per_page = 25
        empty_text = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.Meta.empty_text is None:
            from django.utils.translation import gettext

            self.empty_text = gettext("No records match.")


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
