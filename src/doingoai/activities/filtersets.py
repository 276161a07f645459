import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.agreements.models import Agreement
from doingoai.core.countries import country_choices
from doingoai.core.filters import CountryFilter, RecordFilterSet, UnitSubtreeFilter, YearFilter
from doingoai.partners.models import Partner

from .models import Activity


class ActivityFilterSet(RecordFilterSet):
    unit = UnitSubtreeFilter()
    partner = django_filters.ModelChoiceFilter(
        label=_("partner"),
        field_name="partners",
        queryset=Partner.objects.all(),
        widget=forms.HiddenInput,
    )
    agreement = django_filters.ModelChoiceFilter(
        label=_("agreement"),
        field_name="agreements",
        queryset=Agreement.objects.all(),
        widget=forms.HiddenInput,
    )
    country = CountryFilter(label=_("country"), choices=country_choices, method="filter_country")
    year = YearFilter(label=_("year"), field_name="start_date__year")
    start_after = django_filters.DateFilter(
        label=_("from"), field_name="start_date", lookup_expr="gte"
    )
    start_before = django_filters.DateFilter(
        label=_("until"), field_name="start_date", lookup_expr="lte"
    )
    with_partners = django_filters.BooleanFilter(
        label=_("with international partners"), method="filter_with_partners"
    )
    took_place = django_filters.BooleanFilter(
        label=_("took place"),
        method="filter_took_place",
        help_text=_("Not a plan, refused or cancelled, as the targets count."),
    )

    class Meta:
        model = Activity
        fields = [
            "q",
            "kind",
            "state",
            "format",
            "unit",
            "partner",
            "agreement",
            "country",
            "year",
            "start_after",
            "start_before",
            "with_partners",
            "took_place",
        ]

    def filter_country(self, qs, name, value):
        if not value:
            return qs
        return qs.filter(places__country=value.upper()).distinct()

    def filter_took_place(self, qs, name, value):
        from .delegation import NOT_HELD

        if value is None:
            return qs
        return qs.exclude(state__in=NOT_HELD) if value else qs.filter(state__in=NOT_HELD)

    def filter_with_partners(self, qs, name, value):
        if value is None:
            return qs
        from django.db.models import Exists, OuterRef

        linked = Exists(Activity.partners.through.objects.filter(activity_id=OuterRef("pk")))
        return qs.filter(linked) if value else qs.exclude(linked)
