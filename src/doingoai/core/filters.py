"""One filter definition per model serves the list page, the export and the API."""

from __future__ import annotations

import copy

import django_filters
from django import forms
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .dates import DateError, DateInput, TypedDateField, parse_date
from .pickers import PickerMixin, attach, has_validity, valid_on, wants_historical
from .text import fold


class FastSelectMixin:
    """Renders the options in Python instead of one template per option: Django's
    template-per-option rendering made the filter form (a thousand units, two hundred
    countries) most of a list page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        if self.allow_multiple_selected:
            final["multiple"] = True
        selected = {str(v) for v in self.format_value(value)}
        out = []

        def option(v, label):
            v = "" if v is None else str(v)
            sel = " selected" if v in selected else ""
            out.append(f'<option value="{escape(v)}"{sel}>{escape(label)}</option>')

        for v, label in self.choices:
            if isinstance(label, (list, tuple)):
                out.append(f'<optgroup label="{escape(v)}">')
                for sub_v, sub_label in label:
                    option(sub_v, sub_label)
                out.append("</optgroup>")
            else:
                option(v, label)
        return mark_safe(f"<select{flatatt(final)}>{''.join(out)}</select>")


class FastSelect(FastSelectMixin, forms.Select):
    pass


class FastSelectMultiple(FastSelectMixin, forms.SelectMultiple):
    pass


FAST_WIDGETS = {forms.Select: FastSelect, forms.SelectMultiple: FastSelectMultiple}


class FastPickerSelect(PickerMixin, FastSelect):
    pass


class FastPickerSelectMultiple(PickerMixin, FastSelectMultiple):
    pass


FAST_PICKERS = {FastSelect: FastPickerSelect, FastSelectMultiple: FastPickerSelectMultiple}


class UnitSubtreeFilter(django_filters.ModelChoiceFilter):
    """A unit with the units below it and those merged into them (a ``path`` prefix)."""

    def __init__(self, *args, **kwargs):
        from .scope import unit_model

        kwargs.setdefault("label", _("unit (with the units below)"))
        kwargs.setdefault("queryset", unit_model().objects.all())
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        from .scope import under

        return qs.filter(under(value.path, self.field_name))


#: the years a record may be dated in (a year filter outside them is a message, not a 500)
FIRST_YEAR, LAST_YEAR = 1900, 2100


class YearFilter(django_filters.NumberFilter):
    """A year of a date field (``field_name="start_date__year"``), between FIRST_YEAR and
    LAST_YEAR."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("year"))
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)

    field_class = forms.IntegerField


def restrict_choices(f, user) -> None:
    """Narrow a filter's choices to what ``user`` may see.

    django-filter's model choice filters keep their queryset in ``f.queryset``
    (``QuerySetRequestMixin``) and copy it into ``extra`` when the form field is built,
    so narrowing ``extra`` alone is undone: both are narrowed. Without a user (no
    request) nothing is offered."""
    qs = getattr(f, "queryset", None)
    if qs is None:
        qs = f.extra.get("queryset")
    if qs is None or callable(qs) or not hasattr(qs, "restrict"):
        return
    from .registry import in_order

    narrowed = qs.restrict(user, "view") if user is not None else qs.none()
    narrowed = in_order(narrowed)  # names in Vietnamese order
    if isinstance(f, django_filters.filters.QuerySetRequestMixin):
        f.queryset = narrowed
    f.extra["queryset"] = narrowed


class HistoricalFilter(django_filters.Filter):
    """The checkbox "show dissolved and merged units too": it changes the unit choices
    offered, not the rows."""

    field_class = forms.BooleanField

    def filter(self, qs, value):
        return qs


def narrows(filterset) -> bool:
    """Does a filterset narrow its list: a filter given a value (or one not valid: the
    list is then empty)? An empty value filters nothing (django-filter's
    ``EMPTY_VALUES``), nor does ``historical``."""
    from django_filters.constants import EMPTY_VALUES

    if not filterset.is_bound:
        return False
    if not filterset.is_valid():
        return True
    return any(
        value not in EMPTY_VALUES and not isinstance(filterset.filters[name], HistoricalFilter)
        for name, value in filterset.form.cleaned_data.items()
    )


def period_days(filterset) -> list:
    """The first and last days of the period a list is filtered on (its year filters,
    its date filters), empty when it names none: the units offered are those valid then."""
    import datetime as dt

    data = filterset.data
    days, open_ended = [], None
    for name, f in filterset.filters.items():
        value = data.get(name) if hasattr(data, "get") else None
        if not value:
            continue
        if isinstance(f, YearFilter):
            try:
                year = int(value)
            except (TypeError, ValueError):
                continue
            if FIRST_YEAR <= year <= LAST_YEAR:
                days += [dt.date(year, 1, 1), dt.date(year, 12, 31)]
        elif isinstance(f, django_filters.DateFilter):
            try:
                days.append(parse_date(value))
            except (DateError, TypeError, ValueError):
                continue
            if f.lookup_expr in ("gt", "gte"):
                open_ended = True if open_ended is None else open_ended
            elif f.lookup_expr in ("lt", "lte"):
                open_ended = False
    if open_ended:  # "from" a date with no end: up to today
        from django.utils import timezone

        days.append(timezone.localdate())
    return days


def offer_valid_units(filterset) -> None:
    """Unit choices offer the units valid in the period the list is filtered on (today
    when it names none), and those the filter already names (a saved link to a merged
    unit keeps working); the ``historical`` checkbox, added where there are unit
    choices, offers every unit."""
    historical = wants_historical(filterset.data)
    found = False
    for name, f in list(filterset.filters.items()):
        qs = f.extra.get("queryset")
        if qs is None or callable(qs) or not has_validity(qs.model):
            continue
        found = True
        if historical:
            continue
        data = filterset.data
        keep = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        narrowed = valid_on(qs, *period_days(filterset), keep=keep)
        if isinstance(f, django_filters.filters.QuerySetRequestMixin):
            f.queryset = narrowed
        f.extra["queryset"] = narrowed
    if found and "historical" not in filterset.filters:
        f = HistoricalFilter(label=_("Show dissolved and merged units too"))
        f.field_name, f.model, f.parent = "historical", filterset._meta.model, filterset
        filterset.filters["historical"] = f


def vietnamese_field(field: forms.Field) -> None:
    """A filter's date typed and shown dd/mm/yyyy whatever the browser (``core.dates``);
    a yes/no filter left open says "Tất cả" (all), not "Chưa xác định" (unknown)."""
    if isinstance(field, forms.DateField):
        field.__class__ = TypedDateField
        field.widget = DateInput()
    elif isinstance(field, forms.NullBooleanField):
        field.widget.choices = [("unknown", _("All")), ("true", _("Yes")), ("false", _("No"))]


class CountryChoiceField(django_filters.fields.ChoiceField):
    """A country chosen, or typed in a link or the API as a code or a name ("LA", "Lào",
    "Laos"); a name that is no country is a message, not an empty list."""

    def to_python(self, value):
        value = super().to_python(value)
        if value and not self.valid_value(value):
            from .countries import find_country

            value = find_country(value) or value
        return value


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryChoiceField


def fresh_filter(f: django_filters.Filter) -> django_filters.Filter:
    """A filterset's own copy of a declared filter, as ``copy.deepcopy`` made it for
    every list page (a third of its filter form's time): the filter's attributes
    shared, but not its form field (made per filterset), its keyword arguments (which
    ``restrict_choices`` narrows) nor its querysets (cloned: one evaluated is never
    another page's)."""
    from django.db.models import QuerySet

    new = copy.copy(f)
    new.__dict__.pop("_field", None)
    if isinstance(new.__dict__.get("filter"), django_filters.filters.FilterMethod):
        new.filter = django_filters.filters.FilterMethod(new)  # the copy's parent's method
    new.extra = {k: v.all() if isinstance(v, QuerySet) else v for k, v in f.extra.items()}
    if isinstance(new.__dict__.get("queryset"), QuerySet):
        new.queryset = new.queryset.all()
    return new


class DeclaredFilters(dict):
    """A filterset class's ``base_filters``, copied for each filterset by ``fresh_filter``."""

    def __deepcopy__(self, memo):
        return {name: fresh_filter(f) for name, f in self.items()}


class OwnFields(dict):
    """The fields of a filterset's form class, made for that filterset alone (from its
    own filters): its form takes them as they are instead of deep-copying them."""

    def __deepcopy__(self, memo):
        return dict(self)


class RecordFilterSet(django_filters.FilterSet):
    """Base filterset: a free-text ``q`` over the record's folded search text."""

    q = django_filters.CharFilter(method="filter_q", label=_("Contains"))

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        cls = type(self)
        if not isinstance(cls.__dict__.get("base_filters"), DeclaredFilters):
            cls.base_filters = DeclaredFilters(cls.base_filters)
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        for f in self.filters.values():
            restrict_choices(f, user)
        offer_valid_units(self)  # units valid today; the others on request
        for name, field in self.form.fields.items():
            fast = FAST_WIDGETS.get(type(field.widget))
            if fast is not None:
                field.widget.__class__ = fast
            # many choices (units, partners): a type-ahead picker
            if attach(field, name, widgets=FAST_PICKERS) and wants_historical(self.data):
                field.widget.picker_historical = True
            if isinstance(field.widget, forms.SelectMultiple):
                field.widget.attrs.setdefault("size", 4)
            vietnamese_field(field)  # dd/mm/yyyy dates, "Tất cả" for yes/no

    def get_form_class(self):
        form = super().get_form_class()
        form.base_fields = OwnFields(form.base_fields)
        return form

    def filter_q(self, queryset, name, value):
        from .searchindex import filter_queryset

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


def offered_models(filterset) -> set:
    """The models whose records ``filterset``'s form offers as choices (a hidden field
    prints its value only; the record it names is read when the form is checked)."""
    return {
        field.queryset.model
        for field in filterset.form.fields.values()
        if getattr(field, "queryset", None) is not None and not field.widget.is_hidden
    }


class FilterFields:
    """The fields of a list's filter form as HTML, kept in the cache across changes of
    other records: they depend on the query string, the reader's scope (unit, role),
    the language, the day (units valid today) and the records their choices list (the
    units, the partners: the versions of those models' apps; a hidden field prints its
    value only), not on the listed records.
    After an activity is saved the list's page is rendered again but its filter form
    (a thousand units and two hundred countries to render as options) is not.

    Rendered when the template prints it: the HTMX results alone never build it."""

    TEMPLATE = "generic/filter_fields.html"

    def __init__(self, request, slug: str, filterset, also: tuple = (), fresh=None):
        self.request = request
        self.slug = slug
        self.filterset = filterset
        #: topics read with its own, for the page's other parts (its table's rows)
        self.also = also
        #: a filterset of its own to render, when ``filterset`` is shared (kept)
        self.fresh = fresh

    def key(self) -> str:
        import hashlib

        from django.contrib.auth import get_user_model
        from django.utils import timezone, translation

        from .models import topic_versions_once

        models = offered_models(self.filterset)
        topics = sorted({m._meta.app_label for m in models})
        user = self.request.user
        parts = (
            "filters",
            self.slug,
            "-".join(map(str, topic_versions_once(*topics, *self.also)[: len(topics)])),
            timezone.localdate().isoformat(),
            translation.get_language(),
            user.unit_id or "",
            user.role,
            int(user.is_superuser),
            # a choice of users is the reader's own (her scope of accounts)
            user.pk if get_user_model() in models else "",
            self.request.GET.urlencode(),
        )
        return "filters:" + hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()

    def render(self) -> str:
        from django.template.loader import render_to_string

        filterset = self.fresh() if self.fresh is not None else self.filterset
        return render_to_string(self.TEMPLATE, {"form": filterset.form}, self.request)

    def __str__(self) -> str:
        from .caching import get_or_compute
        from .pagecache import enabled

        if not enabled():
            return self.render()
        return mark_safe(get_or_compute(self.key(), self.render))

    def __html__(self) -> str:
        return str(self)
