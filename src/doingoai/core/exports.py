"""Every list exports what it shows (same filters, same scope) to Excel and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.db.models import Model
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font


def _label(model, path: str) -> str:
    from django.core.exceptions import FieldDoesNotExist

    field = None
    for part in path.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            attr = getattr(model, part, None)
            return str(getattr(attr, "short_description", part.replace("_", " ")))
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return str(field.verbose_name) if field is not None else path


def _value(obj, path: str):
    value = obj
    for part in path.split("__"):
        if value is None:
            return None
        display = getattr(value, f"get_{part}_display", None)
        if display is not None:
            value = display()
            continue
        value = getattr(value, part, None)
        if hasattr(value, "all") and callable(value.all):
            return "; ".join(str(v) for v in value.all())
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if value is not None and not isinstance(value, (str, int, float, Decimal, dt.date, bool)):
        return str(value)
    return value


def rows(queryset, fields):
    model = queryset.model
    yield [_label(model, f) for f in fields]
    iterable = queryset if queryset._prefetch_related_lookups else queryset.iterator(2000)
    for obj in iterable:
        yield [_value(obj, f) for f in fields]


class _Echo:
    def write(self, value):
        return value


def csv_response(queryset, fields, filename: str):
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"  # Excel opens UTF-8 CSV with Vietnamese correctly
        for row in rows(queryset, fields):
            yield writer.writerow(
                [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in row]
            )

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    for title, data in sheets.items():
        ws = wb.create_sheet(title=title[:31])
        for i, row in enumerate(data):
            ws.append(row)
            if i == 0:
                for cell in ws[1]:
                    cell.font = Font(bold=True)
        for col in ws.columns:
            width = max((len(str(c.value)) for c in col[:200] if c.value is not None), default=8)
            ws.column_dimensions[col[0].column_letter].width = min(max(width + 2, 10), 60)
            for c in col:
                if isinstance(c.value, dt.datetime):
                    c.number_format = "dd/mm/yyyy hh:mm"
                elif isinstance(c.value, dt.date):
                    c.number_format = "dd/mm/yyyy"
                elif isinstance(c.value, (int, float, Decimal)) and not isinstance(c.value, bool):
                    c.number_format = "#,##0.##"
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_response(queryset, fields, filename: str, sheet_title: str):
    data = list(rows(queryset, fields))
    response = HttpResponse(
        xlsx_bytes({sheet_title: data}),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
