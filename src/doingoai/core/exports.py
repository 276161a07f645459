"""Every list exports what it shows (same filters, same scope) to Excel and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from copy import copy
from decimal import Decimal

from django.db.models import Model
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

#: A cell starting with one of these is read as a formula by Excel, LibreOffice or Google
#: Sheets (OWASP, "CSV injection"; the full-width forms are read the same way by some)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(value):
    """A value as a CSV cell that no spreadsheet reads as a formula: text starting with a
    formula character gets a leading apostrophe (OWASP's rule); numbers and dates stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def set_cell(cell, value):
    """Put ``value`` into an openpyxl cell, text always as text: openpyxl turns a string
    starting with ``=`` into a formula and ``#N/A`` into an error, and refuses control
    characters. Every spreadsheet doingoai writes goes through here."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


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
    # every text cell quoted (OWASP): a spreadsheet splitting on ";" still sees one cell
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_NONNUMERIC)

    def stream():
        yield "\ufeff"  # Excel opens UTF-8 CSV with Vietnamese correctly
        for row in rows(queryset, fields):
            yield writer.writerow(
                [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else csv_text(v) for v in row]
            )

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _number_format(value) -> str | None:
    if isinstance(value, dt.datetime):
        return "dd/mm/yyyy hh:mm"
    if isinstance(value, dt.date):
        return "dd/mm/yyyy"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return "#,##0.##"
    return None


def _size_columns(ws, data: list[list]) -> None:
    """Column widths from the first 200 rows (10 to 60 characters)."""
    columns = max(1, *(len(row) for row in data)) if data else 0
    widths: list[int | None] = [None] * columns
    for row in data[:200]:
        for j, value in enumerate(row):
            if value is not None:
                widths[j] = max(widths[j] or 0, len(str(value)))
    for j, width in enumerate(widths, 1):
        width = 8 if width is None else width
        ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 10), 60)


def xlsx_bytes(sheets: dict[str, list[list]]) -> bytes:
    """One sheet per entry: bold header, frozen first row, columns sized on the first
    200 rows, dates and numbers formatted.

    A sheet may hold tens of thousands of rows (a national report), so it is streamed
    (write-only mode) and each styled cell copies a prepared style instead of setting
    font and number format one attribute at a time: a regular workbook keeps, styles and
    re-walks a Python object per cell, which cost seconds."""
    wb = Workbook(write_only=True)
    styles: dict[tuple[bool, str | None], object] = {}

    def style(ws, bold: bool, fmt: str | None):
        if (bold, fmt) not in styles:
            cell = WriteOnlyCell(ws)
            if bold:
                cell.font = Font(bold=True)
            if fmt is not None:
                cell.number_format = fmt
            styles[bold, fmt] = cell._style
        return styles[bold, fmt]

    for title, data in sheets.items():
        ws = wb.create_sheet(title=title[:31])
        # widths and panes go into the sheet's head: set them before the first row
        _size_columns(ws, data)
        ws.freeze_panes = "A2"

        def to_cells(values, row_idx, ws=ws):
            # replaces WriteOnlyWorksheet._values_to_row (openpyxl 3.1), which given a
            # styled cell first tries it as a value and formats an error message; an
            # unstyled value reuses one cell, as openpyxl does
            plain = WriteOnlyCell(ws)
            for col_idx, value in enumerate(values, 1):
                if value is None and row_idx > 1:
                    continue
                fmt = _number_format(value)
                if row_idx == 1 or fmt is not None:
                    cell = set_cell(WriteOnlyCell(ws), value)
                    cell._style = copy(style(ws, row_idx == 1, fmt))
                else:
                    cell = set_cell(plain, value)
                cell.row, cell.column = row_idx, col_idx
                yield cell
                if plain.has_style:  # a value type openpyxl formats itself (time)
                    plain = WriteOnlyCell(ws)

        ws._values_to_row = to_cells
        for row in data:
            ws.append(row)
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
