import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.filters import CountryFilter, RecordFilterSet
from doingoai.organization.models import Unit

from .models import Partner, PartnerContact
from .selectors import engaged_partners, new_partners


class PartnerFilterSet(RecordFilterSet):
    country = CountryFilter(label=_("country"), choices=country_choices)
    unit = django_filters.ModelChoiceFilter(label=_("added by unit"), queryset=Unit.objects.all())

    worked_unit = django_filters.ModelChoiceFilter(
        label=_("worked with unit (and the units below)"),
        queryset=Unit.objects.all(),
        method="filter_worked",
    )
    worked_from = django_filters.DateFilter(label=_("worked with from"), method="filter_noop")
    worked_to = django_filters.DateFilter(label=_("worked with until"), method="filter_noop")
    new = django_filters.BooleanFilter(
        label=_("new partners only (with the dates)"), method="filter_noop"
    )

    class Meta:
        model = Partner
        fields = [
            "q",
            "kind",
            "country",
            "subdivision",
            "level",
            "unit",
            "worked_unit",
            "worked_from",
            "worked_to",
            "new",
        ]

    def filter_noop(self, qs, name, value):
        return qs

    def filter_worked(self, qs, name, value):
        """Partners the unit's subtree worked with (activities, agreements, resources in
        the user's scope) in the dates; with ``new``, for the first time."""
        if not value:
            return qs
        user = getattr(self.request, "user", None)
        start = self.form.cleaned_data.get("worked_from")
        end = self.form.cleaned_data.get("worked_to")
        if self.form.cleaned_data.get("new") and start:
            found = new_partners(value, user, start, end)
        else:
            found = engaged_partners(value, user, start, end)
        return qs.filter(pk__in=found.values("pk"))


class PartnerContactFilterSet(RecordFilterSet):
    class Meta:
        model = PartnerContact
        fields = ["partner"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value)
