from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.forms import DateInput, date_order_error
from doingoai.core.pickers import chips

from .models import CaseAction, ProtectionCase


class CaseForm(forms.ModelForm):
    class Meta:
        model = ProtectionCase
        fields = [
            "number",
            "opened",
            "closed",
            "status",
            "kind",
            "country",
            "place",
            "unit",
            "handlers",
            "person_name",
            "person_birth_year",
            "person_province",
            "person_contact",
            "summary",
        ]
        widgets = {
            "opened": DateInput(),
            "closed": DateInput(),
            "place": forms.TextInput(),
            "person_name": forms.TextInput(),
            "person_birth_year": forms.TextInput(),
            "person_province": forms.TextInput(),
            "person_contact": forms.TextInput(),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = ProtectionCase._meta.get_field("country")
        self.fields["country"] = forms.ChoiceField(
            label=field.verbose_name, choices=[("", "—")] + country_choices()
        )
        if self.instance.pk:
            self.fields["country"].initial = self.instance.country
        # handlers: active users of the unit subtree of the acting user (or everyone for
        # the central level), never shown a case they are not named on
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["handlers"].queryset = users
        self.fields["handlers"].required = False
        self.fields["handlers"].help_text = _("Only these people see the case; you are one.")
        chips(self.fields["handlers"])
        from doingoai.organization.models import Unit

        units = Unit.objects.restrict(user, "view") if user else Unit.objects.none()
        if self.instance.unit_id:  # a handler from elsewhere keeps the case's unit
            units = units | Unit.objects.filter(pk=self.instance.unit_id)
        self.fields["unit"].queryset = units.distinct()

    def clean_person_birth_year(self):
        value = (self.cleaned_data.get("person_birth_year") or "").strip()
        if value and (not value.isdigit() or not 1900 <= int(value) <= 2100):
            raise forms.ValidationError(_("Write the year of birth as four digits, e.g. 1998."))
        return value

    def clean(self):
        data = super().clean()
        msg = date_order_error(
            data.get("opened"),
            data.get("closed"),
            start_label=ProtectionCase._meta.get_field("opened").verbose_name,
            end_label=ProtectionCase._meta.get_field("closed").verbose_name,
        )
        if msg:
            self.add_error("closed", msg)
        return data


class ActionForm(forms.ModelForm):
    class Meta:
        model = CaseAction
        fields = ["date", "kind", "note"]
        widgets = {"date": DateInput()}


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("file"))


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=10,
        help_text=_("Why you must open this case now. Its handlers will read it."),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("The 6 digits of your authenticator app, or a recovery code."),
    )
