from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.dates import TypedDateField
from doingoai.core.forms import RecordForm, TagsField, date_order_error

from .models import Agreement, Commitment, Review


class AgreementForm(RecordForm):
    areas = TagsField(
        label=_("areas of cooperation"), required=False, help_text=_("Separated by commas.")
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "kind",
            "reference",
            "unit",
            "units",
            "partners",
            "signed_date",
            "signed_place",
            "start_date",
            "end_date",
            "status_override",
            "areas",
            "summary",
            "renews",
            "shared_with",
            "notes",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if not self.instance.pk and user is not None and user.unit_id and not self.is_bound:
            if not self.initial.get("units"):
                self.initial["units"] = [user.unit_id]
        self.fields["partners"].queryset = self.fields["partners"].queryset.only("id", "name_vi")
        self.fields["shared_with"].queryset = self.fields[
            "shared_with"
        ].queryset.model.objects.filter(valid_to__isnull=True, level__in=["central", "province"])
        if self.instance.pk:
            self.fields["renews"].queryset = self.fields["renews"].queryset.exclude(
                pk=self.instance.pk
            )

    def clean(self):
        data = super().clean()
        opts = Agreement._meta
        for start, end in (("start_date", "end_date"), ("signed_date", "end_date")):
            msg = date_order_error(
                data.get(start),
                data.get(end),
                start_label=opts.get_field(start).verbose_name,
                end_label=opts.get_field(end).verbose_name,
            )
            if msg and not self.has_error("end_date"):
                self.add_error("end_date", msg)
        if "units" in self.fields and not data.get("units"):
            self.add_error("units", _("An agreement needs at least one Vietnamese party."))
        if "partners" in self.fields and not data.get("partners"):
            self.add_error("partners", _("An agreement needs at least one partner party."))
        return data


class CommitmentForm(RecordForm):
    change_scoped_fields = ("agreement",)

    class Meta:
        model = Commitment
        fields = ["agreement", "description", "responsible", "due_date", "state", "notes"]


class ReviewForm(RecordForm):
    change_scoped_fields = ("agreement",)

    class Meta:
        model = Review
        fields = ["agreement", "kind", "scheduled_date", "held_date", "findings", "rating", "notes"]

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.state == Review.State.CLOSED:
            raise forms.ValidationError(_("This review is closed and can no longer be changed."))
        if self.instance.pk and "scheduled_date" in self.changed_data:
            self.instance.auto_scheduled = False
        return data


class RenewForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=400)
    signed_date = TypedDateField(label=_("signed on"), required=False)
    start_date = TypedDateField(label=_("start date"))
    end_date = TypedDateField(label=_("end date"))

    def clean(self):
        data = super().clean()
        msg = date_order_error(
            data.get("start_date"),
            data.get("end_date"),
            start_label=_("start date"),
            end_label=_("end date"),
        )
        if msg:
            self.add_error("end_date", msg)
        return data


class TerminateForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea, required=True)
