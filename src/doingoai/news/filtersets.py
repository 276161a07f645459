import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.filters import RecordFilterSet, UnitSubtreeFilter, YearFilter

from .models import NewsItem


class NewsItemFilterSet(RecordFilterSet):
    unit = UnitSubtreeFilter()
    year = YearFilter(label=_("year"), field_name="published__year")
    published_after = django_filters.DateFilter(
        label=_("from"), field_name="published", lookup_expr="gte"
    )
    published_before = django_filters.DateFilter(
        label=_("until"), field_name="published", lookup_expr="lte"
    )
    draft = django_filters.BooleanFilter(label=_("draft"), method="filter_draft")
    linked = django_filters.BooleanFilter(
        label=_("with its activity recorded"),
        field_name="activity",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = NewsItem
        fields = [
            "q",
            "status",
            "draft",
            "unit",
            "year",
            "published_after",
            "published_before",
            "linked",
        ]

    def filter_draft(self, qs, name, value):
        """Drafts only (true) or everything but drafts (false: what the figures count)."""
        if value is None:
            return qs
        draft = Q(status=NewsItem.Status.DRAFT)
        return qs.filter(draft) if value else qs.exclude(draft)
