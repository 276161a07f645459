import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.countries import country_choices
from doingoai.core.filters import RecordFilterSet, UnitSubtreeFilter, YearFilter

from .models import OverseasOrganization


class OverseasOrganizationFilterSet(RecordFilterSet):
    unit = UnitSubtreeFilter()
    country = django_filters.ChoiceFilter(label=_("country"), choices=country_choices)
    founded_year = YearFilter(label=_("founded in"), field_name="founded__year")

    class Meta:
        model = OverseasOrganization
        fields = ["q", "status", "country", "unit", "founded_with_support", "founded_year"]
