import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.forms import RecordForm

from .models import OverseasOrganization


class OverseasOrganizationForm(RecordForm):
    class Meta:
        model = OverseasOrganization
        fields = [
            "name_vi",
            "name_local",
            "country",
            "city",
            "founded",
            "founded_with_support",
            "status",
            "leaders",
            "contacts",
            "members",
            "unit",
            "mission",
            "support_activities",
            "support_resources",
            "events",
            "shared_with",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = OverseasOrganization._meta.get_field("country")
        self.fields["country"] = forms.ChoiceField(
            label=field.verbose_name,
            choices=[("", "—")] + country_choices(),
            help_text=field.help_text,
        )
        if self.instance.pk:
            self.fields["country"].initial = self.instance.country
        if "mission" in self.fields:
            self.fields["mission"].queryset = self.fields["mission"].queryset.only("id", "name_vi")

    def clean(self):
        data = super().clean()
        founded = data.get("founded")
        if founded and founded > dt.date.today() and not self.has_error("founded"):
            self.add_error("founded", _("The founding date cannot be in the future."))
        return data
