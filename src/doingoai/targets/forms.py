from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import RecordForm
from doingoai.core.pickers import chips

from .models import Target


class TargetForm(RecordForm):
    """A target of ``unit`` for ``period``: the measure, the value, and optionally the
    units below it that it is for (the choices: the units directly below)."""

    class Meta:
        model = Target
        fields = ["measure", "value", "units", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, unit, period, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.period = period
        from doingoai.organization.models import Unit

        below = Unit.objects.filter(parent=unit, successor__isnull=True).order_by("name")
        self.fields["units"].queryset = below
        self.fields["units"].widget = forms.SelectMultiple(attrs={"size": 6})
        self.fields["units"].widget.choices = self.fields["units"].choices
        chips(self.fields["units"])

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("A target cannot be negative."))
        return value

    def clean(self):
        data = super().clean()
        measure = data.get("measure")
        if self.period.term is None and self.period.year is None:
            raise forms.ValidationError(_("Choose a term or a year for the target."))
        clash = Target.objects.filter(unit=self.unit, measure=measure)
        clash = (
            clash.filter(year=self.period.year)
            if self.period.year
            else clash.filter(term=self.period.term)
        )
        if clash.exclude(pk=self.instance.pk).exists():
            self.add_error(
                "measure",
                _("%(unit)s already has a target of this measure for %(period)s: remove it first.")
                % {"unit": self.unit.name, "period": self.period.label},
            )
        return data
