from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.forms import RecordForm, TagsField

from .models import Partner, PartnerContact


class PartnerForm(RecordForm):
    aliases = TagsField(
        label=_("aliases"), required=False, help_text=_("Other spellings, separated by commas.")
    )
    tags = TagsField(label=_("tags"), required=False)

    class Meta:
        model = Partner
        fields = [
            "name_vi",
            "name_en",
            "name_local",
            "acronym",
            "aliases",
            "kind",
            "level",
            "country",
            "subdivision",
            "city",
            "parent",
            "working_units",
            "tags",
            "website",
            "email",
            "phone",
            "address",
            "relationship_since",
            "description",
            "unit",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=Partner._meta.get_field("country").verbose_name,
            choices=[("", "—")] + country_choices(),
            help_text=Partner._meta.get_field("country").help_text,
        )
        self.fields["subdivision"] = forms.CharField(
            label=Partner._meta.get_field("subdivision").verbose_name,
            max_length=120,
            required=False,
            help_text=Partner._meta.get_field("subdivision").help_text,
        )
        if self.instance.pk:
            self.fields["country"].initial = self.instance.country
        self.fields["parent"].queryset = self.fields["parent"].queryset.only("id", "name_vi")
        self.fields["confirm_different"] = forms.BooleanField(
            label=_("It is a different organization: save it anyway"),
            required=False,
            widget=forms.HiddenInput,
        )
        if self.instance.pk:  # only a new partner is checked
            self.fields["confirm_different"].initial = True

    # likely duplicates: shown live under the names (partners/similar_slot.html) and
    # checked again when a new partner is saved
    after_field_name = "aliases"
    after_field_template = "partners/similar_slot.html"
    duplicate_threshold = 90.0

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk or cleaned.get("confirm_different") or self.errors:
            return cleaned
        from .duplicates import likely_duplicates

        names = [cleaned.get(n) or "" for n in ("name_vi", "name_en", "name_local", "acronym")]
        names += cleaned.get("aliases") or []
        matches = likely_duplicates(
            names=names,
            country=cleaned.get("country") or "",
            subdivision=cleaned.get("subdivision") or "",
            threshold=self.duplicate_threshold,
        )
        if matches:
            self.fields["confirm_different"].widget = forms.CheckboxInput()
            self.duplicates = matches
            raise forms.ValidationError(
                _(
                    "This partner may already exist: %(names)s. Open it instead, or tick "
                    "“%(confirm)s” to save a new one."
                ),
                code="duplicate",
                params={
                    "names": "; ".join(
                        f"{p.name_vi}" + (f" ({p.name_en})" if p.name_en else "")
                        for p, _score in matches
                    ),
                    "confirm": self.fields["confirm_different"].label,
                },
            )
        return cleaned

    def clean_subdivision(self):
        """Accept a code or any known name ("Champasak", "Chăm-pa-sắc") and store the code."""
        from doingoai.core.countries import find_subdivision

        value = (self.cleaned_data.get("subdivision") or "").strip()
        country = self.cleaned_data.get("country")
        if value and country:
            code = find_subdivision(country, value)
            if code:
                return code
            if len(value) > 6:
                from doingoai.core.countries import country_name

                raise forms.ValidationError(
                    _("“%(value)s” is not a province or state of %(country)s (ISO 3166-2).")
                    % {"value": value, "country": country_name(country)}
                )
        return value


class PartnerContactForm(RecordForm):
    change_scoped_fields = ("partner",)

    class Meta:
        model = PartnerContact
        fields = ["partner", "name", "position", "email", "phone", "language", "notes"]
