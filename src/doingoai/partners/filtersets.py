import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.filters import RecordFilterSet
from doingoai.organization.models import Unit

from .models import Partner, PartnerContact


class PartnerFilterSet(RecordFilterSet):
    country = django_filters.ChoiceFilter(label=_("country"), choices=country_choices)
    unit = django_filters.ModelChoiceFilter(label=_("added by unit"),
                                            queryset=Unit.objects.all())

    class Meta:
        model = Partner
        fields = ["q", "kind", "country", "subdivision", "level", "unit"]


class PartnerContactFilterSet(RecordFilterSet):
    class Meta:
        model = PartnerContact
        fields = ["partner"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(name__icontains=value)
