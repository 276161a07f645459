"""One filter definition per model serves the list page, the export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .text import fold


class RecordFilterSet(django_filters.FilterSet):
    """Base filterset: a free-text ``q`` over the record's folded search text."""

    q = django_filters.CharFilter(method="filter_q", label=_("Contains"))

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        for f in self.filters.values():
            qs = f.extra.get("queryset")
            if qs is not None and user is not None and hasattr(qs, "restrict"):
                f.extra["queryset"] = qs.restrict(user, "view")
        for field in self.form.fields.values():
            if isinstance(field.widget, forms.SelectMultiple):
                field.widget.attrs.setdefault("size", 4)
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def filter_q(self, queryset, name, value):
        from .search import filter_queryset

        found = filter_queryset(queryset, value)  # the search index: any spelling, fast
        if found is not None:
            return found
        words = fold(value).split()
        if not words:
            return queryset
        if not hasattr(queryset.model, "search_text"):
            return queryset
        cond = Q()
        for word in words:
            cond &= Q(search_text__contains=word)
        return queryset.filter(cond)


def filterset_factory(model, fields):
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}FilterSet", (RecordFilterSet,), {"Meta": meta})
