from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.forms import RecordForm, TagsField

from .models import Partner, PartnerContact


class PartnerForm(RecordForm):
    aliases = TagsField(label=_("aliases"), required=False,
                        help_text=_("Other spellings, separated by commas."))
    tags = TagsField(label=_("tags"), required=False)

    class Meta:
        model = Partner
        fields = ["name_vi", "name_en", "name_local", "acronym", "aliases", "kind", "level",
                  "country", "subdivision", "city", "parent", "working_units", "tags", "website",
                  "email", "phone", "address", "relationship_since", "description", "unit",
                  "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=Partner._meta.get_field("country").verbose_name,
            choices=[("", "—")] + country_choices(),
            help_text=Partner._meta.get_field("country").help_text,
        )
        if self.instance.pk:
            self.fields["country"].initial = self.instance.country
        self.fields["parent"].queryset = self.fields["parent"].queryset.only("id", "name_vi")


class PartnerContactForm(RecordForm):
    change_scoped_fields = ("partner",)

    class Meta:
        model = PartnerContact
        fields = ["partner", "name", "position", "email", "phone", "language", "notes"]
