import datetime as dt

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from doingoai.core.filters import RecordFilterSet, UnitSubtreeFilter, YearFilter
from doingoai.core.text import fold
from doingoai.partners.models import Partner

from .models import Agreement, Commitment, Review, Status, status_q


class AgreementFilterSet(RecordFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=Status.choices, method="filter_status"
    )
    unit = UnitSubtreeFilter()
    partner = django_filters.ModelChoiceFilter(
        label=_("partner"),
        field_name="partners",
        queryset=Partner.objects.all(),
        widget=forms.HiddenInput,
    )
    partner_name = django_filters.CharFilter(label=_("partner name"), method="filter_partner")
    partner_country = django_filters.CharFilter(
        label=_("partner country (ISO code)"), method="filter_country"
    )
    signed_year = YearFilter(label=_("year signed"), field_name="signed_date__year")
    review_due = django_filters.BooleanFilter(
        label=_("review due or overdue"), method="filter_review_due"
    )
    signed_from = django_filters.DateFilter(
        label=_("signed from"), field_name="signed_date", lookup_expr="gte"
    )
    signed_to = django_filters.DateFilter(
        label=_("signed until"), field_name="signed_date", lookup_expr="lte"
    )
    renewal = django_filters.BooleanFilter(
        label=_("renews an earlier agreement"),
        field_name="renews",
        lookup_expr="isnull",
        exclude=True,
    )
    reviewed_from = django_filters.DateFilter(label=_("reviewed from"), method="filter_reviewed")
    reviewed_to = django_filters.DateFilter(label=_("reviewed until"), method="filter_reviewed")

    class Meta:
        model = Agreement
        fields = [
            "q",
            "status",
            "kind",
            "unit",
            "partner",
            "partner_name",
            "partner_country",
            "signed_year",
        ]

    def filter_partner(self, qs, name, value):
        from doingoai.core.text import fold

        words = fold(value).split()
        if not words:
            return qs
        partners = Partner.objects.all()
        for w in words:
            partners = partners.filter(search_text__contains=w)
        return qs.filter(partners__in=partners.values("pk")).distinct()

    def filter_status(self, qs, name, value):
        return qs.filter(status_q(value)) if value else qs

    def filter_country(self, qs, name, value):
        if not value:
            return qs
        return qs.filter(partners__country=value.upper()).distinct()

    def filter_reviewed(self, qs, name, value):
        """Agreements with a review held in [reviewed_from, reviewed_to]."""
        if name != "reviewed_from" and self.form.cleaned_data.get("reviewed_from"):
            return qs  # both bounds are applied once, by reviewed_from
        start = self.form.cleaned_data.get("reviewed_from")
        end = self.form.cleaned_data.get("reviewed_to")
        held = Review.objects.filter(held_date__isnull=False)
        if start:
            held = held.filter(held_date__gte=start)
        if end:
            held = held.filter(held_date__lte=end)
        return qs.filter(pk__in=held.values("agreement_id"))

    def filter_review_due(self, qs, name, value):
        if value is None:
            return qs
        due = Review.objects.filter(held_date__isnull=True, scheduled_date__lte=dt.date.today())
        if value:
            return qs.filter(pk__in=due.values("agreement_id"))
        return qs.exclude(pk__in=due.values("agreement_id"))


class CommitmentFilterSet(RecordFilterSet):
    class Meta:
        model = Commitment
        fields = ["agreement", "state"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(description__icontains=value) | Q(agreement__search_text__contains=fold(value))
        )


class ReviewFilterSet(RecordFilterSet):
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")
    unit = UnitSubtreeFilter(field_name="agreement__unit")
    scheduled_from = django_filters.DateFilter(
        label=_("due from"), field_name="scheduled_date", lookup_expr="gte"
    )
    scheduled_to = django_filters.DateFilter(
        label=_("due until"), field_name="scheduled_date", lookup_expr="lte"
    )
    on_time = django_filters.BooleanFilter(label=_("held by its due date"), method="filter_on_time")

    class Meta:
        model = Review
        fields = ["agreement", "kind", "state", "unit", "scheduled_from", "scheduled_to"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(findings__icontains=value) | Q(agreement__search_text__contains=fold(value))
        )

    def filter_overdue(self, qs, name, value):
        if value is None:
            return qs
        cond = {"held_date__isnull": True, "scheduled_date__lt": dt.date.today()}
        return qs.filter(**cond) if value else qs.exclude(**cond)

    def filter_on_time(self, qs, name, value):
        """Held, and by its due date (what the targets' review shares count)."""
        if value is None:
            return qs
        cond = Q(held_date__isnull=False, held_date__lte=F("scheduled_date"))
        return qs.filter(cond) if value else qs.exclude(cond)
