from django import forms
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import RecordForm

from . import money
from .models import ExchangeRate, Resource


class CurrencyInput(forms.TextInput):
    """A text box offering every ISO 4217 currency with its name in the reader's
    language (VND "Đồng Việt Nam" first): the browser's type-ahead finds "đồng" or
    "đô la Mỹ" in the names."""

    def format_value(self, value):
        value = super().format_value(value)
        if value and money.is_currency(value):
            return f"{value.upper()} — {money.currency_name(value.upper())}"
        return value

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        options = format_html_join("", '<option value="{1}"></option>', money.currency_choices())
        return format_html('{}<datalist id="currency-codes">{}</datalist>', html, options)


class CurrencyField(forms.CharField):
    """An ISO 4217 currency typed or picked by its code or its name ("đồng", "đô la
    Mỹ", "USD — Đô la Mỹ"); stored as the code; what is none gets a clear message."""

    widget = CurrencyInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 80)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"list": "currency-codes", "autocomplete": "off", "class": "currency"}
        )

    @property
    def api_schema(self) -> dict:
        """What the API's description says of it: a code (names are for the pages)."""
        return {"enum": money.currency_codes()}

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return value
        code = money.find_currency(value)
        if code is None:
            raise forms.ValidationError(money.currency_error(value))
        return code


class ResourceForm(RecordForm):
    change_scoped_fields = ("unit",)
    currency = CurrencyField(
        label=_("currency"),
        initial="VND",
        help_text=_("Type the code or the name: VND, đồng, đô la Mỹ, EUR…"),
    )

    class Meta:
        model = Resource
        fields = [
            "title",
            "direction",
            "kind",
            "quantity",
            "unit_value",
            "currency",
            "date",
            "stage",
            "beneficiaries",
            "beneficiaries_count",
            "partner",
            "unit",
            "agreement",
            "activity",
            "shared_with",
            "notes",
        ]
        widgets = {"beneficiaries": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["partner"].queryset = self.fields["partner"].queryset.only("id", "name_vi")
        self.fields["activity"].queryset = self.fields["activity"].queryset.only("id", "title")
        self.fields["agreement"].queryset = self.fields["agreement"].queryset.only("id", "title")
        self.fields["shared_with"].queryset = self.fields[
            "shared_with"
        ].queryset.model.objects.filter(valid_to__isnull=True, level__in=["central", "province"])
        # Resource.clean() refuses a negative unit value and quantity: the API's
        # description says so (a quantity of 0, refused too, it cannot say)
        self.fields["unit_value"].api_minimum = 0
        self.fields["quantity"].api_minimum = 0
        self.fields["unit_value"].help_text = _(
            "The amount is quantity × unit value: 4 machines at 10.000.000 ₫ make 40.000.000 ₫."
        )

    def clean(self):
        data = super().clean()
        activity = data.get("activity")
        if activity is not None and not data.get("agreement"):
            # a resource handed over during an activity serving one agreement belongs to it
            agreements = list(activity.agreements.all()[:2])
            if len(agreements) == 1:
                data["agreement"] = agreements[0]
                self.instance.agreement = agreements[0]
        return data


class ExchangeRateForm(RecordForm):
    change_scoped_fields = ()
    currency = CurrencyField(label=_("currency"))

    class Meta:
        model = ExchangeRate
        fields = ["currency", "date", "vnd_per_unit", "source", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _("ISO 4217 code, e.g. USD."),
            reverse("rates_import"),
            _("Import many rates from a CSV file"),
        )


class RatesImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: currency, date (dd/mm/yyyy or yyyy-mm-dd), vnd_per_unit[, source]."),
    )
