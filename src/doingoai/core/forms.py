"""The form base of every record kind: scoped choices, the version it was read at,
and Vietnamese field messages."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import pickers
from .scope import CHANGE, VIEW


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecordForm(forms.ModelForm):
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
                field.queryset = qs.filter(
                    pk__in=manager_qs.restrict(user, action).values("pk")
                )
            # many choices (partners, units, agreements...): a type-ahead picker
            pickers.attach(field, name, action=action)
            if isinstance(field.widget, forms.SelectMultiple):
                field.widget.attrs.setdefault("size", 6)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            if field.required and not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("required", True)

    def clean_version(self):
        version = self.cleaned_data.get("version")
        if self.instance.pk and version:
            self.instance.version = version
        return version

    def _post_clean(self):
        version = self.instance.version if self.instance.pk else None
        super()._post_clean()
        if version is not None:
            self.instance.version = version


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


def json_list_formfield(field: models.Field, **kwargs):
    return TagsField(
        label=field.verbose_name, required=not field.blank, help_text=field.help_text, **kwargs
    )
