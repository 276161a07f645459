"""The form base of every record kind: scoped choices, the version it was read at,
and Vietnamese field messages."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import pickers
from .dates import DateInput, TypedDateField
from .filters import FIRST_YEAR, LAST_YEAR
from .numbers import NumberError, format_number, parse_number
from .registry import in_order
from .scope import CHANGE, VIEW


class NumberMixin:
    """Numbers read as people type them (``core.numbers``: "10.000.000", "1,5",
    "40 triệu"), shown the Vietnamese way without needless decimals ("4", not "4,00")."""

    integer = False

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        try:
            number = parse_number(value, integer=self.integer)
        except NumberError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None
        return int(number) if self.integer else number


class NumberField(NumberMixin, forms.DecimalField):
    def prepare_value(self, value):
        if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
            return format_number(value)  # 10.000.000, 4 (not 4,00)
        return value


class WholeNumberField(NumberMixin, forms.IntegerField):
    """Counts, years, numbers of terms: shown as they are (2024, not 2.024)."""

    integer = True


def typed_numbers(field: forms.Field) -> None:
    """Turn Django's number field into one that reads typed numbers, in a text input
    (a browser's number input refuses "10.000.000")."""
    target = {forms.DecimalField: NumberField, forms.IntegerField: WholeNumberField}.get(
        type(field)
    )
    if target is None or isinstance(field.widget, forms.HiddenInput):
        return
    field.__class__ = target
    attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("step", "min", "max")}
    attrs["inputmode"] = "numeric" if target is WholeNumberField else "decimal"
    field.widget = forms.TextInput(attrs=attrs)


MAX_ID = 2**63 - 1


def _id_in_range(field, value) -> None:
    """A record id a database can hold (an id past 64 bits is an error, not a 500)."""
    pk = field.queryset.model._meta.pk
    if pk.get_internal_type() not in (
        "AutoField",
        "BigAutoField",
        "IntegerField",
        "BigIntegerField",
        "PositiveBigIntegerField",
    ):
        return
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return  # Django's own message ("not a valid value")
    if not -MAX_ID <= number <= MAX_ID:
        raise forms.ValidationError(
            field.error_messages["invalid_choice"]
            if "invalid_pk_value" not in field.error_messages
            else field.error_messages["invalid_pk_value"],
            code="invalid_choice",
            params={"pk": value, "value": value},
        )


class CheckedChoice(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values:
            _id_in_range(self, value)
        return super().to_python(value)


class CheckedMultipleChoice(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for v in value if isinstance(value, (list, tuple)) else ():
            if v is None or isinstance(v, (list, tuple, dict, bool, float)):
                # a JSON list holding null, a list or an object: not a record number
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": v},
                )
            if v not in self.empty_values:
                _id_in_range(self, v)
        return super()._check_values(value)


#: a web address and an email address as Django's validators take them (http or https;
#: a dotted host name with a top-level domain of letters, at most 5 labels of 32
#: characters so the host stays within 253), as the API's description says them
_LABEL = "[a-zA-Z0-9]([a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?"
HOST_PATTERN = rf"{_LABEL}(\.{_LABEL}){{0,3}}\.[a-zA-Z]{{2,32}}"
URL_PATTERN = rf"https?://{HOST_PATTERN}([/?#][^\s\x00]*)?"
_ATOM = "[-!#$%&'*+/=?^_`{}|~0-9a-zA-Z]+"
EMAIL_PATTERN = rf"{_ATOM}(\.{_ATOM}){{0,3}}@{HOST_PATTERN}"

#: the dates a record may carry (a date of 9999-12-31 is a typing slip, and the yearly
#: summaries cannot hold year 10000)
FIRST_DATE, LAST_DATE = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)


_SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(value) -> None:
    """Text a database can store: a lone UTF-16 surrogate (``"\\ud800"`` in JSON) is not
    a character, and PostgreSQL and SQLite refuse it when saving."""
    for text in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(text, str) and _SURROGATE.search(text):
            raise forms.ValidationError(
                _("The text contains an invalid character (a lone surrogate)."),
                code="surrogate",
            )


def date_in_range(value) -> None:
    if value is not None and not FIRST_DATE <= value <= LAST_DATE:
        raise forms.ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_range",
            params={
                "first": FIRST_DATE.strftime("%d/%m/%Y"),
                "last": LAST_DATE.strftime("%d/%m/%Y"),
            },
        )


CHECKED_CHOICES = {
    forms.ModelChoiceField: CheckedChoice,
    forms.ModelMultipleChoiceField: CheckedMultipleChoice,
}


class ShownWhen:
    """Fields shown only while another field has a given value, declared as
    ``shown_when = {"review": ("kind", "review_meeting")}``. The page renders them hidden
    from the start (a script shows and hides them as the value changes), so a field that
    does not apply is never on screen, not even before the script runs. A field with an
    error is always shown."""

    shown_when: dict[str, tuple[str, str]] = {}

    @property
    def initially_hidden(self) -> frozenset[str]:
        hidden = set()
        for name, (control, value) in self.shown_when.items():
            if name not in self.fields or control not in self.fields or self[name].errors:
                continue
            if str(self[control].value() or "") != value:
                hidden.add(name)
        return frozenset(hidden)


class RecordForm(ShownWhen, forms.ModelForm):
    """Every record form: pass ``user``; choices only offer what she may see."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    #: fields whose choices are records the user may change, not just see
    change_scoped_fields: tuple[str, ...] = ("unit",)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        for name, field in self.fields.items():
            qs = getattr(field, "queryset", None)
            if qs is None or user is None:
                continue
            manager_qs = qs.model._default_manager.all()
            action = VIEW
            if hasattr(manager_qs, "restrict"):
                if name in self.change_scoped_fields and qs.model._meta.model_name != "unit":
                    action = CHANGE
                field.queryset = qs.filter(pk__in=manager_qs.restrict(user, action).values("pk"))
            field.queryset = in_order(field.queryset)  # names in Vietnamese order
            # many choices (partners, units, agreements...): a type-ahead picker
            pickers.attach(field, name, action=action)
            pickers.chips(field)  # any other list of several: chips and type-ahead
            if isinstance(field.widget, forms.SelectMultiple):
                field.widget.attrs.setdefault("size", 6)
        self.offer_valid_units()
        for field in self.fields.values():
            typed_numbers(field)
            if type(field) in CHECKED_CHOICES:
                field.__class__ = CHECKED_CHOICES[type(field)]
            if isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
                field.__class__ = TypedDateField  # dd/mm/yyyy, whatever the browser
                field.widget = DateInput(attrs=field.widget.attrs)
                if date_in_range not in field.validators:
                    field.validators.append(date_in_range)
            if isinstance(field, forms.CharField) and whole_characters not in field.validators:
                field.validators.append(whole_characters)
            if field.required and not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("required", True)
        self.limit_texts()

    @property
    def historical(self) -> bool:
        """``?historical=1`` on the page: offer units whose validity has ended too."""
        return pickers.wants_historical(self.data) or pickers.wants_historical(self.initial)

    def offer_valid_units(self) -> None:
        """Unit choices offer the units valid today or on the record's own date, and the
        value the record already has (an old record under a merged unit still shows and
        saves it); ``historical`` offers every unit. What is accepted is unchanged:
        a unit ended before the record's date gets ``ended_unit_message``."""
        if self.user is None:
            return
        historical = self.historical
        on = [timezone.localdate(), self._record_date(self.instance.__dict__)]
        for name, field in self.fields.items():
            qs = getattr(field, "queryset", None)
            if qs is None or not pickers.has_validity(qs.model):
                continue
            if historical:
                field.widget.picker_historical = True
                continue
            link = format_html(
                '<a href="?historical=1" class="historical-units">{}</a>',
                _("Show dissolved and merged units too"),
            )
            field.help_text = (
                format_html("{} {}", field.help_text, link) if field.help_text else link
            )
            field.widget.choices = pickers.OfferedChoices(
                field, lambda qs, name=name: pickers.valid_on(qs, *on, keep=self._kept(name))
            )

    def _kept(self, name) -> list:
        """The value a unit field has (typed, or the record's): always offered."""
        value = self[name].value()
        return list(value) if isinstance(value, (list, tuple)) else [value]

    #: characters a long text (notes, outcomes, a summary) may hold: a page stays light
    text_limit: int = 10_000
    #: fields that hold whole documents (an article's text)
    long_text_limits: dict[str, int] = {"body": 200_000}

    def limit_texts(self) -> None:
        """A limit with its message on every text without one (a model TextField)."""
        from django.core.validators import MaxLengthValidator

        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or field.max_length is not None:
                continue
            if not isinstance(field.widget, forms.Textarea):
                continue
            field.max_length = self.long_text_limits.get(name, self.text_limit)
            field.validators.append(MaxLengthValidator(field.max_length))
            field.widget.attrs["maxlength"] = str(field.max_length)

    #: the record's own date, the first of these it has: a unit is chosen for that date
    record_date_fields: tuple[str, ...] = ("start_date", "date", "signed_date")

    def clean(self):
        data = super().clean()
        self._refuse_ended_units(data)
        return data

    def _record_date(self, data):
        for name in self.record_date_fields:
            if name in self.fields and isinstance(data.get(name), dt.date):
                return data[name]
        return None

    def _refuse_ended_units(self, data) -> None:
        """A unit whose validity ended (merged, dissolved) is refused for a record dated
        after its end, with a message naming its successor."""
        on = self._record_date(data)
        if on is None:
            return
        for name, field in self.fields.items():
            if getattr(getattr(field, "queryset", None), "model", None) is None:
                continue
            if field.queryset.model._meta.label_lower != "organization.unit":
                continue
            value = data.get(name)
            units = value if isinstance(value, (list, tuple, models.QuerySet)) else [value]
            for unit in units:
                if unit is not None and unit.valid_to and unit.valid_to < on:
                    self.add_error(name, ended_unit_message(unit, on))
                    break

    def clean_version(self):
        version = self.cleaned_data.get("version")
        if self.instance.pk:
            # an edit that does not say which version it was read at (the field removed,
            # or 0) is refused exactly like a stale one: version 0 never matches a row
            self.instance.version = version if version and version > 0 else 0
        return version

    def _post_clean(self):
        version = self.instance.version if self.instance.pk else None
        super()._post_clean()
        if version is not None:
            self.instance.version = version


def ended_unit_message(unit, on) -> str:
    """“Phú Yên” ended on 30/06/2025, before 10/10/2026: choose “Đắk Lắk”."""
    params = {"unit": unit.name, "end": f"{unit.valid_to:%d/%m/%Y}", "date": f"{on:%d/%m/%Y}"}
    if unit.successor_id:
        params["successor"] = unit.successor.name
        return (
            _(
                "“%(unit)s” ended on %(end)s, before the date of this record (%(date)s): "
                "choose the unit that succeeded it, “%(successor)s”."
            )
            % params
        )
    return _("“%(unit)s” ended on %(end)s, before the date of this record (%(date)s).") % params


def record_form_factory(model, fields):
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    return type(f"{model.__name__}Form", (RecordForm,), {"Meta": meta})


def date_order_error(start, end, *, start_label, end_label):
    """The same message everywhere an end date comes before its start."""
    if start and end and end < start:
        return _("“%(end)s” (%(end_value)s) is before “%(start)s” (%(start_value)s).") % {
            "end": end_label,
            "end_value": end.strftime("%d/%m/%Y"),
            "start": start_label,
            "start_value": start.strftime("%d/%m/%Y"),
        }
    return None


class TagsField(forms.CharField):
    """Comma-separated list stored as a JSON list."""

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            return [str(v).strip() for v in value if str(v).strip()]
        value = super().to_python(value)
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]

    def run_validators(self, value):
        """Also each item: a NUL inside one (a JSON list) is no text either (PostgreSQL
        refuses to store it)."""
        super().run_validators(value)
        if any("\x00" in item for item in value or ()):
            raise forms.ValidationError(
                _("Null characters are not allowed."), code="null_characters_not_allowed"
            )


def json_list_formfield(field: models.Field, **kwargs):
    return TagsField(
        label=field.verbose_name, required=not field.blank, help_text=field.help_text, **kwargs
    )
