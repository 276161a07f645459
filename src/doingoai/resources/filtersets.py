import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.activities.models import Activity
from doingoai.agreements.models import Agreement
from doingoai.core.filters import RecordFilterSet, UnitSubtreeFilter, YearFilter
from doingoai.partners.models import Partner

from .models import ExchangeRate, Resource
from .selectors import resource_country


class ResourceFilterSet(RecordFilterSet):
    unit = UnitSubtreeFilter()
    partner = django_filters.ModelChoiceFilter(
        label=_("partner"), queryset=Partner.objects.all(), widget=forms.HiddenInput
    )
    agreement = django_filters.ModelChoiceFilter(
        label=_("agreement"), queryset=Agreement.objects.all(), widget=forms.HiddenInput
    )
    activity = django_filters.ModelChoiceFilter(
        label=_("activity"), queryset=Activity.objects.all(), widget=forms.HiddenInput
    )
    year = YearFilter(label=_("year"), field_name="date__year")
    date_after = django_filters.DateFilter(label=_("from"), field_name="date", lookup_expr="gte")
    date_before = django_filters.DateFilter(label=_("until"), field_name="date", lookup_expr="lte")
    partner_country = django_filters.CharFilter(
        label=_("partner country (ISO code)"), method="filter_partner_country"
    )
    no_rate = django_filters.BooleanFilter(
        label=_("without exchange rate"), field_name="amount_usd", lookup_expr="isnull"
    )

    class Meta:
        model = Resource
        fields = [
            "q",
            "direction",
            "kind",
            "stage",
            "currency",
            "unit",
            "partner",
            "agreement",
            "activity",
            "year",
            "date_after",
            "date_before",
            "no_rate",
            "partner_country",
        ]

    def filter_partner_country(self, qs, name, value):
        """The partner's country, else the country of the activity or agreement
        ("-": no country known)."""
        if not value:
            return qs
        code = "" if value.strip() == "-" else value.strip().upper()
        return qs.alias(partner_country=resource_country()).filter(partner_country=code)


class ExchangeRateFilterSet(RecordFilterSet):
    year = YearFilter(label=_("year"), field_name="date__year")

    class Meta:
        model = ExchangeRate
        fields = ["currency", "year"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(currency__iexact=value.strip()[:3])
