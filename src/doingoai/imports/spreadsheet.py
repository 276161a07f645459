"""Importing the spreadsheets officers keep today.

Each record kind that can be imported declares an :class:`Importer` in its app's
``imports.py`` (columns with Vietnamese headers, the form field each fills, how a
cell is read). This module does the rest for every kind:

* :func:`build_template` writes the Excel template (bold headers, an instructions
  sheet, drop-down lists for choice columns, an example row);
* :func:`import_workbook` reads a file, validates every row through the kind's own
  form (the same rules and the same scope as the pages) and saves all rows in one
  transaction, or none when any row has a problem; ``commit=False`` is the preview.

Every problem names the sheet, the row and the column header. Each row carries an
external reference ("Mã tham chiếu") stored as an :class:`~doingoai.core.models.ExternalRef`
per importing unit: a row whose reference was imported before *updates* that record
when its values differ and is left alone (reported "unchanged") when they do not,
so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core.bulk import bulk_work
from doingoai.core.exports import set_cell
from doingoai.core.models import ExternalRef, audit
from doingoai.core.numbers import NumberError, format_number, parse_number
from doingoai.core.registry import REGISTRY, may_add
from doingoai.core.scope import CHANGE
from doingoai.core.text import fold
from doingoai.core.writing import (
    FORBIDDEN,
    STALE,
    RecordRefused,
    field_value,
    form_data,
    form_errors,
    record_save,
)

DATA_SHEET = "Dữ liệu"
NOTES_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
REF_HEADER = "Mã tham chiếu"
EXAMPLE_REF = "VÍ DỤ"
LIST_SEPARATOR = ";"

# What one import may hold: the preview reads every row within the request, so a file
# beyond these limits is refused at once with a message naming the limit (a 3 MB file of
# 150.000 rows would keep a worker busy for minutes).
MAX_ROWS = 1_000
#: cells read in all, empty ones included (a row can claim 16.384 columns)
MAX_CELLS = 250_000
#: what the .xlsx (a ZIP) may unpack to, and how many parts it may hold
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 1_000
TEMPLATE_ROWS = 1000  # rows of the template that carry drop-down lists and formats


# --------------------------------------------------------------------------- problems


@dataclass
class Problem:
    """One thing wrong with a file, located by sheet, row and column header."""

    message: str
    row: int | None = None
    column: str | None = None
    sheet: str | None = DATA_SHEET

    def __str__(self) -> str:
        values = {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }
        if self.row and self.column:
            return _("Sheet “%(sheet)s”, row %(row)s, column “%(column)s”: %(message)s") % values
        if self.row:
            return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % values
        if self.column:
            return _("Sheet “%(sheet)s”, column “%(column)s”: %(message)s") % values
        if self.sheet:
            return _("Sheet “%(sheet)s”: %(message)s") % values
        return self.message


class CellError(ValueError):
    """Raised by a column's reader: the cell cannot be understood."""


# --------------------------------------------------------------------------- columns


@dataclass(eq=False)
class Column:
    """A column of the template: its Vietnamese header, the form field it fills and
    how a cell is read.

    ``type`` is one of: text, int, decimal, date, choice, country, list, unit, units,
    partner, partners, record, records (record/records need ``model`` and ``match``).
    """

    header: str
    field: str
    type: str = "text"
    required: bool = False
    help: str = ""
    example: Any = ""
    #: for record/records: the model and the fields (folded) a cell is matched against
    model: str | None = None
    match: tuple[str, ...] = ()
    #: for choice: (value, label) pairs; default: the form field's choices
    choices: Callable[[], Iterable[tuple[Any, str]]] | None = None
    width: int = 20

    @property
    def many(self) -> bool:
        return self.type in ("units", "partners", "records", "list")

    @property
    def title(self) -> str:
        return f"{self.header} *" if self.required else self.header


UNIT_MATCH = ("code", "name", "area_name")
PARTNER_MATCH = ("name_vi", "name_en", "name_local", "acronym", "aliases")


class Importer:
    """Declaration of a kind's spreadsheet import; subclass in the app's ``imports.py``
    and decorate with :func:`register_importer`."""

    kind: str  # record kind slug
    columns: list[Column] = []
    #: extra lines for the instructions sheet
    notes: list[str] = []
    #: a new record's Vietnamese parties ("units") default to the importing officer's unit
    default_units: bool = False

    def get_kind(self):
        return REGISTRY[self.kind]

    def all_columns(self) -> list[Column]:
        ref = Column(
            REF_HEADER,
            "",
            "text",
            required=True,
            example=EXAMPLE_REF,
            width=16,
            help="Mã riêng của dòng trong sổ của đơn vị (ví dụ TT-2023-01). Nhập lại "
            "cùng tệp sẽ cập nhật bản ghi có cùng mã, không tạo bản ghi trùng.",
        )
        return [ref, *self.columns]

    def new_defaults(self, user) -> dict:
        """Initial values of a new record (as the add page would offer them)."""
        kind = self.get_kind()
        if kind.initial:
            return dict(kind.initial(user))
        defaults = {}
        if hasattr(kind.model, "unit_id") and user.unit_id:
            defaults["unit"] = user.unit_id
            if self.default_units:
                defaults["units"] = [user.unit_id]
        return defaults

    def find_existing(self, values: dict, ctx: ImportContext):
        """A record already in the database that this row describes although it was
        never imported (hook; partners: the shared directory already has it)."""
        return None

    def prepare(self, data: dict, values: dict, ctx: ImportContext) -> None:
        """Adjust the form data of a row before validation (hook)."""

    def children_changed(self, obj, values: dict, ctx: ImportContext) -> bool:
        """Do the row's child records (places, ...) differ from the stored ones? (hook)"""
        return False

    def after_save(self, obj, values: dict, ctx: ImportContext) -> None:
        """Save child records of the row (hook)."""

    def validate_children(self, values: dict, ctx: ImportContext) -> dict[str, str]:
        """Problems with child values, by column field name (hook)."""
        return {}


#: the importer of each kind that has one, registered by the apps' ``imports`` modules
#: when they are ready (``core.apps.RecordApp``)
IMPORTERS: dict[str, Importer] = {}


def register_importer(cls: type[Importer]) -> type[Importer]:
    IMPORTERS[cls.kind] = cls()
    return cls


def get_importer(kind: str) -> Importer | None:
    """The importer of a registered kind, or None."""
    importer = IMPORTERS.get(kind)
    return importer if importer is not None and kind in REGISTRY else None


def xlsx_source(user) -> str:
    """References are the importing unit's own: two provinces may both number rows 1, 2..."""
    return f"xlsx:unit-{user.unit_id}" if getattr(user, "unit_id", None) else "xlsx"


# --------------------------------------------------------------------------- matching


class Matcher:
    """Finds records by code, name or alias, diacritics-insensitive, with a cache."""

    def __init__(self, model: type[Model], fields: tuple[str, ...], source: str | None = None):
        self.model = model
        self.fields = fields
        self.source = source
        self.has_search_text = any(f.name == "search_text" for f in model._meta.get_fields())
        self.cache: dict[str, list[Model]] = {}

    def names(self, obj) -> list[str]:
        out = []
        for name in self.fields:
            value = getattr(obj, name, None)
            if isinstance(value, (list, tuple)):
                out.extend(str(v) for v in value)
            elif value:
                out.append(str(value))
        return out

    @staticmethod
    def key(text) -> str:
        """Folded, with the union's abbreviation written out: "Hội LHPN" = "Hội Liên hiệp
        Phụ nữ"."""
        return _LHPN.sub("lien hiep phu nu", fold(text))

    def find(self, text: str) -> list[Model]:
        wanted = self.key(text)
        if wanted in self.cache:
            return self.cache[wanted]
        found: list[Model] = []
        if self.source:
            ct = ContentType.objects.get_for_model(self.model)
            ids = ExternalRef.objects.filter(
                content_type=ct, source=self.source, key=text.strip()
            ).values_list("object_id", flat=True)
            found = list(self.model._default_manager.filter(pk__in=list(ids)))
        if not found:
            manager = self.model._default_manager
            if self.has_search_text and wanted:
                from django.db.models import Q

                short = wanted.replace("lien hiep phu nu", "lhpn")
                candidates = manager.filter(
                    Q(search_text__contains=wanted) | Q(search_text__contains=short)
                )
            else:
                from django.db.models import Q

                cond = Q()
                for name in self.fields:
                    if self.model._meta.get_field(name).get_internal_type() != "JSONField":
                        cond |= Q(**{f"{name}__iexact": text.strip()})
                candidates = manager.filter(cond)
            found = [
                obj
                for obj in candidates[:500]
                if any(self.key(n) == wanted for n in self.names(obj))
            ]
        if len(found) > 1 and any(getattr(o, "valid_to", "x") is None for o in found):
            # units: today's unit before the historical one with the same code or name
            found = [o for o in found if getattr(o, "valid_to", None) is None]
        self.cache[wanted] = found
        return found


# --------------------------------------------------------------------------- reading cells


_LHPN = re.compile(r"\blhpn\b")


def parse_decimal(value) -> Decimal:
    """A cell's number: as Excel stores it, or as typed (``core.numbers``)."""
    try:
        return parse_number(value)
    except NumberError as exc:
        raise CellError(str(exc)) from None


def parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a date typed into a cell formatted as a number: Excel's serial day
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, AttributeError):
            pass
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date (dd/mm/yyyy).") % {"value": value})


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def split_list(text: str) -> list[str]:
    sep = LIST_SEPARATOR if LIST_SEPARATOR in text or "\n" in text else ","
    return [p.strip() for p in text.replace("\n", sep).split(sep) if p.strip()]


# --------------------------------------------------------------------------- results


@dataclass
class RowResult:
    row: int
    ref: str = ""
    action: str = ""  # create, update, unchanged, skip
    cells: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    object_id: int | None = None

    ACTION_LABELS = {
        "create": "Thêm mới",
        "update": "Cập nhật",
        "unchanged": "Không đổi",
        "skip": "Bỏ qua (dòng ví dụ)",
    }

    @property
    def action_label(self) -> str:
        return self.ACTION_LABELS.get(self.action, self.action)


@dataclass
class ImportReport:
    kind: str
    filename: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.all_problems()

    def all_problems(self) -> list[Problem]:
        out = list(self.problems)
        for row in self.rows:
            out.extend(row.problems)
        return out

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged", "skip")}

    def summary(self) -> str:
        c = self.counts
        text = _(
            "%(rows)s rows: %(create)s new, %(update)s updated, %(unchanged)s unchanged, "
            "%(skip)s skipped"
        ) % {"rows": len(self.rows), **c}
        problems = self.all_problems()
        if problems:
            text += "; " + _("%(n)s problems, nothing imported") % {"n": len(problems)}
        elif not self.committed:
            text += "; " + _("preview only, nothing saved")
        return text


# --------------------------------------------------------------------------- the context


class ImportContext:
    def __init__(self, importer: Importer, user, source: str | None = None):
        self.importer = importer
        self.kind = importer.get_kind()
        self.model = self.kind.model
        self.user = user
        self.source = source or xlsx_source(user)
        self.form_class = self.kind.get_form_class()
        self.proto = self.form_class(user=user)  # scoped choices per field
        self.content_type = ContentType.objects.get_for_model(self.model)
        self.matchers: dict[tuple, Matcher] = {}
        self.seen_refs: dict[str, int] = {}

    def new_record_data(self) -> dict:
        """The form data of a new record before any cell is read."""
        if not hasattr(self, "_new_record_data"):
            data = form_data(self.form_class(instance=self.model(), user=self.user))
            data.update(
                {k: field_value(v) for k, v in self.importer.new_defaults(self.user).items()}
            )
            self._new_record_data = data
        return self._new_record_data

    def matcher(self, column: Column) -> Matcher:
        if column.type in ("unit", "units"):
            model, fields, source = apps.get_model("organization", "Unit"), UNIT_MATCH, None
        elif column.type in ("partner", "partners"):
            model, fields = apps.get_model("partners", "Partner"), PARTNER_MATCH
            source = self.source
        else:
            model = apps.get_model(column.model)
            fields, source = column.match, self.source
        key = (model, fields)
        if key not in self.matchers:
            self.matchers[key] = Matcher(model, fields, source)
        return self.matchers[key]

    def allowed_queryset(self, column: Column):
        form_field = self.proto.fields.get(column.field)
        return getattr(form_field, "queryset", None)

    def resolve(self, column: Column, text: str) -> Model:
        not_found = CellError(
            _("“%(value)s” was not found (by code, name or alias).") % {"value": text}
        )
        # a record the reader may not see is answered exactly as a missing one
        found = self.visible(self.matcher(column).find(text))
        if not found:
            raise not_found
        allowed = self.allowed_queryset(column)
        if allowed is not None:
            in_scope = set(
                allowed.filter(pk__in=[o.pk for o in found]).values_list("pk", flat=True)
            )
            if not in_scope:
                raise CellError(_("“%(value)s” is outside your scope.") % {"value": found[0]})
            found = [o for o in found if o.pk in in_scope]
        if len(found) > 1:
            raise CellError(
                _("“%(value)s” is ambiguous: %(names)s.")
                % {"value": text, "names": "; ".join(str(o) for o in found[:5])}
            )
        return found[0]

    def visible(self, found: list) -> list:
        """The matches the importing user may see (view scope)."""
        if not found:
            return found
        manager = type(found[0])._default_manager
        if not hasattr(manager.all(), "restrict"):
            return found
        seen = set(
            manager.restrict(self.user, "view")
            .filter(pk__in=[o.pk for o in found])
            .values_list("pk", flat=True)
        )
        return [o for o in found if o.pk in seen]

    def choices(self, column: Column) -> list[tuple[Any, str]]:
        if column.choices is not None:
            return [(v, str(label)) for v, label in column.choices()]
        form_field = self.proto.fields.get(column.field)
        return [
            (v, str(label))
            for v, label in getattr(form_field, "choices", [])
            if v not in ("", None)
        ]

    def read(self, column: Column, value) -> Any:
        """The Python value of a cell for the form (raises CellError)."""
        reader = getattr(self, f"_read_{column.type}", None)
        if reader is None:  # units, partners, records
            reader = self._read_many if column.many else self._read_record
        return reader(column, value)

    def _read_text(self, column, value):
        return cell_text(value)

    def _read_int(self, column, value):
        try:
            return int(parse_number(value, integer=True))
        except NumberError as exc:
            raise CellError(str(exc)) from None

    def _read_decimal(self, column, value):
        return parse_decimal(value)

    def _read_date(self, column, value):
        return parse_date(value)

    def _read_list(self, column, value):
        return split_list(cell_text(value))

    def _read_choice(self, column, value):
        text = cell_text(value)
        wanted = fold(text)
        for code, label in self.choices(column):
            if wanted in (fold(str(code)), fold(label)):
                return code
        for code, label in self._english_choices(column):
            if wanted == fold(label):
                return code
        raise CellError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": "; ".join(lbl for _c, lbl in self.choices(column))}
        )

    def _read_country(self, column, value):
        from doingoai.core.countries import find_country

        text = cell_text(value)
        code = find_country(text)
        if code is None:
            raise CellError(_("“%(value)s” is not a country name or ISO code.") % {"value": text})
        return code

    def _read_record(self, column, value):
        return self.resolve(column, cell_text(value)).pk

    def _read_many(self, column, value):
        problems, pks = [], []
        for part in split_list(cell_text(value)):
            try:
                pks.append(self.resolve(column, part).pk)
            except CellError as exc:
                problems.append(str(exc))
        if problems:
            raise CellError(" ".join(problems))
        return list(dict.fromkeys(pks))  # the same partner written two ways counts once

    def _english_choices(self, column):
        with translation.override("en"):
            return self.choices(column)


# --------------------------------------------------------------------------- import


def display(value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (Decimal, int)):
        return format_number(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, (list, tuple)) or (hasattr(value, "all") and callable(value.all)):
        items = value.all() if hasattr(value, "all") else value
        return "; ".join(display(v) for v in items)
    return str(value)


def _cells(ctx, columns, raw, values, cleaned, ref) -> list[str]:
    """The row as it will be saved, one string per column present in the file."""
    out = [ref]
    for column in columns[1:]:
        if column not in raw:
            continue
        if column.field in cleaned:
            value = cleaned[column.field]
        elif column.type in ("unit", "units", "partner", "partners", "record", "records"):
            out.append(cell_text(raw.get(column)))
            continue
        else:
            value = values.get(column.field)
        if column.type == "choice" and value not in (None, ""):
            labels = dict(ctx.choices(column))
            value = labels.get(value, value)
        elif column.type == "country" and value:
            from doingoai.core.countries import country_name

            value = country_name(value)
        out.append(display(value))
    return out


def _header_key(text) -> str:
    return fold(cell_text(text).rstrip("*").strip())


def _columns_of(header_row, columns: list[Column], sheet: str, report) -> dict[int, Column]:
    """The column of each position of the header row; unknown, repeated and missing
    columns are reported."""
    by_key = {fold(c.header): c for c in columns}
    positions: dict[int, Column] = {}
    for index, header in enumerate(header_row):
        key = _header_key(header)
        if not key:
            continue
        column = by_key.get(key)
        if column is None:
            report.problems.append(
                Problem(
                    _("unknown column; the template's columns are: %(headers)s.")
                    % {"headers": "; ".join(c.header for c in columns)},
                    row=1,
                    column=cell_text(header),
                    sheet=sheet,
                )
            )
        elif column in positions.values():
            report.problems.append(
                Problem(_("the column appears twice."), row=1, column=column.header, sheet=sheet)
            )
        else:
            positions[index] = column
    present = set(positions.values())
    for column in columns:
        if column.required and column not in present:
            report.problems.append(
                Problem(
                    _("this required column is missing."), row=1, column=column.header, sheet=sheet
                )
            )
    return positions


def import_workbook(
    kind: str,
    file,
    *,
    user,
    commit: bool = True,
    filename: str = "",
    progress: Callable | None = None,
) -> ImportReport:
    """Read ``file`` (a path or a binary file object) into records of ``kind``.

    Everything happens in one transaction; it is rolled back when any row has a
    problem or when ``commit`` is False (the preview), so a file lands whole or not
    at all. ``progress(done, total)`` is called as rows are read.
    """
    from openpyxl import load_workbook

    importer = get_importer(kind)
    report = ImportReport(kind=kind, filename=filename or getattr(file, "name", "") or "")
    if importer is None:
        report.problems.append(Problem(_("This kind of record cannot be imported."), sheet=None))
        return report
    if not may_add(importer.get_kind(), user):
        raise PermissionDenied
    if isinstance(file, (bytes, bytearray)):
        file = io.BytesIO(file)
    limit = _beyond_limits(file, report.filename)
    if limit is not None:
        report.problems.append(Problem(limit, sheet=None))
        return report
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        report.problems.append(
            Problem(_("The file is not an Excel workbook (.xlsx) or cannot be read."), sheet=None)
        )
        return report
    sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
    sheet_name = sheet.title
    rows = sheet.iter_rows(values_only=True)
    columns = importer.all_columns()
    positions = _columns_of(next(rows, None) or (), columns, sheet_name, report)
    present = set(positions.values())
    report.headers = [c.header for c in columns if c in present]
    if report.problems:
        book.close()
        return report

    ctx = ImportContext(importer, user)
    data_rows = _data_rows(rows, sheet_name, report)
    book.close()
    if report.problems:
        return report
    total = len(data_rows)
    if total == 0:
        report.problems.append(Problem(_("the sheet has no rows to import."), sheet=sheet_name))
        return report
    with bulk_work(), transaction.atomic():
        for done, (number, cells) in enumerate(data_rows, 1):
            raw = {c: cells[i] if i < len(cells) else None for i, c in positions.items()}
            report.rows.append(_import_row(ctx, number, raw, sheet_name, columns))
            if progress:
                progress(done, total)
        if report.all_problems() or not commit:
            transaction.set_rollback(True)
        else:
            report.committed = True
            audit(
                user=user, action="import_xlsx", message=report.filename, kind=kind, **report.counts
            )
    return report


def _beyond_limits(file, filename: str) -> str | None:
    """The message naming the limit a workbook exceeds before it is opened (its parts
    and what they unpack to), or None."""
    import zipfile

    from django.core.exceptions import ValidationError

    from doingoai.core.uploads import check_zip

    try:
        with zipfile.ZipFile(file) as zf:
            check_zip(
                zf,
                filename or _("the file"),
                max_members=MAX_MEMBERS,
                max_unpacked=MAX_UNPACKED_BYTES,
            )
    except ValidationError as exc:
        return exc.messages[0]
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a workbook: load_workbook says so
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    return None


def _data_rows(rows, sheet_name: str, report: ImportReport) -> list:
    """(row number, cells) of the rows that hold something; stops with a problem naming
    the limit past MAX_ROWS rows or MAX_CELLS cells."""
    out = []
    cells = 0
    for number, row in enumerate(rows, start=2):
        cells += len(row)
        if cells > MAX_CELLS:
            report.problems.append(
                Problem(
                    _("the sheet holds more than %(limit)s cells: split it into several files.")
                    % {"limit": f"{MAX_CELLS:,}".replace(",", ".")},
                    sheet=sheet_name,
                )
            )
            return []
        if any(v not in (None, "") and cell_text(v) for v in row):
            if len(out) == MAX_ROWS:
                report.problems.append(
                    Problem(
                        _(
                            "the sheet has more than %(limit)s rows: split it into several "
                            "files of at most %(limit)s rows."
                        )
                        % {"limit": f"{MAX_ROWS:,}".replace(",", ".")},
                        sheet=sheet_name,
                    )
                )
                return []
            out.append((number, row))
    return out


def rows_at_least(file, count: int) -> bool:
    """Whether the data sheet of ``file`` holds at least ``count`` rows with something in
    them (read only as far as that; a file that cannot be read says False, and the
    import then says what is wrong with it)."""
    from openpyxl import load_workbook

    if _beyond_limits(file, "") is not None:
        return False
    try:
        book = load_workbook(file, read_only=True, data_only=True)
        try:
            sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
            found = 0
            for row in sheet.iter_rows(min_row=2, values_only=True):
                if any(v not in (None, "") for v in row):
                    found += 1
                    if found >= count:
                        return True
        finally:
            book.close()
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        return False
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    return False


class _Row:
    """One data row being imported: read, matched to its record, validated, saved."""

    def __init__(
        self,
        ctx: ImportContext,
        number: int,
        raw: dict[Column, Any],
        sheet: str,
        columns: list[Column],
    ):
        self.ctx, self.number, self.raw, self.sheet, self.columns = (
            ctx,
            number,
            raw,
            sheet,
            columns,
        )
        self.result = RowResult(row=number)
        self.problems: dict[str, Problem] = {}  # by column header: one message a cell
        self.values: dict[str, Any] = {}
        self.blanks: dict[str, Any] = {}  # empty cells: a new record's defaults
        self.ref = ""
        self.instance = None
        self.needs_ref = True  # no ExternalRef yet for this reference
        self.by_field = {c.field: c for c in columns if c.field}

    def problem(self, column: Column | None, message) -> None:
        header = column.header if column is not None else None
        key = header or f"__row{len(self.problems)}"
        if key not in self.problems:
            self.problems[key] = Problem(
                str(message), row=self.number, column=header, sheet=self.sheet
            )

    def read_cells(self) -> None:
        for column, value in self.raw.items():
            text = cell_text(value)
            if column.header == REF_HEADER:
                self.ref = text
                continue
            if not text:
                if column.required:
                    self.problem(column, _("this cell is required."))
                self.blanks[column.field] = (
                    []
                    if column.many
                    else (
                        None
                        if column.type in ("int", "decimal", "date", "unit", "partner", "record")
                        else ""
                    )
                )
                continue
            try:
                self.values[column.field] = self.ctx.read(column, value)
            except CellError as exc:
                self.problem(column, str(exc))
        self.result.ref = self.ref

    def check_ref(self) -> None:
        ref_column, seen = self.columns[0], self.ctx.seen_refs
        if not self.ref:
            self.problem(ref_column, _("this cell is required."))
        elif self.ref in seen:
            self.problem(
                ref_column,
                _("the reference “%(ref)s” is already used in row %(row)s.")
                % {"ref": self.ref, "row": seen[self.ref]},
            )
        else:
            seen[self.ref] = self.number

    def find_record(self) -> bool:
        """The record the row describes: imported before under its reference, or (a
        partner) already in the directory. False when the row is settled here."""
        ctx = self.ctx
        if self.ref:
            ext = ExternalRef.objects.filter(
                content_type=ctx.content_type, source=ctx.source, key=self.ref
            ).first()
            if ext is not None:
                self.needs_ref = False
                self.instance = ctx.kind.scoped(ctx.user, CHANGE).filter(pk=ext.object_id).first()
                if self.instance is None:
                    if ctx.model._default_manager.filter(pk=ext.object_id).exists():
                        self.problem(
                            self.columns[0],
                            _("the record imported with this reference is one you may not change."),
                        )
                    else:
                        ext.delete()  # the record was deleted since: import it again
                        self.needs_ref = True
        if self.instance is None and self.needs_ref and not self.problems:
            existing = ctx.importer.find_existing(self.values, ctx)
            if existing is not None:
                if not ctx.kind.scoped(ctx.user, CHANGE).filter(pk=existing.pk).exists():
                    # already in the shared directory and not hers to change: as it is
                    self.result.action = "unchanged"
                    self.result.object_id = existing.pk
                    self.result.cells = _cells(
                        ctx, self.columns, self.raw, self.values, {}, self.ref
                    )
                    return False
                self.instance = existing
        return True

    def bind(self):
        """The kind's form with the row's values over the record's (or a new one's)."""
        ctx = self.ctx
        adding = self.instance is None
        instance = ctx.model() if adding else self.instance
        unbound = ctx.form_class(instance=instance, user=ctx.user)
        if adding:
            data = dict(ctx.new_record_data())
        else:
            data = form_data(unbound)
            data["version"] = instance.version
            # a blank cell means what it means for a new record (the default), so a row
            # reads the same whether its record exists or not
            defaults = ctx.new_record_data()
            data.update(
                {k: defaults.get(k, v) for k, v in self.blanks.items() if k in unbound.fields}
            )
        data.update({k: v for k, v in self.values.items() if k in unbound.fields})
        ctx.importer.prepare(data, self.values, ctx)
        return ctx.form_class(data, instance=instance, user=ctx.user)

    def validate(self, form) -> bool:
        valid = form.is_valid()
        for error in [] if valid else form_errors(form):
            column = self.by_field.get(error.field)
            self.problem(column, str(error) if column is None and error.field else error.message)
        for name, message in self.ctx.importer.validate_children(self.values, self.ctx).items():
            self.problem(self.by_field.get(name), message)
        return valid

    def save(self, form) -> None:
        ctx, adding = self.ctx, self.instance is None

        def children_and_ref(obj):
            ctx.importer.after_save(obj, self.values, ctx)
            if self.needs_ref:
                ExternalRef.objects.create(
                    content_type=ctx.content_type, object_id=obj.pk, source=ctx.source, key=self.ref
                )

        try:
            saved = record_save(
                kind=ctx.kind, acting_user=ctx.user, form=form, also=children_and_ref
            )
        except RecordRefused as exc:
            message = ROW_REFUSALS.get(exc.reason)
            if message is None:
                message = "; ".join(exc.messages)
            self.result.problems.append(Problem(str(message), row=self.number, sheet=self.sheet))
            if not adding:
                self.result.object_id = self.instance.pk
            return
        except DatabaseError as exc:
            self.result.problems.append(
                Problem(
                    _("the database refused the row: %(error)s") % {"error": exc},
                    row=self.number,
                    sheet=self.sheet,
                )
            )
            return
        self.result.object_id = saved.obj.pk

    def run(self) -> RowResult:
        self.read_cells()
        if fold(self.ref) == fold(EXAMPLE_REF):
            self.result.action = "skip"
            self.result.cells = [cell_text(self.raw.get(c)) for c in self.columns if c in self.raw]
            return self.result
        self.check_ref()
        if not self.find_record():
            return self.result
        adding = self.instance is None
        form = self.bind()
        valid = self.validate(form)
        changed = (
            not valid
            or adding
            or bool(set(form.changed_data) - {"version"})
            or self.ctx.importer.children_changed(self.instance, self.values, self.ctx)
        )
        self.result.action = "create" if adding else ("update" if changed else "unchanged")
        self.result.cells = _cells(
            self.ctx,
            self.columns,
            self.raw,
            self.values,
            form.cleaned_data if valid else {},
            self.ref,
        )
        self.result.problems = list(self.problems.values())
        if self.result.problems or self.result.action == "unchanged":
            if not adding:
                self.result.object_id = self.instance.pk
            return self.result
        self.save(form)
        return self.result


#: a row the write path refused, in the words of the import
ROW_REFUSALS = {
    FORBIDDEN: gettext_lazy("the record would be outside your scope."),
    STALE: gettext_lazy("the record was changed by someone else meanwhile."),
}


def _import_row(
    ctx: ImportContext, number: int, raw: dict[Column, Any], sheet: str, columns: list[Column]
) -> RowResult:
    return _Row(ctx, number, raw, sheet, columns).run()


# --------------------------------------------------------------------------- template


GENERAL_NOTES = [
    "Mỗi dòng của trang “Dữ liệu” là một bản ghi. Dòng 1 là tiêu đề cột: không đổi tên cột.",
    "Cột có dấu * là bắt buộc. Dòng ví dụ (Mã tham chiếu “VÍ DỤ”) được bỏ qua khi nhập.",
    "“Mã tham chiếu” là mã riêng của đơn vị cho từng dòng. Nhập lại cùng tệp sẽ cập nhật "
    "bản ghi có cùng mã (nếu có thay đổi), không tạo bản ghi trùng.",
    "Ngày ghi theo dạng dd/mm/yyyy (ví dụ 25/06/2024). Số tiền ghi số, có thể dùng dấu chấm "
    "ngăn cách hàng nghìn (40.000.000).",
    "Đơn vị và đối tác được nhận theo mã, tên hoặc tên gọi khác, có dấu hay không dấu đều "
    "được (“Đắk Lắk”, “Dak Lak”, “Hội LHPN tỉnh Đắk Lắk”, “66”). Nhiều giá trị trong một ô "
    "cách nhau bằng dấu chấm phẩy (;).",
    "Nếu tệp có bất kỳ lỗi nào thì không dòng nào được nhập; danh sách lỗi ghi rõ dòng và "
    "cột để sửa rồi tải lên lại.",
]

TYPE_LABELS = {
    "text": "Chữ",
    "int": "Số nguyên",
    "decimal": "Số",
    "date": "Ngày (dd/mm/yyyy)",
    "choice": "Chọn trong danh sách",
    "country": "Quốc gia (tên hoặc mã ISO)",
    "list": "Danh sách, cách nhau bằng ;",
    "unit": "Đơn vị (mã hoặc tên)",
    "units": "Các đơn vị, cách nhau bằng ;",
    "partner": "Đối tác (tên, tên viết tắt)",
    "partners": "Các đối tác, cách nhau bằng ;",
    "record": "Bản ghi (mã tham chiếu hoặc tên)",
    "records": "Các bản ghi, cách nhau bằng ;",
}


class _Template:
    """The Excel template of one importer, sheet by sheet."""

    def __init__(self, importer: Importer, user):
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill

        self.importer = importer
        self.ctx = ImportContext(importer, user)
        self.columns = importer.all_columns()
        self.book = Workbook()
        self.data = self.book.active
        self.data.title = DATA_SHEET
        self.notes = self.book.create_sheet(NOTES_SHEET)
        self.lists = self.book.create_sheet(LISTS_SHEET)
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor="DDEBF7")
        self.list_col = 0

    def example(self, column: Column):
        value = column.example or None
        if column.type == "choice" and value:
            try:  # the example as the drop-down list writes it
                value = dict(self.ctx.choices(column)).get(self.ctx.read(column, value), value)
            except CellError:
                pass
        return value

    def options(self, column: Column) -> tuple[list[str], bool]:
        """The drop-down list of a column, and whether other values are refused."""
        if column.type == "choice":
            return [label for _v, label in self.ctx.choices(column)], True
        if column.type == "country":
            from doingoai.core.countries import country_choices

            return [label for _v, label in country_choices("vi")], False
        allowed = self.ctx.allowed_queryset(column) if column.type == "unit" else None
        if allowed is not None:
            units = allowed.filter(valid_to__isnull=True).order_by("path")[:2000]
            return [str(u.name) for u in units], False
        return [], False

    def drop_down(self, column: Column, span: str) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        options, strict = self.options(column)
        if not options:
            return
        self.list_col += 1
        letter = get_column_letter(self.list_col)
        set_cell(self.lists.cell(row=1, column=self.list_col), column.header).font = self.bold
        for r, option in enumerate(options, 2):
            set_cell(self.lists.cell(row=r, column=self.list_col), option)
        validation = DataValidation(
            type="list",
            formula1=f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(options) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "warning",
            errorTitle=column.header,
            error="Chọn một giá trị trong danh sách.",
        )
        self.data.add_data_validation(validation)
        validation.add(span)

    def data_sheet(self) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        for index, column in enumerate(self.columns, 1):
            letter = get_column_letter(index)
            cell = set_cell(self.data.cell(row=1, column=index), column.title)
            cell.font, cell.fill = self.bold, self.fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            example = set_cell(self.data.cell(row=2, column=index), self.example(column))
            example.font = Font(italic=True, color="808080")
            self.data.column_dimensions[letter].width = column.width
            if column.type == "date":
                example.number_format = "DD/MM/YYYY"
                for row in range(3, 202):
                    self.data.cell(row=row, column=index).number_format = "DD/MM/YYYY"
            self.drop_down(column, f"{letter}2:{letter}{TEMPLATE_ROWS}")
        self.data.freeze_panes = "B2"
        self.data.row_dimensions[1].height = 32

    def help_of(self, column: Column) -> str:
        text = column.help or str(
            getattr(self.ctx.proto.fields.get(column.field), "help_text", "") or ""
        )
        if column.type == "choice":
            text = (
                (text + " " if text else "")
                + "Một trong: "
                + "; ".join(label for _v, label in self.ctx.choices(column))
            )
        return text

    def notes_sheet(self) -> None:
        from openpyxl.styles import Alignment, Font

        notes = self.notes
        for letter, width in zip("ABCDE", (28, 12, 30, 70, 30), strict=True):
            notes.column_dimensions[letter].width = width
        kind = self.importer.get_kind()
        set_cell(
            notes.cell(row=1, column=1), f"Mẫu nhập {kind.verbose_name_plural()} — doingoai"
        ).font = Font(bold=True, size=14)
        row = 3
        for line in [*GENERAL_NOTES, *self.importer.notes]:
            set_cell(notes.cell(row=row, column=1), f"• {line}")
            row += 1
        row += 1
        for index, header in enumerate(["Cột", "Bắt buộc", "Kiểu", "Hướng dẫn", "Ví dụ"], 1):
            set_cell(notes.cell(row=row, column=index), header).font = self.bold
        for position, column in enumerate(self.columns, 1):
            row += 1
            values = [
                column.header,
                "có" if column.required else "",
                TYPE_LABELS[column.type],
                self.help_of(column),
                cell_text(self.data.cell(row=2, column=position).value),
            ]
            for index, value in enumerate(values, 1):
                cell = set_cell(notes.cell(row=row, column=index), value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")

    def build(self) -> bytes:
        self.data_sheet()
        self.notes_sheet()
        self.lists.sheet_state = "hidden"
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


def build_template(kind: str, *, user) -> bytes:
    """The Excel template of a kind: data sheet with bold headers, drop-down lists for
    choice columns and an example row; instructions; the lists themselves."""
    importer = get_importer(kind)
    if importer is None:
        raise LookupError(kind)
    with translation.override("vi"):
        return _Template(importer, user).build()


def template_filename(kind: str) -> str:
    return f"mau-nhap-{kind}.xlsx"
